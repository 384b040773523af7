package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    @Test
    void theStandardsExamples() {
        // FIPS 180-4 examples (NIST, "Example Algorithms"): one block, two blocks, a million 'a'.
        Sha256 sha = new Sha256();
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(sha.digest(new byte[0])));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                hex(sha.digest("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hex(sha.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII))));
        for (int i = 0; i < 1_000_000; i++) {
            sha.update((byte) 'a');
        }
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex(sha.digest()));
    }

    @Test
    void agreesWithTheJdkOnEveryLengthAndSplit() throws Exception {
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        Sha256 sha = new Sha256();
        Random random = new Random(20);
        for (int length = 0; length < 600; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            byte[] expected = jdk.digest(bytes);
            assertArrayEquals(expected, sha.digest(bytes), "length " + length);
            // The same bytes in three updates, split anywhere, and with single bytes between.
            int first = length == 0 ? 0 : random.nextInt(length + 1);
            int second = first + (length == first ? 0 : random.nextInt(length - first + 1));
            sha.update(bytes, 0, first);
            if (second > first) {
                sha.update(bytes[first]);
                sha.update(bytes, first + 1, second - first - 1);
            }
            sha.update(bytes, second, length - second);
            assertArrayEquals(expected, sha.digest(), "length " + length + " split at " + first + ", " + second);
        }
    }
}
