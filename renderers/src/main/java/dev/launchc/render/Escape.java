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

    /** A YAML double-quoted scalar: always a string, escapes for quotes, backslashes and every control or line-break character. */
    public static String yamlQuoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Text as a YAML literal block ({@code |}) indented by {@code indent}, when it reads back
     * unchanged that way: printable, one final newline, no leading space on its first line.
     * Anything else is written double-quoted.
     */
    public static String yamlBlock(String text, String indent) {
        boolean simple = text.endsWith("\n") && !text.endsWith("\n\n") && !text.startsWith(" ")
                && !text.startsWith("\n") && text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c != 0x7f
                        && !(c >= 0x80 && c < 0xa0) && c != 0x2028 && c != 0x2029 && c != 0xfeff))
                && text.lines().noneMatch(l -> l.endsWith(" "));
        if (!simple) {
            return yamlQuoted(text);
        }
        StringBuilder sb = new StringBuilder("|\n");
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            sb.append(line.isEmpty() ? "" : indent + line).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    /** A one-line YAML comment: line breaks cannot end it. */
    public static String yamlComment(String s) {
        return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]", " ");
    }
}
