package dev.launchc.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The snap facts of each track: the base snap (versions.yaml snap_base: core20 up to 1.33, core22
 * from 1.34, from snap/snapcraft.yaml of canonical/microk8s and of its <track>-strict branch), the
 * channels, and the strict snap's interfaces (microk8s-resources/connect-all-interfaces.sh).
 */
class TrackSnapsTest {
    @Test
    void baseSnapChangesAt134() {
        for (String t : Catalog.get().tracks()) {
            String expected = Catalog.compareMinor(t, "1.34") < 0 ? "core20" : "core22";
            assertEquals(expected, Catalog.get().track(t).orElseThrow().snapBase(), t);
        }
    }

    @Test
    void channelsPerConfinement() {
        Track t = Catalog.get().track("1.32").orElseThrow();
        assertEquals("1.32/stable", t.snapChannel(false));
        assertEquals("1.32-strict/stable", t.snapChannel(true));
    }

    @Test
    void everyTrackNamesItsStrictSourceAndInterfaces() {
        for (String name : Catalog.get().tracks()) {
            Track t = Catalog.get().track(name).orElseThrow();
            assertTrue(t.strictSource().startsWith("canonical/microk8s " + (name.equals("1.36") ? "strict@" : name + "-strict@")),
                    name + ": " + t.strictSource());
            assertEquals(23, t.strictInterfaces().size(), name);
            assertTrue(t.strictInterfaces().contains("kubernetes-support"), name);
        }
    }

    /** addons.yaml 'confinement' (scripts/wrappers/common/utils.py get_available_addons). */
    @Test
    void addonConfinement() {
        Track t = Catalog.get().track("1.34").orElseThrow();
        assertFalse(t.addons().get("nvidia").offeredUnder(true));
        assertTrue(t.addons().get("nvidia").offeredUnder(false));
        assertTrue(t.addons().get("dns").offeredUnder(true), "no confinement field: offered under both");
    }
}
