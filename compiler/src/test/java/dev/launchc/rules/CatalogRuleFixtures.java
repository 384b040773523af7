package dev.launchc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import dev.launchc.lint.NativeLinter;
import dev.launchc.load.LoadLimits;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YamlLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a YAML fixture under {@code src/test/resources/rules/<rule>/<case>.yaml} through the real
 * pipeline (YamlLoader, NativeLinter with the catalog track, Reporter in Mode.DEFAULT) and compares
 * the findings of the codes a rule owns with the expected ones, field by field.
 */
final class CatalogRuleFixtures {
    private CatalogRuleFixtures() {}

    /** One expected finding; {@code hint} null means "no hint". */
    record Expect(String code, String severity, int line, int column, String message, String hint) {
        @Override
        public String toString() {
            return code + " " + severity + " " + line + ":" + column + " " + message + " [hint: " + hint + "]";
        }
    }

    static Expect error(String code, int line, int column, String message, String hint) {
        return new Expect(code, "ERROR", line, column, message, hint);
    }

    static Expect warning(String code, int line, int column, String message, String hint) {
        return new Expect(code, "WARNING", line, column, message, hint);
    }

    /** Every finding of the fixture on a track. */
    static List<Diagnostic> lint(String rule, String fixture, String track) {
        String resource = "/rules/" + rule + "/" + fixture + ".yaml";
        byte[] bytes;
        try (InputStream in = CatalogRuleFixtures.class.getResourceAsStream(resource)) {
            assertNotNull(in, "fixture missing: " + resource);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Track t = Catalog.get().track(track).orElseThrow(() -> new AssertionError("no catalog track " + track));
        Reporter reporter = new Reporter(fixture + ".yaml", Mode.DEFAULT);
        LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load(fixture + ".yaml", bytes, reporter);
        assertEquals(false, file.failed(), () -> "fixture does not load: " + reporter.diagnostics());
        NativeLinter.lint(file, t, reporter);
        return reporter.diagnostics();
    }

    /** The findings with one of {@code codes}, in report order. */
    static List<Diagnostic> lint(String rule, String fixture, String track, Set<String> codes) {
        return lint(rule, fixture, track).stream().filter(d -> codes.contains(d.code())).toList();
    }

    /** Asserts that the fixture's findings with the given codes are exactly {@code expected}, in order. */
    static void assertFindings(String rule, String fixture, String track, Set<String> codes, Expect... expected) {
        List<Diagnostic> actual = lint(rule, fixture, track, codes);
        String want = Arrays.stream(expected).map(Expect::toString).collect(Collectors.joining("\n"));
        String got = actual.stream().map(CatalogRuleFixtures::describe).collect(Collectors.joining("\n"));
        assertEquals(want, got, () -> rule + "/" + fixture + " on " + track);
    }

    static String describe(Diagnostic d) {
        return new Expect(d.code(), d.severity().name(), d.line(), d.column(), d.message(), d.hint()).toString();
    }
}
