package dev.launchc.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.launchc.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The containerd config that launchc previews for a node loads in a real containerd (Debian's 1.6.x):
 * compile a launch config per track, render {@code args/containerd-template.toml} as MicroK8s'
 * {@code run-containerd-with-args} does, and run {@code containerd --config F config dump}, which
 * parses the file and decodes every plugin's section (a wrong type fails it).
 *
 * <p>Needs {@code containerd} on PATH; fails (never skips) without it.
 */
@Tag("e2e")
class ContainerdConfigE2ETest {
    private static final String CRI = "io.containerd.grpc.v1.cri";

    /**
     * sandbox_image per track, from the MicroK8s default-args of each branch
     * (shared/reference/tracks/README.md "pause image" column); independent of launchc's catalog.
     */
    private static final Map<String, String> PAUSE = Map.of(
            "1.28", "registry.k8s.io/pause:3.7",
            "1.32", "registry.k8s.io/pause:3.10",
            "1.35", "registry.k8s.io/pause:3.10",
            "1.36", "registry.k8s.io/pause:3.10");

    private static final String LAUNCH_CONFIG = """
            version: 0.1.0
            extraKubeletArgs:
              --cluster-dns: 10.152.183.10
              --cluster-domain: cluster.local
            containerdRegistryConfigs:
              docker.io: |
                server = "https://registry-1.docker.io"

                [host."http://10.0.0.5:5000"]
                  capabilities = ["pull", "resolve"]
              registry.k8s.io: |
                [host."https://mirror.example.internal:5000"]
                  capabilities = ["pull", "resolve"]
                  skip_verify = true
            addons:
              - name: dns
            """;

    private static Path containerd;

    @BeforeAll
    static void tools() {
        containerd = E2eProcesses.requireTool("containerd");
    }

    /** 1.28 (containerd 1.6 era), 1.32 (pause 3.10), 1.35 (containerd 2.x era) and the catalog's newest. */
    static Stream<Arguments> tracks() {
        String newest = Catalog.get().newestTrack();
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("1.28", "native"));
        cases.add(Arguments.of("1.32", "overlayfs"));
        cases.add(Arguments.of("1.35", "overlayfs"));
        if (!List.of("1.28", "1.32", "1.35").contains(newest)) {
            cases.add(Arguments.of(newest, "overlayfs"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "track {0}, snapshotter {1}")
    @MethodSource("tracks")
    void previewedTemplateLoadsInRealContainerd(String track, String snapshotter, @TempDir Path tmp) throws Exception {
        Path config = Launchc.write(tmp.resolve("microk8s.yaml"), LAUNCH_CONFIG);
        Path out = tmp.resolve("out");
        Path template = Launchc.compile(config, out, track);

        Path snapData = Launchc.nodeDir(out);          // ${SNAP_DATA}/args/... = the previewed args dir
        Path snap = tmp.resolve("snap");
        Path certsD = Launchc.certsD(out);
        Path rendered = Launchc.write(snapData.resolve("args/containerd.toml"),
                Launchc.render(Launchc.read(template), snap, snapData, snapshotter));

        E2eProcesses.Result dump = E2eProcesses.run(tmp, E2eProcesses.TIMEOUT,
                List.of(containerd.toString(), "--config", rendered.toString(), "config", "dump"));
        assertFalse(dump.timedOut(), dump::describe);
        assertEquals(0, dump.exitCode(), () -> "containerd rejects the config previewed for track " + track + ":\n"
                + dump.describe() + "\n---- rendered " + rendered + ":\n" + Launchc.read(rendered));

        JsonNode d = parseDump(dump);
        JsonNode cri = d.path("plugins").path(CRI);
        String expectedPause = PAUSE.getOrDefault(track, Catalog.get().track(track).orElseThrow().pauseImage());
        assertEquals(expectedPause, cri.path("sandbox_image").asText(null),
                () -> "sandbox_image of track " + track + " in the dump:\n" + dump.stdout());
        assertEquals(certsD.toString(), cri.path("registry").path("config_path").asText(null),
                () -> "registry config_path must be the previewed certs.d dir:\n" + dump.stdout());
        assertEquals(snapshotter, cri.path("containerd").path("snapshotter").asText(null), dump::describe);
        assertEquals("runc", cri.path("containerd").path("default_runtime_name").asText(null), dump::describe);
        assertEquals(Launchc.runtimeType(),
                cri.path("containerd").path("runtimes").path("runc").path("runtime_type").asText(null), dump::describe);
        assertEquals(snapData.resolve("opt/cni/bin").toString(), cri.path("cni").path("bin_dir").asText(null), dump::describe);

        // The dir config_path names is the one launchc wrote, with the files the launch config asked for.
        assertTrue(Files.isDirectory(certsD), () -> certsD + " is not a directory");
        assertEquals("server = \"https://registry-1.docker.io\"\n\n[host.\"http://10.0.0.5:5000\"]\n  capabilities = [\"pull\", \"resolve\"]\n",
                Launchc.read(certsD.resolve("docker.io/hosts.toml")));
        assertTrue(Files.isRegularFile(certsD.resolve("registry.k8s.io/hosts.toml")), "registry.k8s.io/hosts.toml");
        assertTrue(Files.isRegularFile(certsD.resolve("localhost:32000/hosts.toml")),
                "the default localhost:32000 hosts.toml (renamed from localhost__32000 at install)");
    }

    /** Control: the same check must fail when the file is wrong, or a green run above proves nothing. */
    @Test
    void containerdRejectsABrokenRendering(@TempDir Path tmp) {
        Path config = Launchc.write(tmp.resolve("microk8s.yaml"), LAUNCH_CONFIG);
        Path out = tmp.resolve("out");
        String rendered = Launchc.render(Launchc.read(Launchc.compile(config, out, "1.28")), tmp.resolve("snap"),
                Launchc.nodeDir(out), "overlayfs");

        // A wrong type inside the CRI plugin's section: only caught if the plugin config is decoded.
        String badType = rendered.replace("max_container_log_line_size = 16384", "max_container_log_line_size = \"big\"");
        assertNotEquals(rendered, badType, "the template no longer has max_container_log_line_size");
        // Invalid TOML: a string that never ends.
        String badToml = rendered.replace("sandbox_image = \"registry.k8s.io/pause:3.7\"", "sandbox_image = \"registry.k8s.io/pause:3.7");
        assertNotEquals(rendered, badToml, "the 1.28 template no longer has pause:3.7");
        // An unrendered placeholder left by a broken wrapper emulation.
        String unrendered = Launchc.read(Launchc.nodeDir(out).resolve("args/containerd-template.toml"));

        for (var c : Map.of("wrong type", badType, "invalid TOML", badToml).entrySet()) {
            Path f = Launchc.write(tmp.resolve("broken-" + c.getKey().replace(' ', '-') + ".toml"), c.getValue());
            E2eProcesses.Result r = E2eProcesses.run(tmp, E2eProcesses.TIMEOUT,
                    List.of(containerd.toString(), "--config", f.toString(), "config", "dump"));
            assertFalse(r.timedOut(), r::describe);
            assertNotEquals(0, r.exitCode(), () -> "containerd accepted a config with " + c.getKey() + ":\n" + r.describe());
        }
        // containerd itself accepts the raw template (placeholders are just strings to it), which is why the
        // test renders first and checks the dump's values rather than only the exit code.
        Path raw = Launchc.write(tmp.resolve("raw.toml"), unrendered);
        E2eProcesses.Result r = E2eProcesses.run(tmp, E2eProcesses.TIMEOUT,
                List.of(containerd.toString(), "--config", raw.toString(), "config", "dump"));
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("${SNAP_DATA}/args/certs.d",
                parseDump(r).path("plugins").path(CRI).path("registry").path("config_path").asText(null), r::describe);
    }

    private static JsonNode parseDump(E2eProcesses.Result dump) {
        try {
            return new TomlMapper().readTree(dump.stdout());
        } catch (Exception e) {
            return fail("cannot parse containerd's config dump as TOML: " + e + "\n" + dump.describe());
        }
    }
}
