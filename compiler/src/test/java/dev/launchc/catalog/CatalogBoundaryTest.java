package dev.launchc.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog's boundary in the compiler's sources (issue 16): catalog data leaves catalog/ only as
 * typed records, and the rules reach the image inventory without importing the compile pipeline.
 * Reads the sources as text; Maven runs the tests in the module's folder.
 */
class CatalogBoundaryTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/launchc");
    private static final Pattern PUBLIC_JSON = Pattern.compile("^\\s*public\\b[^=]*\\bJsonNode\\b");

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noPublicSignatureOfTheCatalogHandsOutJson() {
        assertTrue(Files.isDirectory(SOURCES.resolve("catalog")), "run from the compiler module: " + SOURCES.toAbsolutePath());
        List<String> leaks = javaFiles(SOURCES.resolve("catalog")).stream()
                .flatMap(f -> lines(f).stream().filter(l -> PUBLIC_JSON.matcher(l).find()).map(l -> f.getFileName() + ": " + l.strip()))
                .toList();
        assertEquals(List.of(), leaks);
    }

    @Test
    void rulesAndTheImageInventoryImportNothingFromTheCompilePipeline() {
        List<String> upward = Stream.of("rules", "images", "catalog")
                .flatMap(p -> javaFiles(SOURCES.resolve(p)).stream())
                .filter(f -> lines(f).stream().anyMatch(l -> l.startsWith("import dev.launchc.compile.")))
                .map(f -> SOURCES.relativize(f).toString()).toList();
        assertEquals(List.of(), upward);
    }
}
