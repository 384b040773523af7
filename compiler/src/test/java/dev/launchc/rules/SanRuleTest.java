package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SanRuleTest {
    private static final Set<Code> CODES = Set.of(Code.BAD_SAN);
    private static final String AS_DNS = "MicroK8s would put it into the certificate as a DNS name, which matches nothing";

    @Test
    void cidr() {
        assertFindings("san/cidr.yaml", CODES, at(Code.BAD_SAN, 3, 5, "list each address on its own, e.g. 10.0.0.0"));
    }

    @Test
    void octetAbove255() {
        List<Diagnostic> d = assertFindings("san/bad-ipv4.yaml", CODES, at(Code.BAD_SAN, 4, 5, AS_DNS));
        assertTrue(d.get(0).message().contains("'10.0.0.256'"), d.get(0).message());
        assertTrue(d.get(0).path().equals("/extraSANs/1"), d.get(0).path());
    }

    @Test
    void leadingZeroOctet() {
        assertFindings("san/leading-zero.yaml", CODES, at(Code.BAD_SAN, 3, 5, AS_DNS));
    }

    @Test
    void port() {
        assertFindings("san/port.yaml", CODES, at(Code.BAD_SAN, 3, 5, "write it as 10.0.0.1"));
    }

    @Test
    void url() {
        assertFindings("san/url.yaml", CODES, at(Code.BAD_SAN, 3, 5, "write the host name only"));
    }

    @Test
    void underscore() {
        assertFindings("san/underscore.yaml", CODES, at(Code.BAD_SAN, 3, 5, "write it as my-host.example.com"));
    }

    @Test
    void bracketedIpv6() {
        assertFindings("san/bracketed-ipv6.yaml", CODES, at(Code.BAD_SAN, 3, 5, "write it as fd00::1"));
    }

    @Test
    void malformedIpv6() {
        List<Diagnostic> d = assertFindings("san/bad-ipv6.yaml", CODES, at(Code.BAD_SAN, 3, 5, null));
        assertTrue(d.get(0).message().contains("not a valid IPv6 address"), d.get(0).message());
    }

    @Test
    void wildcardInTheMiddle() {
        assertFindings("san/bad-wildcard.yaml", CODES,
                at(Code.BAD_SAN, 3, 5, "only a leading '*.' is allowed, e.g. *.example.com"));
    }

    @Test
    void trailingDot() {
        assertFindings("san/trailing-dot.yaml", CODES, at(Code.BAD_SAN, 3, 5, "write it as api.example.com"));
    }

    @Test
    void emptyEntry() {
        assertFindings("san/empty.yaml", CODES, at(Code.BAD_SAN, 3, 5, "remove the entry"));
    }

    @Test
    void flowListInASecondPart() {
        assertFindings("san/second-part.yaml", CODES, at(Code.BAD_SAN, 6, 35, null));
    }

    @Test
    void clean() {
        assertClean("san/clean.yaml", Code.BAD_SAN);
    }
}
