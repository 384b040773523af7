package dev.launchc.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed addon facts of addons-extra.json, and the argument-spec interpreter's result. */
class AddonFactsTest {
    @Test
    void anAddonTheFactsDoNotDescribeHasEmptyFacts() {
        AddonFacts none = Catalog.get().addonFacts("no-such-addon");
        assertFalse(none.known());
        assertEquals("no-such-addon", none.canonical("1.32"));
        assertEquals("no-such-addon", none.fullName());
        assertTrue(none.args().isEmpty() && none.dependencies().isEmpty() && none.images().isEmpty());
    }

    @Test
    void aliasesHoldOnTheirTracksOnly() {
        assertEquals("hostpath-storage", Catalog.get().addonFacts("storage").canonical("1.32"));
        // gpu stands for nvidia from 1.29 (aliasOf.since); on 1.28 it is its own addon.
        assertEquals("nvidia", Catalog.get().addonFacts("gpu").canonical("1.29"));
        assertEquals("gpu", Catalog.get().addonFacts("gpu").canonical("1.28"));
        assertNull(Catalog.get().addonFacts("gpu").aliasOn("1.28"));
    }

    @Test
    void fullNameCarriesTheRepository() {
        assertEquals("core/dns", Catalog.get().addonFacts("dns").fullName());
    }

    @Test
    void baseNameDropsRepositoryAndColonArguments() {
        assertEquals("dns", AddonFacts.baseName("core/dns:1.1.1.1"));
        assertEquals("metallb", AddonFacts.baseName("metallb"));
    }

    @Test
    void argumentProblemsComeBackWithTheirPointers() {
        AddonArgumentSpec.Use use = new AddonArgumentSpec.Use("registry", "registry", false,
                List.of(new AddonArgumentSpec.Arg("--sise=40Gi", "/addons/0/args/0")), "/addons/0/name", false);
        AddonArgumentSpec.Checked checked = AddonArgumentSpec.check("1.32", use);
        assertFalse(checked.stopped());
        assertNotNull(checked.spec());
        assertEquals(1, checked.problems().size());
        assertEquals("/addons/0/args/0", checked.problems().get(0).pointer());
        assertTrue(checked.problems().get(0).message().startsWith("registry has no option --sise on 1.32"),
                checked.problems().get(0).message());
        assertEquals("did you mean --size?", checked.problems().get(0).hint());
    }

    @Test
    void anAliasThatDropsItsArgumentsStopsTheCheck() {
        AddonArgumentSpec.Use use = new AddonArgumentSpec.Use("storage", "hostpath-storage", false,
                List.of(new AddonArgumentSpec.Arg("x", "/addons/0/args/0")), "/addons/0/name", false);
        AddonArgumentSpec.Checked checked = AddonArgumentSpec.check("1.32", use);
        assertTrue(checked.stopped());
        assertEquals(1, checked.problems().size());
        assertTrue(checked.problems().get(0).message().startsWith("storage does not pass its arguments on to hostpath-storage"));
    }
}
