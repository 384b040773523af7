package dev.launchc.load;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plain-scalar resolution as Go's yaml.v2 does it (YAML 1.1): MicroK8s decodes launch configs with
 * yaml.v2, so {@code yes}, {@code on} and {@code y} are booleans there.
 */
public final class Yaml11 {
    private Yaml11() {}

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSES = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*|0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?");

    public static boolean isNull(String text) {
        return text.length() <= 4 && NULLS.contains(text); // no hashing of every longer text
    }

    /**
     * Whether yaml.v2 leaves a pointer (the {@code *string} values of MicroK8s' args and env maps)
     * nil for this plain scalar. Its decoder (decode.go, {@code prepare}) stops early only for
     * {@code null}, {@code ~} and an empty value; {@code NULL} and {@code Null} resolve to null one
     * step later, after the pointer was allocated, so the map holds a pointer to "".
     */
    public static boolean leavesPointerNil(String text) {
        return text.isEmpty() || "~".equals(text) || "null".equals(text);
    }

    /** TRUE, FALSE, or null when the text is not a YAML 1.1 boolean. */
    public static Boolean bool(String text) {
        if (text.length() > 5) {
            return null; // the longest is FALSE
        }
        if (TRUES.contains(text)) {
            return Boolean.TRUE;
        }
        if (FALSES.contains(text)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** The number a plain scalar denotes, or null. Only its kind matters to the schema. */
    public static BigDecimal number(String text) {
        if (text.isEmpty() || text.length() > 64 || !startsLikeANumber(text)) {
            return null;
        }
        if (text.indexOf('.') != text.lastIndexOf('.')) {
            return null; // neither pattern takes two dots: versions and IP addresses need no regex
        }
        try {
            if (INT.matcher(text).matches()) {
                String t = text.replace("_", "");
                boolean negative = t.startsWith("-");
                String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
                java.math.BigInteger v;
                if (digits.startsWith("0b")) {
                    v = new java.math.BigInteger(digits.substring(2), 2);
                } else if (digits.startsWith("0x")) {
                    v = new java.math.BigInteger(digits.substring(2), 16);
                } else if (digits.length() > 1 && digits.startsWith("0")) {
                    v = new java.math.BigInteger(digits.substring(1), 8);
                } else {
                    v = new java.math.BigInteger(digits);
                }
                return new BigDecimal(negative ? v.negate() : v);
            }
            if (FLOAT.matcher(text).matches()) {
                String t = text.replace("_", "");
                if (t.endsWith(".")) {
                    t = t + "0";
                }
                return new BigDecimal(t);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Most scalars are words; a look at their first characters spares them two regex matches. */
    private static boolean startsLikeANumber(String text) {
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return (c >= '0' && c <= '9') || c == '.';
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
