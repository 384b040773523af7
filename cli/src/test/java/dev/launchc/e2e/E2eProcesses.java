package dev.launchc.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Child processes for the end-to-end tests: finds the real tools (and fails, never skips, when one is
 * missing), runs short commands with a deadline, starts daemons, waits for their port or socket with a
 * deadline, and stops everything it started. Every process writes to a log file under the test's
 * temporary directory; failure messages carry the tail of those logs.
 *
 * <p>One instance per test class: create it in {@code @BeforeAll}, {@link #close()} it in
 * {@code @AfterAll}. A JVM shutdown hook also kills any daemon still running if the test JVM dies.
 */
final class E2eProcesses implements AutoCloseable {
    /** Upper bound for every wait: a daemon becoming ready, a command finishing. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final String INSTALL_HINT = "apt-get install -y containerd docker-registry";

    private static final int LOG_TAIL_CHARS = 6000;
    private static final List<Daemon> LIVE = new CopyOnWriteArrayList<>();
    private static final AtomicInteger SEQ = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Daemon::stop), "e2e-process-reaper"));
    }

    private final Path logDir;
    private final List<Daemon> daemons = new ArrayList<>();

    E2eProcesses(Path logDir) {
        this.logDir = logDir;
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- tools

    /**
     * The absolute path of {@code name} on PATH (or the usual sbin/bin dirs). Fails the test when the
     * tool is absent: these tests must never silently skip in CI.
     */
    static Path requireTool(String name) {
        return requireTool(name, INSTALL_HINT);
    }

    /** As {@link #requireTool(String)}, naming the package to install in the failure. */
    static Path requireTool(String name, String installHint) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("end-to-end test needs '" + name + "', which is not installed (searched " + dirs + "). "
                + "Install the real components with: " + installHint + " (.ci/run does this; these tests never skip)");
    }

    /** Fails unless the test JVM runs as root (containerd needs it to run its snapshotters and mounts). */
    static void requireRoot(String why) {
        Result id = run(Path.of("."), Duration.ofSeconds(10), List.of(requireTool("id").toString(), "-u"));
        if (id.exitCode() != 0 || !id.stdout().strip().equals("0")) {
            fail("end-to-end test must run as root: " + why + " (uid is '" + id.stdout().strip() + "'). "
                    + "Run the build as root, as .ci/run does after: " + INSTALL_HINT);
        }
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- short commands

    /** What a finished command did. {@code timedOut} means it was killed at the deadline. */
    record Result(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut, Duration took) {
        /** stdout followed by stderr. */
        String output() {
            return stdout + stderr;
        }

        String describe() {
            return "$ " + String.join(" ", command) + "\n-> " + (timedOut ? "KILLED after " + took.toMillis() + " ms (timeout)"
                    : "exit " + exitCode + " in " + took.toMillis() + " ms")
                    + "\n---- stdout:\n" + tail(stdout, LOG_TAIL_CHARS) + "\n---- stderr:\n" + tail(stderr, LOG_TAIL_CHARS);
        }
    }

    /** Runs a command to completion with {@link #TIMEOUT}, stdout and stderr merged. */
    Result run(String... command) {
        return run(logDir, TIMEOUT, List.of(command));
    }

    /** Runs a command to completion; kills it (and its children) at the deadline. */
    static Result run(Path workDir, Duration timeout, List<String> command) {
        long t0 = System.nanoTime();
        Path out;
        Path err;
        try {
            out = Files.createTempFile("e2e-cmd-", ".out");
            err = Files.createTempFile("e2e-cmd-", ".err");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            return new Result(List.copyOf(command), done ? p.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), !done, took);
        } catch (IOException e) {
            return fail("cannot run " + command + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command);
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    // ---------------------------------------------------------------- daemons

    /** A long-running child process with its own log file. */
    static final class Daemon {
        final String name;
        final List<String> command;
        final Path log;
        private final Process process;

        private Daemon(String name, List<String> command, Path log, Process process) {
            this.name = name;
            this.command = command;
            this.log = log;
            this.process = process;
        }

        boolean alive() {
            return process.isAlive();
        }

        long pid() {
            return process.pid();
        }

        /** Everything the daemon printed so far. */
        String logText() {
            try {
                return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "(log unreadable: " + e + ")";
            }
        }

        String logTail() {
            String text = logText();
            String state = process.isAlive() ? "running, pid " + process.pid() : "exited with " + process.exitValue();
            return "---- " + name + " (" + state + "): " + String.join(" ", command) + "\n---- log " + log + ":\n"
                    + tail(text, LOG_TAIL_CHARS);
        }

        /** SIGTERM, then SIGKILL after a grace period; children too. Safe to call twice. */
        void stop() {
            List<ProcessHandle> children = process.descendants().toList();
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        process.waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            LIVE.remove(this);
        }
    }

    /** A running registry and its port on 127.0.0.1. */
    record Registry(Daemon daemon, int port) {}

    /**
     * Debian's docker-registry (distribution 2.8): filesystem storage under {@code dir}, plain HTTP
     * on a free loopback port, an access log in its daemon log; returned once /v2/ answers.
     */
    Registry startRegistry(Path dir) {
        Path binary = requireTool("docker-registry");
        int port = freePort();
        Path conf = Launchc.write(dir.resolve("config.yml"), """
                version: 0.1
                log:
                  level: info
                  accesslog:
                    disabled: false
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("data"), port));
        Daemon registry = start("docker-registry", List.of(binary.toString(), "serve", conf.toString()));
        awaitHttp200(registry, "http://127.0.0.1:" + port + "/v2/");
        return new Registry(registry, port);
    }

    /**
     * A containerd of its own, with root, state and socket under {@code base} and no CRI (nothing
     * here runs pods); returns its socket once {@code ctr version} gets an answer.
     */
    Path startContainerd(Path base) {
        Path binary = requireTool("containerd");
        requireTool("ctr");
        Path socket = base.resolve("containerd.sock");
        assertTrue(socket.toString().length() < 100,
                () -> "unix socket path too long for sun_path (" + socket + "); set java.io.tmpdir to a shorter dir");
        Path conf = Launchc.write(base.resolve("config.toml"), """
                version = 2
                root = "%s"
                state = "%s"
                disabled_plugins = ["io.containerd.grpc.v1.cri"]

                [grpc]
                  address = "%s"

                [ttrpc]
                  address = "%s.ttrpc"

                [debug]
                  address = ""
                  level = "info"

                [metrics]
                  address = ""

                [plugins."io.containerd.internal.v1.opt"]
                  path = "%s"
                """.formatted(base.resolve("root"), base.resolve("state"), socket, socket, base.resolve("opt")));
        Daemon containerd = start("containerd", List.of(binary.toString(), "--config", conf.toString()));
        awaitUnixSocket(containerd, socket);
        await(containerd, "ctr version answers", () -> ctr(base, socket, "default", "version").exitCode() == 0);
        return socket;
    }

    /** Runs {@code ctr} against the containerd at {@code socket}, in {@code namespace}. */
    static Result ctr(Path workDir, Path socket, String namespace, String... args) {
        List<String> cmd = new ArrayList<>(List.of(requireTool("ctr").toString(), "--address", socket.toString(),
                "--namespace", namespace));
        cmd.addAll(List.of(args));
        return run(workDir, TIMEOUT, cmd);
    }

    /** Starts a daemon; its stdout and stderr go to {@code <logDir>/<name>.log}. */
    Daemon start(String name, List<String> command) {
        Path log = logDir.resolve(name + "-" + SEQ.incrementAndGet() + ".log");
        try {
            Process p = new ProcessBuilder(command).directory(logDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Daemon d = new Daemon(name, List.copyOf(command), log, p);
            daemons.add(d);
            LIVE.add(d);
            return d;
        } catch (IOException e) {
            return fail("cannot start " + name + " " + command + ": " + e);
        }
    }

    /**
     * Polls {@code ready} every 100 ms until it holds, the daemon dies, or {@link #TIMEOUT} passes;
     * the last two fail the test with the daemon's log.
     */
    void await(Daemon d, String what, BooleanSupplier ready) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            boolean ok;
            try {
                ok = ready.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok) {
                return;
            }
            if (!d.alive()) {
                fail(d.name + " exited before " + what + "\n" + logs());
            }
            if (System.nanoTime() > deadline) {
                fail(d.name + " did not get ready within " + TIMEOUT.toSeconds() + " s: " + what + "\n" + logs());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + d.name);
            }
        }
    }

    /** Waits until something accepts connections on the unix socket {@code socket}. */
    void awaitUnixSocket(Daemon d, Path socket) {
        await(d, "unix socket " + socket + " accepts connections", () -> {
            if (!Files.exists(socket)) {
                return false;
            }
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                return ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Waits until {@code url} answers HTTP 200 (each probe has a 2 s timeout). */
    void awaitHttp200(Daemon d, String url) {
        await(d, "GET " + url + " answers 200", () -> {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(2000);
                c.setReadTimeout(2000);
                try {
                    return c.getResponseCode() == 200;
                } finally {
                    c.disconnect();
                }
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The tails of every daemon's log, for failure messages. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        for (Daemon d : daemons) {
            sb.append(d.logTail()).append('\n');
        }
        return sb.toString();
    }

    /** Stops every daemon this instance started, newest first. */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).stop();
        }
    }

    static String tail(String text, int max) {
        return text.length() <= max ? text : "...(" + (text.length() - max) + " chars cut)...\n" + text.substring(text.length() - max);
    }
}
