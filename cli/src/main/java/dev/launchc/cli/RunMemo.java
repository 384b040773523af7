package dev.launchc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code lint --cache}'s memo of a whole run: the same command line, in the same folder, over the
 * same files, prints what it printed before and exits as it did, without walking a folder, reading
 * a file or looking up a result. The memo holds what the run's output depends on: the stamp
 * ({@link FileStamp}) of each input file (the stamp its result was found or linted under), of each
 * folder a walk listed (of the cache's own folders, which every run changes, the names of their
 * subfolders: {@link #walkedNames}) and of the settings file the search for {@code .launchc.yaml} found, and
 * each place that search found none. A later run stats each of them again and replays the memo
 * only when every stamp is the same and no settings file has appeared; otherwise it runs as before
 * (with the per-file cache) and records a new memo.
 *
 * <p>Why a stamp proves enough: a stamp's status-change time moves with every change to a file
 * (its bytes, its mode) or a folder (a name added, removed or renamed in it), and no writer can set
 * it back. A memo is recorded only when every stamp is {@link FileStamp#SETTLE} older than the run's
 * start, so no stamp describes a state the run did not see: a stamp read at the end of the run that
 * is that old proves nothing changed during the run. So does a folder's where the search found no
 * settings file: it had none during the whole run (the folder itself may change later; only a
 * settings file appearing in it matters, which the next run checks). The key holds the command line, the working
 * folder, whether there is a terminal and the environment the output reads ({@code TERM},
 * {@code NO_COLOR}, the line separator and locale), and the cache's context (launchc build, catalog, codes, limits).
 *
 * <p>Not recorded: a run with {@code --fix}, {@code --verbose} (its time and counts change),
 * {@code --config}, stdin, an argument file ({@code @file}), a progress line, a cache warning, a
 * YAML-named link the walk skipped (what it leads to can change while no folder does), a
 * {@code .launchc.yaml} that exists but is no regular file, or anything on a file system whose
 * stamps are not trusted.
 */
final class RunMemo {
    /** Memos kept per context, the most recently used; each is one command line's. */
    static final int MAX_MEMOS = 8;
    /** A memo larger than this is neither written nor read (5,000 files take about 0.4 MB). */
    static final int MAX_BYTES = 16 << 20;
    private static final String MAGIC = "launchc run memo 1";

    /** What the output depends on, by {@link Observed#kind}. */
    static final byte FILE = 0;
    static final byte FOLDER = 1;
    static final byte ABSENT = 2;
    /** A folder of the cache itself, by the names the walk acts on ({@link #walkedNames}). */
    static final byte LISTED = 3;

    /**
     * Something the output depends on: a file's or a folder's (its names') stamp; or that nothing is
     * at {@code path} ({@link #ABSENT}), with its folder's stamp, which must be settled when recorded.
     */
    record Observed(byte kind, String path, FileStamp stamp) {}

    private final Path file;
    /** Everything the key holds, in full: a memo is replayed only for the same text, not the same hash. */
    private final String key;

    private RunMemo(Path file, String key) {
        this.file = file;
        this.key = key;
    }

    /** The memo of this command line in the cache's context directory. */
    static RunMemo of(Path contextDir, String context, List<String> args) {
        StringBuilder key = new StringBuilder(context.length() + 256).append(context)
                .append("\ncwd ").append(System.getProperty("user.dir"))
                .append("\nconsole ").append(System.console() != null)
                .append("\nTERM ").append(System.getenv("TERM"))
                .append("\nNO_COLOR ").append(System.getenv("NO_COLOR"))
                .append("\nline separator ").append(System.lineSeparator().replace("\r", "CR").replace("\n", "LF"))
                .append("\nlocale ").append(java.util.Locale.getDefault())
                .append("\nargs ").append(args.size());
        for (String arg : args) {
            key.append('\n').append(arg.length()).append(' ').append(arg); // no argument runs into the next
        }
        String text = key.toString();
        return new RunMemo(contextDir.resolve("run-" + LintCache.shortHash(text) + ".bin"), text);
    }

    /** Whether a command line may have a memo: no argument file for picocli to expand, no stdin. */
    static boolean possibleFor(List<String> args) {
        for (String arg : args) {
            if (arg.startsWith("@") || arg.equals("-")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Prints what the recorded run printed and returns its exit code, when the memo exists and every
     * stamp in it is the same now; -1 otherwise (nothing printed).
     */
    int replay(PrintWriter out, PrintWriter err) {
        byte[] bytes;
        try {
            // Only a regular file, no link: a FIFO put in its place would block this read for good,
            // a link to a device would read without end. And only in the context folder launchc made,
            // no link to another folder (whose memos launchc never wrote).
            if (!Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                return -1;
            }
            bytes = dev.launchc.load.RegularFiles.readNoLinks(file, MAX_BYTES);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        Recorded recorded = parse(bytes);
        if (recorded == null) {
            return -1;
        }
        try {
            if (!unchanged(recorded.observed())) {
                return -1;
            }
        } catch (RuntimeException e) { // a path no file system takes (a NUL in it): not a memo launchc wrote
            return -1;
        }
        err.print(recorded.err());
        err.flush();
        out.print(recorded.out());
        out.flush();
        try {
            // Most recently used: pruning keeps the memos (and the context) still in use.
            FileTime now = FileTime.from(Instant.now());
            Files.setLastModifiedTime(file, now);
            Files.setLastModifiedTime(file.getParent(), now);
        } catch (IOException | RuntimeException e) {
            // Only the order of pruning depends on it.
        }
        return recorded.exitCode();
    }

    /** Whether everything observed is as recorded (a stat each: thousands of them are most of a replayed run). */
    private static boolean unchanged(List<Observed> observed) {
        for (Observed o : observed) {
            Path path;
            try {
                path = Path.of(o.path());
            } catch (java.nio.file.InvalidPathException e) {
                // A name this JVM cannot encode (a non-UTF-8 name recorded under another LANG): a miss.
                return false;
            }
            boolean same = switch (o.kind()) {
                case FILE -> o.stamp().equals(FileStamp.of(path));
                case FOLDER -> o.stamp().equals(FileStamp.ofFolder(path));
                case LISTED -> o.stamp().equals(walkedNames(path, null));
                default -> Files.notExists(path, LinkOption.NOFOLLOW_LINKS);
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private record Recorded(int exitCode, List<Observed> observed, String out, String err) {}

    /** The memo in {@code bytes}, or null when it is not one for this key, or damaged. */
    private Recorded parse(byte[] bytes) {
        try {
            if (bytes.length < 4) {
                return null;
            }
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.getInt(bytes.length - 4) != (int) crc.getValue() || !text(in).equals(MAGIC)) {
                return null;
            }
            if (!text(in).equals(key)) {
                return null; // another command line (or context) of the same hash
            }
            int exitCode = in.getInt();
            int count = in.getInt();
            if (count < 0 || count > bytes.length / 45) {
                return null;
            }
            List<Observed> observed = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte kind = in.get();
                if (kind != FILE && kind != FOLDER && kind != ABSENT && kind != LISTED) {
                    return null;
                }
                String path = text(in);
                observed.add(new Observed(kind, path, new FileStamp(in.getLong(), in.getLong(), in.getLong(), in.getLong(),
                        in.getInt(), in.getLong(), in.getInt())));
            }
            String out = text(in);
            String err = text(in);
            return in.remaining() == 4 ? new Recorded(exitCode, observed, out, err) : null;
        } catch (RuntimeException e) { // a length past the end: not a memo launchc wrote
            return null;
        }
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /**
     * Records the memo of a finished run ({@code vouched}: the stamp each of {@code inputs}' results
     * was found or linted under, by place; null where none holds): those stamps and, read now, the
     * stamps of the folders the walks listed and of what the search for settings files looked at.
     * It only saves time, so anything that fails here is left unsaid.
     */
    void record(Path cacheDir, List<Inputs.Input> found, List<Inputs.Input> inputs, FileStamp[] vouched, Inputs.Walks walks,
            Instant runStart, int exitCode, String out, String err) {
        try {
            List<Observed> observed = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (vouched[i] == null) {
                    return; // read with no settled stamp: the next run must read it too
                }
                observed.add(new Observed(FILE, inputs.get(i).path().toString(), vouched[i]));
            }
            // Where the search for settings files starts for each file the walks found (also those a
            // settings file excludes: the search decides that too) and for each file named.
            List<Path> starts = new ArrayList<>();
            Path cacheRoot = cacheDir.toAbsolutePath().normalize();
            java.util.Set<Path> walkedFolders = null;
            for (Path folder : walks.folders) {
                if (folder.toAbsolutePath().normalize().startsWith(cacheRoot)) {
                    // The cache inside the walked folder (lint --cache .launchc-cache .): its folders
                    // change with every run, so their stamps would keep the memo from ever replaying.
                    // Observed by their subfolders' names instead; they hold no input (else no memo),
                    // so no settings search starts there.
                    walkedFolders = walkedFolders != null ? walkedFolders : new java.util.HashSet<>(walks.folders);
                    FileStamp names = walkedNames(folder, walkedFolders);
                    if (names == null) {
                        return;
                    }
                    observed.add(new Observed(LISTED, folder.toString(), names));
                    continue;
                }
                FileStamp stamp = FileStamp.ofFolder(folder);
                if (stamp == null || !stamp.settledBefore(runStart)) {
                    return; // changed during the run, or just before it
                }
                observed.add(new Observed(FOLDER, folder.toString(), stamp));
                starts.add(folder);
            }
            for (Inputs.Input in : found) {
                if (!in.walked()) {
                    starts.add(in.path().toAbsolutePath().normalize().getParent());
                }
            }
            List<Observed> settings = settingsSearch(starts, runStart);
            if (settings == null) {
                return;
            }
            observed.addAll(settings);
            record(observed, runStart, exitCode, out, err);
        } catch (IOException | RuntimeException e) {
            // The next run runs in full, as this one did.
        }
    }

    /**
     * Records a finished run, when every stamp in {@code observed} is known and settled (see the
     * class comment); returns whether it did. Written whole to a temporary file and renamed into
     * place, as the cache's segments are, so that a concurrent run reads the old memo or the new one.
     */
    boolean record(List<Observed> observed, Instant runStart, int exitCode, String out, String err) throws IOException {
        List<byte[]> paths = new ArrayList<>(observed.size());
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] outBytes = out.getBytes(StandardCharsets.UTF_8);
        byte[] errBytes = err.getBytes(StandardCharsets.UTF_8);
        long size = 4 + MAGIC.length() + 4 + keyBytes.length + 8 + 4 + outBytes.length + 4 + errBytes.length + 4;
        for (Observed o : observed) {
            FileStamp s = o.stamp();
            if (s == null || !s.settledBefore(runStart)) {
                return false;
            }
            byte[] path = o.path().getBytes(StandardCharsets.UTF_8);
            paths.add(path);
            size += 1 + 4 + path.length + 48;
        }
        if (size > MAX_BYTES) {
            return false;
        }
        // A file named twice is observed twice: a memo whose two stamps of one file differ never replays.
        ByteBuffer data = ByteBuffer.allocate((int) size);
        putText(data, MAGIC.getBytes(StandardCharsets.UTF_8));
        putText(data, keyBytes);
        data.putInt(exitCode);
        data.putInt(observed.size());
        for (int i = 0; i < observed.size(); i++) {
            Observed o = observed.get(i);
            FileStamp s = o.stamp();
            data.put(o.kind());
            putText(data, paths.get(i));
            data.putLong(s.device()).putLong(s.inode()).putLong(s.size()).putLong(s.modifiedSeconds()).putInt(s.modifiedNanos())
                    .putLong(s.changedSeconds()).putInt(s.changedNanos());
        }
        putText(data, outBytes);
        putText(data, errBytes);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(data.array(), 0, data.position());
        data.putInt((int) crc.getValue());
        // Named by the monotonic clock's nanoseconds, not by Files.createTempFile, whose random names
        // cost a SecureRandom's start-up; created new (a concurrent run that took the same name makes
        // this one record nothing), readable by its owner only, as the segments are.
        Path temp = file.resolveSibling(".run-" + Long.toUnsignedString(System.nanoTime()) + ".tmp");
        try {
            try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(temp,
                    java.util.EnumSet.of(java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE),
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
                data.flip();
                while (data.hasRemaining()) {
                    channel.write(data);
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        prune(file.getParent());
        return true;
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY = java.util.EnumSet.of(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

    private static void putText(ByteBuffer data, byte[] text) {
        data.putInt(text.length);
        data.put(text);
    }

    /** Keeps the {@link #MAX_MEMOS} most recently used memos of a context; deletes only launchc's own. */
    private static void prune(Path contextDir) throws IOException {
        List<Path> memos = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(contextDir, "run-*.bin")) {
            for (Path f : files) {
                if (f.getFileName().toString().matches("run-[0-9a-f]{16}\\.bin") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    memos.add(f);
                }
            }
        }
        if (memos.size() <= MAX_MEMOS) {
            return;
        }
        Map<Path, FileTime> used = new java.util.HashMap<>();
        for (Path f : memos) {
            try {
                used.put(f, Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS));
            } catch (NoSuchFileException e) {
                used.put(f, FileTime.fromMillis(0)); // another run pruned it
            }
        }
        memos.sort(Comparator.comparing(used::get));
        for (Path f : memos.subList(0, memos.size() - MAX_MEMOS)) {
            Files.deleteIfExists(f);
        }
    }

    /**
     * What the search for {@code .launchc.yaml} finds from these folders (where it starts for an
     * input: {@link dev.launchc.config.ProjectConfigs#forFile} looks in the input's folder and each
     * above it, up to the first that holds one): the settings file found, and each place it found
     * none, with its folder's stamp. Null when one of those folders changed within the settle time
     * of the run (a settings file may have come or gone during it), or when a settings file is there
     * that is no regular file (a link to nothing, say), which can become one while no folder changes.
     */
    static List<Observed> settingsSearch(List<Path> starts, Instant runStart) {
        List<Observed> observed = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        java.util.Set<Path> checkedAbove = new java.util.HashSet<>();
        for (Path start : starts) {
            for (Path dir = start == null ? null : start.toAbsolutePath().normalize(); dir != null && seen.add(dir); dir = dir.getParent()) {
                Path candidate = dir.resolve(dev.launchc.config.ProjectConfig.FILE_NAME);
                if (Files.isRegularFile(candidate)) {
                    observed.add(new Observed(FILE, candidate.toString(), FileStamp.of(candidate)));
                    // Its folder and each above it must not have changed during the run either: one
                    // renamed in mid-run (a prepared copy with another settings file, links to the same
                    // inputs) leaves every stamp read now settled and the same on replay, while the run
                    // loaded the settings file that was there before. Checked, not recorded: after this
                    // run, such a swap changes the settings file's stamp or an input's.
                    if (!settledUpward(dir, runStart, checkedAbove)) {
                        return null;
                    }
                    break;
                }
                FileStamp folder = FileStamp.ofFolder(dir);
                if (!Files.notExists(candidate, LinkOption.NOFOLLOW_LINKS) || folder == null || !folder.settledBefore(runStart)) {
                    return null;
                }
                observed.add(new Observed(ABSENT, candidate.toString(), folder));
            }
        }
        return observed;
    }

    /** Whether {@code dir} and each folder above it last changed {@link FileStamp#SETTLE} before the run; each folder checked once. */
    private static boolean settledUpward(Path dir, Instant runStart, java.util.Set<Path> checked) {
        for (Path d = dir; d != null && checked.add(d); d = d.getParent()) {
            FileStamp stamp = FileStamp.ofFolder(d);
            if (stamp == null || !stamp.settledBefore(runStart)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A folder of the cache that a walk listed ({@code lint --cache .launchc-cache .}), by what the
     * walk acts on in it: the names of its subfolders, as a digest in a stamp's fields. Its stamp
     * cannot vouch for it: every run changes the cache's folders (a segment, the context's time of
     * use, the memo itself). Null (no memo, or a miss) when a YAML-named entry is there (launchc
     * writes none; a walk would lint it or skip it as a link) or, when {@code walked} is given, a
     * subfolder the walk did not list (one made since); a subfolder made and listed since the walk
     * is checked by its own listing.
     */
    static FileStamp walkedNames(Path folder, java.util.Set<Path> walked) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Inputs.isYaml(entry)) {
                    return null;
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    if (walked != null && !walked.contains(entry)) {
                        return null;
                    }
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        java.util.Collections.sort(names);
        java.security.MessageDigest sha = LintCache.sha();
        for (String name : names) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        ByteBuffer digest = ByteBuffer.wrap(sha.digest());
        // Settled by construction (no status-change time): only the names count.
        return new FileStamp(digest.getLong(), digest.getLong(), names.size(), 0, 0, 0, 0);
    }
}
