package dev.launchc.fuzz.properties;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators for the properties: values built from what breaks lines, quotes, commands and tables. */
final class Hostile {
    private Hostile() {}

    /** Newlines, quotes, {@code $()}, backslashes and the Unicode line separators the issue names, then friends. */
    static final List<String> PIECES = List.of("\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\"", "'", "\\", "\\\"",
            "'\\''", "$(", ")", "$(touch /tmp/pwned)", "`id`", "${IFS}", ";", "&&", "|", "#", " ", "\t", "=", "--evil=1",
            "[", "]", "[[host]]", "[host.\"x\"]", "\n[evil]\n", "\ninjected = true\n", "{", "}", ",", ":", "\u00e9",
            "\uD83D\uDE42", "\u00A0", "a", "b", "0", "--");

    /** The characters lint reports as LC1010: a line break or NUL in an args or env value. */
    static boolean hasLineBreak(String s) {
        return s.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0 || c == 0x85 || c == 0x2028 || c == 0x2029);
    }

    /** One to six pieces, or a few arbitrary characters among them. */
    static Arbitrary<String> values() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().ofMinLength(1).ofMaxLength(3));
        return piece.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
    }

    /** As {@link #values()}, without what lint rejects as a line break. */
    static Arbitrary<String> oneLineValues() {
        return values().map(v -> v.replaceAll("[\\n\\r\\u0000\\u0085\\u2028\\u2029]", "_"));
    }
}
