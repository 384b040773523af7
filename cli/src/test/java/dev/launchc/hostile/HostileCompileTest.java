package dev.launchc.hostile;

import dev.launchc.pipeline.PipelineFixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input through the CLI, for lint, compile and bundle alike: every case ends in a clear
 * diagnostic (its code on the output, exit 1, no stack trace), writes nothing, and stays within
 * the bounds stated here. The loader's own hostile suite
 * (compiler: YamlLoaderHostileInputTest) covers positions and messages in detail; this suite
 * checks that the commands around it hold too.
 *
 * <p>Bounds: each hostile-input case runs in a JVM started with {@link #HEAP} of heap and the
 * launcher's flags (so a case that needs more memory dies with an OutOfMemoryError), and must end
 * within its stated time, preemptively. Path traversal and symlink cases run in this JVM, each
 * within {@link #QUICK}, and check that a canary directory outside the output stays untouched.
 */
class HostileCompileTest {
    /**
     * The heap every hostile-input case must fit in. Measured: all 24 fit in 256 MiB; 200,000 keys
     * need more than 128 MiB (a 2.6 MB file, 400,001 YAML nodes: schema validation and findings).
     */
    static final String HEAP = "256m";
    /** The time each hostile-input case must end in, unless its row states more. */
    static final Duration BOUND = Duration.ofSeconds(10);
    /** Path and symlink cases. */
    static final Duration QUICK = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    Path canary;

    @BeforeEach
    void canary() throws IOException {
        canary = Files.createDirectories(tmp.resolve("canary"));
        Files.writeString(canary.resolve("keep.txt"), "canary\n");
    }

    private void assertCanaryUntouched() {
        assertEquals(Map.of("", "rwxr-xr-x", "keep.txt", "rw-r--r-- canary\n"), withoutDirSlash(Cli.snapshot(canary)),
                "something was written outside the output directory");
    }

    private static Map<String, String> withoutDirSlash(TreeMap<String, String> snapshot) {
        Map<String, String> out = new TreeMap<>();
        snapshot.forEach((k, v) -> out.put(k.equals("/") ? "" : k, v));
        return out;
    }

    // ---- hostile inputs, in a small-heap JVM ---------------------------------------------------

    /** One hostile input: how it is built, the finding it must end in, and its time bound. */
    record Input(String label, String code, Duration bound, java.util.function.Supplier<byte[]> bytes) {}

    static List<Input> inputs() {
        return List.of(
                new Input("alias bomb (9 levels x 9 aliases, 387M strings expanded)", "LC0005", BOUND,
                        () -> utf8(billionLaughs())),
                new Input("20,000-deep nesting", "LC0005", BOUND, () -> utf8("[".repeat(20_000) + "]".repeat(20_000) + "\n")),
                new Input("30 MB single line", "LC0005", BOUND, () -> {
                    byte[] b = new byte[30 * 1024 * 1024];
                    Arrays.fill(b, (byte) 'a');
                    b[0] = 'k';
                    b[1] = ':';
                    b[2] = ' ';
                    return b;
                }),
                new Input("200,000 keys", "LC1002", Duration.ofSeconds(30), () -> {
                    StringBuilder sb = new StringBuilder("version: 0.2.0\n");
                    for (int i = 0; i < 200_000; i++) {
                        sb.append('k').append(i).append(": v\n");
                    }
                    return utf8(sb.toString());
                }),
                new Input("binary (64 KiB of random bytes)", "LC0004", BOUND, () -> {
                    byte[] b = new byte[64 * 1024];
                    new Random(20261122L).nextBytes(b);
                    return b;
                }),
                new Input("NUL byte in a config", "LC0004", BOUND, () -> utf8("version: 0.2.0\nextraSANs:\n  - a\0b\n")),
                new Input("invalid UTF-8 (C3 28)", "LC0003", BOUND, () -> {
                    byte[] head = utf8("version: 0.2.0\naddons:\n  - name: d");
                    byte[] out = Arrays.copyOf(head, head.length + 5);
                    out[head.length] = (byte) 0xC3;
                    out[head.length + 1] = 0x28;
                    out[head.length + 2] = 'n';
                    out[head.length + 3] = 's';
                    out[head.length + 4] = '\n';
                    return out;
                }),
                new Input("100,000 documents", "LC0005", BOUND, () -> utf8("---\nversion: 0.2.0\n".repeat(100_000))),
                // An escape yaml.v2 reads and snakeyaml does not (scannerc.go, yaml_parser_scan_flow_scalar:
                // \L) makes every double-quoted scalar after it look for it: that must not cost a scan of the file each.
                new Input("one \\L escape and 200,000 double-quoted scalars", "LC0001", BOUND,
                        () -> utf8("version: 0.2.0\nextraSANs: [\"a\\Lb\"" + ", \"x\"".repeat(200_000) + "]\nbad: [\n")));
    }

    static String billionLaughs() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The outcome of one case in the child JVM. */
    record Outcome(String label, String[] args, Input input, String command, Path output, int code, long millis,
            String out, String err) {}

    /**
     * Every hostile input through lint, compile and bundle: 24 cases, run in one child JVM with a
     * {@link #HEAP} heap, each reported as its own test.
     */
    @TestFactory
    Stream<DynamicTest> hostileInputsEndInADiagnosticWithinBounds() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<String> lines = new ArrayList<>();
        Map<String, Outcome> expected = new LinkedHashMap<>();
        int n = 0;
        long total = 0;
        for (Input input : inputs()) {
            Path file = PipelineFixtures.write(in.resolve("hostile-" + n++ + ".yaml"), input.bytes().get());
            for (String command : List.of("lint", "compile", "bundle")) {
                Path output = tmp.resolve("out").resolve(command + "-" + n + (command.equals("bundle") ? ".tar.gz" : ""));
                List<String> args = new ArrayList<>(List.of(command));
                if (!command.equals("lint")) {
                    args.addAll(List.of("-o", output.toString()));
                }
                args.add(file.toString());
                String label = command + ": " + input.label();
                lines.add(label + "\t" + input.bound().toMillis() + "\t" + String.join("\u001f", args));
                expected.put(label, new Outcome(label, args.toArray(String[]::new), input, command, output, -1, -1, null, null));
                total += input.bound().toMillis();
            }
        }
        Files.createDirectories(tmp.resolve("out"));
        Path cases = PipelineFixtures.write(tmp.resolve("cases.txt"), String.join("\n", lines) + "\n");
        Map<String, Outcome> results = runChild(cases, expected, Duration.ofMillis(total).plusSeconds(60));
        return expected.values().stream().map(e -> dynamicTest(e.label(), () -> {
            Outcome r = results.get(e.label());
            assertNotNull(r, () -> "no result: the child JVM stopped before this case\n" + results.get("<child>"));
            String what = "launchc " + String.join(" ", e.args()) + " -> exit " + r.code() + " in " + r.millis() + " ms\n--- stdout:\n"
                    + head(r.out()) + "\n--- stderr:\n" + head(r.err());
            System.out.printf("hostile %-8s %-60s exit %d %6d ms%n", e.command(), e.input().label(), r.code(), r.millis());
            assertEquals(1, r.code(), what);
            assertTrue(r.millis() <= e.input().bound().toMillis(), () -> "over the " + e.input().bound() + " bound: " + what);
            assertTrue((r.out() + r.err()).contains(e.input().code()), () -> "no " + e.input().code() + " finding: " + what);
            assertFalse((r.out() + r.err()).contains("\tat ") || (r.out() + r.err()).contains("internal error"), what);
            assertFalse(Files.exists(e.output(), LinkOption.NOFOLLOW_LINKS), "something was written: " + e.output());
            try (Stream<Path> s = Files.list(e.output().getParent())) {
                assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("." + e.output().getFileName()))
                        .toList(), "a temporary file was left behind");
            }
        }));
    }

    private Map<String, Outcome> runChild(Path cases, Map<String, Outcome> expected, Duration limit) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + HEAP, "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), HostileDriver.class.getName(), cases.toString());
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectError(tmp.resolve("child.err").toFile()).start();
        byte[] stdout = assertTimeoutPreemptively(limit, () -> p.getInputStream().readAllBytes(),
                () -> "the hostile cases took longer than " + limit + " in all");
        p.waitFor(30, TimeUnit.SECONDS);
        Map<String, Outcome> out = new LinkedHashMap<>();
        Base64.Decoder b64 = Base64.getDecoder();
        StringBuilder other = new StringBuilder();
        for (String line : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("CASE") && f.length == 6) {
                Outcome e = expected.get(f[1]);
                out.put(f[1], new Outcome(f[1], e.args(), e.input(), e.command(), e.output(), Integer.parseInt(f[2]),
                        Long.parseLong(f[3]), new String(b64.decode(f[4]), StandardCharsets.UTF_8),
                        new String(b64.decode(f[5]), StandardCharsets.UTF_8)));
            } else if (!line.isBlank()) {
                other.append(line).append('\n');
            }
        }
        String childErr = Files.exists(tmp.resolve("child.err")) ? Files.readString(tmp.resolve("child.err")) : "";
        out.put("<child>", new Outcome("<child>", new String[0], null, null, null, p.exitValue(), 0,
                other.toString(), childErr));
        return out;
    }

    // ---- path traversal, in this JVM --------------------------------------------------------

    private Cli.Run compileIn(String fileName, String text, String... extra) {
        Path file = PipelineFixtures.write(tmp.resolve("src").resolve(fileName), text);
        PipelineFixtures.write(tmp.resolve("src/token.txt"), "Tr4v3rsalTokenTr4v3rsalToken0123456789\n");
        List<String> args = new ArrayList<>(List.of("compile", "-o", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        args.add(file.toString());
        return assertTimeoutPreemptively(QUICK, () -> Cli.run(args.toArray(String[]::new)));
    }

    private void assertRefused(Cli.Run r, int exit, String... codes) {
        assertEquals(exit, r.code(), r::describe);
        for (String code : codes) {
            assertTrue(r.all().contains(code), () -> "no " + code + ": " + r.describe());
        }
        assertTrue(r.clean(), r::describe);
        assertFalse(Files.exists(tmp.resolve("out"), LinkOption.NOFOLLOW_LINKS), "the output directory was written");
        assertCanaryUntouched();
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(List.of(), s.map(p -> tmp.relativize(p).toString())
                    .filter(p -> p.endsWith("escape") || p.endsWith("etc") || p.contains("evil")).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A registry name becomes args/certs.d/NAME/hosts.toml: none may climb out (LC1020) or be malformed (LC1019). */
    @ParameterizedTest(name = "registry name {0}")
    @ValueSource(strings = {"../../canary/evil", "../x", "..", "a/../../b", "/etc/evil", "..%2f..%2fcanary", "docker.io/../../..",
        "x\\..\\..\\evil"})
    void registryNamesCannotLeaveCertsD(String name) {
        Cli.Run r = compileIn("native.yaml", "version: 0.2.0\ncontainerdRegistryConfigs:\n  " + yamlQuoted(name)
                + ": |\n    [host.\"https://mirror.corp.example\"]\n      capabilities = [\"pull\"]\n");
        assertRefused(r, 1);
        // A backslash is refused as LC1030 (launchc writes no such name), the others as MicroK8s judges them.
        assertTrue(name.contains("\\") ? r.all().contains("LC1030") : r.all().contains("LC1020") || r.all().contains("LC1019"),
                r::describe);
    }

    @ParameterizedTest(name = "cluster mirror namespace {0}")
    @ValueSource(strings = {"../../canary/evil", "..", "/etc/evil", "a/../../b"})
    void clusterMirrorNamespacesCannotLeaveCertsD(String name) {
        Cli.Run r = compileIn("cluster.yaml", PipelineFixtures.cluster("edge").replace("docker.io: [", yamlQuoted(name) + ": ["));
        assertRefused(r, 1);
        assertTrue(r.err().contains("error"), r::describe);
    }

    /** extraConfigFiles NAME becomes args/NAME: no '/', '\\', '..', '.' or empty name (LC1023, an error in every mode). */
    @ParameterizedTest(name = "config file name {0}")
    @ValueSource(strings = {"../escape", "../../canary/evil", "..", ".", "", "/etc/evil", "a/b", "a\\..\\evil"})
    void configFileNamesCannotLeaveArgs(String name) {
        Cli.Run r = compileIn("native.yaml", "version: 0.2.0\nextraConfigFiles:\n  " + yamlQuoted(name) + ": boom\n", "--compat");
        assertRefused(r, 1, "LC1023");
    }

    /**
     * A config file named like a directory that args/ already has (certs.d, cni-network) cannot be
     * written on the node: LC1023. (Finding K1: lint let it through, and the writer stopped.)
     */
    @ParameterizedTest(name = "config file named like the directory {0}")
    @ValueSource(strings = {"certs.d", "cni-network"})
    void configFileNamedLikeADirectoryOfArgs(String name) {
        Cli.Run r = compileIn("native.yaml", "version: 0.2.0\nextraConfigFiles:\n  " + name + ": boom\n", "--compat");
        assertRefused(r, 1, "LC1023");
    }

    /** A node name becomes nodes/NAME/: it must be a DNS-1123 label (LC3024). */
    @ParameterizedTest(name = "node name {0}")
    @ValueSource(strings = {"../../etc", "../../canary/evil", "..", "a/b", "/root", "cp-1/../../x", "."})
    void nodeNamesCannotLeaveNodes(String name) {
        Cli.Run r = compileIn("cluster.yaml", PipelineFixtures.cluster("edge").replace("name: w-2,", "name: " + yamlQuoted(name) + ","));
        assertRefused(r, 1, "LC3024");
    }

    @Test
    void compileNodeSelectsOnlyNodesOfTheCluster() {
        Cli.Run r = compileIn("cluster.yaml", PipelineFixtures.cluster("edge"), "--node", "../../canary/evil");
        assertRefused(r, 2);
        assertTrue(r.err().contains("no node '../../canary/evil'"), r::describe);
    }

    // ---- symbolic links around OUTDIR -----------------------------------------------------------

    private Path nativeInput() {
        return PipelineFixtures.write(tmp.resolve("src/native.yaml"), "version: 0.2.0\nextraKubeletArgs:\n  --max-pods: \"150\"\n");
    }

    @Test
    void outdirThatIsASymlinkIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("out-link"), canary);
        Cli.Run r = assertTimeoutPreemptively(QUICK, () -> Cli.run("compile", "-o", link.toString(), nativeInput().toString()));
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("symbolic link"), r::describe);
        assertTrue(r.clean(), r::describe);
        assertTrue(Files.isSymbolicLink(link));
        assertCanaryUntouched();
    }

    /**
     * A previous output whose subdirectory was replaced by a link to somewhere else is no longer a
     * tree launchc wrote (its manifest does not list what is there): compile refuses to replace
     * it, and follows no link. (Before issue 15 it replaced any directory with a manifest.json.)
     */
    @Test
    void outdirWithALinkInsideIsNotReplacedNorFollowed() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("compile", "-o", out.toString(), nativeInput().toString()).code());
        Path args = out.resolve("nodes/local/args");
        deleteTree(args);
        Files.createSymbolicLink(args, canary);
        Files.createSymbolicLink(out.resolve("nodes/escape"), canary.resolve("keep.txt"));
        Cli.Run r = assertTimeoutPreemptively(QUICK, () -> Cli.run("compile", "-o", out.toString(), nativeInput().toString()));
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("that launchc did not write"), r::describe);
        assertCanaryUntouched();
        assertTrue(Files.isSymbolicLink(out.resolve("nodes/local/args")), "the user's tree was changed");
        assertTrue(Files.isSymbolicLink(out.resolve("nodes/escape")), "the user's tree was changed");
    }

    /** A manifest.json that is a link does not make a foreign directory launchc's to replace. */
    @Test
    void outdirWithASymlinkedManifestIsNotReplaced() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("manifest.json"), canary.resolve("keep.txt"));
        Cli.Run r = assertTimeoutPreemptively(QUICK, () -> Cli.run("compile", "-o", out.toString(), nativeInput().toString()));
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("holds no manifest.json"), r::describe);
        assertTrue(Files.isSymbolicLink(out.resolve("manifest.json")));
        assertCanaryUntouched();
    }

    /**
     * bundle -o LINK is refused: launchc replaces only a bundle of its own, and the link is the
     * user's (before, the link itself was replaced; the file it pointed to stayed).
     */
    @Test
    void bundleOutputThatIsASymlinkIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("bundle.tar.gz"), canary.resolve("keep.txt"));
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("bundle", "-o", link.toString(),
                nativeInput().toString()));
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.clean(), r::describe);
        assertTrue(r.err().contains("it is a symbolic link; refusing to follow it"), r::describe);
        assertTrue(Files.isSymbolicLink(link), "the link stays");
        assertCanaryUntouched();
    }

    @Test
    void bundleOutputThatIsADirectoryIsRefused() {
        Cli.Run r = assertTimeoutPreemptively(QUICK, () -> Cli.run("bundle", "-o", canary.toString(), nativeInput().toString()));
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.clean(), r::describe);
        assertCanaryUntouched();
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String head(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }

    /** A YAML double-quoted scalar of a printable ASCII value, built here so that the product's escaping is not under test. */
    private static String yamlQuoted(String ascii) {
        return '"' + ascii.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
