package dev.launchc.load;

import dev.launchc.diag.Pos;

/**
 * Tabs between tokens that gopkg.in/yaml.v2 skips and snakeyaml-engine refuses. yaml.v2's scanner
 * (scannerc.go, yaml_parser_scan_to_next_token) skips a tab between tokens when it is in a flow
 * collection or when no simple key may start there, that is after a scalar, a closing bracket, an
 * anchor, a tag or '---'; it refuses a tab in indentation and right after the indicators ':', '-'
 * and '?' of block collections, as snakeyaml does. The loader turns only the tabs that snakeyaml
 * stops at and yaml.v2 skips into spaces, so a tab never changes a value.
 */
final class TabGaps {
    private TabGaps() {
    }

    /** The char offset of a position counted as snakeyaml's marks count (code points, LF or lone CR), or -1. */
    static int offsetOf(String text, Pos pos) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            if (line == pos.line() && column == pos.column()) {
                return i;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
                if (line == pos.line()) {
                    return -1;
                }
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return -1;
    }

    /** Whether yaml.v2 skips the tab at {@code tab}, which snakeyaml stopped at between two tokens. */
    static boolean yamlV2Skips(String text, int tab) {
        if (flowDepth(text, tab) > 0) {
            return true;
        }
        int j = tab - 1;
        while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j--;
        }
        if (j < 0 || text.charAt(j) == '\n' || text.charAt(j) == '\r') {
            return false; // indentation
        }
        char c = text.charAt(j);
        if (c == ':') {
            return false; // a block mapping's value indicator: a simple key may start after it
        }
        boolean startsNode = j == 0 || " \t\n\r".indexOf(text.charAt(j - 1)) >= 0;
        return !((c == '-' || c == '?') && startsNode);
    }

    /** The text with the run of blanks starting at {@code tab} made of spaces only; lengths and columns stay. */
    static String blank(String text, int tab) {
        StringBuilder b = new StringBuilder(text);
        for (int i = tab; i < b.length() && (b.charAt(i) == '\t' || b.charAt(i) == ' '); i++) {
            b.setCharAt(i, ' ');
        }
        return b.toString();
    }

    /**
     * How many flow collections are open at {@code end}, by a light scan that steps over quoted
     * scalars, comments and block scalars. A bracket counts only where a node can start (after a
     * blank or the start of a line, or anywhere inside a flow collection), as inside a block
     * context plain scalar it is text.
     */
    static int flowDepth(String text, int end) {
        int depth = 0;
        int blockScalarIndent = -1;
        int lineIndent = 0;
        boolean lineStart = true;
        int i = 0;
        while (i < end) {
            if (lineStart) {
                lineStart = false;
                int indent = 0;
                while (i + indent < text.length() && text.charAt(i + indent) == ' ') {
                    indent++;
                }
                int eol = lineEnd(text, i);
                boolean blankLine = text.substring(i + indent, eol).isBlank();
                if (blockScalarIndent >= 0 && (blankLine || indent > blockScalarIndent)) {
                    i = eol + 1;
                    lineStart = true;
                    continue;
                }
                blockScalarIndent = -1;
                lineIndent = indent;
                if ((text.startsWith("---", i) || text.startsWith("...", i))
                        && (i + 3 >= text.length() || " \t\r\n".indexOf(text.charAt(i + 3)) >= 0)) {
                    depth = 0;
                }
            }
            char c = text.charAt(i);
            char prev = i == 0 ? '\n' : text.charAt(i - 1);
            boolean afterBlank = " \t\r\n".indexOf(prev) >= 0;
            boolean tokenStart = afterBlank || depth > 0 && "[]{},:".indexOf(prev) >= 0;
            if (c == '\n') {
                lineStart = true;
                i++;
            } else if (c == '#' && afterBlank) {
                i = lineEnd(text, i);
            } else if (c == '"' && tokenStart) {
                i++;
                while (i < end && text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '\'' && tokenStart) {
                i++;
                while (i < end && !(text.charAt(i) == '\'' && (i + 1 >= text.length() || text.charAt(i + 1) != '\''))) {
                    i += text.charAt(i) == '\'' ? 2 : 1;
                }
                i++;
            } else if ((c == '|' || c == '>') && depth == 0 && tokenStart) {
                blockScalarIndent = lineIndent;
                i = lineEnd(text, i);
            } else {
                if ((c == '[' || c == '{') && (depth > 0 || tokenStart)) {
                    depth++;
                } else if ((c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                i++;
            }
        }
        return depth;
    }

    private static int lineEnd(String text, int from) {
        int eol = text.indexOf('\n', from);
        return eol < 0 ? text.length() : eol;
    }
}
