package dev.launchc.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import dev.launchc.cli.CliRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launchc bundle --pull-from} end to end, on loopback, with real components: Debian's
 * {@code docker-registry} holds two small images that the test builds with jib-core and pushes
 * under names the air-gapped example needs ({@code docker.io/library/busybox:1.28.4} as a
 * two-platform index, {@code docker.io/cdkbot/hostpath-provisioner:1.5.0} as one manifest); the
 * bundle fetches them, a private {@code containerd} imports {@code images/images.tar} with
 * {@code ctr images import} and lists both by name and by the digest the registry holds, and
 * {@code install.sh} places the seed and the archive under a fake root.
 *
 * <p>Needs root and {@code containerd}, {@code ctr}, {@code docker-registry}, {@code sha256sum},
 * {@code tar}, {@code sh} on PATH; fails (never skips) without them.
 */
@Tag("e2e")
class BundlePullE2ETest {
    private static final Path EXAMPLE = Path.of(System.getProperty("launchc.repo", "..")).toAbsolutePath().normalize()
            .resolve("examples/airgapped/cluster.yaml");
    private static final String BUSYBOX = "docker.io/library/busybox:1.28.4";
    private static final String HOSTPATH = "docker.io/cdkbot/hostpath-provisioner:1.5.0";

    @TempDir
    static Path tmp;

    private static E2eProcesses procs;
    private static Path socket;
    private static int registryPort;
    /** Fully qualified name → the digest the registry serves for it (index digest for busybox). */
    private static final Map<String, String> PUSHED = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void startComponents() throws Exception {
        E2eProcesses.requireRoot("containerd mounts snapshots and owns its root and state dirs");
        procs = new E2eProcesses(tmp.resolve("logs"));
        E2eProcesses.Registry started = procs.startRegistry(tmp.resolve("registry"));
        registryPort = started.port();
        socket = procs.startContainerd(tmp.resolve("ctrd"));

        push(BUSYBOX, Set.of(new Platform("amd64", "linux"), new Platform("arm64", "linux")), "busybox stand-in\n");
        push(HOSTPATH, Set.of(new Platform("amd64", "linux")), "hostpath-provisioner stand-in\n");
    }

    @AfterAll
    static void stopComponents() {
        if (procs != null) {
            procs.close();
        }
    }

    /** Builds scratch + one file with jib and pushes it as 127.0.0.1:PORT/REPO:TAG; records the registry's digest. */
    private static void push(String image, Set<Platform> platforms, String content) throws Exception {
        String path = image.substring("docker.io/".length());
        String target = "127.0.0.1:" + registryPort + "/" + path;
        Path file = Launchc.write(tmp.resolve("image/" + path.replace('/', '_').replace(':', '_') + ".txt"), content);
        Containerizer to = Containerizer.to(RegistryImage.named(target)).setAllowInsecureRegistries(true)
                .setBaseImageLayersCache(tmp.resolve("jib-cache/base")).setApplicationLayersCache(tmp.resolve("jib-cache/app"))
                .setToolName("launchc-e2e");
        var builder = Jib.fromScratch().setPlatforms(platforms).addFileEntriesLayer(FileEntriesLayer.builder()
                .setName("e2e").addEntry(file, AbsoluteUnixPath.get("/content.txt")).build());
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<JibContainer> f = ex.submit(() -> builder.containerize(to));
            try {
                JibContainer c = f.get(E2eProcesses.TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
                assertTrue(c.isImagePushed(), "jib says it did not push " + target);
            } catch (TimeoutException e) {
                f.cancel(true);
                fail("jib did not push " + target + " in time\n" + procs.logs());
            } catch (ExecutionException e) {
                throw new AssertionError("jib could not push " + target + ": " + e.getCause() + "\n" + procs.logs(), e.getCause());
            }
        } finally {
            ex.shutdownNow();
        }
        PUSHED.put(image, registryDigest(path));
    }

    /** The digest the registry itself reports for a tag (Docker-Content-Digest of a HEAD). */
    private static String registryDigest(String pathAndTag) throws Exception {
        int colon = pathAndTag.lastIndexOf(':');
        HttpRequest head = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + registryPort + "/v2/"
                        + pathAndTag.substring(0, colon) + "/manifests/" + pathAndTag.substring(colon + 1)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", String.join(",", "application/vnd.oci.image.index.v1+json",
                        "application/vnd.docker.distribution.manifest.list.v2+json",
                        "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<Void> r = HttpClient.newHttpClient().send(head, HttpResponse.BodyHandlers.discarding());
        assertEquals(200, r.statusCode(), "HEAD " + head.uri());
        return r.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private static E2eProcesses.Result ctr(String namespace, String... args) {
        return E2eProcesses.ctr(tmp, socket, namespace, args);
    }

    /** Runs launchc in-process; returns exit code, stdout and stderr. */
    private static String[] launchc(String... args) {
        CliRun r = CliRun.of(args);
        return new String[] {String.valueOf(r.exitCode()), r.out(), r.err()};
    }

    private static Path bundle(String name) {
        Path out = tmp.resolve(name);
        String[] r = launchc("bundle", "-o", out.toString(), "--pull-from", "127.0.0.1:" + registryPort,
                "--image", BUSYBOX, "--image", "cdkbot/hostpath-provisioner:1.5.0", EXAMPLE.toString());
        assertEquals("0", r[0], () -> "launchc bundle --pull-from failed\nstdout:\n" + r[1] + "\nstderr:\n" + r[2] + "\n"
                + procs.logs());
        assertTrue(r[2].contains("launchc: pulled [2/2]"), r[2]);
        assertFalse(r[2].contains("\r"), "no progress bar without a terminal");
        return out;
    }

    private static Optional<String> listedDigest(String namespace, String ref) {
        E2eProcesses.Result ls = ctr(namespace, "images", "ls");
        assertEquals(0, ls.exitCode(), ls::describe);
        return ls.stdout().lines().map(l -> l.trim().split("\\s+"))
                .filter(cols -> cols.length >= 3 && cols[0].equals(ref)).map(cols -> cols[2]).findFirst();
    }

    @Test
    void bundledImagesImportIntoContainerdWithTheirDigests() throws Exception {
        Path b1 = bundle("b1.tar.gz");
        Path b2 = bundle("b2.tar.gz");
        assertArrayEquals(Files.readAllBytes(b1), Files.readAllBytes(b2), "two --pull-from bundles differ");

        Path dir = Files.createDirectories(tmp.resolve("unpacked"));
        E2eProcesses.Result untar = E2eProcesses.run(dir, E2eProcesses.TIMEOUT,
                List.of(E2eProcesses.requireTool("tar").toString(), "-xzf", b1.toString()));
        assertEquals(0, untar.exitCode(), untar::describe);
        E2eProcesses.Result sums = E2eProcesses.run(dir, E2eProcesses.TIMEOUT,
                List.of(E2eProcesses.requireTool("sha256sum").toString(), "-c", "SHA256SUMS"));
        assertEquals(0, sums.exitCode(), sums::describe);
        assertTrue(sums.stdout().contains("images/images.tar: OK"), sums::describe);

        // The archive is an OCI layout naming each image by its fully qualified name.
        Path archive = dir.resolve("images/images.tar");
        Path layout = Files.createDirectories(tmp.resolve("layout"));
        E2eProcesses.Result x = E2eProcesses.run(layout, E2eProcesses.TIMEOUT,
                List.of(E2eProcesses.requireTool("tar").toString(), "-xf", archive.toString()));
        assertEquals(0, x.exitCode(), x::describe);
        JsonNode index = new ObjectMapper().readTree(layout.resolve("index.json").toFile());
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode m : index.path("manifests")) {
            String name = m.path("annotations").path("io.containerd.image.name").asText();
            names.add(name);
            assertEquals(PUSHED.get(name), m.path("digest").asText(), name + ": the manifest digest is the registry's");
            String type = m.path("mediaType").asText();
            assertEquals(name.equals(BUSYBOX), type.contains("index") || type.contains("list"), name + " is " + type);
        }
        assertEquals(Set.of(BUSYBOX, HOSTPATH), names);
        try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                E2eProcesses.Result h = E2eProcesses.run(layout, E2eProcesses.TIMEOUT,
                        List.of(E2eProcesses.requireTool("sha256sum").toString(), blob.toString()));
                assertTrue(h.stdout().startsWith(blob.getFileName() + " "), "blob content matches its name: " + blob);
            }
        }

        // A real containerd imports it (and unpacks the layers) and lists both images by name and digest.
        E2eProcesses.Result imp = ctr("e2e-bundle", "images", "import", "--platform", "linux/amd64", "--snapshotter", "native",
                archive.toString());
        assertEquals(0, imp.exitCode(), () -> "ctr images import failed\n" + imp.describe() + "\n" + procs.logs());
        for (Map.Entry<String, String> e : PUSHED.entrySet()) {
            String listed = listedDigest("e2e-bundle", e.getKey()).orElseGet(() -> fail(e.getKey()
                    + " is not in ctr images ls after the import\n" + ctr("e2e-bundle", "images", "ls").describe()));
            assertEquals(e.getValue(), listed, e.getKey() + ": ctr lists another digest than the registry holds");
        }

        // install.sh against a fake root: the seed lands with mode 0600, the archive in the sideload folder.
        Path root = Files.createDirectories(tmp.resolve("root"));
        E2eProcesses.Result install = E2eProcesses.run(tmp, E2eProcesses.TIMEOUT, List.of(E2eProcesses.requireTool("sh").toString(),
                dir.resolve("install.sh").toString(), "--node", "edge-cp", "--root", root.toString(), "--force"));
        assertEquals(0, install.exitCode(), install::describe);
        Path seed = root.resolve("var/snap/microk8s/common/.microk8s.yaml");
        assertArrayEquals(Files.readAllBytes(dir.resolve("nodes/edge-cp/seed/microk8s.yaml")), Files.readAllBytes(seed));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(seed)));
        assertArrayEquals(Files.readAllBytes(archive), Files.readAllBytes(root.resolve("var/snap/microk8s/common/sideload/images.tar")));
        assertTrue(install.stdout().contains("images/images.tar: OK"), install::describe);

        String readme = Files.readString(dir.resolve("README.txt"));
        assertTrue(readme.contains("images/images.tar carries 2 of the 7 images"), readme);
    }

    @Test
    void missingImageFailsWithoutABundle() throws Exception {
        Path out = tmp.resolve("missing.tar.gz");
        String[] r = launchc("bundle", "-o", out.toString(), "--pull-from", "127.0.0.1:" + registryPort,
                "--image", BUSYBOX, "--image", "docker.io/coredns/coredns:1.12.3", EXAMPLE.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("cannot pull docker.io/coredns/coredns:1.12.3: 127.0.0.1:" + registryPort
                + "/coredns/coredns:1.12.3 does not exist (HTTP 404)"), r[2]);
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".missing.tar.gz")), "a temporary dir is left");
        }
    }
}
