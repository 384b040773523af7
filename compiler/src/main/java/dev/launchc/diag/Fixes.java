package dev.launchc.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies {@link Fix}es to a file's text: only whole fixes whose edits still match and overlap nothing taken. */
public final class Fixes {
    private Fixes() {}

    /** The text with the fixes applied, and how many of them were. */
    public record Applied(String text, int count) {}

    /** One edit as offsets into the text. */
    private record Span(int from, int to, String text) {}

    public static Applied apply(String text, List<Fix> fixes) {
        // Edits write "\n"; a file with CRLF line ends keeps them.
        boolean crlf = text.contains("\r\n");
        int[] lineStarts = lineStarts(text);
        List<Span> taken = new ArrayList<>();
        int count = 0;
        for (Fix fix : fixes) {
            List<Span> spans = new ArrayList<>();
            for (Fix.Edit edit : fix.edits()) {
                int from = offset(text, lineStarts, edit.start());
                if (from < 0 || !text.startsWith(edit.old(), from)) {
                    spans = null;
                    break;
                }
                String inserted = crlf ? edit.text().replace("\r\n", "\n").replace("\n", "\r\n") : edit.text();
                spans.add(new Span(from, from + edit.old().length(), inserted));
            }
            if (spans == null || spans.stream().anyMatch(s -> overlapsAny(s, taken))) {
                continue;
            }
            taken.addAll(spans);
            count++;
        }
        taken.sort(Comparator.comparingInt(Span::from).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Span s : taken) {
            sb.replace(s.from(), s.to(), s.text());
        }
        return new Applied(sb.toString(), count);
    }

    /** Two insertions at one place also overlap: their order would be a guess. */
    private static boolean overlapsAny(Span s, List<Span> taken) {
        for (Span t : taken) {
            if (s.from() < t.to() && t.from() < s.to() || s.from() == t.from()) {
                return true;
            }
        }
        return false;
    }

    private static int[] lineStarts(String text) {
        return LineBreaks.starts(text);
    }

    /** The char offset of a 1-based line and code-point column, or -1 when the file has no such place. */
    private static int offset(String text, int[] lineStarts, Pos pos) {
        if (pos.line() < 1 || pos.line() > lineStarts.length) {
            return -1;
        }
        int at = lineStarts[pos.line() - 1];
        for (int c = 1; c < pos.column(); c++) {
            if (at >= text.length() || LineBreaks.isBreakChar(text.charAt(at))) {
                return -1;
            }
            at += Character.charCount(text.codePointAt(at));
        }
        return at;
    }
}
