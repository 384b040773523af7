package dev.launchc.cli.format;

import java.util.ArrayList;
import java.util.List;

/** A unified diff (as {@code diff -u}) of two versions of a text, with three lines of context. */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Above this many cells the middle is shown as one replacement instead of a line-by-line match. */
    private static final long MAX_CELLS = 4_000_000L;

    private UnifiedDiff() {}

    /** One line of the edit script: ' ' kept, '-' removed, '+' added. */
    private record Op(char kind, String line, int oldLine, int newLine) {}

    /** The diff, or "" when the texts are equal. */
    public static String of(String name, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = script(a, b);
        // As git writes them (patch -p1 applies them); an absolute path stays as it is.
        boolean absolute = name.startsWith("/");
        StringBuilder sb = new StringBuilder("--- ").append(absolute ? "" : "a/").append(name)
                .append("\n+++ ").append(absolute ? "" : "b/").append(name).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int from = Math.max(0, i - CONTEXT);
            int to = i;
            // Extend the hunk while the next change is within twice the context.
            while (to < ops.size()) {
                int next = to;
                while (next < ops.size() && ops.get(next).kind() != ' ') {
                    next++;
                }
                int gap = next;
                while (gap < ops.size() && ops.get(gap).kind() == ' ') {
                    gap++;
                }
                if (gap < ops.size() && gap - next <= 2 * CONTEXT) {
                    to = gap;
                } else {
                    to = Math.min(ops.size(), next + CONTEXT);
                    break;
                }
            }
            hunk(sb, ops.subList(from, to));
            i = to;
        }
        return sb.toString();
    }

    private static void hunk(StringBuilder sb, List<Op> ops) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Op op : ops) {
            if (op.kind() != '+') {
                oldStart = oldStart == 0 ? op.oldLine() : oldStart;
                oldCount++;
            }
            if (op.kind() != '-') {
                newStart = newStart == 0 ? op.newLine() : newStart;
                newCount++;
            }
        }
        if (oldCount == 0) {
            oldStart = ops.get(0).oldLine() - 1;
        }
        if (newCount == 0) {
            newStart = ops.get(0).newLine() - 1;
        }
        sb.append("@@ -").append(oldStart).append(',').append(oldCount).append(" +").append(newStart).append(',')
                .append(newCount).append(" @@\n");
        for (Op op : ops) {
            sb.append(op.kind()).append(op.line());
            if (!op.line().endsWith("\n")) {
                sb.append("\n\\ No newline at end of file\n");
            }
        }
    }

    /** Lines with their line breaks, so that a missing last break shows. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** The edit script: common head and tail kept, the middle matched by longest common subsequence. */
    private static List<Op> script(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.add(new Op(' ', a.get(k), k + 1, k + 1));
        }
        List<String> ma = a.subList(head, a.size() - tail);
        List<String> mb = b.subList(head, b.size() - tail);
        int n = ma.size();
        int m = mb.size();
        int oi = head;
        int ni = head;
        if ((long) n * m <= MAX_CELLS) {
            int[][] lcs = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    lcs[x][y] = ma.get(x).equals(mb.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < n || y < m) {
                if (x < n && y < m && ma.get(x).equals(mb.get(y))) {
                    ops.add(new Op(' ', ma.get(x++), ++oi, ++ni));
                    y++;
                } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                    ops.add(new Op('-', ma.get(x++), ++oi, ni + 1));
                } else {
                    ops.add(new Op('+', mb.get(y++), oi + 1, ++ni));
                }
            }
        } else {
            for (String line : ma) {
                ops.add(new Op('-', line, ++oi, ni + 1));
            }
            for (String line : mb) {
                ops.add(new Op('+', line, oi + 1, ++ni));
            }
        }
        for (int k = 0; k < tail; k++) {
            ops.add(new Op(' ', a.get(a.size() - tail + k), ++oi, ++ni));
        }
        return ops;
    }
}
