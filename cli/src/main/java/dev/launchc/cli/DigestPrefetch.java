package dev.launchc.cli;

import dev.launchc.load.RegularFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The digests of the files a walk finds, made on the second core while the first walks on
 * ({@code lint --cache}): once the cache is read, that core would otherwise wait for the walk. A
 * look-ahead only: a file it did not reach or could not read is read later as before (which
 * reports what is wrong with it), and what it read is what a later read sees unless the file
 * changes during the run.
 */
final class DigestPrefetch {
    private final long maxBytes;
    private final Queue<Path> found = new ConcurrentLinkedQueue<>();
    private final Map<Path, byte[]> digests = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    DigestPrefetch(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A file the walk found. */
    void offer(Path file) {
        if (!stopped) {
            found.add(file);
        }
    }

    /** Digests the files offered, until {@link #stop}. */
    void run() {
        while (!stopped) {
            Path file = found.poll();
            if (file == null) {
                LockSupport.parkNanos(100_000); // the walk is between files, or in a folder without inputs
                continue;
            }
            try {
                digests.put(file, LintCache.contentDigest(RegularFiles.read(file, maxBytes)));
            } catch (RegularFiles.Refused e) {
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
}
