package dev.launchc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads a rule fixture from {@code src/test/resources/rules/} through the real pipeline
 * (YamlLoader, then NativeLinter with track 1.32 in the default mode) and compares the findings of
 * the codes under test with the expected ones: code, severity, line, column and hint.
 */
final class RuleFixtures {
    static final String TRACK_NAME = "1.32";

    private RuleFixtures() {}

    static Track track() {
        return Catalog.get().track(TRACK_NAME).orElseThrow(() -> new AssertionError("catalog has no track " + TRACK_NAME));
    }

    /** Every finding for {@code rules/<fixture>}, all codes. */
    static List<Diagnostic> lint(String fixture) {
        String resource = "/rules/" + fixture;
        byte[] bytes;
        try (InputStream in = RuleFixtures.class.getResourceAsStream(resource)) {
            assertNotNull(in, "fixture missing: " + resource);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lint(fixture, bytes, track());
    }

    /** Every finding for a native launch configuration given as bytes, linted for {@code track}. */
    static List<Diagnostic> lint(String name, byte[] bytes, Track track) {
        Reporter reporter = new Reporter(name, Mode.DEFAULT);
        LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load(name, bytes, reporter);
        assertFalse(file.failed(), () -> name + " does not load: " + reporter.diagnostics());
        NativeLinter.lint(file, track, reporter);
        return reporter.diagnostics();
    }

    /** The findings of the given codes only, in reporting order (line, column, code). */
    static List<Diagnostic> findings(String fixture, Set<Code> codes) {
        Set<String> ids = codes.stream().map(Code::id).collect(Collectors.toSet());
        return lint(fixture).stream().filter(d -> ids.contains(d.code())).toList();
    }

    /** One expected finding; a null hint means "no hint". */
    record Expect(Code code, int line, int column, String hint) {
        @Override
        public String toString() {
            return code.id() + " " + line + ":" + column + (hint == null ? "" : " hint=" + hint);
        }
    }

    static Expect at(Code code, int line, int column, String hint) {
        return new Expect(code, line, column, hint);
    }

    /**
     * Asserts that the fixture gives exactly the expected findings among {@code codes}, and returns
     * them so that a test can look at the messages as well.
     */
    static List<Diagnostic> assertFindings(String fixture, Set<Code> codes, Expect... expected) {
        List<Diagnostic> actual = findings(fixture, codes);
        List<String> want = new ArrayList<>();
        for (Expect e : expected) {
            want.add(e.code().id() + " " + e.code().severityIn(Mode.DEFAULT).label() + " " + e.line() + ":" + e.column()
                    + " hint=" + e.hint());
        }
        List<String> got = new ArrayList<>();
        for (Diagnostic d : actual) {
            got.add(d.code() + " " + d.severity().label() + " " + d.line() + ":" + d.column() + " hint=" + d.hint());
        }
        assertEquals(want, got, () -> fixture + ": messages were " + actual.stream().map(Diagnostic::message).toList());
        return actual;
    }

    /** Asserts that the fixture gives no finding of the given codes. */
    static void assertClean(String fixture, Code... codes) {
        List<Diagnostic> actual = findings(fixture, Set.copyOf(Arrays.asList(codes)));
        assertEquals(List.of(), actual, fixture + " should give no " + Arrays.toString(codes));
    }
}
