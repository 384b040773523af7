package dev.launchc.hostile;

import dev.launchc.pipeline.PipelineFixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Raw bytes through {@code launchc migrate} and {@code migrate -i}: whatever the bytes, migrate
 * ends with exit 0 or 1 (never a trace, never an internal error), a file it cannot read or that
 * is not a mapping is left byte for byte as it was, the in-place rewrite equals what it prints,
 * migrating twice changes nothing more, and no temporary file stays beside the input. Seeds:
 * {@code MigrateFuzzTestInputs/migrate/}.
 */
class MigrateFuzzTest {
    private static final Path DIR = PipelineFixtures.tempDir("launchc-migrate-fuzz-");

    @FuzzTest(maxDuration = Cli.BUDGET)
    void migrate(byte[] bytes) throws IOException {
        Path file = PipelineFixtures.write(DIR.resolve("node.yaml"), bytes);
        try {
            Cli.Run printed = Cli.run("migrate", file.toString());
            assertTrue(printed.code() == 0 || printed.code() == 1, printed::describe);
            assertTrue(printed.clean(), printed::describe);
            Cli.Run inPlace = Cli.run("migrate", "-i", file.toString());
            assertEquals(printed.code(), inPlace.code(), inPlace::describe);
            assertTrue(inPlace.clean(), inPlace::describe);
            byte[] after = Files.readAllBytes(file);
            if (printed.code() != 0) {
                // A loader finding, or a document that is not a mapping (LC1001, as lint says).
                assertTrue(printed.err().contains("[LC0") || printed.err().contains("the document must be a mapping, not ")
                        && printed.err().contains("[LC1001]"), () -> "no loader finding: " + printed.describe());
                assertEquals(latin1(bytes), latin1(after), "a file migrate could not read was changed");
            } else {
                String text = new String(after, StandardCharsets.UTF_8);
                assertEquals(printed.out(), text.startsWith("\uFEFF") ? text.substring(1) : text, "-i wrote other bytes than it prints");
                Cli.Run again = Cli.run("migrate", file.toString());
                assertEquals(0, again.code(), again::describe);
                assertEquals(printed.out(), again.out(), "a second migrate changed the file again");
            }
            try (Stream<Path> s = Files.list(DIR)) {
                assertEquals(1, s.count(), "a temporary file was left beside the input");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
