package dev.launchc.render;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a finished staging directory in the place of OUTDIR.
 *
 * <p>On Linux (glibc 2.28 or later, a file system with {@code RENAME_EXCHANGE}: ext4, xfs, btrfs,
 * tmpfs…) one {@code renameat2(RENAME_EXCHANGE)} call swaps the two directories: at every instant
 * OUTDIR is either the whole previous tree or the whole new one, also if the process is killed or
 * the machine loses power (as far as the file system orders its metadata). The previous tree is
 * then at the staging path, from where it is deleted; a kill during that deletion leaves it there,
 * and the next compile of the same OUTDIR removes it ({@link OwnedTree#removeStale}).
 *
 * <p>Elsewhere (no glibc, another OS, a file system without the flag such as some network file
 * systems) it falls back to two renames: OUTDIR to {@code .NAME.old-PID-*}, then the staging
 * directory to OUTDIR. A kill between the two leaves no OUTDIR, with the whole previous tree at
 * {@code .NAME.old-PID-*}; the next compile of that OUTDIR removes it. {@link #lastStep()} tells
 * which way the last swap went.
 */
final class OutputSwap {
    private OutputSwap() {}

    /** How a swap was done. */
    enum Step { EXCHANGE, TWO_RENAMES, RENAME }

    /** Test hook: halt the JVM between the two renames of the fallback, to prove what a kill there leaves. */
    static final String HALT_BETWEEN_RENAMES_PROPERTY = "launchc.test.haltBetweenRenames";
    /** Test hook: skip renameat2, to test the fallback on a machine that has it. */
    static final String NO_EXCHANGE_PROPERTY = "launchc.test.noRenameExchange";

    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 1 << 1;

    private static volatile Step lastStep;

    /** glibc's renameat2; loaded on first use only, since most compiles write a new OUTDIR. */
    private interface CLibrary extends Library {
        int renameat2(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);
    }

    private static final class Libc {
        static final CLibrary INSTANCE = load();

        private static CLibrary load() {
            try {
                return Native.load("c", CLibrary.class);
            } catch (LinkageError | RuntimeException e) {
                return null;
            }
        }
    }

    static Step lastStep() {
        return lastStep;
    }

    /**
     * Replaces {@code target} with {@code staging}. Afterwards {@code target} holds the new tree and
     * the previous one (if any) is at the returned path, for the caller to delete; null when there
     * was none.
     */
    static Path swap(Path staging, Path target, String oldPrefix) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            lastStep = Step.RENAME;
            return null;
        }
        if (exchange(staging, target)) {
            lastStep = Step.EXCHANGE;
            return staging;
        }
        Path old = Files.createTempDirectory(target.getParent(), oldPrefix);
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        if (Boolean.getBoolean(HALT_BETWEEN_RENAMES_PROPERTY)) {
            Runtime.getRuntime().halt(137);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        lastStep = Step.TWO_RENAMES;
        return old;
    }

    /** One renameat2(RENAME_EXCHANGE) call; false when this system or file system cannot do it. */
    private static boolean exchange(Path a, Path b) {
        if (Boolean.getBoolean(NO_EXCHANGE_PROPERTY) || !System.getProperty("os.name", "").startsWith("Linux")) {
            return false;
        }
        CLibrary libc;
        try {
            libc = Libc.INSTANCE;
        } catch (LinkageError e) {
            return false;
        }
        if (libc == null) {
            return false;
        }
        try {
            return libc.renameat2(AT_FDCWD, a.toString(), AT_FDCWD, b.toString(), RENAME_EXCHANGE) == 0;
        } catch (LinkageError | RuntimeException e) {
            // No renameat2 in this libc (glibc before 2.28, musl before 1.2.2): the fallback.
            return false;
        }
    }
}
