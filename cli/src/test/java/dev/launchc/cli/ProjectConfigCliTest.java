package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .launchc.yaml found upward from each input, or named with --config; flags win over it. */
class ProjectConfigCliTest {
    /** LC2002 (a warning) on line 3. */
    private static final String SAN_WARNING = "version: 0.2.0\nextraKubeAPIServerArgs:\n"
            + "  --service-cluster-ip-range: 10.153.183.0/24\n";

    @TempDir
    Path tmp;
    Path site;

    @BeforeEach
    void project() throws IOException {
        site = Files.createDirectories(tmp.resolve("project/sites/a"));
        Files.writeString(site.resolve("node.yaml"), SAN_WARNING);
    }

    private void settings(Path dir, String yaml) throws IOException {
        Files.writeString(dir.resolve(".launchc.yaml"), yaml);
    }

    @Test
    void theNearestFileAboveTheInputApplies() throws IOException {
        String file = site.resolve("node.yaml").toString();
        assertTrue(CliRun.of("lint", file).out().contains("[LC2002]"));
        settings(tmp.resolve("project"), "disable: [LC2002]\n");
        assertFalse(CliRun.of("lint", file).out().contains("[LC2002]"), "found two folders up");
        settings(site, "mode: strict\n");
        CliRun nearest = CliRun.of("lint", file);
        assertTrue(nearest.out().contains("[LC2002]"), "only the nearest file counts");
        assertEquals(1, nearest.exitCode(), "its mode: strict fails on the warning");
    }

    @Test
    void flagsWinOverTheFile() throws IOException {
        settings(tmp.resolve("project"), "mode: strict\ndisable: [LC2002]\ntarget: \"1.27\"\n");
        String file = site.resolve("node.yaml").toString();
        CliRun fromFile = CliRun.of("lint", file);
        assertTrue(fromFile.out().contains("[LC1006]"), "target 1.27 accepts only 0.1.0: " + fromFile.out());
        CliRun flags = CliRun.of("lint", "--target", "1.32", "--enable", "LC2002", file);
        assertTrue(flags.out().contains("[LC2002]"), flags.out());
        assertFalse(flags.out().contains("[LC1006]"), flags.out());
        assertEquals(1, flags.exitCode(), "mode strict from the file still applies");
        assertEquals(0, CliRun.of("lint", "--target", "1.32", "--compat", "--enable", "LC2002", file).exitCode());
    }

    @Test
    void configNamesTheFileForEveryInput() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("elsewhere"));
        settings(other, "disable: [LC2002]\n");
        settings(tmp.resolve("project"), "enable: [LC2002]\n");
        CliRun r = CliRun.of("lint", "--config", other.resolve(".launchc.yaml").toString(), site.resolve("node.yaml").toString());
        assertFalse(r.out().contains("[LC2002]"), r.out());
    }

    @Test
    void excludeAndOverridesApplyToWalks() throws IOException {
        Path vendor = Files.createDirectories(tmp.resolve("project/vendor"));
        Files.writeString(vendor.resolve("bad.yaml"), "version: 0.2.0\nextraSAN: [x]\n");
        Path legacy = Files.createDirectories(tmp.resolve("project/legacy"));
        Files.writeString(legacy.resolve("old.yaml"), SAN_WARNING);
        settings(tmp.resolve("project"), "exclude: [\"vendor/**\"]\noverrides:\n  - files: [\"legacy/**\"]\n    disable: [LC2002]\n");
        CliRun walk = CliRun.of("lint", tmp.resolve("project").toString());
        assertFalse(walk.out().contains("vendor"), walk.out());
        assertFalse(walk.out().contains("old.yaml"), walk.out());
        assertTrue(walk.out().contains("node.yaml"), walk.out());
        assertTrue(CliRun.of("lint", vendor.resolve("bad.yaml").toString()).out().contains("[LC1002]"),
                "a file named on the command line is linted although excluded");
        CliRun cliExclude = CliRun.of("lint", "--exclude", tmp.resolve("project/sites").toString() + "/**",
                tmp.resolve("project").toString());
        assertFalse(cliExclude.out().contains("node.yaml"), cliExclude.out());
    }

    @Test
    void disableOnTheCommandLine() {
        String file = site.resolve("node.yaml").toString();
        assertFalse(CliRun.of("lint", "--disable", "LC2002,LC1003", file).out().contains("[LC2002]"));
        CliRun guard = CliRun.of("lint", "--disable", "LC1020", file);
        assertEquals(2, guard.exitCode());
        assertTrue(guard.err().contains("cannot be disabled"), guard.err());
        assertEquals(2, CliRun.of("lint", "--disable", "LC9999", file).exitCode());
    }

    @Test
    void anInvalidSettingsFileIsAUsageError() throws IOException {
        settings(tmp.resolve("project"), "disabel: [LC2002]\n");
        CliRun r = CliRun.of("lint", site.resolve("node.yaml").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("is not valid") && r.err().contains("did you mean disable?"), r.err());
    }

    @Test
    void compileHonoursTheSettingsToo() throws IOException {
        settings(tmp.resolve("project"), "mode: strict\n");
        CliRun r = CliRun.of("compile", "-o", tmp.resolve("out").toString(), site.resolve("node.yaml").toString());
        assertEquals(1, r.exitCode(), "the warning fails under the file's strict mode");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void explainSaysWhetherACodeCanBeSuppressed() {
        assertTrue(CliRun.of("explain", "LC1020").out().contains("cannot be suppressed"));
        assertTrue(CliRun.of("explain", "LC2002").out().contains("suppressible: yes"));
    }

    @Test
    void theSettingsSchemaIsPublished() {
        CliRun r = CliRun.of("schema", "--kind", "config");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"$id\": \"https://launchc.dev/schema/config/v1.json\""), r.out());
    }
}
