package dev.launchc.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code stat} says of a file that changes whenever its bytes do: device, inode, size, and the
 * modification and status-change times. {@code lint --cache} replays a file's findings by its stamp
 * without reading it, as git's index and make trust a file's stat, only while the stamp is the one
 * recorded when the file's bytes were last hashed.
 *
 * <p>Why the status-change time: a writer can set a file's modification time back (touch -r,
 * cp -p, rsync -t), never its status-change time, which the kernel sets on every write, truncate,
 * rename into place and chmod. Why "settled": a file changed within the file system's timestamp
 * granularity of the moment it was hashed could change again and keep the same stamp (git's "racily
 * clean" entries); a stamp is recorded only for a file whose last change is {@link #SETTLE} older
 * than the run's start, so any later change gets another status-change time.
 *
 * @param device the file system's device number
 * @param inode the inode number (a file replaced by a rename gets another)
 */
record FileStamp(long device, long inode, long size, long modifiedSeconds, int modifiedNanos, long changedSeconds,
        int changedNanos) {
    /**
     * How long ago a file must have last changed for its stamp to be recorded: above the coarsest
     * timestamp granularity of the file systems launchc meets (FAT's 2 s, 1 s on ext3, NFS and
     * HFS+; nanoseconds on ext4, xfs, btrfs and tmpfs).
     */
    static final Duration SETTLE = Duration.ofSeconds(3);

    /** Whether the platform's files have a status-change time and inode (the JDK's "unix" view). */
    static final boolean AVAILABLE = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    private static final String ATTRIBUTES = "unix:isRegularFile,dev,ino,size,lastModifiedTime,ctime";

    /** The stamp of the regular file {@code path} leads to, or null when it is none or cannot be read. */
    static FileStamp of(Path path) {
        if (!AVAILABLE) {
            return null;
        }
        try {
            Map<String, Object> stat = Files.readAttributes(path, ATTRIBUTES);
            if (!(Boolean) stat.get("isRegularFile")) {
                return null;
            }
            Instant modified = ((FileTime) stat.get("lastModifiedTime")).toInstant();
            Instant changed = ((FileTime) stat.get("ctime")).toInstant();
            return new FileStamp((Long) stat.get("dev"), (Long) stat.get("ino"), (Long) stat.get("size"),
                    modified.getEpochSecond(), modified.getNano(), changed.getEpochSecond(), changed.getNano());
        } catch (IOException | RuntimeException e) {
            return null; // read as before, which reports what is wrong
        }
    }

    /** Whether the file last changed {@link #SETTLE} or more before {@code runStart}: see the class comment. */
    boolean settledBefore(Instant runStart) {
        Instant latest = runStart.minus(SETTLE);
        return Instant.ofEpochSecond(changedSeconds, changedNanos).isBefore(latest);
    }
}
