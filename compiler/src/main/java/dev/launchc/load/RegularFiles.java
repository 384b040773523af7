package dev.launchc.load;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a file that a user named, safely: only a regular file (a symbolic link only when it leads
 * to one), and never more than a cap. A FIFO would block the read forever, {@code /dev/zero} or
 * {@code /dev/urandom} would fill the heap, {@code /dev/tty} would wait for a keyboard; each is
 * refused before it is opened. Every file launchc reads from the user goes through here (inputs,
 * migrate, the join token file); use it for any new one too.
 */
public final class RegularFiles {
    private RegularFiles() {}

    /** Why a file was not read, in words fit for a message (never its content). */
    public static class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /** The file is larger than the cap; {@link #size()} is its real size (what the file system says, or more). */
    public static final class TooLarge extends Refused {
        private static final long serialVersionUID = 1L;
        private final long size;
        private final long limit;

        TooLarge(long size, long limit) {
            super("it is " + size + " bytes; the limit is " + limit);
            this.size = size;
            this.limit = limit;
        }

        public long size() {
            return size;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * The bytes of {@code path}, at most {@code maxBytes} of them.
     *
     * @throws TooLarge when the file holds more than {@code maxBytes}
     * @throws Refused  when it is not a regular file, does not exist or cannot be read
     */
    public static byte[] read(Path path, long maxBytes) throws Refused {
        BasicFileAttributes attributes = attributes(path);
        if (attributes.size() > maxBytes) {
            throw new TooLarge(attributes.size(), maxBytes);
        }
        try (InputStream in = open(path)) {
            // The file may have been swapped or grown since the check: never read past the cap.
            byte[] bytes = readAtMost(in, attributes.size(), maxBytes + 1);
            if (bytes.length > maxBytes) {
                long size = in instanceof FileInputStream file ? file.getChannel().size() : Files.size(path);
                throw new TooLarge(Math.max(size, bytes.length), maxBytes);
            }
            return bytes;
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw new Refused(problem(e));
        }
    }

    /**
     * The file opened for reading. A FileInputStream costs a third less than a channel per small
     * file (a fleet lint reads thousands), but says why it cannot open a file only in words: then
     * a channel opens it again, to fail with the exception that names the reason.
     */
    private static InputStream open(Path path) throws IOException {
        if (path.getFileSystem() == FileSystems.getDefault()) {
            try {
                return new FileInputStream(path.toFile());
            } catch (FileNotFoundException e) {
                // Opened again below.
            }
        }
        return Files.newInputStream(path);
    }

    /** What is at {@code path}, following symbolic links, when it is a regular file; refused otherwise. */
    public static BasicFileAttributes attributes(Path path) throws Refused {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new Refused(problem(e));
        }
        if (!attributes.isRegularFile()) {
            throw new Refused(kind(path, attributes) + ", not a regular file");
        }
        return attributes;
    }

    /**
     * As {@link #attributes}, but a symbolic link is refused as well: for the files of a folder that
     * launchc copies as they are (a snaps folder), where a link could lead anywhere. The message
     * names the file.
     */
    public static BasicFileAttributes attributesNoLinks(Path path) throws Refused {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new Refused(path + ": " + problem(e));
        }
        if (attributes.isSymbolicLink()) {
            throw new Refused(path + ": it is a symbolic link, not a regular file");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused(path + ": " + kind(path, attributes) + ", not a regular file");
        }
        return attributes;
    }

    /** As {@link #read}, without following a symbolic link; the message names the file. */
    public static byte[] readNoLinks(Path path, long maxBytes) throws Refused {
        attributesNoLinks(path);
        try {
            return read(path, maxBytes);
        } catch (Refused e) {
            throw new Refused(path + ": " + e.getMessage());
        }
    }

    /** A stream over a regular file that is no symbolic link, checked before the open so that a FIFO never blocks it. */
    public static InputStream openNoLinks(Path path) throws Refused {
        attributesNoLinks(path);
        try {
            return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new Refused(path + ": " + problem(e));
        }
    }

    /** At most {@code maxBytes + 1} bytes of a stream, so that the caller can tell "over the cap" from "exactly at it". */
    public static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }

    /**
     * At most {@code maxBytes} bytes of a file, in a buffer of the size it had when it was checked,
     * grown only if it grew since.
     */
    private static byte[] readAtMost(InputStream in, long size, long maxBytes) throws IOException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
        byte[] bytes = new byte[(int) Math.min(cap, Math.max(size, 0) + 1)];
        int length = 0;
        while (true) {
            if (length == bytes.length) {
                if (length == cap) {
                    return bytes;
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(cap, Math.max(16, (long) length * 2)));
            }
            int n = in.read(bytes, length, bytes.length - length);
            if (n < 0) {
                return Arrays.copyOf(bytes, length);
            }
            length += n;
        }
    }

    private static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "it is a directory";
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "it is a FIFO (named pipe)";
                case 0020000 -> "it is a character device";
                case 0060000 -> "it is a block device";
                case 0140000 -> "it is a socket";
                default -> "it is a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "it is a special file";
        }
    }

    /**
     * An I/O failure in words with the file it concerns, when the JDK names one whose message is
     * only that file's path (a NoSuchFileException says nothing else): "PATH: no such file".
     */
    public static String problemAt(IOException e) {
        String problem = problem(e);
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null && !problem.contains(f.getFile())) {
            return f.getFile() + ": " + problem;
        }
        return problem;
    }

    /** An I/O failure in words, without the JDK's exception class names. */
    public static String problem(IOException e) {
        if (e instanceof Refused) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemLoopException) {
            return "a loop of symbolic links";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "it already exists (another run writing the same place?)";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a folder";
        }
        String reason = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? "cannot read it" : reason;
    }
}
