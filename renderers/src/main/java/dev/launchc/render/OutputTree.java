package dev.launchc.render;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Files to write, by relative path, before anything touches the disk. Paths are checked here, so
 * that no name from the input can climb out of the output directory.
 */
public final class OutputTree {
    /** One file: its bytes, whether it holds a secret (mode 0600), and the node it belongs to. */
    public record Entry(byte[] bytes, boolean secret, String node) {}

    private final SortedMap<String, Entry> entries = new TreeMap<>();

    public void add(String path, String text, boolean secret, String node) {
        add(path, text.getBytes(StandardCharsets.UTF_8), secret, node);
    }

    public void add(String path, byte[] bytes, boolean secret, String node) {
        checkPath(path);
        if (entries.putIfAbsent(path, new Entry(bytes, secret, node)) != null) {
            throw new IllegalArgumentException("two files would be written to " + path);
        }
    }

    /** Adds every file of another tree; the same checks apply. */
    public void addAll(OutputTree other) {
        other.entries.forEach((path, e) -> add(path, e.bytes(), e.secret(), e.node()));
    }

    public SortedMap<String, Entry> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    /** A relative path of plain segments: no '..', '.', empty segment, backslash, NUL or absolute start. */
    public static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            throw new UnsafePathException(path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new UnsafePathException(path);
            }
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
