package dev.launchc.cli.bundle;

import dev.launchc.diag.Code;
import dev.launchc.render.OutputTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * {@code launchc bundle --verify}: reads a bundle as it came to the site, without unpacking it,
 * and checks what install.sh and the person at the site rely on: only plain files and folders
 * with names inside the bundle, a SHA256SUMS that lists every file with the right digest,
 * install.sh, README.txt and at least one node seed, and the snaps against their assertions.
 * It streams every entry once; only SHA256SUMS and the assertions are held in memory, each capped,
 * and the uncompressed size is bounded by the compressed one, so a crafted archive can neither fill
 * memory nor keep launchc reading for ever.
 */
public final class BundleVerifier {
    /** Uncompressed bytes allowed per compressed byte: snaps and image layers stay near 1, seeds and tar padding near 20. */
    static final long MAX_RATIO = 200;
    static final long RATIO_ALLOWANCE = 16L << 20;
    static final int MAX_ENTRIES = 200_000;
    static final int MAX_SUMS_BYTES = 32 << 20;

    /** What the bundle holds and what is wrong with it. */
    public record Report(int files, int snaps, List<SnapSet.Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private BundleVerifier() {}

    public static Report verify(InputStream compressed, long compressedSize) {
        List<SnapSet.Problem> problems = new ArrayList<>();
        Map<String, String> sha256 = new TreeMap<>();
        Map<String, SnapSet.Measured> snaps = new TreeMap<>();
        Map<String, byte[]> asserts = new TreeMap<>();
        Set<String> otherSnapFiles = new TreeSet<>();
        byte[] sums = null;
        long limit = compressedSize * MAX_RATIO + RATIO_ALLOWANCE;
        // concatenated gzip members are one stream to gzip, bytes after the last one are not: gzip -d
        // warns "trailing garbage ignored" and exits 2, so tar -xzf fails; GZIPInputStream would
        // skip them silently, commons-compress reports them ("Garbage after a valid .gz stream")
        try (InputStream bounded = new dev.launchc.cli.BoundedInput(new GzipCompressorInputStream(compressed, true), limit, inflated -> {
                    throw new TooLarge();
                });
                TarArchiveInputStream tar = new TarArchiveInputStream(bounded, StandardCharsets.UTF_8.name())) {
            int count = 0;
            byte[] buffer = new byte[1 << 16];
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (++count > MAX_ENTRIES) {
                    return fail(problems, "more than " + MAX_ENTRIES + " entries: not a launchc bundle");
                }
                String name = e.getName();
                if (e.isDirectory()) {
                    check(name.endsWith("/") ? name.substring(0, name.length() - 1) : name, problems);
                    continue;
                }
                if (!e.isFile() || e.isLink() || e.isSymbolicLink() || e.isCharacterDevice() || e.isBlockDevice()
                        || e.isFIFO()) {
                    problems.add(unsafe(name + ": not a plain file (a link, device or FIFO); a launchc bundle holds"
                            + " none, and unpacking it could write outside the bundle folder"));
                    continue;
                }
                if (!check(name, problems)) {
                    continue;
                }
                if (sha256.containsKey(name)) {
                    problems.add(unsafe(name + ": appears twice in the archive"));
                    continue;
                }
                boolean isSums = name.equals("SHA256SUMS");
                boolean isAssert = name.startsWith("snaps/") && name.endsWith(".assert");
                boolean isSnap = name.startsWith("snaps/") && name.endsWith(".snap");
                MessageDigest sha = sha256();
                MessageDigest sha3 = isSnap ? SnapAssertion.sha3() : null;
                int keepCap = isSums ? MAX_SUMS_BYTES : isAssert ? SnapAssertion.MAX_BYTES : 0;
                java.io.ByteArrayOutputStream kept = keepCap > 0 ? new java.io.ByteArrayOutputStream() : null;
                long size = 0;
                for (int n; (n = tar.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    if (sha3 != null) {
                        sha3.update(buffer, 0, n);
                    }
                    size += n;
                    if (kept != null) {
                        if (size > keepCap) {
                            return fail(problems, name + ": larger than " + keepCap + " bytes: not a launchc bundle");
                        }
                        kept.write(buffer, 0, n);
                    }
                }
                sha256.put(name, HexFormat.of().formatHex(sha.digest()));
                if (isSums) {
                    sums = kept.toByteArray();
                } else if (isAssert && name.indexOf('/', "snaps/".length()) < 0) {
                    asserts.put(name.substring("snaps/".length()), kept.toByteArray());
                } else if (isSnap && name.indexOf('/', "snaps/".length()) < 0) {
                    snaps.put(name.substring("snaps/".length()), new SnapSet.Measured(size, SnapAssertion.encode(sha3.digest())));
                } else if (name.startsWith("snaps/")) {
                    otherSnapFiles.add(name.substring("snaps/".length()));
                }
            }
            while (bounded.read(buffer) >= 0) {
                // read to the end of the gzip stream: the tar's padding, then whatever follows it
            }
        } catch (TooLarge e) {
            return fail(problems, "uncompresses to more than " + MAX_RATIO + " times its size: a size bomb, not a launchc"
                    + " bundle");
        } catch (IOException | IllegalArgumentException e) {
            return fail(problems, "cannot be read as a .tar.gz (" + e.getMessage() + "): the bundle is damaged");
        }
        sums(sums, sha256, problems);
        for (String needed : List.of("install.sh", "README.txt")) {
            if (!sha256.containsKey(needed)) {
                problems.add(unsafe(needed + " is missing: the bundle is incomplete"));
            }
        }
        if (sha256.keySet().stream().noneMatch(n -> n.matches("nodes/[^/]+/seed/microk8s\\.yaml"))) {
            problems.add(unsafe("no nodes/NODE/seed/microk8s.yaml: the bundle holds no node"));
        }
        SnapSet.Result checked = SnapSet.check(snaps, asserts, otherSnapFiles);
        for (SnapSet.Problem p : checked.problems()) {
            problems.add(new SnapSet.Problem(p.code(), "snaps/: " + p.message()));
        }
        return new Report(sha256.size(), checked.snaps().size(), problems);
    }

    /** Every file but SHA256SUMS listed once with its digest; every listed file present. */
    private static void sums(byte[] sums, Map<String, String> actual, List<SnapSet.Problem> problems) {
        if (sums == null) {
            problems.add(unsafe("SHA256SUMS is missing: nothing can be checked"));
            return;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64}  [^\\n]+")) {
                problems.add(unsafe("SHA256SUMS: a line is not 'SHA256  PATH': " + line.substring(0, Math.min(80, line.length()))));
                continue;
            }
            String path = line.substring(66);
            if (listed.put(path, line.substring(0, 64)) != null) {
                problems.add(unsafe("SHA256SUMS lists " + path + " twice"));
            }
        }
        for (Map.Entry<String, String> e : listed.entrySet()) {
            String have = actual.get(e.getKey());
            if (have == null) {
                problems.add(unsafe(e.getKey() + ": listed in SHA256SUMS but missing from the bundle"));
            } else if (!have.equals(e.getValue())) {
                problems.add(unsafe(e.getKey() + ": checksum does not match SHA256SUMS: the file was changed or damaged"));
            }
        }
        for (String name : actual.keySet()) {
            if (!name.equals("SHA256SUMS") && !listed.containsKey(name)) {
                problems.add(unsafe(name + ": not listed in SHA256SUMS: it was added after the bundle was made"));
            }
        }
    }

    /** Why a tar entry name is refused, in the words that fit it (launchc writes plain relative names only). */
    static String whyUnsafe(String name) {
        if (name.startsWith("/")) {
            return "an absolute name";
        }
        if (name.equals("..") || name.startsWith("../") || name.contains("/../") || name.endsWith("/..")) {
            return "a name that climbs out of the bundle folder";
        }
        return "not a plain relative name (launchc writes names without '.' or empty parts, backslashes or NUL)";
    }

    private static boolean check(String name, List<SnapSet.Problem> problems) {
        try {
            OutputTree.checkPath(name);
            return true;
        } catch (IllegalArgumentException e) {
            problems.add(unsafe(name.replace("\0", "\\0") + ": " + whyUnsafe(name)));
            return false;
        }
    }

    private static Report fail(List<SnapSet.Problem> problems, String message) {
        problems.add(unsafe(message));
        return new Report(0, 0, problems);
    }

    private static SnapSet.Problem unsafe(String message) {
        return new SnapSet.Problem(Code.BUNDLE_NOT_INTACT, message);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inflated bundle passed its budget. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
