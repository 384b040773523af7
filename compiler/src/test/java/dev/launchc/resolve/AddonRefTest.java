package dev.launchc.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one parse of an addon entry's name for the native and the cluster rules: [repo/]name[:arg[:arg…]]. */
class AddonRefTest {
    @Test
    void nameAlone() {
        assertEquals(new AddonRef(null, "dns", List.of()), AddonRef.parse(" dns "));
    }

    @Test
    void repositoryAndColonArguments() {
        assertEquals(new AddonRef("community", "metallb", List.of("10.0.0.1-10.0.0.9")), AddonRef.parse("community/metallb:10.0.0.1-10.0.0.9"));
        assertEquals(List.of("a", "", "b"), AddonRef.parse("x:a::b").colonArgs());
    }

    @Test
    void writtenUnderTheSameRepository() {
        assertEquals("core/dns", AddonRef.parse("core/coredns").written("dns"));
        assertEquals("dns", AddonRef.parse("coredns").written("dns"));
    }
}
