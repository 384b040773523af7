package dev.launchc.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** JsonTrees reads every packaged JSON file into the tree that Jackson's ObjectMapper reads. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyCatalogFileAndSchemaReadsAsObjectMapperReadsIt() throws IOException, URISyntaxException {
        // Located through a file each: the test classes have folders of the same names.
        Path catalog = resource("/dev/launchc/catalog/index.json").getParent();
        Path schemas = resource("/schema/native/0.2.0.json").getParent().getParent();
        List<Path> files = Stream.concat(jsonFiles(catalog), jsonFiles(schemas)).toList();
        assertTrue(files.size() > 20, "found only " + files);
        for (Path file : files) {
            try (InputStream ours = Files.newInputStream(file)) {
                assertEquals(MAPPER.readTree(file.toFile()), JsonTrees.read(ours), file.toString());
            }
        }
    }

    @Test
    void scalarsKeepTheirTypes() throws IOException {
        String json = "{\"i\":1,\"l\":12345678901,\"b\":123456789012345678901234567890,\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,\"s\":\"x\",\"a\":[[],{}]}";
        assertEquals(MAPPER.readTree(json), read(json));
    }

    /** TOML through its factory reads as TomlMapper reads it, big floats included. */
    @Test
    void tomlReadsAsTomlMapperReadsIt() throws IOException {
        String toml = "server = \"https://r.example\"\nratio = 1e400\n[host.\"https://m.example\"]\n  capabilities = [\"pull\"]\n  n = 3\n";
        assertEquals(new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(toml),
                JsonTrees.read(new com.fasterxml.jackson.dataformat.toml.TomlFactory().createParser(toml)));
    }

    @Test
    void brokenOrTrailingJsonIsRefused() {
        assertThrows(IOException.class, () -> read("{\"a\": 1"));
        assertThrows(IOException.class, () -> read("{} {}"));
    }

    @Test
    void emptyInputIsMissing() throws IOException {
        assertTrue(read("").isMissingNode());
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) throws IOException {
        return JsonTrees.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(JsonTreesTest.class.getResource(name).toURI());
    }

    private static Stream<Path> jsonFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json")).toList().stream();
        }
    }
}
