package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments are searched in place (sorted keys, binary search): every stored key is found with its own result, no other key is. */
class LintCacheSegmentTest {
    private static final String CONTEXT = "a test context";

    @TempDir
    Path tmp;

    private LintOptions.Choice choice() {
        return LintOptions.defaults().choice(tmp.resolve("any.yaml"));
    }

    private static LintCache.Key key(LintCache cache, LintOptions.Choice choice, String name, int content) {
        return cache.key(name, true, choice, LintCache.contentDigest(("content " + content).getBytes(StandardCharsets.UTF_8)));
    }

    private static FileLint linted(String name, String message) {
        return new FileLint(name, "native", List.of(new Diagnostic("LC1001", Severity.ERROR, message, name, 1, 1, "$", null)), null, null);
    }

    private long segmentCount(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.getFileName().toString().startsWith("seg-")).count();
        }
    }

    @Test
    void everyKeyOfEverySegmentIsFoundWithItsOwnResultAndTheNewestWins() throws IOException {
        Path dir = tmp.resolve("cache");
        LintOptions.Choice choice = choice();
        LintCache first = LintCache.prepare(dir, CONTEXT).open();
        for (int i = 0; i < 1_000; i++) {
            first.put(key(first, choice, "f" + i, i), i % 3 == 0 ? null : linted("f" + i, "result " + i));
        }
        first.save();
        LintCache second = LintCache.prepare(dir, CONTEXT).open();
        for (int i = 1_000; i < 1_500; i++) {
            second.put(key(second, choice, "f" + i, i), linted("f" + i, "result " + i));
        }
        second.put(key(second, choice, "f1", 1), linted("f1", "newer result 1"));
        second.save();
        assertEquals(2, segmentCount(dir));

        LintCache cache = LintCache.prepare(dir, CONTEXT).open();
        for (int i = 0; i < 1_500; i++) {
            LintCache.Result r = cache.get(key(cache, choice, "f" + i, i));
            assertNotNull(r, "key " + i);
            if (i % 3 == 0 && i < 1_000) {
                assertNull(r.kind(), "a skipped file: " + i);
            } else {
                assertEquals(i == 1 ? "newer result 1" : "result " + i, r.diagnostics().get(0).message());
            }
            assertNull(cache.get(key(cache, choice, "f" + i, i + 1)), "other bytes: " + i);
            assertNull(cache.get(key(cache, choice, "g" + i, i)), "another name: " + i);
        }
        assertEquals(1_500, cache.hits());
    }

    @Test
    void anotherContextsSegmentIsNeverSearched() throws IOException {
        Path dir = tmp.resolve("cache");
        LintOptions.Choice choice = choice();
        LintCache first = LintCache.prepare(dir, CONTEXT).open();
        first.put(key(first, choice, "f", 1), linted("f", "result"));
        first.save();
        LintCache other = LintCache.prepare(dir, CONTEXT + " (another build)").open();
        assertNull(other.get(key(other, choice, "f", 1)));
        assertTrue(LintCache.prepare(dir, CONTEXT).open().has(key(first, choice, "f", 1)));
    }
}
