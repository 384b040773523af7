package dev.launchc.compile;

import java.util.regex.Pattern;

/** IP literal checks without name resolution (never a DNS lookup). */
public final class Addresses {
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private Addresses() {}

    public static boolean isIpv4(String s) {
        return V4.matcher(s).matches();
    }

    /** As Go's net.ParseIP: IPv4 dotted quad, or IPv6 (with an optional embedded IPv4 tail). */
    public static boolean isIp(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    public static boolean isIpv6(String s) {
        if (s.isEmpty() || !s.contains(":") || !V6_CHARS.matcher(s).matches()) {
            return false;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int groups = 0;
        for (String side : dbl >= 0 ? new String[] {head, tail} : new String[] {head}) {
            if (side.isEmpty()) {
                continue;
            }
            String[] parts = side.split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                boolean lastOfAll = i == parts.length - 1 && (dbl < 0 || side == tail);
                if (lastOfAll && p.contains(".")) {
                    if (!isIpv4(p)) {
                        return false;
                    }
                    groups += 2;
                } else if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        return dbl >= 0 ? groups <= 7 : groups == 8;
    }
}
