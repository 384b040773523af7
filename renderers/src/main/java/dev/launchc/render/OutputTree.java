package dev.launchc.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Files to write, by relative path, before anything touches the disk. Paths are checked here, so
 * that no name from the input can climb out of the output directory.
 *
 * <p>Equal contents are kept once: most preview files are the same on every node of a role, and a
 * 10,000-node tree would otherwise hold the same bytes tens of thousands of times. Entries with
 * equal bytes share one array, which lets {@link TreeWriter} store such a file once and link it.
 */
public final class OutputTree {
    /** One file: its bytes, whether it holds a secret (mode 0600), and the node it belongs to. */
    public record Entry(byte[] bytes, boolean secret, String node) {}

    private final SortedMap<String, Entry> entries = new TreeMap<>();
    private final ContentPool pool;

    public OutputTree() {
        this(new ContentPool());
    }

    private OutputTree(ContentPool pool) {
        this.pool = pool;
    }

    /**
     * An empty tree that keeps its contents in the same pool as this one, so that trees built on
     * several threads and then merged with {@link #addAll} hold each distinct content once.
     */
    public OutputTree sharingContents() {
        return new OutputTree(pool);
    }

    public void add(String path, String text, boolean secret, String node) {
        add(path, text.getBytes(StandardCharsets.UTF_8), secret, node);
    }

    public void add(String path, byte[] bytes, boolean secret, String node) {
        checkPath(path);
        if (entries.putIfAbsent(path, new Entry(pool.intern(bytes), secret, node)) != null) {
            throw new IllegalArgumentException("two files would be written to " + path);
        }
    }

    /**
     * Adds every file of another tree; the same checks apply. A tree that shares this one's
     * contents has checked its paths and pooled its bytes already, so only the clash is checked.
     */
    public void addAll(OutputTree other) {
        if (other.pool != pool) {
            other.entries.forEach((path, e) -> add(path, e.bytes(), e.secret(), e.node()));
            return;
        }
        other.entries.forEach((path, e) -> {
            if (entries.putIfAbsent(path, e) != null) {
                throw new IllegalArgumentException("two files would be written to " + path);
            }
        });
    }

    public SortedMap<String, Entry> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    /** A relative path of plain segments: no '..', '.', empty segment, backslash, NUL or absolute start. */
    public static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            throw new UnsafePathException(path);
        }
        // Segment by segment without splitting: every file of a 10,000-node tree passes here.
        for (int start = 0; start <= path.length(); ) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if (length == 0 || path.charAt(start) == '.' && (length == 1 || length == 2 && path.charAt(start + 1) == '.')) {
                throw new UnsafePathException(path);
            }
            start = end + 1;
        }
    }

    /** One array per distinct content; safe to share between threads. */
    private static final class ContentPool {
        private final ConcurrentMap<Content, byte[]> contents = new ConcurrentHashMap<>();

        byte[] intern(byte[] bytes) {
            return contents.computeIfAbsent(new Content(bytes), c -> c.bytes);
        }
    }

    /** Bytes compared by value, as a map key. */
    private static final class Content {
        private final byte[] bytes;
        private final int hash;

        Content(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && c.hash == hash && Arrays.equals(c.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A path that would leave the output directory. */
    public static final class UnsafePathException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnsafePathException(String path) {
            super("refusing to write outside the output directory: " + path.replace("\0", "\\0"));
        }
    }
}
