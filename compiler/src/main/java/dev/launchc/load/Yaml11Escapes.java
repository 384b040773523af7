package dev.launchc.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The backslash escapes of a double-quoted scalar that yaml.v2 (gopkg.in/yaml.v2 2.4.0,
 * scannerc.go yaml_parser_scan_flow_scalar: the escape switch) and snakeyaml-engine read
 * differently. yaml.v2 takes {@code \L} (U+2028), {@code \P} (U+2029), {@code \'} and a backslash
 * before a tab, which snakeyaml refuses ("found unknown escape character"); snakeyaml takes
 * {@code \/}, which yaml.v2 refuses, and with it the file (see {@link YamlLoader}'s scalar check).
 *
 * <p>For the first kind the loader parses again with the escape's letter replaced by one that
 * snakeyaml reads, of the same length so every position stays: {@code \<tab>} becomes {@code \t}
 * (the same character), and {@code \L}, {@code \P} and {@code \'} become escapes of control
 * characters that a launch config has no use for (NUL, BEL, ESC), turned back into the character
 * yaml.v2 gives in the value of the scalar that holds them ({@link #restore}).
 */
final class Yaml11Escapes {
    private Yaml11Escapes() {}

    /**
     * One escape read again: {@code offset} is the char offset of its letter, {@code index} its
     * code-point index (as snakeyaml's marks count, so a scalar's marks find it without a scan of
     * the text), {@code placeholder} the letter snakeyaml read instead, {@code stands} the character
     * snakeyaml gave for it and {@code target} the one yaml.v2 gives.
     */
    record Rewrite(int offset, int index, char letter, char placeholder, char stands, char target) {}

    /**
     * The rewrite of the escape whose letter is at char offset {@code offset} and code-point index
     * {@code index}, or null when it is not one yaml.v2 takes and snakeyaml does not.
     */
    static Rewrite at(String text, int offset, int index) {
        if (offset <= 0 || offset >= text.length() || text.charAt(offset - 1) != '\\') {
            return null;
        }
        char letter = text.charAt(offset);
        return switch (letter) {
            case 'L' -> new Rewrite(offset, index, letter, '0', '\u0000', '\u2028');
            case 'P' -> new Rewrite(offset, index, letter, 'a', '\u0007', '\u2029');
            case '\'' -> new Rewrite(offset, index, letter, 'e', '\u001b', '\'');
            case '\t' -> new Rewrite(offset, index, letter, 't', '\t', '\t');
            default -> null;
        };
    }

    /**
     * The rewrite {@code first}, which snakeyaml stopped at, and every other one up to the end of
     * its double-quoted scalar: the closing quote is the first one not escaped (scannerc.go reads
     * {@code \"} and {@code \\} as escapes of two chars), so one parse of the file serves them all.
     */
    static List<Rewrite> throughScalar(String text, Rewrite first) {
        List<Rewrite> found = new ArrayList<>();
        found.add(first);
        int index = first.index() + 1;
        for (int i = first.offset() + 1; i < text.length() && text.charAt(i) != '"'; ) {
            if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                Rewrite r = at(text, i + 1, index + 1);
                if (r != null) {
                    found.add(r);
                }
                // the escaped char: an astral one is refused by both, so its count does not matter past it
                i += 2;
                index += 2;
                continue;
            }
            i += Character.charCount(text.codePointAt(i));
            index++;
        }
        return found;
    }

    /** {@code text} with the rewrites' letters replaced. */
    static String apply(String text, List<Rewrite> rewrites) {
        StringBuilder b = new StringBuilder(text);
        for (Rewrite r : rewrites) {
            b.setCharAt(r.offset(), r.placeholder());
        }
        return b.toString();
    }

    /**
     * The value yaml.v2 gives a double-quoted scalar that snakeyaml read as {@code value} with the
     * rewrites {@code inScalar}; null when the value holds a stand-in character that no rewrite
     * accounts for (written as an escape of its own too), so which one is which cannot be known.
     */
    static String restore(String value, List<Rewrite> inScalar) {
        String out = value;
        for (char stands : new char[] {'\u0000', '\u0007', '\u001b'}) {
            long rewrites = inScalar.stream().filter(r -> r.stands() == stands).count();
            if (rewrites == 0) {
                continue;
            }
            if (value.chars().filter(c -> c == stands).count() != rewrites) {
                return null;
            }
            char target = inScalar.stream().filter(r -> r.stands() == stands).findFirst().orElseThrow().target();
            out = out.replace(stands, target);
        }
        return out;
    }
}
