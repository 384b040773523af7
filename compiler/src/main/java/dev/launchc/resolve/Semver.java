package dev.launchc.resolve;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic versions as apimachinery's {@code ParseSemantic} reads launch-config versions:
 * MAJOR.MINOR.PATCH without leading zeros, optional pre-release and build, surrounding spaces and a
 * leading 'v' tolerated. Ordering follows semver: {@code 0.2.0-rc1 < 0.2.0}.
 */
public record Semver(long major, long minor, long patch, List<String> preRelease) implements Comparable<Semver> {
    private static final Pattern SEMVER = Pattern.compile(
            "v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
                    + "(?:-((?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*))?"
                    + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    public static Semver parse(String text) {
        if (text == null) {
            return null;
        }
        Semver plain = parsePlain(text);
        if (plain != null) {
            return plain;
        }
        Matcher m = SEMVER.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
            return new Semver(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), pre);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Longest number taken without the regex: 18 digits always fit a long. */
    private static final int PLAIN_MAX_DIGITS = 18;

    /**
     * The common case, MAJOR.MINOR.PATCH and nothing else ("0.2.0"), without the regex: every file
     * and every track names its versions so. Null for anything else, which the regex then reads
     * (the same result for these texts: numbers without leading zeros, no pre-release, no build).
     */
    private static Semver parsePlain(String text) {
        long[] numbers = new long[3];
        int field = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && numbers[field] == 0 || digits == PLAIN_MAX_DIGITS) {
                    return null; // a leading zero, or a number too long to be sure of
                }
                numbers[field] = numbers[field] * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && field < 2) {
                field++;
                digits = 0;
            } else {
                return null;
            }
        }
        return field == 2 && digits > 0 ? new Semver(numbers[0], numbers[1], numbers[2], List.of()) : null;
    }

    @Override
    public int compareTo(Semver o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
            String a = preRelease.get(i);
            String b = o.preRelease.get(i);
            boolean an = a.chars().allMatch(Character::isDigit);
            boolean bn = b.chars().allMatch(Character::isDigit);
            int d;
            if (an && bn) {
                d = new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
            } else if (an != bn) {
                d = an ? -1 : 1;
            } else {
                d = a.compareTo(b);
            }
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }
}
