package dev.launchc.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress line for long batch runs: redrawn in place on a terminal, and silent elsewhere (CI logs
 * and pipes get only the report), as linters and package managers do.
 */
final class Progress {
    static final int WORTH_SHOWING = 200;

    private final PrintWriter err;
    private final int total;
    private final boolean show;
    private final AtomicInteger count = new AtomicInteger();
    private volatile long lastDraw;

    private Progress(PrintWriter err, int total, boolean show) {
        this.err = err;
        this.total = total;
        this.show = show;
    }

    static Progress on(PrintWriter err, int total, boolean wanted) {
        return new Progress(err, total, wanted && System.console() != null && !"dumb".equals(System.getenv("TERM")));
    }

    void step() {
        int n = count.incrementAndGet();
        if (!show) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw > 100_000_000L || n == total) {
            lastDraw = now;
            synchronized (this) {
                int width = 30;
                int filled = (int) ((long) n * width / Math.max(1, total));
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total + " files");
                err.flush();
            }
        }
    }

    /** Whether it draws: then stderr holds more than the report's messages. */
    boolean shown() {
        return show;
    }

    void done() {
        if (show) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
