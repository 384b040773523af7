package dev.launchc.cli;

import dev.launchc.load.RegularFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Pages that {@code docs -o DIR} and {@code schema -o DIR} write under DIR by fixed relative
 * names. Every name is checked before anything is written: a symbolic link anywhere below DIR (a
 * folder or the file itself) is refused, so that the pages never land where a link leads (another
 * user's file, a file outside DIR), and so is anything but a folder where a folder must be or a
 * regular file where a page goes. A file is replaced only when it is one of launchc's pages (it
 * holds the command's marker near its top), never a user's file of the same name. Each page
 * replaces its file by a rename, never by writing through it.
 */
final class GeneratedFiles {
    private GeneratedFiles() {}

    /** How far into an existing file its marker is looked for. */
    private static final int MARKER_WITHIN = 1024;

    /**
     * Writes {@code pages} (relative path to text) under {@code dir}; a refusal writes nothing.
     *
     * @param marker what each of these pages holds in its first kilobyte, and what an existing file
     *     must hold to be replaced (docs: "; do not edit", schema: its "$id" prefix)
     */
    static void write(Path dir, Map<String, String> pages, String marker) {
        for (Map.Entry<String, String> page : pages.entrySet()) {
            if (!head(page.getValue().getBytes(StandardCharsets.UTF_8)).contains(marker)) {
                // A page launchc could not recognise as its own later: a defect, not the user's problem.
                throw new IllegalStateException(page.getKey() + " does not hold its marker " + marker);
            }
        }
        for (String relative : pages.keySet()) {
            String problem = problem(dir, relative, marker);
            if (problem != null) {
                throw new UsageException("cannot write " + dir.resolve(relative) + ": " + problem + "; nothing written");
            }
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path target = dir.resolve(page.getKey());
            try {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
                try {
                    Files.writeString(tmp, page.getValue(), StandardCharsets.UTF_8);
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UsageException("cannot write " + target + ": " + RegularFiles.problem(e));
            }
        }
    }

    /** What is in the way of writing {@code relative} under {@code dir}, or null. */
    private static String problem(Path dir, String relative, String marker) {
        Path at = dir;
        Path rel = Path.of(relative);
        for (int i = 0; i < rel.getNameCount(); i++) {
            at = at.resolve(rel.getName(i));
            boolean last = i == rel.getNameCount() - 1;
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.NoSuchFileException e) {
                return null; // created from here on
            } catch (IOException e) {
                return RegularFiles.problem(e);
            }
            if (a.isSymbolicLink()) {
                return at + " is a symbolic link; refusing to follow it";
            }
            if (last ? !a.isRegularFile() : !a.isDirectory()) {
                return at + (last ? " exists and is not a regular file" : " exists and is not a folder");
            }
            if (last && !launchcPage(at, marker)) {
                return at + " exists and is not a page launchc wrote (no \"" + marker + "\" near its top); move it away or write"
                        + " to another folder";
            }
        }
        return null;
    }

    /** Whether the regular file {@code file} holds {@code marker} in its first kilobyte. */
    private static boolean launchcPage(Path file, String marker) {
        try (java.io.InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return head(in.readNBytes(MARKER_WITHIN)).contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    private static String head(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, MARKER_WITHIN), StandardCharsets.UTF_8);
    }
}
