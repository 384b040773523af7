package dev.launchc.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Semver as apimachinery's ParseSemantic reads launch-config versions. The plain MAJOR.MINOR.PATCH
 * texts take a path without the regex; these pin that both paths read every text alike.
 */
class SemverTest {
    @Test
    void plainVersions() {
        assertEquals(new Semver(0, 2, 0, List.of()), Semver.parse("0.2.0"));
        assertEquals(new Semver(1, 28, 10, List.of()), Semver.parse("1.28.10"));
        assertEquals(new Semver(123456789012345678L, 0, 0, List.of()), Semver.parse("123456789012345678.0.0"));
    }

    @Test
    void spacesAndALeadingVAreTolerated() {
        assertEquals(new Semver(0, 2, 0, List.of()), Semver.parse(" 0.2.0 "));
        assertEquals(new Semver(0, 2, 0, List.of()), Semver.parse("v0.2.0"));
    }

    @Test
    void preReleaseAndBuild() {
        assertEquals(new Semver(0, 2, 0, List.of("rc", "1")), Semver.parse("0.2.0-rc.1"));
        assertEquals(new Semver(0, 2, 0, List.of()), Semver.parse("0.2.0+build.5"));
        assertTrue(Semver.parse("0.2.0-rc1").compareTo(Semver.parse("0.2.0")) < 0);
    }

    @Test
    void notSemver() {
        for (String text : List.of("", "0.2", "0.2.", ".2.0", "0..2", "0.2.0.", "0.2.0.1", "01.2.0", "0.02.0", "0.2.00",
                "0.2.x", "1.2.3-", "1.2.3-01", "v", "0,2,0")) {
            assertNull(Semver.parse(text), text);
        }
        assertNull(Semver.parse(null));
    }

    @Test
    void aNumberPastALongIsNoVersion() {
        assertNull(Semver.parse("9223372036854775808.0.0"));
        assertEquals(new Semver(9223372036854775807L, 0, 0, List.of()), Semver.parse("9223372036854775807.0.0"));
    }
}
