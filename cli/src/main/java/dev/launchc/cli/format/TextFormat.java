package dev.launchc.cli.format;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import java.util.List;

/** Compiler-style text: file:line:col, the source line, a caret under the column, and the hint. */
public final class TextFormat implements ReportFormat {
    private static final int MAX_SNIPPET = 160;
    private final boolean color;

    public TextFormat(boolean color) {
        this.color = color;
    }

    @Override
    public String render(List<FileLint> results) {
        StringBuilder sb = new StringBuilder(findings(results));
        Summary s = Summary.of(results);
        sb.append(s.files()).append(s.files() == 1 ? " file" : " files").append(", ")
                .append(s.errors()).append(s.errors() == 1 ? " error" : " errors").append(", ")
                .append(s.warnings()).append(s.warnings() == 1 ? " warning" : " warnings").append('\n');
        return sb.toString();
    }

    /** The findings without the closing count: for commands (compile, bundle) that end with a line of their own. */
    public String findings(List<FileLint> results) {
        StringBuilder sb = new StringBuilder();
        for (FileLint r : results) {
            for (Diagnostic d : r.diagnostics()) {
                sb.append(d.file()).append(':').append(d.line()).append(':').append(d.column()).append(": ")
                        .append(paint(d.severity())).append(": ").append(Sanitize.line(d.message()))
                        .append(" [").append(d.code()).append("]\n");
                String src = r.source() == null ? "" : r.redact(r.source().line(d.line()));
                if (!src.isEmpty()) {
                    String gutter = String.valueOf(d.line());
                    String shown = Sanitize.line(src);
                    int col = Math.max(1, d.column());
                    if (shown.length() > MAX_SNIPPET) {
                        int from = Math.max(0, Math.min(col - 1 - MAX_SNIPPET / 2, shown.length() - MAX_SNIPPET));
                        shown = shown.substring(from, from + MAX_SNIPPET);
                        col = col - from;
                    }
                    sb.append(' ').append(gutter).append(" | ").append(shown).append('\n');
                    sb.append(' ').append(" ".repeat(gutter.length())).append(" | ")
                            .append(caretPad(shown, col)).append("^\n");
                }
                if (d.hint() != null) {
                    sb.append("  hint: ").append(Sanitize.line(d.hint())).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** Spaces up to the column, keeping tabs so the caret lines up under the source. */
    private static String caretPad(String line, int column) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column - 1 && i < line.length(); i++) {
            pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        while (pad.length() < column - 1) {
            pad.append(' ');
        }
        return pad.toString();
    }

    private String paint(Severity s) {
        if (!color) {
            return s.label();
        }
        String c = switch (s) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case INFO -> "\u001b[1;36m";
        };
        return c + s.label() + "\u001b[0m";
    }
}
