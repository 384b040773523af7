package dev.launchc.cli;

import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Expands lint arguments into inputs: files, directories (recursive *.yaml / *.yml) and "-" for stdin. */
public final class Inputs {
    /**
     * One input, read on demand so that a large directory is not held in memory at once.
     * {@code walked}: found by walking a directory rather than named on the command line.
     * {@code link}: reached through a symbolic link (the input itself, or the folder named that the
     * walk started from), whose target can change with no status-change time moving.
     */
    public record Input(String name, Path path, boolean walked, boolean link) {
        public Input(String name, Path path, boolean walked) {
            this(name, path, walked, false);
        }

        /**
         * The input's bytes. Only a regular file is read (a FIFO or a device named in a directory
         * walk, or swapped in since, is refused), and never more than {@code maxBytes}.
         *
         * @throws TooLarge when the input holds more than {@code maxBytes}
         */
        public byte[] read(long maxBytes) {
            try {
                if (path == null) {
                    byte[] bytes = RegularFiles.readAtMost(System.in, maxBytes);
                    if (bytes.length > maxBytes) {
                        // Standard input has no size, and reading on to learn it could take forever.
                        throw new TooLarge(-1);
                    }
                    return bytes;
                }
                return RegularFiles.read(path, maxBytes);
            } catch (RegularFiles.TooLarge e) {
                throw new TooLarge(e.size());
            } catch (IOException e) {
                throw new UsageException("cannot read " + name + ": " + RegularFiles.problem(e));
            }
        }

        /**
         * Reads and lints the input; one over the size limit is not read and becomes the loader's
         * LC0005 finding with its real size.
         *
         * @param onlyLaunchConfigs as {@link Linter#lintIfLaunchConfig}: null for YAML that is not a launch config
         */
        public Linted lint(Linter linter, long maxBytes, boolean onlyLaunchConfigs) {
            byte[] bytes;
            try {
                bytes = read(maxBytes);
            } catch (TooLarge e) {
                return new Linted(null, linter.tooLarge(name, e.size));
            }
            return new Linted(bytes, onlyLaunchConfigs ? linter.lintIfLaunchConfig(name, bytes) : linter.lint(name, bytes));
        }
    }

    /** An input's bytes (null when it was too large to read) and its findings. */
    public record Linted(byte[] bytes, FileLint lint) {}

    /** An input larger than the limit; {@code size} is its real size, or -1 when it cannot be known (stdin). */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long size;

        TooLarge(long size) {
            super(null, null, false, false);
            this.size = size;
        }
    }

    private Inputs() {}

    static boolean isYaml(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    public static List<Input> collect(List<String> args) {
        return collect(args, file -> { });
    }

    /** As {@link #collect(List)}, telling {@code found} of each file of a walk as soon as the walk meets it. */
    static List<Input> collect(List<String> args, java.util.function.Consumer<Input> found) {
        return collect(args, found, new Walks());
    }

    /**
     * What the walks met besides their inputs: each folder listed, and whether a YAML-named link
     * was skipped. {@link RunMemo} needs both: a folder's stamp vouches for its names, but what a
     * skipped link leads to (nothing, a folder) can become a file while no folder changes.
     */
    static final class Walks {
        final List<Path> folders = new ArrayList<>();
        boolean skippedLink;
    }

    /** As {@link #collect(List, java.util.function.Consumer)}, recording in {@code walks} what the walks met. */
    static List<Input> collect(List<String> args, java.util.function.Consumer<Input> found, Walks walks) {
        List<Input> out = new ArrayList<>();
        for (String arg : args) {
            if ("-".equals(arg)) {
                out.add(new Input("<stdin>", null, false));
                continue;
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try {
                    walk(p, out, found, walks);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new UsageException("cannot read directory " + arg + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                out.add(new Input(arg, p, false, Files.isSymbolicLink(p)));
            } else if (Files.exists(p)) {
                String why = "not a regular file";
                try {
                    RegularFiles.attributes(p);
                } catch (RegularFiles.Refused e) {
                    why = e.getMessage();
                }
                throw new UsageException("cannot read " + arg + ": " + why);
            } else {
                throw new UsageException("cannot read " + arg + ": no such file or directory");
            }
        }
        return out;
    }

    /**
     * The YAML files below {@code root}, in the order of their paths (as the JDK compares paths:
     * by their bytes, across depths). {@code root} itself is followed when it is a link (the user
     * named it); links below it are followed only to a regular file, never into a folder (no
     * cycles, no walking out of the tree).
     */
    private static void walk(Path root, List<Input> out, java.util.function.Consumer<Input> found, Walks walks) throws IOException {
        boolean rootLink = Files.isSymbolicLink(root);
        List<Input> walked = new ArrayList<>();
        java.util.ArrayDeque<Path> folders = new java.util.ArrayDeque<>();
        folders.push(root);
        while (!folders.isEmpty()) {
            Path folder = folders.pop();
            walks.folders.add(folder);
            try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    Input input = walkedEntry(entry, folders, walks, rootLink);
                    if (input != null) {
                        walked.add(input);
                        found.accept(input);
                    }
                }
            }
        }
        // By the paths' bytes, as the JDK compares paths. Where every name is ASCII, its text has
        // the same order and compares eight bytes at a time, not one: a third of a cached lint's walk.
        boolean ascii = walked.stream().allMatch(in -> isAscii(in.name()));
        walked.sort(ascii ? (x, y) -> x.name().compareTo(y.name()) : java.util.Comparator.comparing(Input::path));
        out.addAll(walked);
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The input {@code entry} is, or null; a folder goes onto {@code folders}. One stat, of the
     * entry itself; a link costs a second (to learn whether it leads to a regular file). The stamp
     * that lint --cache keys on is read by its look-ahead on the other core (DigestPrefetch).
     */
    private static Input walkedEntry(Path entry, java.util.Deque<Path> folders, Walks walks, boolean rootLink) throws IOException {
        java.nio.file.attribute.BasicFileAttributes own;
        try {
            own = Files.readAttributes(entry, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null; // deleted since the listing
        }
        if (own.isDirectory()) {
            folders.push(entry);
            return null;
        }
        if (!isYaml(entry)) {
            return null;
        }
        boolean input = own.isRegularFile() || own.isSymbolicLink() && Files.isRegularFile(entry);
        if (!input && own.isSymbolicLink()) {
            walks.skippedLink = true;
        }
        return input ? new Input(entry.toString(), entry, true, rootLink || own.isSymbolicLink()) : null;
    }
}
