package dev.launchc.rules;

import java.math.BigInteger;

/**
 * Whether Go's flag parsers accept a value, as the Kubernetes components' flag library (spf13/pflag)
 * parses each type: {@code int}, {@code int32} and {@code uint} with {@code strconv.ParseInt}/
 * {@code ParseUint} in base 0, {@code float} with {@code strconv.ParseFloat}, {@code duration} with
 * {@code time.ParseDuration}, and kube-apiserver's {@code --service-node-port-range} with
 * apimachinery's PortRange. Each check returns null for a value Go accepts, else why it does not.
 * A component refuses to start on a value its flag parser rejects.
 *
 * <p>Facts from Go's sources: {@code strconv/atoi.go} (ParseInt, ParseUint, underscoreOK),
 * {@code strconv/atof.go} (readFloat, special), {@code time/format.go} (ParseDuration, unitMap).
 */
final class GoFlagValues {
    private GoFlagValues() {}

    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** A value as a message quotes it: a long one cut short, so that a finding stays one readable line. */
    static String shown(String value) {
        if (value.length() <= 40) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(36)) ? 36 : 37;
        return value.substring(0, end) + "...";
    }

    /** The kind of value a flag of a type {@link #problem} checks takes, as a message says it. */
    static String noun(String type) {
        return switch (type) {
            case "duration" -> "a duration";
            case "float" -> "a number";
            case "uint" -> "a non-negative whole number";
            case "int", "int32" -> "a whole number";
            default -> "a port range";
        };
    }

    /** What to write instead, for a {@code problem} that {@link #problem} found with a value of {@code type}. */
    static String hint(String type, String problem) {
        return switch (type) {
            case "duration" -> problem.endsWith("has no unit") ? "add a unit: ns, us, ms, s, m or h (10s, 5m, 1h30m); only 0 needs none"
                    : "write a number with a unit: ns, us, ms, s, m or h (10s, 5m, 1h30m)";
            case "float", "uint", "int", "int32" -> problem.contains("out of range") ? "write a smaller value"
                    : type.equals("float") ? "write a number such as 5, 0.5 or 1e3" : "write digits only, such as 110";
            default -> "write the first and the last port, such as 30000-32767";
        };
    }

    /** The problem with {@code value} for a flag of catalog type {@code type}, or null (also for a type not checked here). */
    static String problem(String type, String value) {
        return switch (type) {
            case "int" -> integer(value, true, INT64_MIN, INT64_MAX);
            case "int32" -> integer(value, true, INT32_MIN, INT32_MAX);
            case "uint" -> integer(value, false, BigInteger.ZERO, UINT64_MAX);
            case "float" -> floating(value);
            case "duration" -> duration(value);
            // kube-apiserver's --service-node-port-range, in the reference's words for its type.
            case "<a string in the form 'N1-N2'>" -> portRange(value);
            default -> null;
        };
    }

    /** strconv.ParseInt (signed) or ParseUint in base 0, then the range of the flag's type. */
    static String integer(String s, boolean signed, BigInteger min, BigInteger max) {
        if (s.isEmpty()) {
            return "an empty value is not a number";
        }
        String body = s;
        boolean negative = false;
        if (signed && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
        }
        int base = 10;
        int start = 0;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x' || p == 'o' || p == 'b') {
                base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                start = 2;
            } else {
                base = 8;
                start = 1;
            }
        }
        StringBuilder digits = new StringBuilder();
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '_') {
                continue;
            }
            if (Character.digit(c, base) < 0 || c > 'z') {
                return "'" + shown(s) + "' is not " + (signed ? "an integer" : "a non-negative integer");
            }
            digits.append(c);
        }
        if (digits.length() == 0 && start != 1 || !underscoresOk(s)) {
            return "'" + shown(s) + "' is not " + (signed ? "an integer" : "a non-negative integer");
        }
        // Leading zeros do not count; past 64 significant digits no base fits 64 bits, and BigInteger
        // would take quadratic time on a file-sized digit string.
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        if (digits.length() - first > 64) {
            return shown(s) + " is out of range (" + min + " to " + max + ")";
        }
        BigInteger v = digits.length() == 0 ? BigInteger.ZERO : new BigInteger(digits.substring(first), base);
        if (negative) {
            v = v.negate();
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            return shown(s) + " is out of range (" + min + " to " + max + ")";
        }
        return null;
    }

    /** strconv's underscoreOK: underscores only between digits, or between a base prefix and a digit. */
    static boolean underscoresOk(String s) {
        if (s.indexOf('_') < 0) {
            return true;
        }
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char l = Character.toLowerCase(c);
            if (c >= '0' && c <= '9' || hex && l >= 'a' && l <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** strconv.ParseFloat: decimal or hexadecimal (with a p exponent) Go syntax, Inf/Infinity/NaN, within float64. */
    static String floating(String s) {
        String bad = "'" + shown(s) + "' is not a number";
        if (s.isEmpty()) {
            return "an empty value is not a number";
        }
        String body = s;
        boolean signed = body.charAt(0) == '+' || body.charAt(0) == '-';
        if (signed) {
            body = body.substring(1);
        }
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity") || !signed && lower.equals("nan")) {
            return null;
        }
        boolean hex = lower.startsWith("0x");
        int i = hex ? 2 : 0;
        boolean mantissaDigits = false;
        boolean dot = false;
        StringBuilder clean = new StringBuilder(s.length());
        clean.append(signed ? s.charAt(0) : "").append(hex ? "0x" : "");
        for (; i < body.length(); i++) {
            char c = lower.charAt(i);
            if (c == '_') {
                continue;
            }
            if (c == '.' && !dot) {
                dot = true;
            } else if (c >= '0' && c <= '9' || hex && c >= 'a' && c <= 'f') {
                mantissaDigits = true;
            } else {
                break;
            }
            clean.append(c);
        }
        if (!mantissaDigits) {
            return bad;
        }
        boolean exponent = false;
        if (i < body.length() && lower.charAt(i) == (hex ? 'p' : 'e')) {
            clean.append(hex ? 'p' : 'e');
            i++;
            if (i < body.length() && (body.charAt(i) == '+' || body.charAt(i) == '-')) {
                clean.append(body.charAt(i));
                i++;
            }
            for (; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '_') {
                    continue;
                }
                if (c < '0' || c > '9') {
                    break;
                }
                exponent = true;
                clean.append(c);
            }
            if (!exponent) {
                return bad;
            }
        }
        if (i != body.length() || hex && !exponent || !underscoresOk(s)) {
            return bad;
        }
        double v;
        try {
            v = Double.parseDouble(clean.toString());
        } catch (NumberFormatException e) {
            return bad;
        }
        return Double.isInfinite(v) ? shown(s) + " is out of range for a floating-point number" : null;
    }

    /**
     * apimachinery's utilnet PortRange.Set (util/net/port_range.go): blanks trimmed; empty for none;
     * "N", "N1-N2" or "N+offset" with strconv.Atoi on each side (decimal, an optional sign); both
     * '-' and '+' is refused; no end above 65535, the end not below the start.
     */
    static String portRange(String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        int hyphen = value.indexOf('-');
        int plus = value.indexOf('+');
        if (hyphen >= 0 && plus >= 0) {
            return "'" + shown(raw) + "' is not a port range";
        }
        int split = Math.max(hyphen, plus);
        Long low = atoi(split < 0 ? value : value.substring(0, split));
        Long other = split < 0 ? low : atoi(value.substring(split + 1));
        if (low == null || other == null) {
            return "'" + shown(raw) + "' is not a port range (N1-N2)";
        }
        long high = plus >= 0 ? low + other : other;
        if (low > 65535 || high > 65535) {
            return shown(raw) + " goes past port 65535";
        }
        if (high < low) {
            return shown(raw) + " ends before it starts";
        }
        return null;
    }

    /** strconv.Atoi: decimal digits with an optional sign, within 64 bits; null when it fails. */
    private static Long atoi(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (s.length() == start || s.length() > 20) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Nanoseconds per unit, as time.ParseDuration's unitMap (µ as U+00B5 and U+03BC). */
    private static long unit(String u) {
        return switch (u) {
            case "ns" -> 1L;
            case "us", "\u00b5s", "\u03bcs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> -1L;
        };
    }

    /** time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, or "0"; at most 2^63-1 ns. */
    static String duration(String orig) {
        String invalid = "'" + shown(orig) + "' is not a duration";
        String s = orig;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return null;
        }
        if (s.isEmpty()) {
            return orig.isEmpty() ? "an empty value is not a duration" : invalid;
        }
        BigInteger total = BigInteger.ZERO;
        BigInteger limit = BigInteger.ONE.shiftLeft(63);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(c == '.' || c >= '0' && c <= '9')) {
                return invalid;
            }
            int from = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            String whole = s.substring(from, i).replaceFirst("^0+(?=.)", "");
            // leadingInt fails above 2^63: the digits alone must fit (the unit is applied after).
            if (whole.length() > 19 && (whole.length() > 20 || new BigInteger(whole).compareTo(limit) > 0)) {
                return invalid;
            }
            String fraction = "";
            if (i < s.length() && s.charAt(i) == '.') {
                int f = ++i;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                // leadingFraction reads every digit but stops adding them once they no longer count.
                fraction = s.substring(f, Math.min(i, f + 20));
            }
            if (whole.isEmpty() && fraction.isEmpty()) {
                return invalid;
            }
            int u = i;
            while (i < s.length() && s.charAt(i) != '.' && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                i++;
            }
            if (u == i) {
                return "'" + shown(orig) + "' has no unit";
            }
            long nanos = unit(s.substring(u, i));
            if (nanos < 0) {
                return "'" + shown(orig) + "' has an unknown unit '" + s.substring(u, i) + "'";
            }
            BigInteger v = whole.isEmpty() ? BigInteger.ZERO : new BigInteger(whole);
            if (v.compareTo(limit.divide(BigInteger.valueOf(nanos))) > 0) {
                return shown(orig) + " is out of range for a duration";
            }
            v = v.multiply(BigInteger.valueOf(nanos));
            if (!fraction.isEmpty()) {
                // Go adds the fraction's nanoseconds in float64; an overflow there needs a value near 2^63 anyway.
                v = v.add(new java.math.BigDecimal("0." + fraction).multiply(java.math.BigDecimal.valueOf(nanos)).toBigInteger());
                if (v.compareTo(limit) > 0) {
                    return shown(orig) + " is out of range for a duration";
                }
            }
            total = total.add(v);
            if (total.compareTo(limit) > 0) {
                return shown(orig) + " is out of range for a duration";
            }
        }
        if (!negative && total.compareTo(limit) == 0) {
            return shown(orig) + " is out of range for a duration";
        }
        return null;
    }
}
