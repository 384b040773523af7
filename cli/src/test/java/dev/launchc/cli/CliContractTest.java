package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line contract of SPEC §3: exit codes, stdout/stderr, no stack traces, no secrets. */
class CliContractTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = LaunchcCommand.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
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

    @Test
    void directoriesAreLintedRecursivelyForYamlFilesOnly() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("d/sub"));
        Files.writeString(dir.resolve("a.yaml"), "version: 0.2.0\n");
        Files.writeString(dir.resolve("b.yml"), "version: 0.2.0\n");
        Files.writeString(dir.resolve("c.txt"), "not yaml [");
        Run r = run("lint", "--format", "json", tmp.resolve("d").toString());
        assertEquals(0, r.code());
        assertTrue(r.out().contains("\"files\" : 2"), r.out());
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
}
