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

    /** A file's stamp, read before its bytes, and its key. */
    record Stamped(FileStamp stamp, LintCache.Key key) {}
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
            Path path = file.path();
            try {
                // The stamp first, the bytes after: if the file changes in between, its stamp does too.
                FileStamp stamp = FileStamp.of(path);
                if (stamp != null) {
                    LintCache.Key key = cache.stampKey(file.name(), file.walked(), choices.apply(path), stamp);
                    stamps.put(path, new Stamped(stamp, key));
                    if (cache.has(key)) {
                        continue; // found without reading it
                    }
                }
                digests.put(path, LintCache.contentDigest(RegularFiles.read(path, maxBytes)));
            } catch (RegularFiles.Refused | RuntimeException e) {
                // Read again later, which reports it.
            }
        }
    }

    /** Ends {@link #run} after the file it is at: the walk is over, and the cores are the lint's. */
    void stop() {
        stopped = true;
    }

    /** The digest of a file's bytes ({@link LintCache#contentDigest}), or null when it has none. */
    byte[] digest(Path file) {
        return file == null ? null : digests.get(file);
    }

    /** A file's stamp and its key ({@link LintCache#stampKey}), or null when it has none yet. */
    Stamped stamped(Path file) {
        return file == null ? null : stamps.get(file);
    }
}
