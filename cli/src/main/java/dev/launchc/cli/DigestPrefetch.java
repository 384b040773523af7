package dev.launchc.cli;

import dev.launchc.load.RegularFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A look-ahead over the files a walk finds, on the second core while the first walks on
 * ({@code lint --cache}): once the cache is read, that core would otherwise wait for the walk. For
 * each file it reads its {@link FileStamp} and makes its key, and, when the cache has no result
 * under that key, the digest of its bytes. A look-ahead only: a file it did not reach or could not read is
 * read later as before (which reports what is wrong with it), and what it read is what a later
 * read sees unless the file changes during the run.
 */
final class DigestPrefetch {
    private final long maxBytes;
    private final Queue<Inputs.Input> found = new ConcurrentLinkedQueue<>();
    private final Map<Path, byte[]> digests = new ConcurrentHashMap<>();
    private final Map<Path, Stamped> stamps = new ConcurrentHashMap<>();

    /**
     * A file's stamp, read before its bytes, and its key, made for {@code input}'s name and walk
     * flag: a file both walked and named on the command line has two keys for one path.
     */
    record Stamped(Inputs.Input input, FileStamp stamp, LintCache.Key key) {}
    private volatile boolean stopped;

    DigestPrefetch(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A file the walk found. */
    void offer(Inputs.Input file) {
        if (!stopped) {
            found.add(file);
        }
    }

    /**
     * Looks ahead over the files offered, until {@link #stop}.
     *
     * @param choices what an input's flags and settings file choose (for its key); may throw for a
     *     settings file that cannot be used, which the lint itself then reports
     */
    void run(LintCache cache, Function<Path, LintOptions.Choice> choices) {
        while (!stopped) {
            Inputs.Input file = found.poll();
            if (file == null) {
                LockSupport.parkNanos(100_000); // the walk is between files, or in a folder without inputs
                continue;
            }
            if (file.link()) {
                continue; // found by its bytes only, read by the lint itself (LintCommand.cached)
            }
            Path path = file.path();
            try {
                // The stamp first, the bytes after: if the file changes in between, its stamp does too.
                FileStamp stamp = FileStamp.of(path);
                Stamped stamped = null;
                if (stamp != null) {
                    stamped = new Stamped(file, stamp, cache.stampKey(file.name(), file.walked(), choices.apply(path), stamp));
                    if (cache.has(stamped.key())) {
                        stamps.put(path, stamped);
                        continue; // found without reading it
                    }
                }
                byte[] digest = LintCache.contentDigest(RegularFiles.read(path, maxBytes));
                // A digest is kept only with the stamp read before it and still the file's after it:
                // a link (or a folder) swapped to another file in between changes no status-change time.
                // (Where files have no stamps at all, a digest alone is all there is.)
                if (stamp == null ? FileStamp.AVAILABLE : !stamp.equals(FileStamp.of(path))) {
                    continue; // read again later
                }
                if (stamped != null) {
                    stamps.put(path, stamped);
                }
                digests.put(path, digest);
            } catch (RegularFiles.Refused | RuntimeException e) {
                // Read again later, which reports it.
            }
        }
    }

    /** Ends {@link #run} after the file it is at: the walk is over, and the cores are the lint's. */
    void stop() {
        stopped = true;
    }

    /** The digest of a file's bytes ({@link LintCache#contentDigest}), read after its {@link #stamped} stamp; null when it has none. */
    byte[] digest(Path file) {
        return file == null ? null : digests.get(file);
    }

    /** A file's stamp and its key ({@link LintCache#stampKey}), or null when it has none yet. */
    Stamped stamped(Path file) {
        return file == null ? null : stamps.get(file);
    }

    /** {@code input}'s stamp and its key: null when it has none yet, or when the look-ahead made it for the same path under another name or walk flag. */
    Stamped stamped(Inputs.Input input) {
        Stamped stamped = stamped(input.path());
        return stamped != null && stamped.input().walked() == input.walked() && stamped.input().name().equals(input.name()) ? stamped : null;
    }
}
