package dev.launchc.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which directories launchc may delete: only trees it provably wrote. A tree is launchc's when its
 * {@code manifest.json} has launchc's format (an object with one {@code files} array of
 * {path, sha256, size, mode[, node]}) and lists exactly the regular files that are there, with
 * their sizes; nothing else (no symbolic link, FIFO or other file) may be in it. A directory that
 * merely holds a file named {@code manifest.json} (a web app's, say) is not.
 */
final class OwnedTree {
    private OwnedTree() {}

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> ENTRY_FIELDS = Set.of("path", "sha256", "size", "mode", "node");
    /** The most manifest bytes read: a launchc manifest of the largest cluster allowed is far below. */
    private static final long MAX_MANIFEST_BYTES = 256L * 1024 * 1024;

    /** Staging and previous-tree directories beside OUTDIR: {@code .NAME.tmp-PID-*} and {@code .NAME.old-PID-*}. */
    static String stagingPrefix(String name) {
        return "." + name + ".tmp-" + ProcessHandle.current().pid() + "-";
    }

    static String oldPrefix(String name) {
        return "." + name + ".old-" + ProcessHandle.current().pid() + "-";
    }

    /** Why launchc may not replace {@code dir}, or null when it may (empty, or a tree it wrote). */
    static String refusal(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isEmpty()) {
                return null;
            }
        }
        Path manifest = dir.resolve(TreeWriter.MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return "is not empty and holds no " + TreeWriter.MANIFEST + "; refusing to replace a directory launchc did not write";
        }
        String problem = mismatch(dir, true);
        return problem == null ? null : "holds a " + TreeWriter.MANIFEST + " that launchc did not write (" + problem
                + "); refusing to replace it";
    }

    /**
     * Why the tree at {@code dir} is not exactly what its manifest lists, or null when it is.
     *
     * @param complete true: every listed file must be there (a finished tree); false: a staging
     *                 directory that a kill interrupted, where some listed files may be missing,
     *                 or no manifest yet when it holds no file at all but the manifest being written
     */
    static String mismatch(Path dir, boolean complete) throws IOException {
        Map<String, Long> found = new HashMap<>();
        String other = regularFiles(dir, found);
        if (other != null) {
            return other;
        }
        Path manifestFile = dir.resolve(TreeWriter.MANIFEST);
        if (!found.containsKey(TreeWriter.MANIFEST)) {
            // Killed before the manifest's rename: no file yet, or only the manifest being written.
            boolean beforeManifest = found.isEmpty() || found.keySet().equals(java.util.Set.of(TreeWriter.MANIFEST_PART));
            return !complete && beforeManifest ? null : "no " + TreeWriter.MANIFEST;
        }
        if (found.get(TreeWriter.MANIFEST) > MAX_MANIFEST_BYTES) {
            return TreeWriter.MANIFEST + " is larger than launchc writes";
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifestFile.toFile());
        } catch (IOException e) {
            return TreeWriter.MANIFEST + " is not JSON";
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.path("files").isArray()) {
            return TreeWriter.MANIFEST + " is not launchc's: it must be an object with only a 'files' list";
        }
        found.remove(TreeWriter.MANIFEST);
        int listed = 0;
        for (JsonNode entry : root.get("files")) {
            String problem = entryProblem(entry);
            if (problem != null) {
                return problem;
            }
            String path = entry.get("path").asText();
            Long size = found.remove(path);
            if (size == null) {
                if (complete) {
                    return "it lists " + path + ", which is not there";
                }
            } else if (complete ? size != entry.get("size").asLong() : size > entry.get("size").asLong()) {
                // A kill mid-write leaves the file it was writing shorter than listed, never longer.
                return path + " is not the size the manifest says";
            }
            listed++;
        }
        if (!found.isEmpty()) {
            return "it does not list " + found.keySet().stream().sorted().findFirst().orElseThrow()
                    + (found.size() > 1 ? " and " + (found.size() - 1) + " more files" : "");
        }
        return listed == 0 && complete ? "it lists no file" : null;
    }

    private static String entryProblem(JsonNode entry) {
        if (!entry.isObject()) {
            return "a manifest entry is not an object";
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            if (!ENTRY_FIELDS.contains(names.next())) {
                return "a manifest entry has a field launchc does not write";
            }
        }
        if (!entry.path("path").isTextual() || !entry.path("size").isIntegralNumber()
                || !entry.path("sha256").isTextual() || !SHA256.matcher(entry.get("sha256").asText()).matches()
                || !entry.path("mode").isTextual() || !Set.of("0600", "0644").contains(entry.get("mode").asText())) {
            return "a manifest entry lacks launchc's path, sha256, size or mode";
        }
        return null;
    }

    /**
     * Every file under {@code dir} as it reads, by relative path (with '/'), with its size; or why
     * the tree holds something else. A tree of the shared layout ({@link SharedDirectories}) holds
     * relative symbolic links to directories of the same tree: a file in such a directory is read
     * at each link's place instead of its own. Any other link (out of the tree, to a file, to a
     * link, into itself, or inside a linked directory) is not launchc's.
     */
    private static String regularFiles(Path dir, Map<String, Long> found) throws IOException {
        Map<String, Long> files = new HashMap<>();
        Map<String, Path> links = new TreeMap<>();
        Path[] other = new Path[1];
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile()) {
                        files.put(relative(dir, p), a.size());
                    } else if (a.isSymbolicLink()) {
                        links.put(relative(dir, p), Files.readSymbolicLink(p));
                    } else if (!a.isDirectory() && other[0] == null) {
                        other[0] = p;
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (other[0] != null) {
            return dir.relativize(other[0]) + " is not a regular file, directory or link";
        }
        Map<String, String> targets = new HashMap<>();
        Path top = dir.toAbsolutePath().normalize();
        for (Map.Entry<String, Path> link : links.entrySet()) {
            Path target = SharedDirectories.linkedDirectory(top, top.resolve(link.getKey()), link.getValue());
            if (target == null) {
                return link.getKey() + " is a symbolic link launchc does not write";
            }
            targets.put(link.getKey(), relative(top, target));
        }
        Map<String, Map<String, Long>> linked = new HashMap<>();
        targets.values().forEach(t -> linked.put(t, new HashMap<>()));
        for (String link : links.keySet()) {
            if (underAny(link, linked.keySet()) != null) {
                return link + " is a symbolic link inside a linked directory";
            }
        }
        for (Map.Entry<String, Long> f : files.entrySet()) {
            String target = underAny(f.getKey(), linked.keySet());
            if (target == null) {
                found.put(f.getKey(), f.getValue());
            } else {
                linked.get(target).put(f.getKey().substring(target.length()), f.getValue());
            }
        }
        for (Map.Entry<String, String> link : targets.entrySet()) {
            linked.get(link.getValue()).forEach((rest, size) -> found.put(link.getKey() + rest, size));
        }
        return null;
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    /** The directory of {@code dirs} that {@code path} is below, or null. */
    private static String underAny(String path, java.util.Set<String> dirs) {
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            String parent = path.substring(0, slash);
            if (dirs.contains(parent)) {
                return parent;
            }
        }
        return null;
    }

    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(?:tmp|old)-([0-9]+)-[^/]*");

    /**
     * Removes what killed runs left beside OUTDIR: staging directories ({@code .NAME.tmp-PID-*}) and
     * previous trees ({@code .NAME.old-PID-*}) of a process that is gone, and only when their
     * content is launchc's (a subset of what their manifest lists, or directories only). A live
     * process's are left alone: it may be another compile of the same OUTDIR.
     *
     * @return how many were removed
     */
    static int removeStale(Path parent, String name) {
        int removed = 0;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".{tmp,old}-*")) {
            for (Path sibling : siblings) {
                Matcher m = LEFTOVER.matcher(sibling.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(name) || !Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                try {
                    if (mismatch(sibling, false) == null) {
                        TreeWriter.deleteTree(sibling);
                        removed++;
                    }
                } catch (IOException e) {
                    // Best effort: a leftover that cannot be judged or removed stays, as it was.
                }
            }
        } catch (IOException e) {
            // The parent cannot be listed: the write itself will say why.
        }
        return removed;
    }
}
