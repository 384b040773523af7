package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JoinRuleTest {
    private static final Set<Code> CODES = Set.of(Code.BAD_JOIN_URL, Code.JOIN_OVERWRITES_KUBELET_ARGS);

    @Test
    void ipv6CannotBeSplit() {
        List<Diagnostic> d = assertFindings("join/ipv6.yaml", CODES,
                at(Code.BAD_JOIN_URL, 3, 8, "join through an IPv4 address of the node"));
        assertEquals("join.url [fd00::10]:25000/<token: 32 chars> uses an IPv6 address; microk8s join splits the"
                + " address at ':' and needs exactly two parts, so IPv6 cannot be used", d.get(0).message());
    }

    @Test
    void shortTokenAndFingerprint() {
        List<Diagnostic> d = assertFindings("join/short-token-and-fingerprint.yaml", CODES,
                at(Code.BAD_JOIN_URL, 3, 8,
                        "use the full token printed by 'microk8s add-node', or a persistentClusterToken of 32 characters"),
                at(Code.BAD_JOIN_URL, 3, 8,
                        "leave the fingerprint out (<IP>:<port>/<token>) or give it as printed by 'microk8s add-node'"));
        assertTrue(d.get(0).message().startsWith("join.url 10.0.0.10:25000/<token: 8 chars>/<fingerprint: 4 chars>: the token has 8 characters"),
                d.get(0).message());
    }

    @Test
    void hostName() {
        assertFindings("join/host-name.yaml", CODES,
                at(Code.BAD_JOIN_URL, 3, 8, "use the IPv4 address of the node to join"));
    }

    @Test
    void missingPort() {
        assertFindings("join/no-port.yaml", CODES,
                at(Code.BAD_JOIN_URL, 3, 8, "add the cluster agent port, usually 25000: <IP>:25000/<token>"));
    }

    @Test
    void portOutOfRange() {
        assertFindings("join/port-out-of-range.yaml", CODES,
                at(Code.BAD_JOIN_URL, 3, 8, "the cluster agent listens on 25000"));
    }

    @Test
    void tooManyParts() {
        assertFindings("join/too-many-parts.yaml", CODES,
                at(Code.BAD_JOIN_URL, 3, 8, "write it as <IP>:25000/<token>, as printed by 'microk8s add-node'"));
    }

    @Test
    void whitespace() {
        assertFindings("join/whitespace.yaml", CODES, at(Code.BAD_JOIN_URL, 3, 8, "remove the spaces"));
    }

    @Test
    void kubeletArgsInTheJoiningPart() {
        assertFindings("join/kubelet-args-same-part.yaml", CODES, at(Code.JOIN_OVERWRITES_KUBELET_ARGS, 5, 1,
                "move extraKubeletArgs to a later part (a new '---' document after this one)"));
    }

    @Test
    void kubeletArgsInAnEarlierPart() {
        assertFindings("join/kubelet-args-earlier-part.yaml", CODES, at(Code.JOIN_OVERWRITES_KUBELET_ARGS, 2, 1,
                "move extraKubeletArgs to a part after the join (a new '---' document after part 2)"));
    }

    @Test
    void clean() {
        assertClean("join/clean.yaml", Code.BAD_JOIN_URL, Code.JOIN_OVERWRITES_KUBELET_ARGS);
    }

    @Test
    void redaction() {
        assertEquals("10.0.0.10:25000/<token: 8 chars>/<fingerprint: 4 chars>",
                JoinRule.redact("10.0.0.10:25000/my-token/hash"));
        assertEquals("<32 chars>", JoinRule.redact("0123456789abcdef0123456789abcdef"));
        assertEquals("<38 chars>/<token: 32 chars>",
                JoinRule.redact("0123456789abcdef0123456789abcdef:25000/0123456789abcdef0123456789abcdef"));
    }
}
