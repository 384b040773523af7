package dev.launchc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.launchc.diag.Mode;
import dev.launchc.lint.FileLint;

/**
 * Raw bytes through the loader and the linter, as {@code launchc lint} reads a file: whatever the
 * bytes, lint ends in findings (never an exception) and keeps its invariants. Bytes that declare
 * {@code apiVersion:} go the cluster way, so this target covers the kind detection as well. That
 * every report format renders the result and parses back is the CLI's, fuzzed by cli's
 * ReportFormatFuzzTest. Seeds: {@code LintNativeFuzzTestInputs/lintNative/}.
 */
class LintNativeFuzzTest {
    static final String NAME = "fuzz.yaml";

    @FuzzTest(maxDuration = FuzzSupport.BUDGET)
    void lintNative(byte[] bytes) {
        FileLint lint = FuzzSupport.lint(NAME, bytes, Mode.DEFAULT, FuzzSupport.NEWEST);
        FuzzSupport.checkLint(lint, NAME, bytes);
    }
}
