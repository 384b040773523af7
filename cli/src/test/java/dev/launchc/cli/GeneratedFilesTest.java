package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs -o and schema -o never write through a symbolic link below DIR, nor onto anything but a
 * regular file; a refusal writes nothing. Before, both followed the link and replaced the file it
 * led to with exit 0.
 */
class GeneratedFilesTest {
    @TempDir
    Path tmp;

    @Test
    void schemaDoesNotWriteThroughALinkedFolder() throws IOException {
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(victim.resolve("0.1.0.json"), "precious");
        Path out = Files.createDirectories(tmp.resolve("schemas"));
        Files.createSymbolicLink(out.resolve("native"), victim);
        CliRun r = CliRun.of("schema", "-o", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("native is a symbolic link; refusing to follow it; nothing written"), r.err());
        assertEquals("precious", Files.readString(victim.resolve("0.1.0.json")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(1, s.count(), "nothing else was written either");
        }
    }

    @Test
    void docsDoesNotWriteThroughALinkedPageNorOntoAFolder() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious");
        Path out = Files.createDirectories(tmp.resolve("docs"));
        Files.createSymbolicLink(out.resolve("codes.md"), victim);
        CliRun r = CliRun.of("docs", "-o", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("codes.md is a symbolic link"), r.err());
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.exists(out.resolve("README.md")), "a refusal writes no page at all");
        Files.delete(out.resolve("codes.md"));
        Files.createDirectories(out.resolve("codes.md"));
        CliRun folder = CliRun.of("docs", "-o", out.toString());
        assertEquals(2, folder.exitCode(), folder.err());
        assertTrue(folder.err().contains("exists and is not a regular file"), folder.err());
    }

    @Test
    void pagesWrittenBeforeAreReplacedAndNoTemporaryFileStays() throws IOException {
        Path out = tmp.resolve("docs");
        assertEquals(0, CliRun.of("docs", "-o", out.toString()).exitCode());
        Files.writeString(out.resolve("codes.md"), "# Diagnostic codes\n\nGenerated from the code registry; do not edit.\nstale\n");
        CliRun again = CliRun.of("docs", "-o", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(Files.readString(out.resolve("codes.md")).contains("stale"), "the stale page was replaced");
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file stays");
        }
    }

    /** launchc never overwrites what it did not write: a user's file named like a page stays, and nothing is written. */
    @Test
    void aUsersFileNamedLikeAPageIsNeverReplaced() throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("codes.md"), "# Our error codes\n\nWritten by hand.\n");
        CliRun r = CliRun.of("docs", "-o", docs.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("codes.md exists and is not a page launchc wrote"), r.err());
        assertEquals("# Our error codes\n\nWritten by hand.\n", Files.readString(docs.resolve("codes.md")));
        assertFalse(Files.exists(docs.resolve("README.md")), "a refusal writes no page at all");

        Path schemas = Files.createDirectories(tmp.resolve("schemas/native"));
        Files.writeString(schemas.resolve("0.2.0.json"), "{\"$id\": \"https://example.com/ours.json\"}\n");
        CliRun schema = CliRun.of("schema", "-o", tmp.resolve("schemas").toString());
        assertEquals(2, schema.exitCode(), schema.err());
        assertTrue(schema.err().contains("0.2.0.json exists and is not a page launchc wrote"), schema.err());
        assertEquals("{\"$id\": \"https://example.com/ours.json\"}\n", Files.readString(schemas.resolve("0.2.0.json")));
        // Its own schemas, written before, it replaces.
        Files.delete(schemas.resolve("0.2.0.json"));
        assertEquals(0, CliRun.of("schema", "-o", tmp.resolve("schemas").toString()).exitCode());
        Files.writeString(schemas.resolve("0.2.0.json"), Files.readString(schemas.resolve("0.2.0.json")).replace("\"title\"", "\"old\""));
        assertEquals(0, CliRun.of("schema", "-o", tmp.resolve("schemas").toString()).exitCode());
        assertFalse(Files.readString(schemas.resolve("0.2.0.json")).contains("\"old\""));
    }
}
