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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes an output tree atomically: everything goes to a fresh sibling directory, which then
 * takes OUTDIR's place in one step ({@link OutputSwap}). A failure at any point leaves OUTDIR as it
 * was; launchc replaces only a tree it wrote ({@link OwnedTree}).
 */
public final class TreeWriter {
    public static final String MANIFEST = "manifest.json";
    /** The manifest while it is written into a staging directory, before its rename to {@link #MANIFEST}. */
    static final String MANIFEST_PART = ".manifest.json.part";
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
        List<Map.Entry<String, OutputTree.Entry>> entries = List.copyOf(tree.entries().entrySet());
        // The entries are written in slices on all cores, each slice by a generator of its own at
        // the same depth, and joined: the bytes are those of one generator writing them all.
        int slices = entries.isEmpty() ? 1 : Math.min(entries.size(), Runtime.getRuntime().availableProcessors() * 4);
        byte[][] parts = java.util.stream.IntStream.range(0, slices).parallel()
                .mapToObj(k -> manifestSlice(entries, k * entries.size() / slices, (k + 1) * entries.size() / slices, hashes,
                        k == slices - 1))
                .toArray(byte[][]::new);
        byte[] opening = manifestOpening();
        int size = 1;
        for (byte[] part : parts) {
            size = Math.addExact(size, part.length - opening.length + 1);
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream(size + opening.length);
        json.write(opening, 0, opening.length);
        for (int k = 0; k < parts.length; k++) {
            // A slice's first entry follows the opening as the array's first value does (" {"); where
            // it is not the array's first, the generator would have put a comma before it.
            if (k > 0 && parts[k].length > opening.length + 1 && parts[k][opening.length + 1] == '{') {
                json.write(',');
            }
            json.write(parts[k], opening.length, parts[k].length - opening.length);
        }
        json.write('\n');
        tree.add(MANIFEST, json.toByteArray(), false, null);
    }

    /** What every slice's generator writes before its first entry: the object and the array opened. */
    private static byte[] manifestOpening() {
        return manifestSlice(List.of(), 0, 0, Map.of(), false);
    }

    /**
     * The entries {@code from} to {@code to} (exclusive) as a generator writes them inside the
     * manifest's array, after the opening; with {@code last}, the array and the object closed.
     */
    private static byte[] manifestSlice(List<Map.Entry<String, OutputTree.Entry>> entries, int from, int to,
            Map<byte[], String> hashes, boolean last) {
        ByteArrayOutputStream json = new ByteArrayOutputStream(64 + (to - from) * 240);
        try {
            JsonGenerator out = MANIFEST_JSON.createGenerator(json);
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            out.setPrettyPrinter(new DefaultPrettyPrinter());
            out.writeStartObject();
            out.writeArrayFieldStart("files");
            for (int i = from; i < to; i++) {
                OutputTree.Entry f = entries.get(i).getValue();
                out.writeStartObject();
                out.writeStringField("path", entries.get(i).getKey());
                out.writeStringField("sha256", hashes.get(f.bytes()));
                out.writeNumberField("size", f.bytes().length);
                if (f.node() != null) {
                    out.writeStringField("node", f.node());
                }
                out.writeStringField("mode", f.secret() ? "0600" : "0644");
                out.writeEndObject();
            }
            if (last) {
                out.writeEndArray();
                out.writeEndObject();
            }
            out.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return json.toByteArray();
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

    /**
     * Writes {@code tree} as {@code outDir}: to a staging directory beside it first, which then
     * takes OUTDIR's place in one step (see {@link OutputSwap} for what exactly is guaranteed).
     * An existing OUTDIR is replaced only when launchc wrote it ({@link OwnedTree}). Staging
     * directories that killed runs left beside OUTDIR are removed first; one of this run is
     * removed also when the JVM is stopped by SIGTERM or SIGINT (a shutdown hook).
     */
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
            String refusal = OwnedTree.refusal(target);
            if (refusal != null) {
                throw new IOException(outDir + " " + refusal);
            }
        }
        // An existing OUTDIR keeps its mode (an empty folder the user made 0700 stays 0700), as long
        // as its owner may still read, write and enter it: the next run has to replace it.
        Set<PosixFilePermission> existingMode = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS) : null;
        if (existingMode != null && !existingMode.containsAll(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE))) {
            existingMode = null;
        }
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        OwnedTree.removeStale(parent, name);
        Staging staging = Staging.create(parent, OwnedTree.stagingPrefix(name));
        try {
            SharedDirectories.Plan plan = layout == Layout.SHARED ? SharedDirectories.plan(tree.entries())
                    : new SharedDirectories.Plan(new java.util.TreeMap<>(), tree.entries());
            List<Map.Entry<Path, OutputTree.Entry>> files = resolve(staging.dir, plan.files());
            List<Map.Entry<Path, Path>> links = resolveLinks(staging.dir, plan.links());
            createDirectories(staging.dir, plan.files().keySet(), plan.links().keySet());
            // The manifest first, before any other file, and whole: written under a name of its own
            // and renamed into place, so that a kill at any moment leaves a staging directory that
            // is provably launchc's (OwnedTree.removeStale). A kill while it was written directly
            // left half a manifest, and the directory stayed for good.
            Path manifest = staging.dir.resolve(MANIFEST);
            List<Map.Entry<Path, OutputTree.Entry>> others = new ArrayList<>(files.size());
            for (Map.Entry<Path, OutputTree.Entry> f : files) {
                if (f.getKey().equals(manifest)) {
                    Path part = staging.dir.resolve(MANIFEST_PART);
                    writeFile(part, f.getValue());
                    Files.move(part, manifest, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    others.add(f);
                }
            }
            int failAfter = Integer.getInteger(FAIL_AFTER_PROPERTY, -1);
            AtomicInteger done = new AtomicInteger();
            writeFiles(others, layout, failAfter, done, staging);
            // Last, once every stored copy is whole: a link never leads to a half-written directory.
            writeLinks(links, failAfter, done, staging);
            Files.setPosixFilePermissions(staging.dir, existingMode != null ? existingMode : DIR);
            staging.swapInto(target, OwnedTree.oldPrefix(name));
            // The previous tree (now at the staging path) goes under the shutdown hook's lock: a
            // stop meanwhile waits for it instead of racing it and leaving a half-deleted tree.
            staging.deleteLeftover();
        } catch (IOException | RuntimeException | Error e) {
            staging.deleteLeftover();
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

        /** After the swap, the previous tree; after a failure, the staging directory (the writers have stopped). */
        synchronized void deleteLeftover() throws IOException {
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
    private static List<Map.Entry<Path, OutputTree.Entry>> resolve(Path staging, Map<String, OutputTree.Entry> entries) {
        List<Map.Entry<Path, OutputTree.Entry>> files = new ArrayList<>(entries.size());
        for (Map.Entry<String, OutputTree.Entry> e : entries.entrySet()) {
            OutputTree.checkPath(e.getKey());
            Path file = staging.resolve(e.getKey()).normalize();
            if (!file.startsWith(staging)) {
                throw new OutputTree.UnsafePathException(e.getKey());
            }
            files.add(Map.entry(file, e.getValue()));
        }
        return files;
    }

    /** Each symbolic link's place under the staging directory and its relative target, checked to stay inside it. */
    private static List<Map.Entry<Path, Path>> resolveLinks(Path staging, Map<String, String> links) {
        List<Map.Entry<Path, Path>> resolved = new ArrayList<>(links.size());
        for (Map.Entry<String, String> e : links.entrySet()) {
            OutputTree.checkPath(e.getKey());
            Path link = staging.resolve(e.getKey()).normalize();
            Path target = link.getFileSystem().getPath(e.getValue());
            if (!link.startsWith(staging) || target.isAbsolute() || !link.getParent().resolve(target).normalize().startsWith(staging)) {
                throw new OutputTree.UnsafePathException(e.getKey());
            }
            resolved.add(Map.entry(link, target));
        }
        return resolved;
    }

    /**
     * Creates each directory once, parents first; the staging directory is new, so nothing is in
     * the way. The directories of one depth are created on all cores once the depth above exists:
     * a 10,000-node tree has some 100,000 of them.
     */
    private static void createDirectories(Path staging, java.util.Collection<String> files, java.util.Collection<String> links)
            throws IOException {
        // By the relative paths, not Path objects: a tree of 1,000 nodes has 33,000 files to find
        // the directories of, and comparing and hashing strings is what costs least.
        Set<String> entries = new HashSet<>(files);
        entries.addAll(links);
        Set<String> seen = new HashSet<>();
        List<List<String>> byDepth = new ArrayList<>();
        for (String entry : entries) {
            int depth = 0;
            for (int slash = entry.indexOf('/'); slash >= 0; slash = entry.indexOf('/', slash + 1)) {
                depth++;
            }
            for (int slash = entry.lastIndexOf('/'); slash > 0; slash = entry.lastIndexOf('/', slash - 1)) {
                String dir = entry.substring(0, slash);
                if (!seen.add(dir)) {
                    break;
                }
                depth--;
                while (byDepth.size() <= depth) {
                    byDepth.add(new ArrayList<>());
                }
                byDepth.get(depth).add(dir);
            }
        }
        for (String dir : seen) {
            if (entries.contains(dir)) {
                throw new IOException("cannot create directory " + dir + ": a file or link has that name");
            }
        }
        for (List<String> level : byDepth) {
            onAllCores(level, dir -> Files.createDirectory(staging.resolve(dir), DIR_ATTRIBUTE), -1, new AtomicInteger(), null);
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
        COPIES,
        /**
         * As {@link #LINKED}, and each directory that repeats whole (names, bytes and modes) is
         * stored once under a store directory at the top ({@link SharedDirectories}); its places are
         * relative symbolic links to that copy. Every path still reads the same bytes, but tools
         * that do not follow links (find, grep -r, cp -r, tar) see links there.
         */
        SHARED
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
    private static void writeFiles(List<Map.Entry<Path, OutputTree.Entry>> files, Layout layout, int failAfter,
            AtomicInteger done, Staging staging) throws IOException {
        List<Planned> written = new ArrayList<>();
        List<Planned> linked = new ArrayList<>();
        // The first path of each content and mode; a secret and a plain file never share an inode.
        List<Map<byte[], Path>> firstPath = List.of(new IdentityHashMap<>(), new IdentityHashMap<>());
        for (Map.Entry<Path, OutputTree.Entry> f : files) {
            OutputTree.Entry entry = f.getValue();
            Path first = layout != Layout.COPIES
                    ? firstPath.get(entry.secret() ? 1 : 0).putIfAbsent(entry.bytes(), f.getKey()) : null;
            (first == null ? written : linked).add(new Planned(f.getKey(), entry, first));
        }
        onAllCores(written, TreeWriter::create, failAfter, done, staging);
        onAllCores(linked, TreeWriter::create, failAfter, done, staging);
    }

    /**
     * Creates the symbolic links. A relative link reads the same from every directory at its depth,
     * so the links with the same target are one link inode with a name in each place (link(2) does
     * not follow a symbolic link): allocating inodes is what costs, most of all right after a large
     * deletion on ext4, and this saves one per linked directory of each node. Where that fails
     * (no hard links, or too many on the inode) the link is made on its own.
     */
    private static void writeLinks(List<Map.Entry<Path, Path>> links, int failAfter, AtomicInteger done, Staging staging)
            throws IOException {
        Map<String, Path> firstLink = new java.util.HashMap<>();
        List<Map.Entry<Path, Path>> first = new ArrayList<>();
        List<SameLink> others = new ArrayList<>();
        for (Map.Entry<Path, Path> link : links) {
            Path same = firstLink.putIfAbsent(link.getKey().getNameCount() + ":" + link.getValue(), link.getKey());
            if (same == null) {
                first.add(link);
            } else {
                others.add(new SameLink(link.getKey(), link.getValue(), same));
            }
        }
        onAllCores(first, link -> {
            try {
                Files.createSymbolicLink(link.getKey(), link.getValue());
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // A file system without symbolic links (FAT, some network file systems): say what to use instead.
                throw new IOException("cannot create a symbolic link (" + e.getMessage() + "); the linked layout needs none", e);
            }
        }, failAfter, done, staging);
        onAllCores(others, link -> {
            if (!hardLink(link.path(), link.first())) {
                Files.createSymbolicLink(link.path(), link.target());
            }
        }, failAfter, done, staging);
    }

    /** A symbolic link made as another name of {@code first}, an equal link at the same depth. */
    private record SameLink(Path path, Path target, Path first) {}

    /**
     * Runs {@code action} on every item on all cores: for files and directories their system
     * calls, not their bytes, are the cost. Every worker has stopped before this returns, also
     * after a failure: the caller then deletes the staging directory, and no worker may still be
     * adding to it. A SIGTERM (the staging directory's shutdown hook) stops every worker.
     */
    private static <T> void onAllCores(List<T> files, IoAction<T> action, int failAfter, AtomicInteger done,
            Staging staging) throws IOException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<IOException> failure = new AtomicReference<>();
        Runnable writer = () -> {
            for (int i = next.getAndIncrement(); i < files.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    if (staging != null && staging.stopping()) {
                        throw new IOException("stopped before the output was complete");
                    }
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
        if (p.linkTo() == null || !hardLink(p.file(), p.linkTo())) {
            writeFile(p.file(), p.entry());
        }
    }

    /**
     * Makes {@code link} another name of {@code existing} (for a symbolic link, of the link itself);
     * false where the file system has no hard links, or the inode has as many as it can take.
     */
    private static boolean hardLink(Path link, Path existing) throws IOException {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            return false;
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
        // Depth first, each folder after its entries; what is already gone (deleted by another
        // thread of this run, such as the shutdown hook) is skipped, not an error.
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
                    throws IOException {
                Files.deleteIfExists(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof java.nio.file.NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
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
