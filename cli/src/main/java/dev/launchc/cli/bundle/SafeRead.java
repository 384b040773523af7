package dev.launchc.cli.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reading files launchc did not write (a snaps folder) without following links, blocking on a FIFO
 * or reading a device: only regular files, and small ones only up to a cap. The one place for this
 * in the bundle code, so it can be folded into a shared helper later.
 */
public final class SafeRead {
    private SafeRead() {}

    /** The attributes of a path that must be a regular file (not a link, FIFO, device or folder). */
    public static BasicFileAttributes regular(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw new IOException(file + " is not a regular file");
        }
        return attrs;
    }

    /** The whole content of a regular file of at most {@code cap} bytes. */
    public static byte[] small(Path file, long cap) throws IOException {
        long size = regular(file).size();
        if (size > cap) {
            throw new IOException(file + " is larger than " + cap + " bytes");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) cap + 1);
            if (bytes.length > cap) {
                throw new IOException(file + " grew beyond " + cap + " bytes while it was read");
            }
            return bytes;
        }
    }

    /** A stream over a regular file (checked first, so a FIFO never blocks the open). */
    public static InputStream open(Path file) throws IOException {
        regular(file);
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }
}
