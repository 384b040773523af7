package dev.launchc.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which directories of an output tree repeat whole, for {@link TreeWriter.Layout#SHARED}: a
 * directory whose names, bytes and modes all equal another's is stored once, under a store
 * directory at the top of the tree, and each of its places becomes a relative symbolic link to
 * that copy. In a cluster's preview most of a node's directories repeat on every node of its role
 * (args/ differs only by the labels of the rack or zone), so a 10,000-node tree keeps a few hundred
 * directories instead of 110,000, and a few names per node instead of 44.
 *
 * <p>Only the outermost repeating directory is linked; what is inside a linked directory is not
 * planned again. Equality is exact (the pooled content arrays of {@link OutputTree} and the
 * children's names), not a digest.
 */
public final class SharedDirectories {
    /** Where the stored copies live, when the tree has no top-level entry of that name. */
    static final String STORE = "shared";

    /**
     * The storage plan: {@code links} maps each linked directory (relative path) to the link's
     * target, relative to the link's own directory; {@code files} are the files to write, by their
     * physical path: those outside linked directories at their own path, and one copy of each
     * linked directory's files under the store.
     */
    public record Plan(SortedMap<String, String> links, SortedMap<String, OutputTree.Entry> files) {}

    private SharedDirectories() {}

    /** A directory of the tree: its children by name, a file's {@link OutputTree.Entry} or another {@code Dir}. */
    private static final class Dir {
        final String path;
        final TreeMap<String, Object> children = new TreeMap<>();
        int id;

        Dir(String path) {
            this.path = path;
        }
    }

    /** The plan for {@code entries}; an IOException when a file has the name of a directory another path needs. */
    public static Plan plan(SortedMap<String, OutputTree.Entry> entries) throws IOException {
        Dir root = new Dir("");
        for (Map.Entry<String, OutputTree.Entry> e : entries.entrySet()) {
            Dir dir = root;
            String path = e.getKey();
            int start = 0;
            for (int slash = path.indexOf('/'); slash >= 0; start = slash + 1, slash = path.indexOf('/', start)) {
                String name = path.substring(start, slash);
                Object child = dir.children.get(name);
                if (child == null) {
                    child = new Dir(path.substring(0, slash));
                    dir.children.put(name, child);
                } else if (!(child instanceof Dir)) {
                    // In path order a file comes before the paths below its name.
                    throw new IOException("cannot create directory " + path.substring(0, slash) + ": a file or link has that name");
                }
                dir = (Dir) child;
            }
            dir.children.put(path.substring(start), e.getValue());
        }
        Map<byte[], Integer> contentIds = new IdentityHashMap<>();
        Map<String, Integer> dirIds = new HashMap<>();
        Map<Integer, Integer> occurrences = new HashMap<>();
        number(root, contentIds, dirIds, occurrences);

        String store = STORE;
        for (int n = 1; root.children.containsKey(store); n++) {
            store = STORE + "-" + n;
        }
        SortedMap<String, String> links = new TreeMap<>();
        SortedMap<String, OutputTree.Entry> files = new TreeMap<>();
        place(root, new Placing(store, occurrences, links, files));
        return new Plan(links, files);
    }

    /** What {@link #place} fills in, and the store's copies made so far. */
    private record Placing(String store, Map<Integer, Integer> occurrences, SortedMap<String, String> links,
            SortedMap<String, OutputTree.Entry> files, Map<Integer, String> stored, Map<String, Integer> baseNames) {
        Placing(String store, Map<Integer, Integer> occurrences, SortedMap<String, String> links, SortedMap<String, OutputTree.Entry> files) {
            this(store, occurrences, links, files, new HashMap<>(), new HashMap<>());
        }
    }

    /** Plans the files of {@code dir} and its directories, in path order, linking each outermost repeating directory. */
    private static void place(Dir dir, Placing p) {
        for (Map.Entry<String, Object> child : dir.children.entrySet()) {
            String path = dir.path.isEmpty() ? child.getKey() : dir.path + "/" + child.getKey();
            if (child.getValue() instanceof OutputTree.Entry file) {
                p.files().put(path, file);
                continue;
            }
            Dir sub = (Dir) child.getValue();
            if (p.occurrences().get(sub.id) < 2) {
                place(sub, p);
                continue;
            }
            String copy = p.stored().get(sub.id);
            if (copy == null) {
                // Named for what it holds (args-1, certs-2), numbered in the order of first use.
                String name = child.getKey();
                copy = p.store() + "/" + name + "-" + p.baseNames().merge(name, 1, Integer::sum);
                p.stored().put(sub.id, copy);
                addFiles(sub, copy, p.files());
            }
            p.links().put(path, "../".repeat(depth(path)) + copy);
        }
    }

    /** Gives each directory an id, equal for directories of equal names, bytes and modes throughout; counts each id's places. */
    private static void number(Dir dir, Map<byte[], Integer> contentIds, Map<String, Integer> dirIds,
            Map<Integer, Integer> occurrences) {
        StringBuilder key = new StringBuilder();
        for (Map.Entry<String, Object> child : dir.children.entrySet()) {
            key.append(child.getKey()).append('\0');
            if (child.getValue() instanceof OutputTree.Entry file) {
                Integer content = contentIds.computeIfAbsent(file.bytes(), b -> contentIds.size());
                key.append(file.secret() ? 's' : 'f').append(content);
            } else {
                Dir sub = (Dir) child.getValue();
                number(sub, contentIds, dirIds, occurrences);
                key.append('d').append(sub.id);
            }
            key.append('\0');
        }
        dir.id = dirIds.computeIfAbsent(key.toString(), k -> dirIds.size());
        occurrences.merge(dir.id, 1, Integer::sum);
    }

    private static void addFiles(Dir dir, String at, SortedMap<String, OutputTree.Entry> files) {
        for (Map.Entry<String, Object> child : dir.children.entrySet()) {
            String path = at + "/" + child.getKey();
            if (child.getValue() instanceof OutputTree.Entry file) {
                files.put(path, file);
            } else {
                addFiles((Dir) child.getValue(), path, files);
            }
        }
    }

    /**
     * The directory that {@code link} leads to when it is a link of the shared layout in the tree
     * at {@code root}: a relative symbolic link to a real directory inside the tree, reached
     * through no other link, and neither the link's own directory nor one above it. Null for
     * anything else (not a link, or a link launchc does not write), which readers then refuse.
     */
    public static Path linkedDirectory(Path root, Path link) throws IOException {
        return Files.isSymbolicLink(link) ? linkedDirectory(root, link, Files.readSymbolicLink(link)) : null;
    }

    /** As {@link #linkedDirectory(Path, Path)} for a link whose target the caller has read already. */
    static Path linkedDirectory(Path root, Path link, Path target) {
        Path top = root.toAbsolutePath().normalize();
        Path at = link.toAbsolutePath().normalize();
        if (target.isAbsolute() || at.getParent() == null) {
            return null;
        }
        Path resolved = at.getParent().resolve(target).normalize();
        if (!resolved.startsWith(top) || resolved.equals(top) || at.startsWith(resolved)) {
            return null;
        }
        for (Path dir = resolved; !dir.equals(top); dir = dir.getParent()) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
        }
        return resolved;
    }

    /** How many directories {@code path}'s parent is below the top: the number of '/' in it. */
    private static int depth(String path) {
        int n = 0;
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            n++;
        }
        return n;
    }
}
