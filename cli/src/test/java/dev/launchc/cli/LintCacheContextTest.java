package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.launchc.load.LoadLimits;
import org.junit.jupiter.api.Test;

class LintCacheContextTest {
    @Test
    void theLimitsInAContextNameEveryComponentAsTheRecordDoes() {
        LoadLimits other = LoadLimits.DEFAULTS.withMaxDepth(7).withMaxNodes(12_345);
        assertEquals(LoadLimits.DEFAULTS.toString(), LintCache.components(LoadLimits.DEFAULTS));
        assertEquals(other.toString(), LintCache.components(other));
        assertNotEquals(LintCache.components(LoadLimits.DEFAULTS), LintCache.components(other));
    }

    @Test
    void anotherLimitIsAnotherContext() {
        LintOptions defaults = LintOptions.defaults();
        LintOptions deeper = LintOptions.defaults();
        deeper.limitOptions.maxDepth = 7;
        assertEquals(LintCache.context(defaults), LintCache.context(LintOptions.defaults()));
        assertNotEquals(LintCache.context(defaults), LintCache.context(deeper));
    }
}
