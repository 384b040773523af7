package dev.launchc.rules;

import dev.launchc.net.Inet;
import dev.launchc.diag.Code;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.Value;

/**
 * LC1012 (BAD_SAN): an extraSANs entry that is neither an IP address nor a DNS name. MicroK8s
 * does not check the entries: whatever Go's {@code net.ParseIP} rejects becomes a {@code DNS.n}
 * line of the CSR template (reference launch-config-facts §4.4), so a typo such as
 * {@code 10.0.0.256} or {@code 10.0.0.0/24} ends up as a useless DNS name in the certificate.
 *
 * <p>Accepted: an IPv4 address (four decimal octets, no leading zeros, as Go parses them), an
 * IPv6 address (no brackets, no zone), or a DNS name of RFC 1123 labels (letters, digits, inner
 * hyphens; 1–63 characters per label, 253 in all; no trailing dot). A single leading {@code *.}
 * wildcard label is accepted too ({@code *.apps.example.com}): OpenSSL writes it into the
 * certificate as given and TLS clients match it against one leftmost label, which is a
 * legitimate way to cover several host names. A name whose labels are all digits is read as a
 * mistyped IPv4 address and rejected. Nothing is resolved.
 */
public final class SanRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        for (Part part : ctx.config().parts()) {
            if (part.extraSANs() == null) {
                continue;
            }
            for (Value san : part.extraSANs()) {
                Problem problem = problem(san.text());
                if (problem != null) {
                    ctx.atValue(Code.BAD_SAN, part, san.pointer(), problem.message(), problem.hint());
                }
            }
        }
    }

    /** What is wrong with an entry; {@code hint} may be null. */
    record Problem(String message, String hint) {}

    private static Problem p(String message, String hint) {
        return new Problem(message, hint);
    }

    /** How a finding names the entry; built only for a finding. */
    private static String quoted(String entry) {
        return "extraSANs entry '" + entry + "'";
    }

    /** The problem with an entry, or null when it is fine. */
    static Problem problem(String s) {
        if (s.isEmpty()) {
            return p("empty extraSANs entry; MicroK8s would write an empty DNS name into the certificate request",
                    "remove the entry");
        }
        if (!s.strip().equals(s)) {
            return p(quoted(s) + " has surrounding spaces", "write it as " + s.strip());
        }
        if (Inet.parseIp(s) != null) {
            return null;
        }
        Inet.Cidr cidr = Inet.parseCidr(s);
        if (cidr != null) {
            return p(quoted(s) + " is a CIDR; a certificate names single addresses",
                    "list each address on its own, e.g. " + Inet.format(cidr.address()));
        }
        if (s.startsWith("[") && s.endsWith("]") && Inet.parseIpv6(s.substring(1, s.length() - 1)) != null) {
            return p(quoted(s) + " has brackets around an IPv6 address", "write it as " + s.substring(1, s.length() - 1));
        }
        if (s.contains("://")) {
            return p(quoted(s) + " is a URL, not a host name", "write the host name only");
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon && Inet.digits(s.substring(colon + 1))) {
            String host = s.substring(0, colon);
            if (Inet.parseIpv4(host) != null || Inet.isDnsName(host)) {
                return p(quoted(s) + " has a port; a certificate names hosts, not ports", "write it as " + host);
            }
        }
        int zone = s.indexOf('%');
        if (zone > 0 && Inet.parseIpv6(s.substring(0, zone)) != null) {
            return p(quoted(s) + " has an IPv6 zone, which a certificate cannot hold", "write it as " + s.substring(0, zone));
        }
        if (s.indexOf(':') >= 0) {
            return p(quoted(s) + " is not a valid IPv6 address", null);
        }
        if (Inet.looksNumeric(s)) {
            return p(quoted(s) + " is not a valid IPv4 address (four numbers 0-255, without leading zeros)",
                    "MicroK8s would put it into the certificate as a DNS name, which matches nothing");
        }
        if (s.endsWith(".") && Inet.isDnsName(s.substring(0, s.length() - 1))) {
            return p(quoted(s) + " ends with a dot", "write it as " + s.substring(0, s.length() - 1));
        }
        String name = s.startsWith("*.") ? s.substring(2) : s;
        if (Inet.isDnsName(name)) {
            return null;
        }
        if (name.indexOf('*') >= 0) {
            return p(quoted(s) + " has a wildcard that is not the whole leftmost label",
                    "only a leading '*.' is allowed, e.g. *.example.com");
        }
        if (name.indexOf('_') >= 0) {
            return p(quoted(s) + " is not a valid DNS name: '_' is not allowed in host names",
                    "write it as " + s.replace('_', '-'));
        }
        return p(quoted(s) + " is neither an IP address nor a valid DNS name (letters, digits, '-' and '.')", null);
    }
}
