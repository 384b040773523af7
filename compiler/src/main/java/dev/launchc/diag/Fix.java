package dev.launchc.diag;

import java.util.List;

/**
 * A safe, mechanical change that resolves one finding, as data: {@code lint --fix} applies it,
 * SARIF carries it as a {@code fix}, an editor offers it as a quick fix. Only rules that are sure of
 * the one right change attach a fix; a finding with several plausible fixes has none.
 *
 * @param description what the fix does, in a few words ("rename extraSAN to extraSANs")
 * @param edits       text edits on the finding's file, none overlapping
 */
public record Fix(String description, List<Edit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }

    /**
     * Replaces {@code old} at {@code start} with {@code text}; {@code old} is empty for an insertion.
     * Positions are 1-based, columns in Unicode code points, as in {@link Diagnostic}. Carrying the
     * old text lets whoever applies the edit check that the file still reads so, and skip it if not.
     */
    public record Edit(Pos start, String old, String text) {
        /** Where the replaced text ends (exclusive): the same line for single-line text. */
        public Pos end() {
            int line = start.line();
            int column = start.column();
            for (int i = 0; i < old.length(); ) {
                int lineEnd = LineBreaks.breakEnd(old, i);
                if (lineEnd > i) {
                    i = lineEnd;
                    line++;
                    column = 1;
                    continue;
                }
                i += Character.charCount(old.codePointAt(i));
                column++;
            }
            return new Pos(line, column);
        }
    }

    public static Fix replace(String description, Pos start, String old, String text) {
        return new Fix(description, List.of(new Edit(start, old, text)));
    }

    public static Fix insert(String description, Pos at, String text) {
        return new Fix(description, List.of(new Edit(at, "", text)));
    }
}
