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
     *
     * @throws IllegalArgumentException for a NUL character, which no shell word can hold (the shell
     *     would cut the word or the script there); lint keeps NUL out of every value that gets here
     */
    public static String shell(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell word cannot hold a NUL character");
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * A YAML double-quoted scalar: always a string, escapes for quotes, backslashes, every control or
     * line-break character and the non-characters YAML does not allow raw (U+FEFF, U+FFFE, U+FFFF).
     */
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
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                            || c == '\ufeff' || c == '\ufffe' || c == '\uffff') {
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
                        && !(c >= 0x80 && c < 0xa0) && c != 0x2028 && c != 0x2029 && c != 0xfeff && c < 0xfffe))
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

    /**
     * A one-line YAML comment: line breaks cannot end it (they become spaces), and a character YAML
     * does not allow in a stream at all (a control character, DEL, a C1 control, U+FEFF, U+FFFE,
     * U+FFFF, a lone surrogate) is written as the text {@code \\uXXXX}, since even inside a comment
     * it makes the whole file unreadable.
     */
    public static String yamlComment(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                sb.append(' ');
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xfffd && !Character.isSurrogate(c) && c != 0xfeff) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }
}
