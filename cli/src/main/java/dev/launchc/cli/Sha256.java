package dev.launchc.cli;

/**
 * SHA-256 (FIPS 180-4) in plain Java, for the keys of the lint cache. launchc runs on the client
 * compiler alone (-XX:TieredStopAtLevel=1, for start-up), which has no intrinsic for the JDK's
 * SHA-256 and runs its byte access through VarHandles slowly: this plain version hashes a fleet in
 * about half the time, and needs no security provider, whose set-up costs tens of ms at start-up.
 * Sha256Test checks it against the JDK's MessageDigest. Not thread-safe: one per thread.
 */
final class Sha256 {
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    private static final int[] INITIAL = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

    private final int[] state = new int[8];
    private final int[] schedule = new int[64];
    private final byte[] block = new byte[64];
    private int buffered;
    private long length;

    Sha256() {
        reset();
    }

    /** Starts a new message. */
    Sha256 reset() {
        System.arraycopy(INITIAL, 0, state, 0, 8);
        buffered = 0;
        length = 0;
        return this;
    }

    void update(byte b) {
        length++;
        block[buffered++] = b;
        if (buffered == 64) {
            compress(block, 0);
            buffered = 0;
        }
    }

    void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    void update(byte[] bytes, int offset, int count) {
        length += count;
        if (buffered > 0) {
            int n = Math.min(64 - buffered, count);
            System.arraycopy(bytes, offset, block, buffered, n);
            buffered += n;
            offset += n;
            count -= n;
            if (buffered < 64) {
                return;
            }
            compress(block, 0);
            buffered = 0;
        }
        for (; count >= 64; offset += 64, count -= 64) {
            compress(bytes, offset);
        }
        System.arraycopy(bytes, offset, block, 0, count);
        buffered = count;
    }

    /** The digest of everything updated since the last reset; starts a new message. */
    byte[] digest() {
        long bits = length * 8;
        update((byte) 0x80);
        while (buffered != 56) {
            update((byte) 0);
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            update((byte) (bits >>> shift));
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (state[i] >>> 24);
            out[4 * i + 1] = (byte) (state[i] >>> 16);
            out[4 * i + 2] = (byte) (state[i] >>> 8);
            out[4 * i + 3] = (byte) state[i];
        }
        reset();
        return out;
    }

    byte[] digest(byte[] bytes) {
        update(bytes);
        return digest();
    }

    private void compress(byte[] bytes, int offset) {
        int[] w = schedule;
        for (int t = 0; t < 16; t++) {
            int o = offset + 4 * t;
            w[t] = (bytes[o] << 24) | ((bytes[o + 1] & 0xff) << 16) | ((bytes[o + 2] & 0xff) << 8) | (bytes[o + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int x = w[t - 15];
            int y = w[t - 2];
            int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
            int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int t = 0; t < 64; t++) {
            int t1 = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + ((e & f) ^ (~e & g)) + K[t] + w[t];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
