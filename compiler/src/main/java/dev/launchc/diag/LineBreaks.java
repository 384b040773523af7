package dev.launchc.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines as YAML counts them, and so as every {@link Pos} does (snakeyaml's marks): a line ends at
 * LF, at CRLF, or at a CR not followed by LF. Whatever turns a position into an offset or a line of
 * text counts this way, or a file with lone CRs gets its snippets, fixes and suppressions on the
 * wrong line.
 */
public final class LineBreaks {
    private LineBreaks() {}

    /** The char offset at which each line starts; the first is 0. */
    public static int[] starts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            int end = breakEnd(text, i);
            if (end > i) {
                starts.add(end);
                i = end - 1;
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The lines of {@code text} without their breaks; a text ending in a break has an empty last line. */
    public static List<String> split(String text) {
        int[] starts = starts(text);
        List<String> lines = new ArrayList<>(starts.length);
        for (int n = 0; n < starts.length; n++) {
            int to = n + 1 < starts.length ? starts[n + 1] : text.length();
            while (to > starts[n] && isBreakChar(text.charAt(to - 1))) {
                to--;
            }
            lines.add(text.substring(starts[n], to));
        }
        return lines;
    }

    /** Where the line break at {@code i} ends (exclusive), or {@code i} when there is none. */
    public static int breakEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return i + 1;
        }
        if (c == '\r') {
            return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        }
        return i;
    }

    public static boolean isBreakChar(char c) {
        return c == '\n' || c == '\r';
    }
}
