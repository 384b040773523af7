package dev.launchc.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Catalog.gpuAddon, the one answer for the GPU addon of a track. The GPU facts (addons-extra.json
 * {@code gpu.byTrack}, from canonical/microk8s-core-addons {@code addons/gpu/enable} on 1.28 and
 * {@code addons/nvidia/enable} from 1.29) start at 1.28; 1.27's addons.yaml still lists a {@code gpu} addon.
 */
class GpuAddonTest {
    private static GpuAddon on(String track) {
        return Catalog.get().gpuAddon(Catalog.get().track(track).orElseThrow()).orElseThrow();
    }

    @Test
    void track127HasItsOwnGpuAddonWithoutOperatorFacts() {
        GpuAddon gpu = on("1.27");
        assertEquals("gpu", gpu.addon());
        assertFalse(gpu.covered(), "the GPU facts do not describe 1.27");
        assertNull(gpu.flagStyle());
        assertNull(gpu.operatorVersionDefault());
        assertEquals(List.of("gpu"), gpu.names());
    }

    @Test
    void track128UsesTheLegacyGpuAddon() {
        GpuAddon gpu = on("1.28");
        assertEquals("gpu", gpu.addon());
        assertTrue(gpu.covered());
        assertTrue(gpu.legacyFlags());
        assertEquals("v23.9.1", gpu.operatorVersionDefault());
    }

    @Test
    void from129TheNvidiaAddonAnswersToGpuToo() {
        GpuAddon gpu = on("1.29");
        assertEquals("nvidia", gpu.addon());
        assertTrue(gpu.isNamed("gpu"));
        assertTrue(gpu.isNamed("nvidia"));
        assertFalse(gpu.isNamed("amd"));
        assertFalse(gpu.legacyFlags());
        assertEquals(List.of("nvidia", "gpu"), gpu.names());
    }
}
