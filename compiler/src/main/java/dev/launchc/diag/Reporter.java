package dev.launchc.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings for one file, weighing each code under the run's mode. */
public final class Reporter {
    /** Above this many findings a file is summarised: 200k unknown keys must not mean 200k lines. */
    public static final int MAX_FINDINGS_PER_FILE = 500;

    private final String file;
    private final Mode mode;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int dropped;

    public Reporter(String file, Mode mode) {
        this.file = file;
        this.mode = mode;
    }

    public String file() {
        return file;
    }

    public Mode mode() {
        return mode;
    }

    public void report(Code code, Pos pos, String path, String message, String hint) {
        report(code, pos, path, message, hint, null);
    }

    /** A finding with the safe fix that resolves it (null: none). */
    public void report(Code code, Pos pos, String path, String message, String hint, Fix fix) {
        if (diagnostics.size() >= MAX_FINDINGS_PER_FILE) {
            dropped++;
            return;
        }
        Pos p = pos == null ? Pos.START : pos;
        diagnostics.add(new Diagnostic(code.id(), code.severityIn(mode), message, file, p.line(), p.column(),
                path == null ? "" : path, hint, fix));
    }

    public void report(Code code, Pos pos, String path, String message) {
        report(code, pos, path, message, null);
    }

    /** How many findings are held now; {@link #rollback} drops every finding reported after it. */
    public record Checkpoint(int size, int dropped) {}

    public Checkpoint checkpoint() {
        return new Checkpoint(diagnostics.size(), dropped);
    }

    /** Forgets the findings of a pass that is run again (the loader's retry after dropped content). */
    public void rollback(Checkpoint checkpoint) {
        diagnostics.subList(checkpoint.size(), diagnostics.size()).clear();
        dropped = checkpoint.dropped();
    }

    /** True once the cap is reached: callers may skip building findings that would only be counted. */
    public boolean isFull() {
        return diagnostics.size() >= MAX_FINDINGS_PER_FILE;
    }

    /** Counts a finding that is not built because the cap is reached. */
    public void countDropped() {
        dropped++;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** The findings sorted by position, plus a closing note when the cap cut some off. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Diagnostic.BY_POSITION);
        if (dropped > 0) {
            sorted.add(new Diagnostic(Code.LIMIT_EXCEEDED.id(), Severity.ERROR,
                    dropped + " more findings were not listed (at most " + MAX_FINDINGS_PER_FILE + " per file)",
                    file, 1, 1, "", null));
        }
        return sorted;
    }
}
