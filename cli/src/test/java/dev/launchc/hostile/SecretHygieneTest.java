package dev.launchc.hostile;

import dev.launchc.pipeline.PipelineFixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The join token appears only in the seeds and in credentials/persistent-cluster-tokens.txt, both
 * 0600: never on stdout or stderr of any command in any format, never in another output file or
 * bundle entry, and never in an error message, whatever went wrong. Every check greps for each
 * run of 12 characters of the token, so that a token cut in two still counts as shown.
 */
class SecretHygieneTest {
    /** A token from a file, for the cluster. */
    static final String CLUSTER_TOKEN = "Cl5TokenFromAFile9f8e7d6c5b4a39281706";
    /** A token written into a native config (persistentClusterToken and the join URL). */
    static final String NATIVE_TOKEN = "Nat1veTokenInTheConfig0a1b2c3d4e5f6789";

    @TempDir
    Path tmp;

    private Path clusterFile() {
        PipelineFixtures.write(tmp.resolve("src/token.txt"), CLUSTER_TOKEN + "\n");
        return PipelineFixtures.write(tmp.resolve("src/cluster.yaml"), PipelineFixtures.cluster("edge"));
    }

    private Path nativeFile(String extra) {
        return PipelineFixtures.write(tmp.resolve("src/native.yaml"), "version: 0.2.0\npersistentClusterToken: " + NATIVE_TOKEN + "\n"
                + "join:\n  url: 10.0.0.1:25000/" + NATIVE_TOKEN + "/0123abcd4567\n  worker: true\n" + extra);
    }

    /** What a leak would show: any 12 characters in a row of the token (a message that cut it still shows most of it). */
    static List<String> needles(String token) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 12 <= token.length(); i++) {
            out.add(token.substring(i, i + 12));
        }
        return out;
    }

    static void assertNoToken(String where, String text, String token) {
        for (String needle : needles(token)) {
            assertFalse(text.contains(needle), () -> where + " shows the token (or part of it):\n" + text);
        }
    }

    static void assertNoToken(Cli.Run r, String token) {
        assertNoToken(r.describe().lines().findFirst().orElse(""), r.all(), token);
        assertTrue(r.clean(), r::describe);
    }

    /** Whether an output file may hold the token: the seed a node installs, and the tokens file. */
    static boolean mayHoldToken(String path) {
        return path.endsWith("/seed/microk8s.yaml") || path.endsWith("/credentials/persistent-cluster-tokens.txt");
    }

    @ParameterizedTest(name = "lint --format {0}")
    @ValueSource(strings = {"text", "json", "sarif", "junit"})
    void lintInEveryFormatShowsNoToken(String format) {
        Path cluster = clusterFile();
        // Findings on the very lines that hold the token: a short token, a bad join URL, an unknown key beside it.
        Path nat = nativeFile("extraKubeletArgs:\n  --clster-dns: 10.152.183.10\n");
        Path bad = PipelineFixtures.write(tmp.resolve("src/bad.yaml"), "version: 0.2.0\npersistentClusterToken: " + NATIVE_TOKEN.substring(0, 20)
                + "\njoin:\n  url: not-an-address/" + NATIVE_TOKEN + "\n  wrker: true\n");
        for (String strict : List.of("--compat", "--strict")) {
            Cli.Run r = Cli.run("lint", "--format", format, strict, cluster.toString(), nat.toString(), bad.toString());
            assertEquals(strict.equals("--strict") ? 1 : 0, r.code(), r::describe);
            assertNoToken(r, CLUSTER_TOKEN);
            assertNoToken(r, NATIVE_TOKEN);
            assertTrue(r.out().contains("bad.yaml"), r::describe);
        }
    }

    @Test
    void compileOfAClusterShowsTheTokenOnlyInSeedsAndTheTokensFile() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("compile", "-o", out.toString(), clusterFile().toString());
        assertEquals(0, r.code(), r::describe);
        assertNoToken(r, CLUSTER_TOKEN);
        List<String> holders = new ArrayList<>();
        for (String f : Cli.files(out)) {
            String text = Files.readString(out.resolve(f));
            if (mayHoldToken(f)) {
                if (text.contains(CLUSTER_TOKEN)) {
                    holders.add(f);
                    assertEquals("rw-------", Cli.mode(out.resolve(f)), f);
                }
            } else {
                assertNoToken(f, text, CLUSTER_TOKEN);
            }
        }
        assertEquals(List.of("nodes/cp-1/credentials/persistent-cluster-tokens.txt", "nodes/cp-1/seed/microk8s.yaml",
                "nodes/w-1/seed/microk8s.yaml", "nodes/w-2/seed/microk8s.yaml"), holders);
    }

    @Test
    void compileOfANativeConfigShowsTheTokenOnlyInTheSeedAndTheTokensFile() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("compile", "-o", out.toString(), nativeFile("").toString());
        assertEquals(0, r.code(), r::describe);
        assertNoToken(r, NATIVE_TOKEN);
        for (String f : Cli.files(out)) {
            if (!mayHoldToken(f)) {
                assertNoToken(f, Files.readString(out.resolve(f)), NATIVE_TOKEN);
            } else {
                assertEquals("rw-------", Cli.mode(out.resolve(f)), f);
            }
        }
        assertTrue(Files.readString(out.resolve("nodes/local/plan.json")).contains("microk8s"), "plan.json has its steps");
    }

    @Test
    void imagesAndBundleShowTheTokenOnlyInSeedsAndTheTokensFile() throws IOException {
        Path cluster = clusterFile();
        for (String format : List.of("text", "json")) {
            Cli.Run images = Cli.run("images", "--format", format, cluster.toString());
            assertEquals(0, images.code(), images::describe);
            assertNoToken(images, CLUSTER_TOKEN);
        }
        Path bundle = tmp.resolve("edge.tar.gz");
        Cli.Run r = Cli.run("bundle", "-o", bundle.toString(), cluster.toString());
        assertEquals(0, r.code(), r::describe);
        assertNoToken(r, CLUSTER_TOKEN);
        Map<String, Integer> holders = new TreeMap<>();
        try (InputStream in = Files.newInputStream(bundle);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String text = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                if (mayHoldToken(e.getName()) && text.contains(CLUSTER_TOKEN)) {
                    holders.put(e.getName(), e.getMode() & 0777);
                } else {
                    assertNoToken("bundle entry " + e.getName(), text, CLUSTER_TOKEN);
                }
            }
        }
        assertEquals(Map.of("nodes/cp-1/credentials/persistent-cluster-tokens.txt", 0600, "nodes/cp-1/seed/microk8s.yaml", 0600,
                "nodes/w-1/seed/microk8s.yaml", 0600, "nodes/w-2/seed/microk8s.yaml", 0600), holders);
    }

    /**
     * Error paths: a token file that is empty, too short, has a line break, a blank or a
     * YAML-breaking character inside, or is a directory; a node that is not in the cluster. Each
     * ends with exit 1 or 2, writes nothing, and names the problem without the token.
     */
    @ParameterizedTest(name = "token file: {0}")
    @ValueSource(strings = {"short", "two lines", "blank inside", "quote and colon", "tab", "directory", "empty", "missing",
            "not UTF-8"})
    void errorPathsShowNoToken(String how) throws IOException {
        Path cluster = clusterFile();
        Path tokenFile = tmp.resolve("src/token.txt");
        String token = switch (how) {
            case "short" -> "Sh0rtT0kenAbc";
            case "two lines" -> CLUSTER_TOKEN + "\n" + CLUSTER_TOKEN.toUpperCase();
            case "blank inside" -> CLUSTER_TOKEN.substring(0, 20) + " " + CLUSTER_TOKEN.substring(20);
            case "quote and colon" -> CLUSTER_TOKEN.substring(0, 20) + "\": x" + CLUSTER_TOKEN.substring(20);
            case "tab" -> CLUSTER_TOKEN.substring(0, 20) + "\t" + CLUSTER_TOKEN.substring(20);
            default -> CLUSTER_TOKEN;
        };
        switch (how) {
            case "directory" -> {
                Files.delete(tokenFile);
                Files.createDirectories(tokenFile);
            }
            case "empty" -> Files.writeString(tokenFile, "\n");
            case "missing" -> Files.delete(tokenFile);
            case "not UTF-8" -> Files.write(tokenFile, (token.substring(0, 20) + "\u00ff" + token.substring(20) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            default -> Files.writeString(tokenFile, token + "\n");
        }
        String reason = switch (how) {
            case "directory" -> "it is a directory";
            case "missing" -> "no such file";
            case "not UTF-8" -> "it is not UTF-8 text";
            case "empty" -> "is empty";
            default -> "token";
        };
        for (String command : List.of("compile", "bundle")) {
            Path out = tmp.resolve(command + "-out");
            Cli.Run r = Cli.run(command, "-o", out.toString(), cluster.toString());
            assertNotEquals(0, r.code(), r::describe);
            assertFalse(Files.exists(out), "written despite the error: " + r.describe());
            for (String piece : token.split("[\\s\"]+")) {
                if (piece.length() >= 12) {
                    assertNoToken(r.describe(), r.all(), piece);
                }
            }
            assertNoToken(r, CLUSTER_TOKEN);
            assertTrue(r.err().contains("token") || r.err().contains("LC1025") || r.err().contains("LC1024"), r::describe);
            assertTrue(r.err().contains(reason), () -> "the reason '" + reason + "' is not named: " + r.describe());
        }
    }

    @Test
    void aNodeThatIsNotInTheClusterShowsNoToken() {
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("compile", "--node", "w-9", "-o", out.toString(), clusterFile().toString());
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("no node 'w-9'"), r::describe);
        assertNoToken(r, CLUSTER_TOKEN);
        assertFalse(Files.exists(out));
    }

    /** A native config whose token-bearing lines have errors: compile refuses it and shows the lines, redacted. */
    @Test
    void aRefusedNativeCompileShowsNoToken() {
        Path nat = PipelineFixtures.write(tmp.resolve("src/bad.yaml"), "version: 0.2.0\npersistentClusterToken: " + NATIVE_TOKEN.substring(0, 20)
                + "\njoin:\n  url: not-an-address/" + NATIVE_TOKEN + "/x\n");
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("compile", "-o", out.toString(), nat.toString());
        assertEquals(1, r.code(), r::describe);
        assertTrue(r.err().contains("LC1024") && r.err().contains("LC1025"), r::describe);
        assertNoToken(r, NATIVE_TOKEN);
        assertFalse(Files.exists(out));
    }

    /**
     * F5 (fixed in lint/FileLint.redact; the fuzz module's FindingsRegressionTest pins redact
     * itself): when one secret was the start of another (a short persistentClusterToken that
     * begins the join URL's token), lint's source line showed the long one's second half.
     */
    @Test
    void f5LintShowsNoPartOfTheLongerSecret() {
        String token = "Nat1veTokenInTheConfig0a1b2c3d4e5f6789";
        String text = "version: 0.2.0\npersistentClusterToken: " + token.substring(0, 20) + "\njoin:\n  url: 10.0.0.1:25000/"
                + token + "\n";
        Path in = PipelineFixtures.write(tmp.resolve("t.yaml"), text);
        Cli.Run r = Cli.run("lint", in.toString());
        assertFalse(r.out().contains(token.substring(20)), r::describe);
    }
}
