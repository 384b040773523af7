package dev.launchc.lsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the cursor stands in a YAML document, read from indentation rather than from a parse, so
 * that it also works on the half-typed line that completion is asked for: the keys above the
 * cursor's line ({@code "-"} for a list item), the key of the cursor's line, whether the cursor is
 * in its value, and the word under (or before) the cursor.
 *
 * @param parents   ancestor keys, outermost first; a list item is {@code "-"}
 * @param key       the key of the cursor's line, or null (a plain list item, a half-typed key)
 * @param onValue   the cursor is after the key's colon
 * @param wordStart first character of the word under the cursor (0-based, on the cursor's line)
 * @param wordEnd   end of that word: the end of its scalar for hover, the cursor for completion
 */
record YamlContext(List<String> parents, String key, boolean onValue, int line, int wordStart, int wordEnd, String word) {

    /** One block-structure entry of a line: a list marker or a key, at its column. */
    private record Entry(int column, String token) {}

    static YamlContext at(TextLines lines, int line, int character, boolean upToCursor) {
        String text = lines.line(line);
        int cursor = Math.min(character, text.length());
        List<Entry> own = entries(text);
        List<String> parents = new ArrayList<>();
        String key = null;
        boolean onValue = false;
        int valueStart = -1;
        for (Entry e : own) {
            if (e.column() > cursor) {
                break;
            }
            if (e.token().equals("-")) {
                parents.add("-");
            } else {
                key = e.token();
                int colon = keyEnd(text, e.column());
                if (cursor > colon) {
                    onValue = true;
                    valueStart = colon + 1;
                }
            }
        }
        int threshold = own.isEmpty() ? TextLines.indent(text) : own.get(0).column();
        List<String> above = new ArrayList<>();
        for (int j = line - 1; j >= 0 && threshold > 0; j--) {
            String t = lines.line(j);
            String trimmed = t.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("---")) {
                continue;
            }
            List<Entry> entries = entries(t);
            if (entries.isEmpty()) {
                if (TextLines.indent(t) < threshold) {
                    // A continuation line of a scalar, or a flow collection: not part of the block structure.
                    threshold = TextLines.indent(t);
                }
                continue;
            }
            if (entries.get(0).column() >= threshold) {
                continue;
            }
            List<String> tokens = new ArrayList<>();
            for (Entry e : entries) {
                if (e.column() < threshold) {
                    tokens.add(e.token());
                }
            }
            above.addAll(0, tokens);
            threshold = entries.get(0).column();
        }
        above.addAll(parents);
        int wordStart;
        int wordEnd;
        if (onValue) {
            wordStart = valueStart;
            while (wordStart < text.length() && text.charAt(wordStart) == ' ') {
                wordStart++;
            }
            wordEnd = upToCursor ? cursor : Ranges.tokenEnd(text, wordStart);
            if (wordStart < text.length() && (text.charAt(wordStart) == '"' || text.charAt(wordStart) == '\'')) {
                wordStart++;
                if (!upToCursor && wordEnd > wordStart && wordEnd <= text.length() && text.charAt(wordEnd - 1) == text.charAt(wordStart - 1)) {
                    wordEnd--;
                }
            }
        } else {
            wordStart = own.isEmpty() ? TextLines.indent(text) : own.get(own.size() - 1).column();
            if (key == null) {
                // A half-typed key or a plain list item: the text after the last marker.
                wordStart = own.isEmpty() ? TextLines.indent(text) : own.get(own.size() - 1).column() + 2;
            }
            wordEnd = upToCursor ? cursor : key != null ? keyEnd(text, wordStart) : Ranges.tokenEnd(text, wordStart);
        }
        wordStart = Math.min(wordStart, text.length());
        wordEnd = Math.max(wordStart, Math.min(wordEnd, text.length()));
        return new YamlContext(above, key, onValue, line, wordStart, wordEnd, unquote(text.substring(wordStart, wordEnd)));
    }

    private static String unquote(String s) {
        return s.replace("\"", "").replace("'", "").strip();
    }

    /** The list markers and the key of a line, with their columns; empty for a comment or a continuation. */
    private static List<Entry> entries(String text) {
        List<Entry> out = new ArrayList<>();
        int i = TextLines.indent(text);
        while (i < text.length() && text.charAt(i) == '-' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
            out.add(new Entry(i, "-"));
            i += 2;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
        }
        if (i >= text.length() || text.charAt(i) == '#') {
            return out;
        }
        int end = keyEnd(text, i);
        if (end < text.length() || text.endsWith(":")) {
            String key = text.substring(i, end).strip();
            if (!key.isEmpty() && end < text.length() && text.charAt(end) == ':') {
                out.add(new Entry(i, unquote(key)));
            }
        }
        return out;
    }

    /** The index of the colon that ends a key starting at {@code from}, or the line's length if there is none. */
    private static int keyEnd(String text, int from) {
        char first = from < text.length() ? text.charAt(from) : ' ';
        int i = from;
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, from + 1);
            i = close < 0 ? text.length() : close + 1;
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
            if (c == '#' && i > from && text.charAt(i - 1) == ' ') {
                return text.length();
            }
        }
        return text.length();
    }

    String last(int fromEnd) {
        int i = parents.size() - 1 - fromEnd;
        return i >= 0 ? parents.get(i) : null;
    }

    /** The path of the key (or value) under the cursor: the parents and the line's key. */
    List<String> path() {
        List<String> out = new ArrayList<>(parents);
        if (key != null) {
            out.add(key);
        }
        return out;
    }
}
