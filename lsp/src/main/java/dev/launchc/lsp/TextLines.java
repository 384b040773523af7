package dev.launchc.lsp;

import java.util.ArrayList;
import java.util.List;

/** A document's text split into lines (without their breaks), for ranges and edits in LSP's 0-based terms. */
final class TextLines {
    private final List<String> lines = new ArrayList<>();

    TextLines(String text) {
        // LSP, YAML and the findings' positions all end a line at LF, CRLF or a lone CR.
        lines.addAll(dev.launchc.diag.LineBreaks.split(text));
    }

    int count() {
        return lines.size();
    }

    /** The 0-based line, or "" past the end. */
    String line(int index) {
        return index >= 0 && index < lines.size() ? lines.get(index) : "";
    }

    static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
