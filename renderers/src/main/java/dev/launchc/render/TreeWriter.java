package dev.launchc.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
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

    /** Test hook: fail after writing this many files, to prove that a crash leaves OUTDIR alone. */
    static final String FAIL_AFTER_PROPERTY = "launchc.test.failAfterFiles";

    private TreeWriter() {}

    /** Adds manifest.json (path, sha256, size, node and mode of every file) to the tree. */
    public static void addManifest(OutputTree tree) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (Map.Entry<String, OutputTree.Entry> e : tree.entries().entrySet()) {
            ObjectNode f = files.addObject();
            f.put("path", e.getKey());
            f.put("sha256", sha256(e.getValue().bytes()));
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
            int written = 0;
            int failAfter = Integer.getInteger(FAIL_AFTER_PROPERTY, -1);
            for (Map.Entry<String, OutputTree.Entry> e : tree.entries().entrySet()) {
                OutputTree.checkPath(e.getKey());
                Path file = staging.resolve(e.getKey()).normalize();
                if (!file.startsWith(staging)) {
                    throw new OutputTree.UnsafePathException(e.getKey());
                }
                createDirs(staging, file.getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(e.getValue().secret() ? SECRET : PLAIN));
                Files.write(file, e.getValue().bytes());
                Files.setPosixFilePermissions(file, e.getValue().secret() ? SECRET : PLAIN);
                if (++written == failAfter) {
                    throw new IOException("test hook: failing after " + written + " files");
                }
            }
            Files.setPosixFilePermissions(staging, DIR);
            replace(staging, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private static void createDirs(Path root, Path dir) throws IOException {
        if (dir.equals(root) || Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        createDirs(root, dir.getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot create directory " + root.relativize(dir) + ": a file has that name");
            }
        }
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

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
