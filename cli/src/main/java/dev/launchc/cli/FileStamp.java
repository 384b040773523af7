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
    private static final String FOLDER_ATTRIBUTES = "unix:isDirectory,dev,ino,size,lastModifiedTime,ctime";

    /** The stamp of the regular file {@code path} leads to, or null when it is none or cannot be read. */
    static FileStamp of(Path path) {
        return read(path, ATTRIBUTES, "isRegularFile");
    }

    /**
     * The stamp of the folder {@code path} leads to, or null when it is none or cannot be read. A
     * folder's status-change time moves whenever a name in it is added, removed or renamed, or its
     * permissions change: an unchanged stamp means the same names of the same entries.
     */
    static FileStamp ofFolder(Path path) {
        return read(path, FOLDER_ATTRIBUTES, "isDirectory");
    }

    private static FileStamp read(Path path, String attributes, String kind) {
        if (!AVAILABLE) {
            return null;
        }
        try {
            Map<String, Object> stat = Files.readAttributes(path, attributes);
            if (!(Boolean) stat.get(kind) || !trusted((Long) stat.get("dev"), path)) {
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

    /**
     * File systems whose stat a client may answer from a cache, or that another machine writes:
     * NFS clients keep attributes for up to a minute (actimeo), and only opening the file, which a
     * stamp hit never does, makes them look again; SMB, 9p/drvfs (WSL), virtiofs, cluster file
     * systems and FUSE (sshfs) alike. Their files are found by their bytes only.
     */
    private static final java.util.Set<String> SHARED_FILE_SYSTEMS = java.util.Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs",
            "9p", "drvfs", "virtiofs", "ceph", "glusterfs", "afs", "lustre", "gpfs", "beegfs", "ocfs2", "gfs2");
    /** Whether each device's stamps may be trusted, asked once per device (the mount table is read for it). */
    private static final Map<Long, Boolean> TRUSTED = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean trusted(long device, Path path) {
        Boolean known = TRUSTED.get(device);
        if (known != null) {
            return known;
        }
        boolean local;
        try {
            local = trustedType(Files.getFileStore(path).type());
        } catch (IOException | RuntimeException e) {
            local = false;
        }
        TRUSTED.put(device, local);
        return local;
    }

    /** Whether a file system of this type gives stamps launchc trusts (see {@link #SHARED_FILE_SYSTEMS}). */
    static boolean trustedType(String type) {
        return !SHARED_FILE_SYSTEMS.contains(type) && !type.startsWith("fuse");
    }

    /**
     * Field by field, written out: a record's own equals spins method handles at its first call
     * (about 40 ms of a cached lint that compares thousands of stamps and does little else).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp o && device == o.device && inode == o.inode && size == o.size
                && modifiedSeconds == o.modifiedSeconds && modifiedNanos == o.modifiedNanos
                && changedSeconds == o.changedSeconds && changedNanos == o.changedNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inode) * 31 + Long.hashCode(changedSeconds * 1_000_000_007L + changedNanos);
    }

    /** Whether the file last changed {@link #SETTLE} or more before {@code runStart}: see the class comment. */
    boolean settledBefore(Instant runStart) {
        // Compared as numbers, making no Instant: a run memo checks thousands of stamps.
        long latestSeconds = runStart.getEpochSecond() - SETTLE.getSeconds();
        return changedSeconds < latestSeconds || changedSeconds == latestSeconds && changedNanos < runStart.getNano();
    }
}
