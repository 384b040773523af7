package dev.launchc.cli.bundle;

import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.load.RegularFiles;
import dev.launchc.pipeline.BundleContents;
import dev.launchc.pipeline.BundleContents.Snap;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The snaps an air-gapped node installs, as {@code snap download} writes them: each
 * {@code <name>_<revision>.snap} with its {@code <name>_<revision>.assert}. Checked against their
 * snap-revision assertions (digest, size, revision) and against what the track needs: one
 * {@code microk8s}, the track's base snap, optionally {@code snapd}; nothing else.
 */
public final class SnapSet {
    /** {@code snap download}'s file names: the snap name, an underscore, the store revision. */
    public static final Pattern FILE_NAME = Pattern.compile("([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)_([0-9]{1,12})\\.(snap|assert)");

    public static final String MICROK8S = BundleContents.MICROK8S;
    public static final String SNAPD = BundleContents.SNAPD;

    /** One problem, with its code. */
    public record Problem(Code code, String message) {}

    /** The digest and size of a snap file, computed by the caller while it reads the file once. */
    public record Measured(long size, String sha3) {}

    /** The snaps in install order (snapd, the base, microk8s), or the problems that refuse them. */
    public record Result(List<Snap> snaps, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private SnapSet() {}

    /**
     * Pairs and checks files by name: every .snap against the snap-revision assertion of its
     * .assert. {@code others} are names that are neither; each is a problem.
     */
    public static Result check(Map<String, Measured> snaps, Map<String, byte[]> asserts, Set<String> others) {
        List<Problem> problems = new ArrayList<>();
        for (String other : others) {
            problems.add(new Problem(Code.SNAP_SET_INCOMPLETE, other + " is not a snap or an assertion from 'snap download'"
                    + " (NAME_REVISION.snap, NAME_REVISION.assert); remove it"));
        }
        List<Snap> verified = new ArrayList<>();
        for (Map.Entry<String, Measured> e : snaps.entrySet()) {
            Matcher m = FILE_NAME.matcher(e.getKey());
            if (!m.matches()) {
                problems.add(new Problem(Code.SNAP_SET_INCOMPLETE, e.getKey() + " is not named NAME_REVISION.snap"));
                continue;
            }
            String assertFile = m.group(1) + "_" + m.group(2) + ".assert";
            byte[] assertion = asserts.get(assertFile);
            if (assertion == null) {
                problems.add(new Problem(Code.SNAP_SET_INCOMPLETE, e.getKey() + " has no " + assertFile + " beside it: "
                        + "'snap download' writes both, and 'snap ack' needs it"));
                continue;
            }
            String why = SnapAssertion.parse(assertion).mismatch(e.getKey(), m.group(1), m.group(2), e.getValue().size(),
                    e.getValue().sha3());
            if (why != null) {
                problems.add(new Problem(Code.SNAP_ASSERTION_MISMATCH, why));
                continue;
            }
            verified.add(new Snap(m.group(1), m.group(2), e.getKey(), assertFile));
        }
        for (String a : asserts.keySet()) {
            if (!snaps.containsKey(a.substring(0, a.length() - ".assert".length()) + ".snap")) {
                problems.add(new Problem(Code.SNAP_SET_INCOMPLETE, a + " has no snap beside it; remove it or download its snap"));
            }
        }
        return new Result(verified, problems);
    }

    /**
     * Reads a snaps folder: every entry must be a regular .snap or .assert named as snap download
     * names them; then the set must be what the track needs, in install order.
     */
    public static Result read(Path dir, Track track, boolean strict) throws IOException {
        Map<String, Measured> snaps = new TreeMap<>();
        Map<String, byte[]> asserts = new TreeMap<>();
        Set<String> others = new TreeSet<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            Matcher m = FILE_NAME.matcher(name);
            if (!m.matches() || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                others.add(name);
            } else if (m.group(3).equals("assert")) {
                asserts.put(name, RegularFiles.readNoLinks(p, SnapAssertion.MAX_BYTES));
            } else {
                snaps.put(name, measure(p));
            }
        }
        Result checked = check(snaps, asserts, others);
        List<Problem> problems = new ArrayList<>(checked.problems());
        List<Snap> ordered = required(checked.snaps(), snaps.keySet(), track, strict, problems);
        if (problems.isEmpty()) {
            Snap microk8s = ordered.get(ordered.size() - 1);
            Problem wrong = trackOf(dir.resolve(microk8s.snapFile()), microk8s.snapFile(), track, strict);
            if (wrong != null) {
                problems.add(wrong);
            }
        }
        return new Result(problems.isEmpty() ? ordered : List.of(), problems);
    }

    /** SHA3-384 and size of a file, read once. */
    private static Measured measure(Path file) throws IOException {
        MessageDigest sha3 = SnapAssertion.sha3();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = RegularFiles.openNoLinks(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha3.update(buffer, 0, n);
                size += n;
            }
        }
        return new Measured(size, SnapAssertion.encode(sha3.digest()));
    }

    /** snapd (when given), the base, microk8s; problems for what is missing, doubled or unrelated. */
    private static List<Snap> required(List<Snap> verified, Set<String> allSnapFiles, Track track, boolean strict,
            List<Problem> problems) {
        String base = track.snapBase();
        Map<String, List<String>> byName = new TreeMap<>();
        for (String f : allSnapFiles) {
            Matcher m = FILE_NAME.matcher(f);
            if (m.matches()) {
                byName.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f);
            }
        }
        String why = "MicroK8s " + track.name() + (strict ? " (strict)" : "") + " runs on " + base;
        for (String needed : List.of(base, MICROK8S)) {
            if (!byName.containsKey(needed)) {
                problems.add(new Problem(Code.SNAP_SET_INCOMPLETE, "no " + needed + " snap in the snaps folder"
                        + (needed.equals(base) ? ": " + why : "") + "; get it with: " + BundleContents.downloadCommand(needed, track, strict)));
            }
        }
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            String name = e.getKey();
            if (!name.equals(base) && !name.equals(MICROK8S) && !name.equals(SNAPD)) {
                problems.add(new Problem(Code.SNAP_SET_INCOMPLETE, String.join(", ", e.getValue()) + ": " + name
                        + " is not a snap this bundle installs (microk8s, " + base + ", snapd)"
                        + (name.matches("core\\d*") ? "; " + why : "") + "; remove it"));
            } else if (e.getValue().size() > 1) {
                problems.add(new Problem(Code.SNAP_SET_INCOMPLETE, "more than one " + name + " snap ("
                        + String.join(", ", e.getValue()) + "); keep one"));
            }
        }
        List<Snap> ordered = new ArrayList<>();
        for (String name : List.of(SNAPD, base, MICROK8S)) {
            verified.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }

    private static final Pattern VERSION = Pattern.compile("(?m)^version:\\s*['\"]?([^'\"\\s#]+)");
    private static final Pattern CONFINEMENT = Pattern.compile("(?m)^confinement:\\s*['\"]?([a-z]+)");

    /**
     * The track check of the microk8s snap, from its meta/snap.yaml as unsquashfs prints it; null
     * when it is on the track, or when unsquashfs is not installed (install.sh then checks after
     * the install).
     */
    static Problem trackOf(Path snap, String fileName, Track track, boolean strict) throws IOException {
        Path unsquashfs = onPath("unsquashfs");
        if (unsquashfs == null) {
            return null;
        }
        String yaml = snapYaml(unsquashfs, snap);
        if (yaml == null) {
            return new Problem(Code.SNAP_WRONG_TRACK, fileName + ": unsquashfs cannot read meta/snap.yaml from it:"
                    + " it is not a snap");
        }
        Matcher v = VERSION.matcher(yaml);
        String version = v.find() ? v.group(1) : null;
        if (version == null || !onTrack(version, track.name())) {
            return new Problem(Code.SNAP_WRONG_TRACK, fileName + " is MicroK8s " + (version == null ? "(no version)" : version)
                    + " (meta/snap.yaml), not on track " + track.name() + "; get the right one with: "
                    + BundleContents.downloadCommand(MICROK8S, track, strict));
        }
        Matcher c = CONFINEMENT.matcher(yaml);
        String confinement = c.find() ? c.group(1) : "strict";
        if (!confinement.equals(strict ? "strict" : "classic")) {
            return new Problem(Code.SNAP_WRONG_TRACK, fileName + " is the " + confinement + " MicroK8s snap (meta/snap.yaml),"
                    + " but the cluster's spec.confinement is " + (strict ? "strict" : "classic") + "; get the right one with: "
                    + BundleContents.downloadCommand(MICROK8S, track, strict));
        }
        return null;
    }

    /** True for v1.34, v1.34.2, 1.34.0-rc.1 on track 1.34 (microk8s' snap version is the Kubernetes one). */
    public static boolean onTrack(String version, String track) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        return v.equals(track) || v.startsWith(track + ".") || v.startsWith(track + "-") || v.startsWith(track + "+");
    }

    private static String snapYaml(Path unsquashfs, Path snap) throws IOException {
        Path out = Files.createTempFile("launchc-snap-yaml-", ".txt");
        try {
            Process p = new ProcessBuilder(unsquashfs.toString(), "-cat", snap.toString(), "meta/snap.yaml")
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            if (p.exitValue() != 0 || Files.size(out) == 0 || Files.size(out) > SnapAssertion.MAX_BYTES) {
                return null;
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        return null;
    }
}
