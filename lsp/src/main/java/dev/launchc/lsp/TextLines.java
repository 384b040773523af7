package dev.launchc.lsp;

import java.util.ArrayList;
import java.util.List;

/** A document's text split into lines (without their breaks), for ranges and edits in LSP's 0-based terms. */
final class TextLines {
    private final List<String> lines = new ArrayList<>();

    TextLines(String text) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(stripCr(text.substring(from, i)));
                from = i + 1;
            }
        }
        lines.add(stripCr(text.substring(from)));
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
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
