package dev.launchc.diag;

/**
 * One finding. Positions are 1-based; {@code path} is a JSON pointer into the YAML document the
 * finding belongs to. Messages never carry secret values: rules pass redacted text.
 */
public record Diagnostic(
        String code,
        Severity severity,
        String message,
        String file,
        int line,
        int column,
        String path,
        String hint) {

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(code, newSeverity, message, file, line, column, path, hint);
    }
}
