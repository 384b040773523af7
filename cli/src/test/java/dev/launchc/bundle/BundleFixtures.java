package dev.launchc.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.launchc.cli.CliRun;
import dev.launchc.golden.Golden;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Runs launchc in-process, reads bundles back, and runs the real tools the bundle is meant for. */
final class BundleFixtures {
    static final Path AIRGAPPED = Golden.REPO.resolve("examples/airgapped/cluster.yaml");

    private BundleFixtures() {}

    /** What one launchc run printed. */
    record Run(int exitCode, String out, String err) {}

    static Run launchc(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    /** {@code launchc bundle -o OUT FILE [extra...]}; fails the test unless it exits 0 and writes OUT. */
    static Path bundle(Path out, Path file, String... extra) {
        List<String> args = new ArrayList<>(List.of("bundle", "-o", out.toString()));
        args.addAll(List.of(extra));
        args.add(file.toString());
        Run run = launchc(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), () -> "launchc " + String.join(" ", args) + "\nstdout:\n" + run.out() + "\nstderr:\n"
                + run.err());
        if (!Files.isRegularFile(out)) {
            fail("launchc bundle exited 0 but wrote no " + out);
        }
        return out;
    }

    /** One archive entry as read back. */
    record Item(String name, int mode, long uid, long gid, String user, String group, long mtime, boolean dir, byte[] bytes) {}

    /** Every entry of a .tar.gz, in archive order. */
    static Map<String, Item> read(Path tarGz) {
        Map<String, Item> out = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarGz));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                out.put(e.getName(), new Item(e.getName(), e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(),
                        e.getUserName(), e.getGroupName(), e.getModTime().getTime() / 1000, e.isDirectory(),
                        e.isDirectory() ? new byte[0] : tar.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String text(Item item) {
        return new String(item.bytes(), StandardCharsets.UTF_8);
    }

    /** The absolute path of a tool; fails (never skips) when it is not installed. */
    static Path requireTool(String name, String debianPackage) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/usr/bin:/sbin:/bin")
                .split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return fail("this test needs '" + name + "', which is not installed: apt-get install -y " + debianPackage
                + " (.ci/run installs it; the test never skips)");
    }

    /** install.sh in {@code dir} passes the real shellcheck as POSIX sh, style warnings included. */
    static void assertShellcheckClean(Path dir) {
        Path shellcheck = requireTool("shellcheck", "shellcheck");
        Result r = run(dir, List.of(shellcheck.toString(), "--shell=sh", "--severity=style", "install.sh"));
        assertEquals(0, r.exitCode(), () -> "shellcheck install.sh\n" + r.describe());
    }

    /** What a finished command did. */
    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n---- stdout:\n" + stdout + "\n---- stderr:\n" + stderr;
        }
    }

    /** Runs a command in {@code dir} with a 60 s deadline. */
    static Result run(Path dir, List<String> command) {
        return run(dir, command, Map.of());
    }

    /** Runs a command in {@code dir} with a 60 s deadline and extra environment variables. */
    static Result run(Path dir, List<String> command, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("bundle-cmd-", ".out");
            Path err = Files.createTempFile("bundle-cmd-", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("timed out: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: " + command);
        }
    }

    /** Unpacks a bundle with the real tar, as the person at the site does. */
    static Path unpack(Path bundle, Path into) {
        try {
            Files.createDirectories(into);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result r = run(into, List.of(requireTool("tar", "tar").toString(), "-xzf", bundle.toString()));
        assertEquals(0, r.exitCode(), r::describe);
        return into;
    }
}
