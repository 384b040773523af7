package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15: files that are not regular files, failures that used to end in exit 3 or in silence,
 * and migrate's in-place rewrite. Each case runs launchc in a child JVM with a small heap
 * ({@link #HEAP}), as a user runs it (Main, with System.exit and without a flushed writer), so that
 * a hang, an OutOfMemoryError or lost output shows.
 */
class HostileFilesTest {
    /** The child's heap: far below what reading /dev/zero or a 2 GB file whole would need. */
    static final String HEAP = "96m";
    static final long TIMEOUT_SECONDS = 60;
    static final String TOKEN = "h0stileFilesToken0123456789abcdefghij";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        String describe() {
            return "exit " + code + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    /** launchc in a child JVM; {@code ulimitBlocks} > 0 caps the size of files it may write (RLIMIT_FSIZE, 1 KiB blocks). */
    private Run child(byte[] stdin, int ulimitBlocks, String heap, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        if (ulimitBlocks > 0) {
            List<String> shell = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + ulimitBlocks + " && exec \"$@\"", "bash"));
            shell.addAll(cmd);
            cmd = shell;
        }
        Path out = tmp.resolve("child.out");
        Path err = tmp.resolve("child.err");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // The child stopped reading: what it did is what the test checks.
            }
        } else {
            p.getOutputStream().close();
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            // A hang seen twice in full runs and never alone: the JVM's thread dump (SIGQUIT, to the
            // child's stdout) goes into the failure, so the next one says where it stood.
            new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
            Thread.sleep(2_000);
            p.destroyForcibly().waitFor();
            String dump = Files.readString(out);
            throw new AssertionError("launchc " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + " s (a hang);"
                    + " its stderr:\n" + tail(Files.readString(err)) + "\nits threads:\n" + tail(dump));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The last 20,000 characters of a text, enough for a thread dump in a failure message. */
    private static String tail(String text) {
        return text.length() <= 20_000 ? text : text.substring(text.length() - 20_000);
    }

    private Run child(String... args) throws Exception {
        return child(null, 0, HEAP, args);
    }

    private static void assertNoTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("internal error"), r::describe);
    }

    private Path cluster(String tokenFile) throws IOException {
        return Files.writeString(tmp.resolve("cluster.yaml"), "apiVersion: launchc.dev/v1alpha1\nkind: Cluster\n"
                + "metadata: {name: edge}\nspec:\n  microk8s: \"1.32\"\n  join:\n    token: {fromFile: " + tokenFile + "}\n"
                + "  nodes:\n    - {name: cp-1, role: control-plane, address: 10.0.0.11}\n"
                + "    - {name: w-1, role: worker, address: 10.0.0.21}\n");
    }

    private Run compileWithToken(String tokenFile) throws Exception {
        return child("compile", "-o", tmp.resolve("out").toString(), cluster(tokenFile).toString());
    }

    private void assertTokenRefused(Run r, String reason) {
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("join token: cannot read"), r::describe);
        assertTrue(r.err().contains(reason), r::describe);
        assertNoTrace(r);
        assertFalse(Files.exists(tmp.resolve("out"), LinkOption.NOFOLLOW_LINKS), "something was written");
    }

    // ---- the token file --------------------------------------------------------------------------

    @Test
    void tokenFromAFifoIsRefusedInsteadOfHanging() throws Exception {
        Path fifo = tmp.resolve("token.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        assertTokenRefused(compileWithToken(fifo.toString()), "it is a FIFO (named pipe), not a regular file");
    }

    /** /dev/zero and /dev/urandom never end: before, an OutOfMemoryError and exit 3. */
    @ParameterizedTest
    @ValueSource(strings = {"/dev/zero", "/dev/urandom"})
    void tokenFromADeviceIsRefused(String device) throws Exception {
        assertTokenRefused(compileWithToken(device), "it is a character device, not a regular file");
    }

    /** /dev/tty: before, "FileSystemException". Through a symbolic link alike. */
    @Test
    void tokenFromTheTerminalOrALinkToADeviceIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("token-link"), Path.of("/dev/zero"));
        assertTokenRefused(compileWithToken(link.toString()), "it is a character device, not a regular file");
        if (Files.exists(Path.of("/dev/tty"))) {
            assertTokenRefused(compileWithToken("/dev/tty"), "it is a character device, not a regular file");
        }
    }

    /** A sparse 2 GiB token file: refused unread, and the message does not tell its size (a secret's length is a hint). */
    @Test
    void aHugeTokenFileIsRefusedWithoutItsSize() throws Exception {
        Path big = tmp.resolve("token.txt");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        Run r = compileWithToken("token.txt");
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("join token: token.txt is larger than a token file can be"), r::describe);
        assertFalse(r.err().contains("2147483648"), r::describe);
        assertNoTrace(r);
    }

    /** A token MicroK8s cannot use: the message says what a token needs, never how long this one is. */
    @Test
    void anUnusableTokenIsRefusedWithoutItsLength() throws Exception {
        Files.writeString(tmp.resolve("token.txt"), "short/token\n");
        Run r = compileWithToken("token.txt");
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("is not usable: it needs 32 to 256 characters"), r::describe);
        assertFalse(r.err().contains("11 characters") || r.err().contains("it has"), r::describe);
    }

    @Test
    void aTokenThroughASymbolicLinkToARegularFileIsRead() throws Exception {
        Path real = Files.writeString(tmp.resolve("real-token.txt"), TOKEN + "\n");
        Files.createSymbolicLink(tmp.resolve("token.txt"), real);
        Run r = compileWithToken("token.txt");
        assertEquals(0, r.code(), r::describe);
        assertTrue(Files.readString(tmp.resolve("out/nodes/w-1/seed/microk8s.yaml")).contains(TOKEN));
    }

    // ---- inputs ------------------------------------------------------------------------------------

    @Test
    void aFifoNamedAsInputIsRefused() throws Exception {
        Path fifo = tmp.resolve("in.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        Run r = child("lint", fifo.toString());
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("cannot read " + fifo + ": it is a FIFO (named pipe), not a regular file"), r::describe);
    }

    /** Before, "file is 8388609 bytes": the limit plus one, not the size. */
    @Test
    void aTooLargeInputReportsItsRealSize() throws Exception {
        Path big = tmp.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        Run r = child("lint", big.toString());
        assertEquals(1, r.code(), r::describe);
        assertTrue(r.out().contains("file is 3221225472 bytes; the limit is 8388608 [LC0005]"), r::describe);
        assertNoTrace(r);
    }

    @Test
    void aUtf16FileIsToldToBeSavedAsUtf8() throws Exception {
        Path file = Files.write(tmp.resolve("utf16.yaml"), "\uFEFFversion: 0.2.0\n".getBytes(StandardCharsets.UTF_16LE));
        Run r = child("lint", file.toString());
        assertEquals(1, r.code(), r::describe);
        assertTrue(r.out().contains("[LC0003]") && r.out().contains("save the file as UTF-8"), r::describe);
        assertFalse(r.out().contains("binary"), r::describe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--max-file-size=-1", "--max-nodes=-5", "--max-depth=0", "--max-documents=-1", "--max-cluster-nodes=0"})
    void aLimitBelowOneIsAUsageError(String option) throws Exception {
        Path file = Files.writeString(tmp.resolve("ok.yaml"), "version: 0.2.0\n");
        Run r = child("lint", option, file.toString());
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains(option.substring(0, option.indexOf('=')) + " must be at least 1"), r::describe);
    }

    /**
     * A heap too small for a legal input: before, "internal error: java.lang.OutOfMemoryError" and
     * exit 3; now exit 2, which limit to raise, and no stack trace of any thread.
     */
    @Test
    void runningOutOfMemoryIsExit2AndSaysWhatToRaise() throws Exception {
        StringBuilder sb = new StringBuilder("version: 0.2.0\nextraKubeletArgs:\n");
        for (int i = 0; i < 150_000; i++) {
            sb.append("  --launchc-test-flag-").append(i).append(": \"").append(i).append("\"\n");
        }
        Path file = Files.writeString(tmp.resolve("many.yaml"), sb);
        Run r = child(null, 0, "24m", "lint", file.toString());
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("launchc: out of memory") && r.err().contains("LAUNCHC_JAVA_OPTS=-Xmx"), r::describe);
        // No other thread's trace either (the start-up warm-up printed its own OutOfMemoryError).
        assertNoTrace(r);
    }

    /**
     * A report that cannot reach stdout (a full disk: /dev/full) is exit 2 with a message. Before:
     * exit 0 and nothing written, as PrintStream only records the error (also for a closed pipe).
     */
    @ParameterizedTest
    @ValueSource(strings = {"schema", "lint", "explain"})
    void aReportThatCannotBeWrittenIsExit2(String command) throws Exception {
        Path file = Files.writeString(tmp.resolve("ok.yaml"), "version: 0.2.0\n");
        List<String> args = switch (command) {
            case "lint" -> List.of("lint", file.toString());
            case "explain" -> List.of("explain", "LC1028");
            default -> List.of("schema");
        };
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        Path err = tmp.resolve("child.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(new java.io.File("/dev/full")).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "launchc did not end");
        String stderr = Files.readString(err);
        assertEquals(2, p.exitValue(), stderr);
        assertTrue(stderr.contains("launchc: cannot write to standard output"), stderr);
        assertFalse(stderr.contains("\tat "), stderr);
    }

    /**
     * A malformed message on the language server's stdin: one line on stderr and exit 1 (the stream
     * broke without shutdown). Before, LSP4J's logger printed each exception's whole stack trace.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hello\r\n\r\n", "Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\"",
        "Content-Length: 99999999999999\r\n\r\n{}", "Content-Length: 12\r\n\r\n{not json!!}"})
    void garbageOnTheLanguageServersStdinIsOneLineNotATrace(String input) throws Exception {
        Run r = child(input.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, HEAP, "lsp");
        assertEquals(1, r.code(), r::describe);
        assertTrue(r.err().contains("launchc lsp: "), r::describe);
        assertFalse(r.err().contains("\tat ") || r.err().contains("SEVERE"), r::describe);
    }

    // ---- migrate ----------------------------------------------------------------------------------

    /** Before: exit 1 and no output at all (the findings were printed but never flushed). */
    @ParameterizedTest
    @ValueSource(strings = {"syntax", "utf8", "large"})
    void migratePrintsTheLoadersFindingForABrokenFile(String kind) throws Exception {
        Path file = tmp.resolve("broken.yaml");
        switch (kind) {
            case "syntax" -> Files.writeString(file, "version: 0.1.0\naddons: [dns\n");
            case "utf8" -> Files.write(file, new byte[] {'v', ':', ' ', (byte) 0xC3, 0x28, '\n'});
            default -> Files.writeString(file, "version: 0.1.0\n" + "# padding\n".repeat(200));
        }
        byte[] before = Files.readAllBytes(file);
        Run r = child("migrate", "-i", "--max-file-size=1000", file.toString());
        assertEquals(1, r.code(), r::describe);
        String code = switch (kind) {
            case "syntax" -> "LC0001";
            case "utf8" -> "LC0003";
            default -> "LC0005";
        };
        assertTrue(r.err().contains("[" + code + "]"), r::describe);
        assertTrue(r.err().contains("not migrated"), r::describe);
        assertEquals(new String(before, StandardCharsets.ISO_8859_1), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }

    @Test
    void migrateDashReadsStandardInput() throws Exception {
        Run r = child("# mine\nversion: 0.1.0\n".getBytes(StandardCharsets.UTF_8), 0, HEAP, "migrate", "-");
        assertEquals(0, r.code(), r::describe);
        assertEquals("# mine\nversion: 0.2.0\n", r.out());
    }

    /** -i through a symbolic link: the link stays a link, its target gets the new text with its mode. */
    @Test
    void migrateInPlaceWritesThroughALinkAndKeepsTheMode() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("configs"));
        Path real = Files.writeString(dir.resolve("node.yaml"), "version: 0.1.0 # keep\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(tmp.resolve("node.yaml"), Path.of("configs/node.yaml"));
        Run r = child("migrate", "-i", link.toString());
        assertEquals(0, r.code(), r::describe);
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals("version: 0.2.0 # keep\n", Files.readString(real));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertEquals(List.of("node.yaml"), names(dir), "a temporary file was left behind");
    }

    /** A full disk (here: a file-size limit the new file exceeds): exit 2, the file as it was, no temporary file. */
    @Test
    void migrateInPlaceOnAFullDiskLeavesTheFileAndNoTemporaryFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("configs"));
        String text = "version: 0.1.0\n" + "# a long comment line that makes the file larger than the limit\n".repeat(200);
        Path file = Files.writeString(dir.resolve("node.yaml"), text);
        Run r = child(null, 4, HEAP, "migrate", "-i", file.toString());
        assertEquals(2, r.code(), r::describe);
        assertTrue(r.err().contains("cannot rewrite") && r.err().contains("it is unchanged"), r::describe);
        assertEquals(text, Files.readString(file));
        assertEquals(List.of("node.yaml"), names(dir), "a temporary file was left behind");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- bundle --pull-from -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "127.0.0.1:1/../../x", "mirror.example/a//b", "..", "host:99999", "a b", "mirror.example/./x"})
    void pullFromMustBeARegistry(String registry) throws IOException {
        Path file = Files.writeString(tmp.resolve("native.yaml"), "version: 0.2.0\n");
        CliRun r = CliRun.of("bundle", "-o", tmp.resolve("b.tar.gz").toString(), "--pull-from", registry, file.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("is not a registry host[:port][/path]"), r::toString);
        assertFalse(Files.exists(tmp.resolve("b.tar.gz")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mirror.corp.example:5000", "https://mirror.corp.example/library", "127.0.0.1:5000/a/b-c_d", "[::1]:5000"})
    void pullFromAcceptsRegistries(String registry) {
        assertEquals(null, dev.launchc.cli.bundle.ImagePuller.registryProblem(registry));
    }
}
