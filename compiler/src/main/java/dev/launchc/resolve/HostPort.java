package dev.launchc.resolve;

import dev.launchc.net.Inet;
import java.util.function.UnaryOperator;

/**
 * {@code host[:port]} as containerd and the cluster agent read it: host = DNS name, IPv4, or
 * [IPv6]; port 1-65535 without leading zeros. One parser for every place that checks it: registry
 * keys of a launch config (certs.d directory names) and registry hosts and endpoints of a cluster.
 */
public final class HostPort {
    private HostPort() {}

    /**
     * Null when {@code s} is {@code host[:port]}; otherwise what is wrong with it. An empty text,
     * a URL scheme and a '/' are each named.
     *
     * @param quote how the message shows a bad port (control characters made printable)
     */
    public static String problem(String s, UnaryOperator<String> quote) {
        if (s.isEmpty()) {
            return "is empty";
        }
        if (s.contains("://")) {
            return "has a URL scheme";
        }
        if (s.indexOf('/') >= 0) {
            return "holds '/'";
        }
        return grammarProblem(s, "has no valid IPv6 address in brackets", quote);
    }

    /**
     * Null when a registry key names a certs.d directory containerd reads ({@code _default} or
     * {@code host[:port]}); otherwise what is wrong with it. The caller has refused '/' already.
     */
    public static String registryKeyProblem(String key) {
        if (key.equals("_default")) {
            return null;
        }
        return grammarProblem(key, "has an unclosed '['", UnaryOperator.identity());
    }

    /** The address and port the cluster agent of a node listens on: {@code address:port}. */
    public static String join(String address, int port) {
        return address + ":" + port;
    }

    private static String grammarProblem(String s, String unclosedBracket, UnaryOperator<String> quote) {
        String host = s;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return unclosedBracket;
            }
            if (Inet.parseIpv6(s.substring(1, close)) == null) {
                return "has no valid IPv6 address in brackets";
            }
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) {
                return null;
            }
            if (!rest.startsWith(":")) {
                return "has text after ']' that is not a port";
            }
            return portProblem(rest.substring(1), quote);
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            if (s.indexOf(':', colon + 1) >= 0) {
                return Inet.parseIpv6(s) != null ? "is an IPv6 address without brackets" : "has more than one ':'";
            }
            host = s.substring(0, colon);
            port = s.substring(colon + 1);
        }
        if (Inet.parseIpv4(host) == null && (Inet.looksNumeric(host) || !Inet.isDnsName(host))) {
            return "is not a valid host name or IP address";
        }
        return port == null ? null : portProblem(port, quote);
    }

    /** Null when {@code port} is 1-65535 written without leading zeros; otherwise what is wrong. */
    private static String portProblem(String port, UnaryOperator<String> quote) {
        if (!Inet.digits(port) || port.length() > 5 || (port.length() > 1 && port.charAt(0) == '0')) {
            return "has an invalid port '" + quote.apply(port) + "'";
        }
        int p = Integer.parseInt(port);
        return p >= 1 && p <= 65535 ? null : "has port " + p + ", outside 1-65535";
    }
}
