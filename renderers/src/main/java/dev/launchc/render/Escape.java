package dev.launchc.render;

/** Escaping per output format, so that no input value can change the structure of a file. */
public final class Escape {
    private Escape() {}

    /** The inside of a TOML basic string ("..."): quotes, backslashes and control characters escaped. */
    public static String toml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * A value for a POSIX shell, single-quoted: nothing inside is expanded, and a quote in the value
     * closes, escapes and reopens. Line breaks stay inside the quotes and cannot start a command.
     */
    public static String shell(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
