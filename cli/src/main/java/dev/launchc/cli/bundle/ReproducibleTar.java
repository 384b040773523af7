package dev.launchc.cli.bundle;

import dev.launchc.pipeline.BundleContents.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A tar archive whose bytes depend only on its content: entries sorted by path, each directory
 * before what it holds, one fixed mtime, uid and gid 0 owned by root:root, modes from the entry,
 * POSIX (PAX) headers for long names. Optionally gzip-compressed with the JDK's GZIPOutputStream,
 * whose header carries no file name and mtime 0.
 */
public final class ReproducibleTar {
    /** 1980-01-01T00:00:00Z: old enough for every tar, not so old that GNU tar calls it implausible. */
    public static final FileTime MTIME = FileTime.fromMillis(315_532_800_000L);

    public static final int FILE = dev.launchc.pipeline.BundleContents.FILE;
    public static final int SECRET = dev.launchc.pipeline.BundleContents.SECRET;
    public static final int EXECUTABLE = dev.launchc.pipeline.BundleContents.EXECUTABLE;
    private static final int DIRECTORY = 0755;

    private final SortedMap<String, Entry> files = new TreeMap<>();

    /** Adds a file; its parent directories are added when the archive is written. */
    public ReproducibleTar add(String path, Entry entry) {
        dev.launchc.render.OutputTree.checkPath(path);
        if (files.putIfAbsent(path, entry) != null) {
            throw new IllegalArgumentException("two entries named " + path);
        }
        return this;
    }

    public SortedMap<String, Entry> files() {
        return java.util.Collections.unmodifiableSortedMap(files);
    }

    /** Writes a plain tar. */
    public void writeTar(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out), StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        SortedMap<String, Entry> all = new TreeMap<>();
        for (Map.Entry<String, Entry> e : files.entrySet()) {
            String path = e.getKey();
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                all.putIfAbsent(path.substring(0, slash + 1), null);
            }
            all.put(path, e.getValue());
        }
        byte[] buffer = new byte[1 << 16];
        for (Map.Entry<String, Entry> e : all.entrySet()) {
            Entry f = e.getValue();
            TarArchiveEntry te = new TarArchiveEntry(e.getKey());
            te.setModTime(MTIME);
            te.setIds(0, 0);
            te.setUserName("root");
            te.setGroupName("root");
            if (f == null) {
                te.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | DIRECTORY);
                tar.putArchiveEntry(te);
            } else {
                te.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | f.mode());
                te.setSize(f.bytes() != null ? f.bytes().length : Files.size(f.file()));
                tar.putArchiveEntry(te);
                try (InputStream in = f.bytes() != null ? new java.io.ByteArrayInputStream(f.bytes()) : Files.newInputStream(f.file())) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        tar.write(buffer, 0, n);
                    }
                }
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }

    /** Writes a gzip-compressed tar. */
    public void writeTarGz(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out), 1 << 16);
        writeTar(gz);
        gz.finish();
        gz.flush();
    }

    /** Lets the caller own (and close) the underlying stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
