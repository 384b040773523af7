package dev.launchc.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Writes an output tree atomically: everything goes to a fresh sibling directory, which then
 * takes OUTDIR's place in one step ({@link OutputSwap}). A failure at any point leaves OUTDIR as it
 * was; launchc replaces only a tree it wrote ({@link OwnedTree}).
 */
public final class TreeWriter {
    public static final String MANIFEST = "manifest.json";
    private static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final FileAttribute<Set<PosixFilePermission>> SECRET_ATTRIBUTE = PosixFilePermissions.asFileAttribute(SECRET);
    private static final FileAttribute<Set<PosixFilePermission>> PLAIN_ATTRIBUTE = PosixFilePermissions.asFileAttribute(PLAIN);
    private static final FileAttribute<Set<PosixFilePermission>> DIR_ATTRIBUTE = PosixFilePermissions.asFileAttribute(DIR);
    private static final Set<StandardOpenOption> CREATE_EXCLUSIVE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /** Test hook: fail after writing this many files, to prove that a crash leaves OUTDIR alone. */
    static final String FAIL_AFTER_PROPERTY = "launchc.test.failAfterFiles";

    private TreeWriter() {}

    /** Adds manifest.json (path, sha256, size, node and mode of every file) to the tree. */
    public static void addManifest(OutputTree tree) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode files = root.putArray("files");
        List<Map.Entry<String, OutputTree.Entry>> entries = List.copyOf(tree.entries().entrySet());
        String[] hashes = entries.parallelStream().map(e -> sha256(e.getValue().bytes())).toArray(String[]::new);
        int i = 0;
        for (Map.Entry<String, OutputTree.Entry> e : entries) {
            ObjectNode f = files.addObject();
            f.put("path", e.getKey());
            f.put("sha256", hashes[i++]);
            f.put("size", e.getValue().bytes().length);
            if (e.getValue().node() != null) {
                f.put("node", e.getValue().node());
            }
            f.put("mode", e.getValue().secret() ? "0600" : "0644");
        }
        try {
            tree.add(MANIFEST, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", false, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code tree} as {@code outDir}: to a staging directory beside it first, which then
     * takes OUTDIR's place in one step (see {@link OutputSwap} for what exactly is guaranteed).
     * An existing OUTDIR is replaced only when launchc wrote it ({@link OwnedTree}). Staging
     * directories that killed runs left beside OUTDIR are removed first; one of this run is
     * removed also when the JVM is stopped by SIGTERM or SIGINT (a shutdown hook).
     */
    public static void write(Path outDir, OutputTree tree) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException("cannot write to the root directory");
        }
        if (Files.isSymbolicLink(target)) {
            throw new IOException(outDir + " is a symbolic link; refusing to follow it");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(outDir + " exists and is not a directory");
            }
            String refusal = OwnedTree.refusal(target);
            if (refusal != null) {
                throw new IOException(outDir + " " + refusal);
            }
        }
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        OwnedTree.removeStale(parent, name);
        Staging staging = Staging.create(parent, OwnedTree.stagingPrefix(name));
        try {
            List<Map.Entry<Path, OutputTree.Entry>> files = resolve(staging.dir, tree);
            createDirectories(staging.dir, files);
            // The manifest first, whole, before any other file: a staging directory that a kill
            // leaves is then provably launchc's (OwnedTree.removeStale).
            Path manifest = staging.dir.resolve(MANIFEST);
            List<Map.Entry<Path, OutputTree.Entry>> others = new ArrayList<>(files.size());
            for (Map.Entry<Path, OutputTree.Entry> f : files) {
                if (f.getKey().equals(manifest)) {
                    writeFile(f.getKey(), f.getValue());
                } else {
                    others.add(f);
                }
            }
            writeFiles(others, Integer.getInteger(FAIL_AFTER_PROPERTY, -1), staging);
            Files.setPosixFilePermissions(staging.dir, DIR);
            Path old = staging.swapInto(target, OwnedTree.oldPrefix(name));
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException | RuntimeException | Error e) {
            staging.abandon();
            throw e;
        } finally {
            staging.close();
        }
    }

    /**
     * A staging directory and the shutdown hook that deletes it when the JVM is stopped (SIGTERM,
     * SIGINT) before it took OUTDIR's place. The hook and the swap exclude each other: once the
     * hook has begun, no swap happens; once the swap has happened, the hook deletes only the
     * previous tree (at the staging path after an exchange), which the run would delete anyway.
     */
    private static final class Staging {
        final Path dir;
        private final Thread hook;
        private volatile boolean stopping;
        private Path leftover;

        private Staging(Path dir) {
            this.dir = dir;
            this.leftover = dir;
            this.hook = new Thread(this::onShutdown, "launchc-staging-cleanup");
        }

        static Staging create(Path parent, String prefix) throws IOException {
            Staging staging = new Staging(Files.createTempDirectory(parent, prefix));
            try {
                Runtime.getRuntime().addShutdownHook(staging.hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: nothing may be written.
                deleteTree(staging.dir);
                throw new IOException("launchc is stopping");
            }
            return staging;
        }

        boolean stopping() {
            return stopping;
        }

        synchronized Path swapInto(Path target, String oldPrefix) throws IOException {
            if (stopping) {
                throw new IOException("stopped before the output was complete");
            }
            Path old = OutputSwap.swap(dir, target, oldPrefix);
            leftover = old;
            return old;
        }

        /** After a failure: the staging directory goes (the writers have stopped). */
        synchronized void abandon() throws IOException {
            if (leftover != null) {
                deleteTree(leftover);
                leftover = null;
            }
        }

        void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down: the hook runs and cleans up.
            }
        }

        private void onShutdown() {
            stopping = true;
            synchronized (this) {
                // Writers may still be adding files for a moment after they saw the flag: retry.
                for (int attempt = 0; attempt < 20 && leftover != null; attempt++) {
                    try {
                        deleteTree(leftover);
                        leftover = null;
                    } catch (IOException | RuntimeException e) {
                        try {
                            Thread.sleep(25);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /** Every file's place under the staging directory, checked before anything is written. */
    private static List<Map.Entry<Path, OutputTree.Entry>> resolve(Path staging, OutputTree tree) {
        List<Map.Entry<Path, OutputTree.Entry>> files = new ArrayList<>(tree.entries().size());
        for (Map.Entry<String, OutputTree.Entry> e : tree.entries().entrySet()) {
            OutputTree.checkPath(e.getKey());
            Path file = staging.resolve(e.getKey()).normalize();
            if (!file.startsWith(staging)) {
                throw new OutputTree.UnsafePathException(e.getKey());
            }
            files.add(Map.entry(file, e.getValue()));
        }
        return files;
    }

    /** Creates each directory once, parents first; the staging directory is new, so nothing is in the way. */
    private static void createDirectories(Path staging, List<Map.Entry<Path, OutputTree.Entry>> files) throws IOException {
        Set<Path> filePaths = new HashSet<>();
        SortedSet<Path> dirs = new TreeSet<>();
        for (Map.Entry<Path, OutputTree.Entry> f : files) {
            filePaths.add(f.getKey());
            Path dir = f.getKey().getParent();
            while (!dir.equals(staging) && dirs.add(dir)) {
                dir = dir.getParent();
            }
        }
        for (Path dir : dirs) {
            if (filePaths.contains(dir)) {
                throw new IOException("cannot create directory " + staging.relativize(dir) + ": a file has that name");
            }
            Files.createDirectory(dir, DIR_ATTRIBUTE);
        }
    }

    /**
     * Writes the files on all cores: a 1,000-node tree holds some 33,000 small files, and their
     * system calls, not their bytes, are the cost. Each file is created exclusively with its final
     * mode, so a secret is never readable by others, not even for a moment. Every writer has
     * stopped before this returns, also after a failure: the caller then deletes the staging
     * directory, and no writer may still be adding to it.
     */
    private static void writeFiles(List<Map.Entry<Path, OutputTree.Entry>> files, int failAfter, Staging staging) throws IOException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        AtomicReference<IOException> failure = new AtomicReference<>();
        Runnable writer = () -> {
            for (int i = next.getAndIncrement(); i < files.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    if (staging.stopping()) {
                        throw new IOException("stopped before the output was complete");
                    }
                    writeFile(files.get(i).getKey(), files.get(i).getValue());
                    if (written.incrementAndGet() == failAfter) {
                        throw new IOException("test hook: failing after " + failAfter + " files");
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, new IOException("writer failed: " + e, e));
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        try {
            for (int t = 1; t < threads; t++) {
                Thread helper = new Thread(writer, "launchc-writer-" + t);
                helper.setDaemon(true);
                helper.start();
                helpers.add(helper);
            }
            writer.run();
        } finally {
            // Also when a thread cannot be started: no writer may outlive this call.
            failure.compareAndSet(null, helpers.size() == threads - 1 ? null : new IOException("cannot start a writer thread"));
            joinAll(helpers);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeFile(Path file, OutputTree.Entry entry) throws IOException {
        boolean secret = entry.secret();
        try (SeekableByteChannel out = Files.newByteChannel(file, CREATE_EXCLUSIVE, secret ? SECRET_ATTRIBUTE : PLAIN_ATTRIBUTE)) {
            ByteBuffer bytes = ByteBuffer.wrap(entry.bytes());
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
        // The umask may have cleared bits of the mode asked for at creation.
        Files.setPosixFilePermissions(file, secret ? SECRET : PLAIN);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A digest per thread: looking the algorithm up again for each of thousands of files costs more than hashing them. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(SHA256.get().digest(bytes));
    }
}
