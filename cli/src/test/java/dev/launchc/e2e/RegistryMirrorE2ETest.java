package dev.launchc.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image pulls through a registry mirror {@code hosts.toml} that launchc generated, using real
 * components on loopback: Debian's {@code docker-registry} (distribution 2.8) as the mirror, and a
 * private {@code containerd} (root, state and socket under the test's temp dir) driven by {@code ctr}.
 *
 * <p>The image is built by the test with jib-core (scratch + one small file) and pushed as
 * {@code 127.0.0.1:PORT/library/launchc-e2e:1}; the pull asks for {@code docker.io/library/launchc-e2e:1},
 * which only resolves if containerd follows the previewed {@code certs.d/docker.io/hosts.toml}.
 *
 * <p>Needs root and {@code containerd}, {@code ctr}, {@code docker-registry} on PATH; fails (never
 * skips) without them.
 */
@Tag("e2e")
class RegistryMirrorE2ETest {
    private static final String REPO = "library/launchc-e2e";
    private static final String TAG = "1";
    private static final String UPSTREAM_REF = "docker.io/" + REPO + ":" + TAG;

    @TempDir
    static Path tmp;

    private static E2eProcesses procs;
    private static Path socket;
    private static int registryPort;
    private static E2eProcesses.Daemon registry;
    private static String pushedDigest;

    @BeforeAll
    static void startComponents() throws Exception {
        E2eProcesses.requireRoot("containerd mounts snapshots and owns its root and state dirs");
        procs = new E2eProcesses(tmp.resolve("logs"));
        E2eProcesses.Registry started = procs.startRegistry(tmp.resolve("registry"));
        registry = started.daemon();
        registryPort = started.port();
        socket = procs.startContainerd(tmp.resolve("ctrd"));

        pushedDigest = pushImage();
    }

    @AfterAll
    static void stopComponents() {
        if (procs != null) {
            procs.close();
        }
    }

    /** Builds scratch + one file with jib-core and pushes it to the loopback registry; returns the manifest digest. */
    private static String pushImage() throws Exception {
        Path file = Launchc.write(tmp.resolve("image/launchc-e2e.txt"), "pulled through a launchc mirror\n");
        String target = "127.0.0.1:" + registryPort + "/" + REPO + ":" + TAG;
        Containerizer to = Containerizer.to(RegistryImage.named(target))
                .setAllowInsecureRegistries(true)
                .setBaseImageLayersCache(tmp.resolve("jib-cache/base"))
                .setApplicationLayersCache(tmp.resolve("jib-cache/app"))
                .setToolName("launchc-e2e");
        var builder = Jib.fromScratch()
                .setPlatforms(Set.of(new Platform(goArch(), "linux")))
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("e2e")
                        .addEntry(file, AbsoluteUnixPath.get("/launchc-e2e.txt")).build());
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<JibContainer> f = ex.submit(() -> builder.containerize(to));
            JibContainer c;
            try {
                c = f.get(E2eProcesses.TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                return fail("jib did not push " + target + " within " + E2eProcesses.TIMEOUT.toSeconds() * 2 + " s\n" + procs.logs());
            } catch (ExecutionException e) {
                throw new AssertionError("jib could not push " + target + ": " + e.getCause() + "\n" + procs.logs(), e.getCause());
            }
            assertTrue(c.isImagePushed(), "jib says it did not push " + target);
            return c.getDigest().toString();
        } finally {
            ex.shutdownNow();
        }
    }

    /** The image platform must match what ctr pulls by default: the host's. */
    private static String goArch() {
        String a = System.getProperty("os.arch");
        return switch (a) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> a;
        };
    }

    private static E2eProcesses.Result ctr(String namespace, String... args) {
        return E2eProcesses.ctr(tmp, socket, namespace, args);
    }

    /** Compiles a launch config whose docker.io hosts.toml mirrors to 127.0.0.1:port; returns the previewed certs.d. */
    private static Path compileMirrorConfig(String name, int port) {
        Path config = Launchc.write(tmp.resolve(name + "/microk8s.yaml"), """
                version: 0.2.0
                containerdRegistryConfigs:
                  docker.io: |
                    server = "https://registry-1.docker.io"

                    [host."http://127.0.0.1:%d"]
                      capabilities = ["pull", "resolve"]
                """.formatted(port));
        Path out = tmp.resolve(name + "/out");
        Launchc.compile(config, out, null);
        Path certsD = Launchc.certsD(out);
        Path hosts = certsD.resolve("docker.io/hosts.toml");
        assertTrue(Files.isRegularFile(hosts), () -> "launchc compile wrote no " + hosts);
        assertTrue(Launchc.read(hosts).contains("[host.\"http://127.0.0.1:" + port + "\"]"),
                () -> hosts + " does not carry the mirror:\n" + Launchc.read(hosts));
        return certsD;
    }

    /** The digest column of {@code ctr images ls} for {@code ref}, if listed. */
    private static Optional<String> listedDigest(String namespace, String ref) {
        E2eProcesses.Result ls = ctr(namespace, "images", "ls");
        assertEquals(0, ls.exitCode(), ls::describe);
        return ls.stdout().lines().map(l -> l.trim().split("\\s+"))
                .filter(cols -> cols.length >= 3 && cols[0].equals(ref))
                .map(cols -> cols[2]).findFirst();
    }

    @Test
    void imagePullsThroughTheGeneratedMirrorHostsToml() {
        Path certsD = compileMirrorConfig("mirror-up", registryPort);

        E2eProcesses.Result pull = ctr("e2e-mirror", "images", "pull", "--snapshotter", "native",
                "--hosts-dir", certsD.toString(), UPSTREAM_REF);
        assertFalse(pull.timedOut(), () -> pull.describe() + "\n" + procs.logs());
        assertEquals(0, pull.exitCode(), () -> "pull through the previewed hosts.toml failed\n" + pull.describe()
                + "\n---- hosts.toml:\n" + Launchc.read(certsD.resolve("docker.io/hosts.toml")) + "\n" + procs.logs());

        String listed = listedDigest("e2e-mirror", UPSTREAM_REF)
                .orElseGet(() -> fail(UPSTREAM_REF + " is not in ctr images ls\n" + ctr("e2e-mirror", "images", "ls").describe()));
        assertNotNull(pushedDigest);
        assertEquals(pushedDigest, listed, "ctr lists a different digest than jib pushed");
        // containerd asked the mirror on behalf of docker.io (it appends ?ns=<upstream> for mirrors).
        assertTrue(registry.logText().contains("/v2/" + REPO + "/manifests/" + TAG + "?ns=docker.io"),
                () -> "the registry never served the manifest for docker.io\n" + procs.logs());
    }

    /** Control: with the mirror on a port where nothing listens, the same pull must fail. */
    @Test
    void pullFailsWhenTheMirrorHostsTomlPointsAtADeadPort() {
        int dead = E2eProcesses.freePort();
        assertNotEquals(registryPort, dead);
        Path certsD = compileMirrorConfig("mirror-down", dead);

        E2eProcesses.Result pull = ctr("e2e-dead", "images", "pull", "--snapshotter", "native",
                "--hosts-dir", certsD.toString(), UPSTREAM_REF);
        assertFalse(pull.timedOut(), () -> "the failing pull should fail fast, not hang\n" + pull.describe());
        assertNotEquals(0, pull.exitCode(), () -> "pull succeeded although the mirror is down\n" + pull.describe());
        assertTrue(listedDigest("e2e-dead", UPSTREAM_REF).isEmpty(), "a failed pull left an image behind");
    }
}
