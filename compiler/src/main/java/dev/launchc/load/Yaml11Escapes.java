package dev.launchc.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * characters that a launch config has no use for ({@code \0 \a \b \v \f \e}, one the scalar does
 * not write itself: {@link #inScalar}), turned back into the character yaml.v2 gives in the value
 * of the scalar that holds them ({@link #restore}).
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

    /** Letters of the escapes of control characters that snakeyaml takes, which can stand in for another escape. */
    private static final String STAND_IN_LETTERS = "0abvfe";
    /** The characters those escapes give, in the same order. */
    private static final String STAND_INS = "\u0000\u0007\b\u000b\f\u001b";

    /**
     * Every rewrite of the double-quoted scalar whose opening quote is at char offset {@code quote}
     * and code-point index {@code quoteIndex}, in which snakeyaml stopped at {@code first}: the
     * scalar ends at the first quote not escaped (scannerc.go reads {@code \"} and {@code \\} as
     * escapes of two chars), so one parse of the file serves them all. Each letter gets a stand-in
     * that the scalar does not write as an escape of its own, so {@link #restore} can tell them
     * apart; when there is none left it keeps its usual one, and restore says it cannot.
     */
    static List<Rewrite> inScalar(String text, int quote, int quoteIndex, Rewrite first) {
        if (quote < 0 || quote >= first.offset() || text.charAt(quote) != '"') {
            quote = first.offset() - 2;
            quoteIndex = first.index() - 2;
        }
        List<Rewrite> found = new ArrayList<>();
        StringBuilder used = new StringBuilder();
        int index = quoteIndex + 1;
        for (int i = quote + 1; i < text.length() && text.charAt(i) != '"'; ) {
            if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                Rewrite r = at(text, i + 1, index + 1);
                if (r != null) {
                    found.add(r);
                } else {
                    int control = controlCharacter(text, i + 1);
                    if (control >= 0) {
                        used.append((char) control);
                    }
                }
                // the escaped char: an astral one is refused by both, so the count past it does not matter
                i += 2;
                index += 2;
                continue;
            }
            i += Character.charCount(text.codePointAt(i));
            index++;
        }
        if (found.stream().noneMatch(r -> r.offset() == first.offset())) {
            found.add(0, first);
        }
        List<Rewrite> chosen = new ArrayList<>(found.size());
        StringBuilder letters = new StringBuilder();
        StringBuilder placeholders = new StringBuilder();
        for (Rewrite r : found) {
            if (r.stands() == r.target()) {
                chosen.add(r);
                continue;
            }
            int seen = letters.indexOf(String.valueOf(r.letter()));
            if (seen < 0) {
                char pick = r.placeholder();
                for (int c = 0; c < STAND_IN_LETTERS.length(); c++) {
                    if (used.indexOf(String.valueOf(STAND_INS.charAt(c))) < 0) {
                        pick = STAND_IN_LETTERS.charAt(c);
                        break;
                    }
                }
                used.append(STAND_INS.charAt(STAND_IN_LETTERS.indexOf(pick)));
                letters.append(r.letter());
                placeholders.append(pick);
                seen = letters.length() - 1;
            }
            char placeholder = placeholders.charAt(seen);
            chosen.add(new Rewrite(r.offset(), r.index(), r.letter(), placeholder,
                    STAND_INS.charAt(STAND_IN_LETTERS.indexOf(placeholder)), r.target()));
        }
        return chosen;
    }

    /**
     * The control character below U+0020 that the escape whose letter is at {@code letter} gives
     * ({@code \0}, {@code \a}, ..., or an x, u or U escape with its hex digits), or -1.
     */
    private static int controlCharacter(String text, int letter) {
        char c = text.charAt(letter);
        int simple = STAND_IN_LETTERS.indexOf(c);
        if (simple >= 0) {
            return STAND_INS.charAt(simple);
        }
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
        if (digits == 0 || letter + 1 + digits > text.length()) {
            return -1;
        }
        long value = 0;
        for (int k = letter + 1; k <= letter + digits; k++) {
            int d = Character.digit(text.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value < 0x20 ? (int) value : -1;
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
     * accounts for (written as an escape of its own too), or one stands in for two letters, so
     * which one is which cannot be known.
     */
    static String restore(String value, List<Rewrite> inScalar) {
        Map<Character, Character> targets = new HashMap<>();
        Map<Character, Integer> counts = new HashMap<>();
        for (Rewrite r : inScalar) {
            if (r.stands() == r.target()) {
                continue;
            }
            Character earlier = targets.putIfAbsent(r.stands(), r.target());
            if (earlier != null && earlier != r.target()) {
                return null;
            }
            counts.merge(r.stands(), 1, Integer::sum);
        }
        String out = value;
        for (Map.Entry<Character, Character> e : targets.entrySet()) {
            char stands = e.getKey();
            if (value.chars().filter(c -> c == stands).count() != counts.get(stands)) {
                return null;
            }
            out = out.replace(stands, e.getValue());
        }
        return out;
    }
}
