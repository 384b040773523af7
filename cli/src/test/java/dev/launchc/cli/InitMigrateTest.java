package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InitMigrateTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "init --target {0} {1}")
    @CsvSource({"1.28,''", "1.28,--gpu", "1.28,--airgapped", "1.32,''", "1.32,--gpu", "1.32,--airgapped",
        "1.36,''", "1.36,--gpu", "1.36,--airgapped"})
    void starterFilesLintCleanWithoutWarnings(String track, String flag) throws IOException {
        Path file = tmp.resolve("cluster.yaml");
        String[] args = flag.isEmpty() ? new String[] {"init", "--target", track, "-o", file.toString()}
                : new String[] {"init", "--target", track, flag, "-o", file.toString()};
        assertEquals(0, CliContractTest.run(args).code());
        assertTrue(Files.readString(file).startsWith("# yaml-language-server: $schema="));
        CliContractTest.Run lint = CliContractTest.run("lint", "--strict", file.toString());
        assertEquals(0, lint.code(), lint.out());
        assertEquals(2, CliContractTest.run("init", "-o", file.toString()).code(), "init never overwrites");
    }

    @Test
    void gpuAndAirgappedTogetherIsRefused() {
        CliContractTest.Run r = CliContractTest.run("init", "--gpu", "--airgapped");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("LC3013"));
    }

    @Test
    void migrateChangesOnlyTheVersionsAndKeepsComments() throws IOException {
        String before = "# site A\n---\nversion: 0.1.0 # old\naddons:\n  - name: dns  # keep me\n---\nversion: \"0.1.0\"\n"
                + "extraKubeletArgs:\n  --max-pods: \"200\"\n";
        Path file = tmp.resolve("old.yaml");
        Files.writeString(file, before);
        CliContractTest.Run r = CliContractTest.run("migrate", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(before.replace("version: 0.1.0", "version: 0.2.0").replace("\"0.1.0\"", "\"0.2.0\""), r.out());
        assertEquals(0, CliContractTest.run("migrate", "-i", file.toString()).code());
        assertEquals(r.out(), Files.readString(file));
        assertEquals(0, CliContractTest.run("lint", "--strict", file.toString()).code());
    }

    /** Lint rejects a document that is not a mapping (LC1001); migrate did print it back unchanged, with exit 0. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "- a\\n- b\\n|1:1|a list",
        "hello\\n|1:1|a string",
        "version: 0.1.0\\n---\\n- x\\n|3:1|a list",
        "version: 0.1.0\\n---\\ntrue\\n|3:1|a boolean"})
    void aDocumentThatIsNotAMappingIsNotMigrated(String escaped, String at, String kind) throws IOException {
        String text = escaped.replace("\\n", "\n");
        Path file = tmp.resolve("not-a-config.yaml");
        Files.writeString(file, text);
        CliContractTest.Run r = CliContractTest.run("migrate", file.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains(file + ":" + at + ": error: the document must be a mapping, not " + kind + " [LC1001]")
                && r.err().contains("launchc: not migrated"), r.err());
        CliContractTest.Run lint = CliContractTest.run("lint", file.toString());
        assertEquals(1, lint.code(), lint.out());
        assertTrue(lint.out().contains(file + ":" + at + ": error: the document must be a mapping, not " + kind + " [LC1001]"),
                "lint says the same: " + lint.out());
        assertEquals(1, CliContractTest.run("migrate", "-i", file.toString()).code());
        assertEquals(text, Files.readString(file), "-i leaves the file alone");
        // An empty document, or one that is null, is no config and no error either: nothing to rewrite.
        Files.writeString(file, "version: 0.1.0\n---\n~\n");
        assertEquals(0, CliContractTest.run("migrate", file.toString()).code());
    }
}
