package dev.launchc.rules.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a cluster fixture, {@code src/test/resources/rules/cluster/<rule>/<case>.yaml}, through the
 * real pipeline: {@link Linter} with catalog track 1.32 in the default mode (a fixture's
 * {@code spec.microk8s} picks another track, as on the command line without --target). Findings
 * are compared by code, severity, line, column and exact hint; the message must contain a key
 * fragment.
 */
final class ClusterFixtures {
    private ClusterFixtures() {}

    /** One expected finding; {@code hint} null means "no hint". */
    record Expect(String code, String severity, int line, int column, String message, String hint) {
        String position() {
            return code + " " + severity + " " + line + ":" + column + " [hint: " + hint + "]";
        }
    }

    static Expect error(String code, int line, int column, String message, String hint) {
        return new Expect(code, "ERROR", line, column, message, hint);
    }

    static Expect warning(String code, int line, int column, String message, String hint) {
        return new Expect(code, "WARNING", line, column, message, hint);
    }

    static Expect info(String code, int line, int column, String message, String hint) {
        return new Expect(code, "INFO", line, column, message, hint);
    }

    static byte[] bytes(String resource) {
        try (InputStream in = ClusterFixtures.class.getResourceAsStream(resource)) {
            assertNotNull(in, "fixture missing: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every finding of one fixture. */
    static List<Diagnostic> lint(String rule, String fixture) {
        String name = fixture + ".yaml";
        byte[] bytes = bytes("/rules/cluster/" + rule + "/" + name);
        Linter linter = new Linter(Catalog.get().track("1.32").orElseThrow(), Mode.DEFAULT, LoadLimits.DEFAULTS);
        return linter.lint(name, bytes).diagnostics();
    }

    /** Asserts that the fixture's findings with one of {@code codes} are exactly {@code expected}, in order. */
    static List<Diagnostic> assertFindings(String rule, String fixture, Set<String> codes, Expect... expected) {
        List<Diagnostic> all = lint(rule, fixture);
        List<Diagnostic> actual = all.stream().filter(d -> codes.contains(d.code())).toList();
        return compare(rule + "/" + fixture, actual, expected);
    }

    /** Asserts that the fixture's findings, all codes, are exactly {@code expected}, in order. */
    static List<Diagnostic> assertAll(String rule, String fixture, Expect... expected) {
        return compare(rule + "/" + fixture, lint(rule, fixture), expected);
    }

    static List<Diagnostic> compare(String what, List<Diagnostic> actual, Expect... expected) {
        String want = Arrays.stream(expected).map(Expect::position).collect(Collectors.joining("\n"));
        String got = actual.stream()
                .map(d -> new Expect(d.code(), d.severity().name(), d.line(), d.column(), d.message(), d.hint()).position())
                .collect(Collectors.joining("\n"));
        assertEquals(want, got, () -> what + ": messages were\n" + actual.stream().map(Diagnostic::message)
                .collect(Collectors.joining("\n")));
        for (int i = 0; i < expected.length; i++) {
            String message = actual.get(i).message();
            String fragment = expected[i].message();
            assertTrue(message.contains(fragment), () -> what + ": message\n  " + message + "\nlacks\n  " + fragment);
        }
        return actual;
    }

    /** Asserts that the fixture gives no finding at all. */
    static void assertClean(String rule, String fixture) {
        assertAll(rule, fixture);
    }
}
