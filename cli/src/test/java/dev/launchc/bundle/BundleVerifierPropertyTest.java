package dev.launchc.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.launchc.cli.bundle.BundleVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The bundle reader on damaged input: a real bundle with bytes flipped anywhere, and plain random
 * bytes. It never throws, never hangs, and never calls random bytes intact.
 */
class BundleVerifierPropertyTest {
    private static byte[] sample;

    private static synchronized byte[] sample() {
        if (sample == null) {
            try {
                Path dir = Files.createTempDirectory("verify-prop-");
                Path snaps = SnapFixtures.fullSet(dir.resolve("snaps"));
                sample = Files.readAllBytes(BundleFixtures.bundle(dir.resolve("b.tar.gz"), BundleFixtures.AIRGAPPED, "--snaps",
                        snaps.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sample;
    }

    @Property(tries = 60)
    void flippedBytesAreReportedNotThrown(@ForAll @IntRange(min = 0, max = 1_000_000) int where,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] bytes = sample().clone();
        int at = where % bytes.length;
        bytes[at] ^= (byte) mask;
        BundleVerifier.verify(new ByteArrayInputStream(bytes), bytes.length);
    }

    @Property(tries = 200)
    void randomBytesAreNeverIntact(@ForAll @Size(max = 4096) byte[] bytes) {
        assertFalse(BundleVerifier.verify(new ByteArrayInputStream(bytes), bytes.length).ok());
    }
}
