package dev.launchc.diag;

/**
 * One finding. Positions are 1-based; {@code path} is a JSON pointer into the YAML document the
 * finding belongs to. Messages never carry secret values: rules pass redacted text. {@code fix} is
 * the safe mechanical change that resolves it, or null.
 */
public record Diagnostic(
        String code,
        Severity severity,
        String message,
        String file,
        int line,
        int column,
        String path,
        String hint,
        Fix fix) {

    public Diagnostic(String code, Severity severity, String message, String file, int line, int column, String path,
            String hint) {
        this(code, severity, message, file, line, column, path, hint, null);
    }

    /** The order in which a file's findings are listed: by line, column, then code. */
    public static final java.util.Comparator<Diagnostic> BY_POSITION = java.util.Comparator.comparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::code);

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(code, newSeverity, message, file, line, column, path, hint, fix);
    }
}
