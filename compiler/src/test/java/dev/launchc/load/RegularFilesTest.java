package dev.launchc.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RegularFiles: only a regular file is read, never past the cap (issue 15: a FIFO hung, /dev/zero ran out of memory). */
class RegularFilesTest {
    private static final Duration QUICK = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void readsARegularFileAndOneThroughASymbolicLink() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.yaml"), "version: 0.2.0\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), file);
        assertArrayEquals("version: 0.2.0\n".getBytes(), RegularFiles.read(file, 100));
        assertArrayEquals("version: 0.2.0\n".getBytes(), RegularFiles.read(link, 100));
        assertArrayEquals("version: 0.2.0\n".getBytes(), RegularFiles.read(file, 15), "exactly at the cap");
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = tmp.resolve("token.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        RegularFiles.Refused e = assertTimeoutPreemptively(QUICK, () -> assertThrows(RegularFiles.Refused.class,
                () -> RegularFiles.read(fifo, 100)));
        assertEquals("it is a FIFO (named pipe), not a regular file", e.getMessage());
        Path link = Files.createSymbolicLink(tmp.resolve("link"), fifo);
        assertTimeoutPreemptively(QUICK, () -> assertThrows(RegularFiles.Refused.class, () -> RegularFiles.read(link, 100)));
    }

    @Test
    void devicesAreRefused() {
        for (String device : new String[] {"/dev/zero", "/dev/urandom", "/dev/null"}) {
            RegularFiles.Refused e = assertTimeoutPreemptively(QUICK, () -> assertThrows(RegularFiles.Refused.class,
                    () -> RegularFiles.read(Path.of(device), 1 << 20)), device);
            assertEquals("it is a character device, not a regular file", e.getMessage(), device);
        }
    }

    @Test
    void aDirectoryIsRefused() {
        RegularFiles.Refused e = assertThrows(RegularFiles.Refused.class, () -> RegularFiles.read(tmp, 100));
        assertEquals("it is a directory, not a regular file", e.getMessage());
    }

    /** A sparse 2 GiB file: refused from its size, unread, and the size reported is the real one. */
    @Test
    void aHugeFileIsRefusedWithItsRealSizeUnread() throws IOException {
        Path big = tmp.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        RegularFiles.TooLarge e = assertTimeoutPreemptively(QUICK, () -> assertThrows(RegularFiles.TooLarge.class,
                () -> RegularFiles.read(big, 8 << 20)));
        assertEquals(2L << 30, e.size());
        assertEquals("it is 2147483648 bytes; the limit is 8388608", e.getMessage());
    }

    @Test
    void missingAndDanglingFilesSayNoSuchFile() throws IOException {
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("gone"));
        assertEquals("no such file", assertThrows(RegularFiles.Refused.class, () -> RegularFiles.read(dangling, 10)).getMessage());
        RegularFiles.Refused e = assertThrows(RegularFiles.Refused.class, () -> RegularFiles.read(tmp.resolve("none"), 10));
        assertFalse(e instanceof RegularFiles.TooLarge);
        assertTrue(e.getMessage().contains("no such file"));
    }

    /** An I/O failure names its file and the reason, also where the JDK's message is only the path. */
    @org.junit.jupiter.api.Test
    void aProblemAtAFileNamesItAndTheReason() {
        assertEquals("/x/y: no such file", RegularFiles.problemAt(new java.nio.file.NoSuchFileException("/x/y")));
        assertEquals("/x/y: Read-only file system",
                RegularFiles.problemAt(new java.nio.file.FileSystemException("/x/y", null, "Read-only file system")));
        assertEquals("/x/y: it already exists (another run writing the same place?)",
                RegularFiles.problemAt(new java.nio.file.FileAlreadyExistsException("/x/y")));
        assertEquals("it is a symbolic link", RegularFiles.problemAt(new IOException("it is a symbolic link")));
    }
}
