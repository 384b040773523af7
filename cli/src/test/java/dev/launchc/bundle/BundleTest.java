package dev.launchc.bundle;

import static dev.launchc.bundle.BundleFixtures.AIRGAPPED;
import static dev.launchc.bundle.BundleFixtures.bundle;
import static dev.launchc.bundle.BundleFixtures.launchc;
import static dev.launchc.bundle.BundleFixtures.read;
import static dev.launchc.bundle.BundleFixtures.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.golden.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle of the air-gapped example: contents, reproducibility, checksums, and failure modes. */
class BundleTest {
    @TempDir
    Path tmp;

    /** Golden: every entry with its mode, and images.txt. */
    @Test
    void airgappedExampleFileListAndImages() {
        Map<String, BundleFixtures.Item> items = read(bundle(tmp.resolve("b.tar.gz"), AIRGAPPED));
        StringBuilder list = new StringBuilder();
        for (BundleFixtures.Item i : items.values()) {
            list.append(String.format("%04o %s%n", i.mode(), i.name()));
        }
        Golden.verify("examples/airgapped/cluster", "bundle-files", ".txt", list.toString());
        Golden.verify("examples/airgapped/cluster", "bundle-images", ".txt", text(items.get("images.txt")));
    }

    @Test
    void entriesAreSortedOwnedByRootWithOneMtimeAndFixedModes() {
        Map<String, BundleFixtures.Item> items = read(bundle(tmp.resolve("b.tar.gz"), AIRGAPPED));
        List<String> names = new ArrayList<>(items.keySet());
        assertEquals(names.stream().sorted().toList(), names, "entries are sorted");
        for (BundleFixtures.Item i : items.values()) {
            assertEquals(0, i.uid(), i.name());
            assertEquals(0, i.gid(), i.name());
            assertEquals("root", i.user(), i.name());
            assertEquals("root", i.group(), i.name());
            assertEquals(315532800L, i.mtime(), i.name());
            int expected = i.dir() || i.name().equals("install.sh") ? 0755
                    : i.name().endsWith("seed/microk8s.yaml") || i.name().contains("/credentials/") ? 0600 : 0644;
            assertEquals(expected, i.mode(), i.name());
        }
        for (String node : List.of("edge-cp", "edge-w1", "edge-w2")) {
            assertTrue(items.containsKey("nodes/" + node + "/seed/microk8s.yaml"), node);
            assertTrue(items.containsKey("nodes/" + node + "/plan.json"), node);
        }
        assertFalse(items.containsKey("manifest.json"), "SHA256SUMS replaces compile's manifest");
        // Mirror hosts.toml for exactly the namespaces the images come from, pointing at the site registry.
        assertEquals(List.of("registry/certs.d/docker.io/hosts.toml", "registry/certs.d/registry.k8s.io/hosts.toml"),
                names.stream().filter(n -> n.startsWith("registry/") && n.endsWith(".toml")).toList());
        String hosts = text(items.get("registry/certs.d/registry.k8s.io/hosts.toml"));
        assertTrue(hosts.contains("server = \"https://registry.k8s.io\""), hosts);
        assertTrue(hosts.contains("[host.\"https://registry.plant7.internal:5000\"]"), hosts);
        String readme = text(items.get("README.txt"));
        assertTrue(readme.contains("sh install.sh --node NAME"), readme);
        assertTrue(readme.contains("edge-cp  control-plane  192.168.50.10"), readme);
    }

    /** A node's seed in the bundle is byte for byte what compile writes. */
    @Test
    void nodeTreesAreWhatCompileWrites() throws IOException {
        Map<String, BundleFixtures.Item> items = read(bundle(tmp.resolve("b.tar.gz"), AIRGAPPED));
        Path out = tmp.resolve("compiled");
        BundleFixtures.Run run = launchc("compile", "-o", out.toString(), AIRGAPPED.toString());
        assertEquals(0, run.exitCode(), run::err);
        List<String> compiled;
        try (Stream<Path> s = Files.walk(out)) {
            compiled = s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
                    .filter(p -> !p.equals("manifest.json")).sorted().toList();
        }
        assertEquals(compiled, items.keySet().stream().filter(n -> n.startsWith("nodes/") && !n.endsWith("/")).toList());
        for (String p : compiled) {
            assertArrayEquals(Files.readAllBytes(out.resolve(p)), items.get(p).bytes(), p);
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(p)));
            assertEquals(mode.equals("rw-------") ? 0600 : 0644, items.get(p).mode(), p);
        }
    }

    @Test
    void twoRunsGiveTheSameBytes() throws Exception {
        Path a = bundle(tmp.resolve("a.tar.gz"), AIRGAPPED);
        Thread.sleep(1100); // a clock-dependent mtime would differ now
        Files.createDirectories(tmp.resolve("elsewhere"));
        Path b = bundle(tmp.resolve("elsewhere/other-name.tar.gz"), AIRGAPPED);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "two bundles differ");
        byte[] bytes = Files.readAllBytes(a);
        // gzip header: magic, deflate, no flags (no file name), mtime 0.
        assertEquals(0x1f, bytes[0] & 0xff);
        assertEquals(0x8b, bytes[1] & 0xff);
        assertEquals(0, bytes[3]);
        for (int i = 4; i < 8; i++) {
            assertEquals(0, bytes[i], "gzip mtime byte " + i);
        }
    }

    @Test
    void bundleFileIsPrivate() throws IOException {
        Path b = bundle(tmp.resolve("b.tar.gz"), AIRGAPPED);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(b)), "seeds hold the join token");
    }

    @Test
    void sha256sumCheckPassesInTheUnpackedBundle() {
        Path dir = BundleFixtures.unpack(bundle(tmp.resolve("b.tar.gz"), AIRGAPPED), tmp.resolve("unpacked"));
        BundleFixtures.Result check = BundleFixtures.run(dir,
                List.of(BundleFixtures.requireTool("sha256sum", "coreutils").toString(), "-c", "SHA256SUMS"));
        assertEquals(0, check.exitCode(), check::describe);
        String sums = BundleFixtures.run(dir, List.of("cat", "SHA256SUMS")).stdout();
        long lines = sums.lines().count();
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(s.filter(Files::isRegularFile).count() - 1, lines, "every file but SHA256SUMS is listed");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(sums.lines().allMatch(l -> l.matches("[0-9a-f]{64}  [^ ]+")), sums);
    }

    @Test
    void invalidInputWritesNothing() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: x}
                spec:
                  nodez: []
                  nodes:
                    - {name: a, role: control-plane, address: 10.0.0.1}
                """, StandardCharsets.UTF_8);
        Path out = tmp.resolve("bad.tar.gz");
        BundleFixtures.Run run = launchc("bundle", "-o", out.toString(), bad.toString());
        assertEquals(1, run.exitCode(), run::err);
        assertTrue(run.err().contains("no bundle written"), run.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("bad.yaml"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file is left");
        }
    }

    @Test
    void failedPullWritesNothingAndLeavesTheOldBundle() throws IOException {
        Path out = bundle(tmp.resolve("b.tar.gz"), AIRGAPPED);
        byte[] previous = Files.readAllBytes(out);
        int dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        BundleFixtures.Run run = launchc("bundle", "-o", out.toString(), "--pull-from", "127.0.0.1:" + dead,
                "--image", "docker.io/library/busybox:1.28.4", AIRGAPPED.toString());
        assertEquals(2, run.exitCode(), run::err);
        assertTrue(run.err().contains("cannot pull docker.io/library/busybox:1.28.4 from 127.0.0.1:" + dead
                + "/library/busybox:1.28.4"), run.err());
        assertTrue(run.err().contains("no bundle written"), run.err());
        assertArrayEquals(previous, Files.readAllBytes(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("b.tar.gz"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file is left");
        }
    }

    /**
     * -o replaces only a bundle launchc wrote (or nothing): not the input itself, a link (nor what it
     * leads to), a FIFO, or any other file. Before, each was replaced with exit 0 (/dev/null too, as root).
     */
    @Test
    void anOutputThatIsNotABundleOfLaunchcsIsRefused() throws IOException, InterruptedException {
        Path input = tmp.resolve("cluster.yaml");
        Files.copy(AIRGAPPED, input);
        Files.copy(AIRGAPPED.resolveSibling("join-token.txt"), tmp.resolve("join-token.txt"));
        Path precious = Files.writeString(tmp.resolve("precious.txt"), "mine");
        Path link = Files.createSymbolicLink(tmp.resolve("link.tar.gz"), precious.getFileName());
        Path fifo = tmp.resolve("fifo.tar.gz");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        Path gzip = tmp.resolve("other.tar.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write("README.txt is not how this one starts".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] gzipBytes = Files.readAllBytes(gzip);
        for (Path output : List.of(input, precious, link, fifo, gzip)) {
            BundleFixtures.Run run = launchc("bundle", "-o", output.toString(), input.toString());
            assertEquals(2, run.exitCode(), output + ": " + run.err());
            assertTrue(run.err().contains("cannot write " + output + ": it "), run.err());
        }
        assertEquals(Files.readString(AIRGAPPED), Files.readString(input), "the input is untouched");
        assertEquals("mine", Files.readString(precious));
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "the FIFO stays a FIFO");
        assertArrayEquals(gzipBytes, Files.readAllBytes(gzip));
        // A bundle of launchc's is replaced, as re-running the same line in CI does.
        Path again = bundle(tmp.resolve("again.tar.gz"), AIRGAPPED);
        assertEquals(0, launchc("bundle", "-o", again.toString(), input.toString()).exitCode());
    }

    @Test
    void imageOutsideTheListIsAUsageError() {
        Path out = tmp.resolve("b.tar.gz");
        BundleFixtures.Run run = launchc("bundle", "-o", out.toString(), "--pull-from", "127.0.0.1:1",
                "--image", "quay.io/not/needed:1", AIRGAPPED.toString());
        assertEquals(2, run.exitCode(), run::err);
        assertTrue(run.err().contains("is not an image this cluster needs"), run.err());
        BundleFixtures.Run noPull = launchc("bundle", "-o", out.toString(), "--image", "busybox:1.28.4", AIRGAPPED.toString());
        assertEquals(2, noPull.exitCode(), noPull::err);
        assertFalse(Files.exists(out));
    }

    /** Acceptance: launchc images lists the pause and Calico images of the track and those of every enabled addon. */
    @Test
    void imagesCommandOnTheAirgappedExample() {
        BundleFixtures.Run run = launchc("images", AIRGAPPED.toString());
        assertEquals(0, run.exitCode(), run::err);
        assertEquals("""
                docker.io/calico/cni:v3.29.3
                docker.io/calico/kube-controllers:v3.29.3
                docker.io/calico/node:v3.29.3
                docker.io/cdkbot/hostpath-provisioner:1.5.0
                docker.io/coredns/coredns:1.12.3
                docker.io/library/busybox:1.28.4
                registry.k8s.io/pause:3.10
                """, run.out());
        BundleFixtures.Run json = launchc("images", "--format", "json", AIRGAPPED.toString());
        assertEquals(0, json.exitCode(), json::err);
        assertTrue(json.out().contains("\"name\" : \"hostpath-storage\""), json.out());
        assertTrue(json.out().contains("\"name\" : \"edge-w2\""), json.out());
    }

    @Test
    void imagesNamesWhatItCannotList() throws IOException {
        Path f = Files.writeString(tmp.resolve("obs.yaml"), """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: obs}
                spec:
                  microk8s: "1.32"
                  addons:
                    - name: observability
                  nodes:
                    - {name: cp-1, role: control-plane, address: 10.0.0.11}
                """, StandardCharsets.UTF_8);
        BundleFixtures.Run run = launchc("images", f.toString());
        assertEquals(0, run.exitCode(), run::err);
        assertTrue(run.err().contains("launchc: note: the images of observability on MicroK8s 1.32 are not known offline"),
                run.err());
        assertTrue(run.out().contains("docker.io/cdkbot/hostpath-provisioner:1.5.0"), "its dependencies are listed");
        BundleFixtures.Run bad = launchc("images", "--format", "yaml", f.toString());
        assertEquals(2, bad.exitCode());
    }

    /** In an air-gapped cluster the same gap is a lint warning (LC3026), shown once, and the bundle README names it. */
    @Test
    void airgappedClusterGetsLc3026AndTheReadmeNamesTheGap() throws IOException {
        Path f = Files.writeString(tmp.resolve("obs.yaml"), """
                apiVersion: launchc.dev/v1alpha1
                kind: Cluster
                metadata: {name: obs}
                spec:
                  microk8s: "1.32"
                  airgap: {registry: registry.example:5000}
                  addons:
                    - name: observability
                  join: {token: {fromEnv: LAUNCHC_TEST_UNSET_TOKEN_VARIABLE}}
                  nodes:
                    - {name: cp-1, role: control-plane, address: 10.0.0.11}
                """, StandardCharsets.UTF_8);
        BundleFixtures.Run lint = launchc("lint", f.toString());
        assertTrue(lint.out().contains("[LC3026]"), lint.out());
        BundleFixtures.Run images = launchc("images", f.toString());
        assertEquals(0, images.exitCode(), images::err);
        assertTrue(images.err().contains("[LC3026]"), images.err());
        assertFalse(images.err().contains("launchc: note:"), "reported once, as the lint warning");
        BundleFixtures.Run strict = launchc("images", "--strict", f.toString());
        assertEquals(1, strict.exitCode(), "--strict: the warning fails the run");
    }

    @Test
    void nativeConfigBundlesTheSingleNodeLocal() throws IOException {
        Path f = Files.writeString(tmp.resolve("n.yaml"), """
                version: 0.2.0
                addons:
                  - name: dns
                """, StandardCharsets.UTF_8);
        Map<String, BundleFixtures.Item> items = read(bundle(tmp.resolve("n.tar.gz"), f, "--target", "1.32"));
        assertTrue(items.containsKey("nodes/local/seed/microk8s.yaml"));
        assertFalse(items.keySet().stream().anyMatch(n -> n.startsWith("registry/")), "no site registry: no mirror files");
        assertTrue(text(items.get("images.txt")).contains("registry.k8s.io/pause:3.10"));
        assertTrue(text(items.get("install.sh")).contains("'local') address='' ;;"), text(items.get("install.sh")));
    }
}
