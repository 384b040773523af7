package dev.launchc.cli;

import dev.launchc.load.LoadLimits;
import dev.launchc.render.SharedDirectories;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a live node's {@code args/} directory: from a {@code microk8s inspect} report tarball,
 * from that report extracted, or from a copy of the directory itself. {@code microk8s inspect}
 * copies {@code $SNAP_DATA/args} into its report folder and tars that folder from
 * {@code $SNAP_DATA}, so the files are {@code inspection-report/args/...} in the tarball (MK
 * {@code scripts/inspect.sh}, {@code store_args} and {@code build_report_tarball}).
 *
 * <p>An input is untrusted: a tarball with an absolute path, a {@code ..} segment, a link or a
 * device is refused whole; every file is bounded by the loader's file-size limit, the number of
 * files by its document limit, and the bytes the tarball inflates to (the rest of the report
 * included) by {@link #MAX_INFLATED}, so a gzip bomb ends with a message, not a full disk or heap.
 */
final class NodeArgsReader {
    static final String REPORT_ARGS = "inspection-report/args/";
    /** What a whole report may inflate to: its journal logs make real reports tens of MB. */
    static final long MAX_INFLATED = 1L << 30;

    private NodeArgsReader() {}

    static boolean isTarball(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }

    /** The args files of a report tarball, by path relative to {@code args/}. */
    static SortedMap<String, String> fromTarball(Path tarball, LoadLimits limits) {
        return fromTarball(tarball, limits, MAX_INFLATED);
    }

    /** As {@link #fromTarball(Path, LoadLimits)} with another bound on the inflated bytes, for tests. */
    static SortedMap<String, String> fromTarball(Path tarball, LoadLimits limits, long maxInflated) {
        SortedMap<String, String> files = new TreeMap<>();
        String name = tarball.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
                InputStream inflated = new BoundedInput(gunzipIfNeeded(raw), maxInflated, inflatedBytes -> {
                    throw new UsageException(name + ": inflates to more than " + maxInflated
                            + " bytes; refusing it (a compression bomb?)");
                });
                TarArchiveInputStream tar = new TarArchiveInputStream(inflated)) {
            boolean sawArgs = false;
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String entry = safeName(e.getName(), name);
                String inArgs = argsRelative(entry);
                if (inArgs == null) {
                    continue;
                }
                sawArgs = true;
                if (e.isDirectory()) {
                    continue;
                }
                if (e.isSymbolicLink() || e.isLink() || e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO() || !e.isFile()) {
                    throw new UsageException(name + ": refusing " + entry + ": not a regular file (a link or device in a report)");
                }
                if (e.getSize() > limits.maxFileBytes()) {
                    throw new UsageException(name + ": " + entry + " is " + e.getSize() + " bytes, over the limit of "
                            + limits.maxFileBytes() + " (--max-file-size)");
                }
                if (files.size() >= limits.maxDocuments()) {
                    throw new UsageException(name + ": more than " + limits.maxDocuments() + " files in args/");
                }
                files.put(inArgs, new String(tar.readNBytes((int) e.getSize()), StandardCharsets.UTF_8));
            }
            if (!sawArgs) {
                throw new UsageException(name + ": no " + REPORT_ARGS + " in it; is it a 'microk8s inspect' report?");
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + name + ": " + e.getMessage());
        }
        return files;
    }

    private static InputStream gunzipIfNeeded(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 65536) : in;
    }

    /** A tar entry's name without a leading "./", refused when it is absolute or climbs with "..". */
    static String safeName(String entry, String tarball) {
        String n = entry.startsWith("./") ? entry.substring(2) : entry;
        if (n.startsWith("/") || n.contains("\\") || n.indexOf('\0') >= 0 || List.of(n.split("/")).contains("..")) {
            throw new UsageException(tarball + ": refusing unsafe path " + entry.replace("\0", "\\0") + " in the tarball");
        }
        return n;
    }

    /** The path under the report's args folder, or null when the entry is elsewhere in the report. */
    private static String argsRelative(String entry) {
        if (!entry.startsWith(REPORT_ARGS)) {
            return null;
        }
        String rest = entry.substring(REPORT_ARGS.length());
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest;
    }

    /**
     * The args directory a folder stands for: an extracted report ({@code inspection-report/args}
     * in it, or {@code args} when it is the report folder), else the folder itself.
     */
    static Path argsDirectory(Path dir) {
        for (Path candidate : List.of(dir.resolve("inspection-report").resolve("args"), dir.resolve("args"))) {
            if (Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
        return dir;
    }

    /** Every regular file under {@code dir}, by relative path; links are refused as in a tarball. */
    static SortedMap<String, String> fromDirectory(Path dir, LoadLimits limits) {
        return fromDirectory(dir, limits, null);
    }

    /**
     * As {@link #fromDirectory(Path, LoadLimits)} for a directory of a compile OUTDIR, {@code outdir}:
     * the links of its shared layout ({@link SharedDirectories#linkedDirectory}) are read through;
     * any other link is refused. {@code outdir} null: every link is refused.
     */
    static SortedMap<String, String> fromDirectory(Path dir, LoadLimits limits, Path outdir) {
        SortedMap<String, String> files = new TreeMap<>();
        try {
            Path linked = outdir == null ? null : SharedDirectories.linkedDirectory(outdir, dir);
            collect(dir, linked == null ? dir : linked, "", linked != null, limits, outdir, files);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("cannot read " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UsageException(dir + ": no files; expected a node's args directory or an inspection report");
        }
        return files;
    }

    /**
     * Adds the regular files under {@code from} (shown as under {@code dir}) with {@code prefix}.
     * Inside a linked directory no link is followed: the shared layout writes none there, and a
     * link there could lead in circles.
     */
    private static void collect(Path dir, Path from, String prefix, boolean insideLinked, LoadLimits limits, Path outdir,
            SortedMap<String, String> files) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String rel = prefix + from.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Path linked = outdir == null || insideLinked ? null : SharedDirectories.linkedDirectory(outdir, p);
                    if (linked == null) {
                        throw new UsageException(dir + ": refusing " + rel + ": not a regular file (a link or device)");
                    }
                    collect(dir, linked, rel + "/", true, limits, outdir, files);
                    continue;
                }
                if (Files.size(p) > limits.maxFileBytes()) {
                    throw new UsageException(dir + ": " + rel + " is " + Files.size(p) + " bytes, over the limit of "
                            + limits.maxFileBytes() + " (--max-file-size)");
                }
                if (files.size() >= limits.maxDocuments()) {
                    throw new UsageException(dir + ": more than " + limits.maxDocuments() + " files");
                }
                files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
    }
}
