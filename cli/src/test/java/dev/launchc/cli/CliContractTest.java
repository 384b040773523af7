package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of SPEC §3: exit codes, stdout/stderr, no stack traces, no secrets. */
class CliContractTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void cleanFileExitsZero() throws IOException {
        Run r = run("lint", file("ok.yaml", "version: 0.2.0\naddons:\n  - name: dns\n").toString());
        assertEquals(0, r.code(), r.out());
        assertEquals("", r.err());
    }

    @Test
    void errorsExitOneAndWarningsOnlyUnderStrict() throws IOException {
        Path bad = file("bad.yaml", "version: 0.2.0\nextraKubeletArgs:\n  --clster-dns: 10.152.183.10\n");
        Run r = run("lint", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("bad.yaml:3:3: error: unknown kubelet flag --clster-dns [LC1003]"), r.out());
        assertTrue(r.out().contains("hint: did you mean --cluster-dns?"), r.out());
        Path warn = file("warn.yaml", "version: 0.2.0\naddons:\n  - name: storage\n");
        assertEquals(0, run("lint", warn.toString()).code());
        assertEquals(1, run("lint", "--strict", warn.toString()).code());
    }

    @Test
    void compatTurnsWhatMicroK8sAcceptsIntoWarnings() throws IOException {
        Path typo = file("typo.yaml", "version: 0.2.0\nextraKubeletArg:\n  --max-pods: \"200\"\n");
        Run def = run("lint", typo.toString());
        assertEquals(1, def.code());
        assertTrue(def.out().contains("did you mean extraKubeletArgs?"), def.out());
        assertEquals(0, run("lint", "--compat", typo.toString()).code());
    }

    @Test
    void usageAndIoProblemsExitTwoWithoutAStackTrace() {
        for (String[] args : new String[][] {
            {"lint", tmp.resolve("missing.yaml").toString()},
            {"lint", "--format", "xml", "x.yaml"},
            {"lint", "--target", "9.99", "x.yaml"},
            {"lint", "--strict", "--compat", "x.yaml"},
            {"explain", "LC9999"},
            {"compile", "x.yaml"},
            {"frobnicate"},
        }) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertTrue(r.err().startsWith("launchc: "), r.err());
        }
    }

    /** A directory under tmp holding the files given as relative path, text, path, text... */
    private Path directory(String name, String... pathsAndTexts) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(name));
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            Path file = root.resolve(pathsAndTexts[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndTexts[i + 1]);
        }
        return root;
    }

    @Test
    void directoriesAreLintedRecursivelyForYamlFilesOnly() throws IOException {
        Path dir = directory("d", "sub/a.yaml", "version: 0.2.0\n", "sub/b.yml", "version: 0.2.0\n", "sub/c.txt", "not yaml [");
        Run r = run("lint", "--format", "json", dir.toString());
        assertEquals(0, r.code());
        assertTrue(r.out().contains("\"files\" : 2"), r.out());
    }

    /** A repository holds workflows and manifests beside its launch configs: a walk skips them and says so. */
    @Test
    void aDirectoryWalkSkipsYamlThatIsNotALaunchConfig() throws IOException {
        Path repo = directory("repo",
                ".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n",
                "k8s/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n",
                "seed.yaml", "version: 0.2.0\naddons:\n  - name: dns\n");
        Run r = run("lint", "--format", "json", repo.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\"files\" : 1"), r.out());
        assertTrue(r.err().contains("launchc: skipped 2 YAML files that are not launch configs"), r.err());
        assertFalse(r.err().contains("ci.yml"), "only --verbose lists them: " + r.err());
        Run verbose = run("lint", "--verbose", repo.toString());
        assertTrue(verbose.err().contains(repo.resolve(".github/workflows/ci.yml").toString()), verbose.err());
        assertTrue(verbose.err().contains(repo.resolve("k8s/cm.yaml").toString()), verbose.err());
        assertEquals("", run("lint", "--quiet", repo.toString()).err());

        // Named on the command line, a file is linted whatever it holds.
        Run named = run("lint", repo.resolve("k8s/cm.yaml").toString());
        assertEquals(1, named.code(), named.out());
        assertEquals("", named.err());
    }

    /**
     * What a walk still lints: a launch config that lacks its version or whose keys are all
     * misspelled, a newer or mistyped cluster apiVersion, broken YAML.
     */
    @Test
    void aDirectoryWalkStillLintsWhatLooksLikeALaunchConfig() throws IOException {
        Path repo = directory("configs", "no-version.yaml", "extraSANs:\n  - 10.0.0.1\n",
                "newer.yaml", "apiVersion: launchc.dev/v1alpha2\nkind: Cluster\n", "broken.yaml", "version: [0.2.0\n",
                "typo.yaml", "extraKubletArgs:\n  --max-pods: \"110\"\n", "api-typo.yaml", "apiVersion: launchc.dev.v1alpha1\nkind: Cluster\n");
        Run r = run("lint", repo.toString());
        assertEquals(1, r.code(), r.out());
        for (String name : new String[] {"no-version.yaml", "newer.yaml", "broken.yaml", "typo.yaml", "api-typo.yaml"}) {
            assertTrue(r.out().contains(repo.resolve(name) + ":"), name + " is not reported:\n" + r.out());
        }
        assertTrue(r.out().contains("5 files"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void compileRefusesInputWithErrorsAndWritesNothing() throws IOException {
        Path evil = file("evil.yaml", "version: 0.2.0\ncontainerdRegistryConfigs:\n  ../../etc: |\n    [host.\"http://x\"]\n"
                + "      capabilities = [\"pull\"]\nextraConfigFiles:\n  ../escape: boom\n");
        Path out = tmp.resolve("out");
        Run r = run("compile", "--compat", "-o", out.toString(), evil.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("LC1020") && r.err().contains("LC1023"), r.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().equals("escape") || p.toString().endsWith("/etc")).count());
        }
    }

    @Test
    void tokensNeverAppearInAnyLintFormat() throws IOException {
        String token = "s3cr3tT0kenValue0123456789abcdefXYZ";
        Path f = file("t.yaml", "version: 0.2.0\npersistentClusterToken: " + token + "\njoin:\n  url: 10.0.0.1:99999/" + token
                + "/ab\nextraKubeletArgs:\n  --max-pods: \"1\"\n");
        for (String format : new String[] {"text", "json", "sarif", "junit"}) {
            Run r = run("lint", "--format", format, f.toString());
            assertEquals(1, r.code(), format);
            assertFalse(r.out().contains(token) || r.err().contains(token), format + " leaks the token:\n" + r.out());
        }
        Path out = tmp.resolve("compiled");
        Path ok = file("ok.yaml", "version: 0.2.0\npersistentClusterToken: " + token + "\n");
        assertEquals(0, run("compile", "-o", out.toString(), ok.toString()).code());
        assertFalse(Files.readString(out.resolve("nodes/local/plan.json")).contains(token));
        assertFalse(Files.readString(out.resolve("manifest.json")).contains(token));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("nodes/local/credentials/persistent-cluster-tokens.txt"))));
    }

    @Test
    void noLinksIsTheCopiesLayoutAndGoesWithNoOther() throws IOException {
        Path ok = file("ok.yaml", "version: 0.2.0\n");
        Run r = run("compile", "--no-links", "--layout", "shared", "-o", tmp.resolve("x").toString(), ok.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--no-links is --layout copies; it does not go with --layout shared"), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
        assertEquals(0, run("compile", "--no-links", "--layout", "copies", "-o", tmp.resolve("y").toString(), ok.toString()).code());
        assertEquals(2, run("compile", "--layout", "hardlinks", "-o", tmp.resolve("z").toString(), ok.toString()).code());
    }
}
