package dev.launchc.cli.bundle;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a pull on stderr: a bar redrawn in place on a terminal, plain lines otherwise (CI
 * logs, pipes), so that nothing but the final state is left in a log.
 */
public final class PullProgress {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private int index;
    private String image = "";
    private long lastDraw;
    private int lastWidth;

    public PullProgress(PrintWriter err, boolean terminal, int total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    public void start(String image, String from) {
        this.index++;
        this.image = image;
        if (terminal) {
            draw(0, true);
        } else {
            err.println("launchc: pulling [" + index + "/" + total + "] " + image + " from " + from);
            err.flush();
        }
    }

    /** Bytes of the current image so far. */
    public void bytes(long soFar) {
        if (terminal) {
            draw(soFar, false);
        }
    }

    public void done(ImagePuller.Pulled p) {
        if (terminal) {
            clear();
        }
        err.println("launchc: pulled [" + index + "/" + total + "] " + p.image() + " " + p.digest() + " (" + size(p.bytes())
                + ")");
        err.flush();
    }

    /** Leaves the line clean before an error message. */
    public void abort() {
        if (terminal) {
            clear();
        }
    }

    private void draw(long bytes, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) ((long) (index - 1) * WIDTH / total);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" : "") + " ".repeat(Math.max(0, WIDTH - filled - 1));
        String line = "[" + bar + "] " + index + "/" + total + " " + size(bytes) + " " + image;
        StringBuilder sb = new StringBuilder("\r").append(line);
        if (line.length() < lastWidth) {
            sb.append(" ".repeat(lastWidth - line.length()));
        }
        lastWidth = line.length();
        err.print(sb);
        err.flush();
    }

    private void clear() {
        if (lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
