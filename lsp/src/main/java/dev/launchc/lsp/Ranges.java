package dev.launchc.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The range of the key or value a finding points at. Findings carry only their first character
 * (1-based line and column); the token runs from there to the end of the scalar: the closing quote
 * of a quoted scalar, else the {@code ": "} that ends a key, a {@code " #"} comment, a flow
 * delimiter or the end of the line.
 */
final class Ranges {
    private Ranges() {}

    static Range of(TextLines lines, int line1, int column1) {
        int line = Math.max(0, line1 - 1);
        String text = lines.line(line);
        int start = Math.min(Math.max(0, column1 - 1), text.length());
        int end = tokenEnd(text, start);
        if (end == start) {
            // Nothing to underline there (a finding about the whole file or an empty value): the line's content.
            start = TextLines.indent(text);
            end = Math.max(start, text.length());
        }
        return new Range(new Position(line, start), new Position(line, end));
    }

    static int tokenEnd(String text, int start) {
        if (start >= text.length()) {
            return start;
        }
        char first = text.charAt(start);
        if (first == '"' || first == '\'') {
            for (int i = start + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && first == '"') {
                    i++;
                } else if (c == first) {
                    if (first == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i++;
                        continue;
                    }
                    return i + 1;
                }
            }
            return text.length();
        }
        int i = start;
        if (first == '-' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
            // A list item marker: the finding is about the item; cover its first scalar.
            i += 2;
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean atEnd = i + 1 == text.length();
            if (c == ':' && (atEnd || text.charAt(i + 1) == ' ')) {
                break;
            }
            if (c == '#' && i > start && text.charAt(i - 1) == ' ') {
                break;
            }
            if ((c == ',' || c == '}' || c == ']') && isFlow(text, start)) {
                break;
            }
        }
        int end = i;
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    /** The token sits inside a flow collection ({@code [a, b]} or {@code {k: v}}) that opens before it. */
    private static boolean isFlow(String text, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    static boolean contains(Range range, Position p) {
        return compare(range.getStart(), p) <= 0 && compare(p, range.getEnd()) <= 0;
    }

    static boolean overlaps(Range a, Range b) {
        return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
    }

    private static int compare(Position a, Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
                : Integer.compare(a.getCharacter(), b.getCharacter());
    }
}
