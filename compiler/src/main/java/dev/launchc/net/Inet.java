package dev.launchc.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pure-text parsing of IP addresses, CIDRs and DNS names for the value rules. Nothing here ever
 * resolves a name: {@code InetAddress.getByName} would do a DNS lookup for anything that is not a
 * literal, which a linter must never do.
 *
 * <p>IP literals follow Go's {@code net.ParseIP}, which is what MicroK8s' cluster agent uses to
 * sort extraSANs into IP and DNS entries: IPv4 as four decimal octets without leading zeros (Go
 * 1.17 and later reject them), IPv6 in RFC 4291 text form with an optional dotted IPv4 tail; no
 * zone ({@code %eth0}), no brackets, no prefix length.
 */
public final class Inet {
    private Inet() {}

    /** A 4- or 16-byte address, or null when {@code s} is not an IP literal. */
    public static byte[] parseIp(String s) {
        if (s == null) {
            return null;
        }
        return s.indexOf(':') >= 0 ? parseIpv6(s) : parseIpv4(s);
    }

    public static byte[] parseIpv4(String s) {
        if (s == null || s.isEmpty() || s.length() > 15) {
            return null;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !digits(p) || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    public static byte[] parseIpv6(String s) {
        if (s == null || s.length() < 2 || s.length() > 45) {
            return null;
        }
        int ellipsis = s.indexOf("::");
        if (ellipsis >= 0 && s.indexOf("::", ellipsis + 1) >= 0) {
            return null;
        }
        List<Integer> head;
        List<Integer> tail;
        if (ellipsis < 0) {
            head = groups(s, true);
            tail = List.of();
            if (head == null || head.size() != 8) {
                return null;
            }
        } else {
            head = groups(s.substring(0, ellipsis), false);
            tail = groups(s.substring(ellipsis + 2), true);
            if (head == null || tail == null || head.size() + tail.size() > 7) {
                return null;
            }
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(out, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(out, 8 - tail.size() + i, tail.get(i));
        }
        return out;
    }

    /** The 16-bit groups of one side of an IPv6 "::", or null when malformed. */
    private static List<Integer> groups(String part, boolean allowIpv4Tail) {
        List<Integer> out = new ArrayList<>();
        if (part.isEmpty()) {
            return out;
        }
        String[] tokens = part.split(":", -1);
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (i == tokens.length - 1 && allowIpv4Tail && t.indexOf('.') >= 0) {
                byte[] v4 = parseIpv4(t);
                if (v4 == null) {
                    return null;
                }
                out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
                continue;
            }
            if (t.isEmpty() || t.length() > 4 || !hex(t)) {
                return null;
            }
            out.add(Integer.parseInt(t, 16));
        }
        return out;
    }

    private static void put(byte[] out, int group, int value) {
        out[group * 2] = (byte) (value >> 8);
        out[group * 2 + 1] = (byte) value;
    }

    /** Dotted decimal for IPv4, RFC 5952 text (lower case, longest zero run as "::") for IPv6. */
    public static String format(byte[] addr) {
        if (addr.length == 4) {
            return (addr[0] & 0xff) + "." + (addr[1] & 0xff) + "." + (addr[2] & 0xff) + "." + (addr[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((addr[i * 2] & 0xff) << 8) | (addr[i * 2 + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** An address with a prefix length, as written; {@link #network()} clears the host bits. */
    public record Cidr(byte[] address, int prefix) {
        public int family() {
            return address.length == 4 ? 4 : 6;
        }

        public int bits() {
            return address.length * 8;
        }

        public boolean isNetwork() {
            return Arrays.equals(address, mask(address));
        }

        public Cidr network() {
            return new Cidr(mask(address), prefix);
        }

        public boolean contains(byte[] ip) {
            return ip != null && ip.length == address.length && Arrays.equals(mask(ip), mask(address));
        }

        /** The network address plus {@code n}, or null past the end of the range. */
        public byte[] plus(long n) {
            BigInteger base = new BigInteger(1, mask(address));
            BigInteger size = BigInteger.ONE.shiftLeft(bits() - prefix);
            if (BigInteger.valueOf(n).compareTo(size) >= 0) {
                return null;
            }
            return toBytes(base.add(BigInteger.valueOf(n)), address.length);
        }

        /** The last address of the range (the IPv4 broadcast address). */
        public byte[] last() {
            BigInteger base = new BigInteger(1, mask(address));
            BigInteger size = BigInteger.ONE.shiftLeft(bits() - prefix);
            return toBytes(base.add(size).subtract(BigInteger.ONE), address.length);
        }

        /** How many host bits the range has. */
        public int hostBits() {
            return bits() - prefix;
        }

        private byte[] mask(byte[] ip) {
            byte[] out = ip.clone();
            for (int bit = prefix; bit < out.length * 8; bit++) {
                out[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.address, address);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(address) * 31 + prefix;
        }

        @Override
        public String toString() {
            return format(address) + "/" + prefix;
        }
    }

    /** {@code address/prefix} with a decimal prefix within the family's size, or null. */
    public static Cidr parseCidr(String s) {
        if (s == null) {
            return null;
        }
        int slash = s.indexOf('/');
        if (slash < 0 || s.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        byte[] addr = parseIp(s.substring(0, slash));
        String p = s.substring(slash + 1);
        if (addr == null || p.isEmpty() || p.length() > 3 || !digits(p) || (p.length() > 1 && p.charAt(0) == '0')) {
            return null;
        }
        int prefix = Integer.parseInt(p);
        if (prefix > addr.length * 8) {
            return null;
        }
        return new Cidr(addr, prefix);
    }

    /**
     * A host name made of RFC 1123 labels: letters, digits and inner hyphens, 1–63 characters
     * each, 253 in all, no trailing dot.
     */
    public static boolean isDnsName(String s) {
        if (s == null || s.isEmpty() || s.length() > 253) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when every dot-separated label is decimal digits: an attempted IPv4 address. */
    public static boolean looksNumeric(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || !digits(label)) {
                return false;
            }
        }
        return true;
    }

    public static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] toBytes(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
