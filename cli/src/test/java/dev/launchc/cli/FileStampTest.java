package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file's stamp holds and when it may be recorded (lint --cache's replay without reading). */
class FileStampTest {
    @TempDir
    Path tmp;

    @Test
    void theStampIsWhatStatSays() throws IOException {
        assertTrue(FileStamp.AVAILABLE, "launchc's platforms have the JDK's unix view");
        Path file = Files.writeString(tmp.resolve("a.yaml"), "version: 0.2.0\n");
        FileStamp stamp = FileStamp.of(file);
        assertEquals(15, stamp.size());
        assertEquals(((Number) Files.getAttribute(file, "unix:ino")).longValue(), stamp.inode());
        assertEquals(((Number) Files.getAttribute(file, "unix:dev")).longValue(), stamp.device());
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        assertEquals(modified.getEpochSecond(), stamp.modifiedSeconds());
        assertEquals(modified.getNano(), stamp.modifiedNanos());
        Instant changed = ((java.nio.file.attribute.FileTime) Files.getAttribute(file, "unix:ctime")).toInstant();
        assertEquals(changed.getEpochSecond(), stamp.changedSeconds());
        assertEquals(changed.getNano(), stamp.changedNanos());
    }

    @Test
    void onlyARegularFileHasAStamp() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("dir.yaml"));
        Path file = Files.writeString(tmp.resolve("a.yaml"), "x");
        Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), file);
        Path dangling = Files.createSymbolicLink(tmp.resolve("gone.yaml"), tmp.resolve("nothing"));
        assertNull(FileStamp.of(dir));
        assertNull(FileStamp.of(dangling));
        assertNull(FileStamp.of(tmp.resolve("missing.yaml")));
        assertEquals(FileStamp.of(file), FileStamp.of(link), "a link's stamp is its file's");
    }

    /** Any write moves the status-change time, even one that sets the modification time back. */
    @Test
    void aRewriteWithTheModificationTimeSetBackChangesTheStamp() throws IOException, InterruptedException {
        Path file = Files.writeString(tmp.resolve("a.yaml"), "abc");
        FileStamp before = FileStamp.of(file);
        Thread.sleep(20); // past the kernel's timestamp granularity (a jiffy)
        Files.writeString(file, "xyz");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                Instant.ofEpochSecond(before.modifiedSeconds(), before.modifiedNanos())));
        FileStamp after = FileStamp.of(file);
        assertEquals(before.size(), after.size());
        assertEquals(before.inode(), after.inode());
        assertEquals(before.modifiedNanos(), after.modifiedNanos());
        assertNotEquals(before, after);
    }

    @Test
    void aStampIsSettledOnlyWhenTheFileLastChangedLongEnoughBeforeTheRun() {
        FileStamp stamp = new FileStamp(1, 2, 3, 100, 0, 1_000, 500);
        Instant changed = Instant.ofEpochSecond(1_000, 500);
        assertFalse(stamp.settledBefore(changed));
        assertFalse(stamp.settledBefore(changed.plus(FileStamp.SETTLE)), "exactly SETTLE later is not enough");
        assertTrue(stamp.settledBefore(changed.plus(FileStamp.SETTLE).plusNanos(1)));
        assertFalse(stamp.settledBefore(changed.minusSeconds(60)), "a change after the run's start (a clock behind) is not settled");
    }

    /** A stat that a network or FUSE client may answer from its cache never stands for the file's bytes. */
    @Test
    void networkAndFuseFileSystemsGiveNoStamps() throws IOException {
        for (String type : java.util.List.of("nfs", "nfs4", "cifs", "smb3", "9p", "virtiofs", "fuse.sshfs", "fuseblk", "ceph")) {
            assertFalse(FileStamp.trustedType(type), type);
        }
        for (String type : java.util.List.of("ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "apfs")) {
            assertTrue(FileStamp.trustedType(type), type);
        }
        Path file = Files.writeString(tmp.resolve("a.yaml"), "x");
        assertEquals(FileStamp.trustedType(Files.getFileStore(file).type()), FileStamp.of(file) != null,
                "this machine's " + Files.getFileStore(file).type());
    }
}
