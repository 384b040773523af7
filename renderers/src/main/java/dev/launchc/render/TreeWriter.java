package dev.launchc.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Writes an output tree atomically: everything goes to a fresh sibling directory, which then
 * replaces OUTDIR by rename. A failure at any point leaves OUTDIR as it was.
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

    private static final JsonFactory MANIFEST_JSON = new JsonFactory();

    /** Test hook: fail after writing this many files, to prove that a crash leaves OUTDIR alone. */
    static final String FAIL_AFTER_PROPERTY = "launchc.test.failAfterFiles";

    private TreeWriter() {}

    /**
     * Adds manifest.json (path, sha256, size, node and mode of every file) to the tree. Each
     * distinct content is hashed once, and the JSON is streamed: a 10,000-node tree has some
     * 330,000 entries, too many to hold as a JSON tree.
     */
    public static void addManifest(OutputTree tree) {
        Map<byte[], String> hashes = hashes(tree);
        ByteArrayOutputStream json = new ByteArrayOutputStream(tree.entries().size() * 200 + 64);
        try (JsonGenerator out = MANIFEST_JSON.createGenerator(json)) {
            out.setPrettyPrinter(new DefaultPrettyPrinter());
            out.writeStartObject();
            out.writeArrayFieldStart("files");
            for (Map.Entry<String, OutputTree.Entry> e : tree.entries().entrySet()) {
                OutputTree.Entry f = e.getValue();
                out.writeStartObject();
                out.writeStringField("path", e.getKey());
                out.writeStringField("sha256", hashes.get(f.bytes()));
                out.writeNumberField("size", f.bytes().length);
                if (f.node() != null) {
                    out.writeStringField("node", f.node());
                }
                out.writeStringField("mode", f.secret() ? "0600" : "0644");
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        json.write('\n');
        tree.add(MANIFEST, json.toByteArray(), false, null);
    }

    /** The SHA-256 of each distinct content (the tree shares one array per content), hashed on all cores. */
    private static Map<byte[], String> hashes(OutputTree tree) {
        Map<byte[], String> hashes = new IdentityHashMap<>();
        for (OutputTree.Entry e : tree.entries().values()) {
            hashes.put(e.bytes(), null);
        }
        List<byte[]> distinct = List.copyOf(hashes.keySet());
        String[] digests = distinct.parallelStream().map(TreeWriter::sha256).toArray(String[]::new);
        for (int i = 0; i < digests.length; i++) {
            hashes.put(distinct.get(i), digests[i]);
        }
        return hashes;
    }

    public static void write(Path outDir, OutputTree tree) throws IOException {
        write(outDir, tree, Layout.LINKED);
    }

    public static void write(Path outDir, OutputTree tree, Layout layout) throws IOException {
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
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent() && !Files.isRegularFile(target.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(outDir + " is not empty and holds no " + MANIFEST
                            + "; refusing to replace a directory launchc did not write");
                }
            }
        }
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            List<Map.Entry<Path, OutputTree.Entry>> files = resolve(staging, tree);
            createDirectories(staging, files);
            writeFiles(files, layout, Integer.getInteger(FAIL_AFTER_PROPERTY, -1));
            Files.setPosixFilePermissions(staging, DIR);
            replace(staging, target);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(staging);
            throw e;
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

    /**
     * Creates each directory once, parents first; the staging directory is new, so nothing is in
     * the way. The directories of one depth are created on all cores once the depth above exists:
     * a 10,000-node tree has some 100,000 of them.
     */
    private static void createDirectories(Path staging, List<Map.Entry<Path, OutputTree.Entry>> files) throws IOException {
        Set<Path> filePaths = new HashSet<>();
        Set<Path> seen = new HashSet<>();
        List<List<Path>> byDepth = new ArrayList<>();
        int stagingDepth = staging.getNameCount();
        for (Map.Entry<Path, OutputTree.Entry> f : files) {
            filePaths.add(f.getKey());
            for (Path dir = f.getKey().getParent(); !dir.equals(staging) && seen.add(dir); dir = dir.getParent()) {
                int depth = dir.getNameCount() - stagingDepth - 1;
                while (byDepth.size() <= depth) {
                    byDepth.add(new ArrayList<>());
                }
                byDepth.get(depth).add(dir);
            }
        }
        for (Path dir : seen) {
            if (filePaths.contains(dir)) {
                throw new IOException("cannot create directory " + staging.relativize(dir) + ": a file has that name");
            }
        }
        for (List<Path> level : byDepth) {
            onAllCores(level, dir -> Files.createDirectory(dir, DIR_ATTRIBUTE), -1, new AtomicInteger());
        }
    }

    /**
     * How the files of equal content are stored. Either way every path holds the same bytes with
     * the same mode; only the disk space and the time differ.
     */
    public enum Layout {
        /** Each distinct content (and mode) is written once; its other paths are hard links to it. */
        LINKED,
        /** Every path is a file of its own. */
        COPIES
    }

    private interface IoAction<T> {
        void run(T item) throws IOException;
    }

    /** One file to create: written from its bytes, or (when {@code linkTo} is set) linked to an equal file. */
    private record Planned(Path file, OutputTree.Entry entry, Path linkTo) {}

    /**
     * Writes the files, then the links to them. A 10,000-node tree holds some 330,000 small files,
     * most of them equal across the nodes of a role; creating a file (an inode, a data block, an
     * exclusive open, a mode change) costs far more kernel time than linking one, and it is the
     * kernel time that dominates. A link shares the inode, so its mode is the written file's.
     */
    private static void writeFiles(List<Map.Entry<Path, OutputTree.Entry>> files, Layout layout, int failAfter)
            throws IOException {
        List<Planned> written = new ArrayList<>();
        List<Planned> linked = new ArrayList<>();
        // The first path of each content and mode; a secret and a plain file never share an inode.
        List<Map<byte[], Path>> firstPath = List.of(new IdentityHashMap<>(), new IdentityHashMap<>());
        for (Map.Entry<Path, OutputTree.Entry> f : files) {
            OutputTree.Entry entry = f.getValue();
            Path first = layout == Layout.LINKED
                    ? firstPath.get(entry.secret() ? 1 : 0).putIfAbsent(entry.bytes(), f.getKey()) : null;
            (first == null ? written : linked).add(new Planned(f.getKey(), entry, first));
        }
        AtomicInteger done = new AtomicInteger();
        onAllCores(written, TreeWriter::create, failAfter, done);
        onAllCores(linked, TreeWriter::create, failAfter, done);
    }

    /**
     * Runs {@code action} on every item on all cores: for files and directories their system
     * calls, not their bytes, are the cost. Every worker has stopped before this returns, also
     * after a failure: the caller then deletes the staging directory, and no worker may still be
     * adding to it.
     */
    private static <T> void onAllCores(List<T> files, IoAction<T> action, int failAfter, AtomicInteger done) throws IOException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<IOException> failure = new AtomicReference<>();
        Runnable writer = () -> {
            for (int i = next.getAndIncrement(); i < files.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    action.run(files.get(i));
                    if (done.incrementAndGet() == failAfter) {
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

    /**
     * Links the file to its equal, or writes it. Each written file is created exclusively with its
     * final mode, so a secret is never readable by others, not even for a moment. Where the file system has no hard links (or the
     * file has as many as it can take), the file is written as a copy instead.
     */
    private static void create(Planned p) throws IOException {
        if (p.linkTo() != null) {
            try {
                Files.createLink(p.file(), p.linkTo());
                return;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // No hard links here (or too many on that inode): fall back to a copy.
            }
        }
        writeFile(p.file(), p.entry());
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

    private static void replace(Path staging, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
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
