package dev.launchc.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every code is defined once, weighed as its verdict says, and explained for {@code launchc explain}. */
class CodeExplanationTest {
    /** Where the explanations live in the source tree (surefire runs in the module directory). */
    private static final Path EXPLAIN = Path.of("src/main/resources/dev/launchc/diag/explain");
    private static final Pattern ID = Pattern.compile("LC\\d{4}");
    private static final Pattern FIX = Pattern.compile("\\bfix", Pattern.CASE_INSENSITIVE);

    /**
     * Explanations that exist and are long enough but show neither an example (a code block or the
     * word) nor a fix (the word): they tell the remedy in prose ("Re-save the file as UTF-8",
     * "Replace the tabs with spaces") or not at all. They are kept here so the rest stays enforced;
     * the list can only shrink: once a file gains an example or a "Fix" part,
     * {@link #knownThinExplanationsAreStillThin} fails until its code is removed from this set.
     */
    private static final Set<Code> KNOWN_THIN = EnumSet.of(
            Code.INVALID_ENCODING,          // LC0003
            Code.LIMIT_EXCEEDED,            // LC0005
            Code.TAB_INDENT,                // LC0006
            Code.EMPTY_PART,                // LC0008
            Code.UNKNOWN_KIND,              // LC0009
            Code.UNKNOWN_KEY,               // LC1002
            Code.VERSION_OUT_OF_RANGE,      // LC1006
            Code.KEY_TOO_NEW_FOR_TRACK);    // LC1007

    static boolean showsExampleOrFix(String text) {
        return text.contains("```") || text.toLowerCase(Locale.ROOT).contains("example") || FIX.matcher(text).find();
    }

    @Test
    void idsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (Code code : Code.values()) {
            assertTrue(ID.matcher(code.id()).matches(), code + " has id " + code.id());
            assertTrue(seen.add(code.id()), "id " + code.id() + " is used twice");
            assertEquals(code, Code.byId(code.id()).orElseThrow());
            assertEquals(code, Code.byId(code.id().toLowerCase(Locale.ROOT)).orElseThrow());
            assertFalse(code.title().isBlank(), code.id() + " has no title");
        }
        assertTrue(Code.byId("LC9999").isEmpty());
    }

    /** LC0xxx loading, LC1xxx structure and schema, LC2xxx likely mistakes (never errors by default). */
    @ParameterizedTest
    @EnumSource(Code.class)
    void idGroupMatchesTheKindOfProblem(Code code) {
        char group = code.id().charAt(2);
        // 0 loading, 1 errors in launch configs, 2 likely mistakes, 3 cluster files.
        assertTrue(group == '0' || group == '1' || group == '2' || group == '3', code.id());
        if (group == '2') {
            assertEquals(Severity.WARNING, code.defaultSeverity(), code.id());
        }
    }

    @ParameterizedTest
    @EnumSource(Code.class)
    void compatErrorsAreExactlyWhatMicroK8sRejectsOrWhatIsAlwaysAnError(Code code) {
        boolean error = code.severityIn(Mode.COMPAT) == Severity.ERROR;
        boolean verdictSaysError = code.verdict() == Code.Verdict.REJECTED || code.verdict() == Code.Verdict.ALWAYS_ERROR;
        assertEquals(verdictSaysError, error,
                code.id() + " (" + code.verdict() + ", default " + code.defaultSeverity() + ") is "
                        + code.severityIn(Mode.COMPAT) + " under --compat");
    }

    @ParameterizedTest
    @EnumSource(Code.class)
    void defaultAndStrictKeepTheDefaultSeverityUnlessTheVerdictForcesAnError(Code code) {
        for (Mode mode : new Mode[] {Mode.DEFAULT, Mode.STRICT}) {
            Severity expected = code.verdict() == Code.Verdict.IGNORED ? code.defaultSeverity() : Severity.ERROR;
            assertEquals(expected, code.severityIn(mode), code.id() + " under " + mode);
        }
        if (code.verdict() == Code.Verdict.IGNORED) {
            assertNotEquals(Severity.ERROR, code.severityIn(Mode.COMPAT), code.id());
        }
    }

    @ParameterizedTest
    @EnumSource(Code.class)
    void explanationFileExistsAndIsPackaged(Code code) throws IOException {
        Path file = EXPLAIN.resolve(code.id() + ".md");
        assertTrue(Files.isRegularFile(file), file + " is missing");
        URL packaged = Code.class.getResource("explain/" + code.id() + ".md");
        assertNotNull(packaged, code.id() + ".md is not on the classpath");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), code.explanation(),
                code.id() + ": explanation() returns the file");
    }

    @ParameterizedTest
    @EnumSource(Code.class)
    void explanationIsNonTrivial(Code code) {
        String text = code.explanation();
        assertTrue(text.length() > 200, code.id() + " has only " + text.length() + " characters");
        assertNotEquals(code.title() + "\n", text, code.id() + " falls back to its title");
        assertTrue(text.endsWith("\n"), code.id() + " lacks a final line break");
        if (!KNOWN_THIN.contains(code)) {
            assertTrue(showsExampleOrFix(text), code.id() + " shows no example and no fix");
        }
    }

    @Test
    void knownThinExplanationsAreStillThin() {
        for (Code code : KNOWN_THIN) {
            assertFalse(showsExampleOrFix(code.explanation()),
                    code.id() + " now shows an example or a fix: remove it from KNOWN_THIN");
        }
    }

    /** Headed explanations ("# LC1234: …") carry their own id and title, so they cannot be misfiled. */
    @ParameterizedTest
    @EnumSource(Code.class)
    void headedExplanationNamesItsOwnCode(Code code) {
        String text = code.explanation();
        if (text.startsWith("# ")) {
            String heading = text.substring(0, text.indexOf('\n'));
            assertEquals("# " + code.id() + ": " + code.title(), heading);
        }
        for (Code other : Code.values()) {
            if (other != code) {
                assertFalse(text.startsWith("# " + other.id() + ":"), code.id() + ".md is headed " + other.id());
            }
        }
    }

    @Test
    void noStrayExplanationFiles() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Code code : Code.values()) {
            ids.add(code.id() + ".md");
        }
        try (Stream<Path> files = Files.list(EXPLAIN)) {
            files.map(p -> p.getFileName().toString())
                    .forEach(name -> assertTrue(ids.contains(name), name + " explains no code"));
        }
    }
}
