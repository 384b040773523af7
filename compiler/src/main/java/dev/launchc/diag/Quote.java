package dev.launchc.diag;

import java.util.List;

/** Text that diagnostics quote: user input made safe to print, and long lists cut short. */
public final class Quote {
    private Quote() {}

    /** Text safe to quote in a message: control characters shown as '?', cut at 80 characters. */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char ch = s.charAt(i);
            sb.append(Character.isISOControl(ch) ? '?' : ch);
        }
        if (s.length() > 80) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** "a, b, c" for up to {@code max} items, then "… (N in all)". */
    public static String list(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + ", … (" + items.size() + " in all)";
    }
}
