package dev.launchc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.convert.LaunchConfigVersion;
import dev.launchc.convert.LaunchConfigVersions;
import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import dev.launchc.load.LoadLimits;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YamlLoader;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.model.internal.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A launch-config version is a plug-in: a version that only this test knows (its schema is
 * src/test/resources/schema/native/0.9.0-test.json, its model the record below) is registered
 * through {@link LaunchConfigVersions} alone, and a file of that version is linted and converted
 * with no main-code change.
 */
class FakeLaunchConfigVersionTest {
    /** The test version's model: a version and the kubelet's flags under a key of its own. */
    public record FakeConfig(String version, Map<String, String> kubeletFlags) {}

    static final LaunchConfigVersion FAKE = LaunchConfigVersion.of("0.9.0-test", FakeConfig.class, (index, doc, bound) -> {
        Part.Builder part = Part.builder(index, doc);
        if (bound.version() != null) {
            part.version(new Value(bound.version(), "/version"));
        }
        if (bound.kubeletFlags() != null) {
            List<ArgEntry> flags = new ArrayList<>();
            bound.kubeletFlags().forEach((k, v) -> flags.add(new ArgEntry(k, v, "/kubeletFlags/" + k)));
            part.serviceArgs(Map.of(ServiceFile.KUBELET, flags), Map.of(ServiceFile.KUBELET, "/kubeletFlags"));
        }
        return part.build();
    }).withServiceKeys(file -> file == ServiceFile.KUBELET ? "kubeletFlags" : file.nativeKey());

    static final Track TRACK = Catalog.get().track("1.36").orElseThrow();

    @Test
    void aRegisteredVersionIsFoundPublishedAndClosedAgain() {
        try (LaunchConfigVersions.Registration r = LaunchConfigVersions.register(FAKE)) {
            assertEquals(FAKE, LaunchConfigVersions.find("0.9.0-test").orElseThrow());
            assertEquals(FAKE, LaunchConfigVersions.newest());
            assertTrue(Linter.publishedSchemas().contains(FAKE.schema()));
            assertEquals(List.of("version", "kubeletFlags"), List.copyOf(FAKE.keys()));
            // No catalog track accepts 0.9.0-test: every track keeps its own parser.
            assertEquals("0.2.0", NativeLinter.parserVersion(TRACK).version());
            assertEquals("0.1.0", NativeLinter.parserVersion(Catalog.get().track("1.27").orElseThrow()).version());
        }
        assertTrue(LaunchConfigVersions.find("0.9.0-test").isEmpty());
        assertFalse(Linter.publishedSchemas().contains(FAKE.schema()));
        assertEquals("0.2.0", LaunchConfigVersions.newest().version());
    }

    @Test
    void aFileOfTheRegisteredVersionIsLintedAndConverted() {
        String text = "version: 0.9.0-test\n"
                + "kubeletFlags:\n"
                + "  --max-pods: \"110\"\n"
                + "  --node-ip=10.0.0.1: x\n"
                + "extraKubeletArgs: {}\n";
        try (LaunchConfigVersions.Registration r = LaunchConfigVersions.register(FAKE)) {
            Reporter reporter = new Reporter("fake.yaml", Mode.DEFAULT);
            LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load("fake.yaml", text.getBytes(StandardCharsets.UTF_8), reporter);
            LaunchConfig config = NativeLinter.lint(file, FAKE, TRACK, reporter);

            assertEquals("0.9.0-test", config.launchConfigVersion());
            assertEquals(1, config.parts().size());
            Part part = config.parts().get(0);
            assertEquals(new Value("0.9.0-test", "/version"), part.version());
            assertEquals(new ArgEntry("--max-pods", "110", "/kubeletFlags/--max-pods"), part.args(ServiceFile.KUBELET).get(0));

            List<Diagnostic> found = reporter.diagnostics();
            // The test schema, not 0.2.0's, judges the keys: extraKubeletArgs is unknown in 0.9.0-test.
            assertTrue(found.stream().anyMatch(d -> d.code().equals(Code.UNKNOWN_KEY.id()) && d.path().equals("/extraKubeletArgs")),
                    found.toString());
            // The rules name the map by the version's own key.
            assertTrue(found.stream().anyMatch(d -> d.code().equals(Code.ARG_KEY_NOT_A_FLAG.id())
                    && d.message().contains("in kubeletFlags")), found.toString());
            // The track's parser range still applies: 1.36 reads 0.1.0 to 0.2.0.
            assertTrue(found.stream().anyMatch(d -> d.code().equals(Code.VERSION_OUT_OF_RANGE.id())), found.toString());
        }
    }

    @Test
    void keysOfALaterVersionAreNamedWithTheFirstTrackThatReadsThem() {
        LaunchConfigVersion v01 = LaunchConfigVersions.find("0.1.0").orElseThrow();
        String note = "a launch-config 0.2.0 key (MicroK8s 1.28 and later)";
        assertEquals(Map.of("extraCNIEnv", note, "extraFIPSEnv", note), NativeLinter.keysOfLaterVersions(v01));
        assertEquals(Map.of(), NativeLinter.keysOfLaterVersions(LaunchConfigVersions.newest()));
        try (LaunchConfigVersions.Registration r = LaunchConfigVersions.register(FAKE)) {
            assertEquals("a launch-config 0.9.0-test key (no MicroK8s track in the catalog reads it)",
                    NativeLinter.keysOfLaterVersions(v01).get("kubeletFlags"));
        }
    }
}
