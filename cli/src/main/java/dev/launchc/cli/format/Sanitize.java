package dev.launchc.cli.format;

/** Keeps hostile input from forging output lines or terminal escapes. */
public final class Sanitize {
    private Sanitize() {}

    /** Control characters (and line/paragraph separators) shown as \\uXXXX escapes. */
    public static String line(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
            if (bad) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
