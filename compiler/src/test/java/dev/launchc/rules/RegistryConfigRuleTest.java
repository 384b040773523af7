package dev.launchc.rules;

import static dev.launchc.rules.RuleFixtures.assertClean;
import static dev.launchc.rules.RuleFixtures.assertFindings;
import static dev.launchc.rules.RuleFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryConfigRuleTest {
    private static final Set<Code> CODES = Set.of(Code.BAD_REGISTRY_NAME, Code.REGISTRY_PATH_TRAVERSAL, Code.REGISTRY_KEY_NOT_WRITABLE,
            Code.BAD_HOSTS_TOML, Code.BAD_CAPABILITY, Code.HOSTS_TOML_WITHOUT_HOST);
    private static final String HOST_ONLY = "use the registry host only, e.g. docker.io or my.registry:5000";
    private static final String NAME_HINT = "use the registry host as it appears in image names, e.g. docker.io or my.registry:5000";

    // The verdicts below follow pkg/snap/snap.go (UpdateContainerdRegistryConfigs): filepath.Join,
    // a string-prefix test against args/certs.d, then MkdirAll. Only keys that fail the prefix test
    // are refused by MicroK8s (LC1020); the others are written where containerd never looks (LC1019).

    @Test
    void keyEscapingCertsDIsRefused() {
        List<Diagnostic> d = assertFindings("registry-config/escapes-certs-d.yaml", CODES,
                at(Code.REGISTRY_PATH_TRAVERSAL, 3, 3, HOST_ONLY));
        assertTrue(d.get(0).message().contains("MicroK8s refuses it"), d.get(0).message());
    }

    /** A fuzz finding: MicroK8s accepts the key (a plain character on Linux), launchc's preview cannot hold it. */
    @Test
    void backslashInAKeyIsRefusedInEveryMode() {
        List<Diagnostic> d = assertFindings("registry-config/backslash-key.yaml", CODES,
                at(Code.REGISTRY_KEY_NOT_WRITABLE, 3, 3, HOST_ONLY));
        assertTrue(d.get(0).message().contains("holds a backslash"), d.get(0).message());
        assertEquals(Code.Verdict.ALWAYS_ERROR, Code.REGISTRY_KEY_NOT_WRITABLE.verdict());
    }

    @Test
    void siblingOfCertsDPassesTheStringPrefixGuard() {
        List<Diagnostic> d = assertFindings("registry-config/traversal.yaml", CODES, at(Code.BAD_REGISTRY_NAME, 3, 3, HOST_ONLY));
        assertTrue(d.get(0).message().contains("args/certs.d-x/hosts.toml, outside certs.d"), d.get(0).message());
    }

    @Test
    void repositoryPathMakesANestedDirectoryContainerdNeverReads() {
        List<Diagnostic> d = assertFindings("registry-config/repository-path.yaml", CODES, at(Code.BAD_REGISTRY_NAME, 3, 3,
                "use the registry host only: harbor.corp.example (its hosts.toml applies to every repository under it)"));
        assertTrue(d.get(0).message().contains("args/certs.d/harbor.corp.example/library/hosts.toml"), d.get(0).message());
        assertTrue(d.get(0).message().contains("never read"), d.get(0).message());
    }

    @Test
    void hostsTomlPathFollowsGoFilepathJoin() {
        assertEquals("args/certs.d/docker.io/hosts.toml", RegistryConfigRule.hostsTomlPath("docker.io"));
        assertEquals("args/certs.d/a/b/hosts.toml", RegistryConfigRule.hostsTomlPath("a//./b/"));
        assertEquals("args/certs.d/etc/x/hosts.toml", RegistryConfigRule.hostsTomlPath("/etc/x"));
        assertEquals("args/certs.d/hosts.toml", RegistryConfigRule.hostsTomlPath(""));
        assertEquals("args/certs.d-x/hosts.toml", RegistryConfigRule.hostsTomlPath("../certs.d-x"));
        assertEquals(null, RegistryConfigRule.hostsTomlPath(".."));
        assertEquals(null, RegistryConfigRule.hostsTomlPath("a/../../../x"));
        assertEquals(null, RegistryConfigRule.hostsTomlPath("a\0b"));
    }

    @Test
    void urlAsKey() {
        List<Diagnostic> d = assertFindings("registry-config/url-key.yaml", CODES, at(Code.BAD_REGISTRY_NAME, 3, 3,
                "use the registry host only: registry.example.com (its hosts.toml applies to every repository under it)"));
        assertTrue(d.get(0).message().contains("args/certs.d/https:/registry.example.com/hosts.toml"), d.get(0).message());
    }

    @Test
    void emptyKey() {
        List<Diagnostic> d = assertFindings("registry-config/empty-key.yaml", CODES, at(Code.BAD_REGISTRY_NAME, 3, 3, HOST_ONLY));
        assertTrue(d.get(0).message().contains("args/certs.d/hosts.toml"), d.get(0).message());
    }

    @Test
    void portOutOfRange() {
        List<Diagnostic> d = assertFindings("registry-config/bad-port.yaml", CODES,
                at(Code.BAD_REGISTRY_NAME, 3, 3, NAME_HINT));
        assertTrue(d.get(0).message().contains("port 70000"), d.get(0).message());
    }

    @Test
    void ipv6WithoutBrackets() {
        assertFindings("registry-config/ipv6-without-brackets.yaml", CODES,
                at(Code.BAD_REGISTRY_NAME, 3, 3, "put the IPv6 address in brackets: [fd00::1]"));
    }

    @Test
    void snapFileNameForm() {
        assertFindings("registry-config/snap-file-name.yaml", CODES, at(Code.BAD_REGISTRY_NAME, 3, 3,
                "write it as localhost:32000 (the '__' form is only how the snap ships the file)"));
    }

    @Test
    void invalidTomlInABlockScalar() {
        List<Diagnostic> d = assertFindings("registry-config/bad-toml-block.yaml", CODES,
                at(Code.BAD_HOSTS_TOML, 3, 14, null));
        String m = d.get(0).message();
        assertTrue(m.contains("at line 2, column "), m);
        assertTrue(m.contains("(line 5 of the file)"), m);
    }

    @Test
    void unquotedTomlString() {
        List<Diagnostic> d = assertFindings("registry-config/unquoted-string.yaml", CODES, at(Code.BAD_HOSTS_TOML, 3, 14,
                "TOML strings need double quotes, e.g. server = \"https://registry.example.com\""));
        assertTrue(d.get(0).message().contains("at line 1, column "), d.get(0).message());
        assertFalse(d.get(0).message().contains("of the file"), d.get(0).message());
    }

    @Test
    void misspeltCapability() {
        List<Diagnostic> d = assertFindings("registry-config/bad-capability.yaml", CODES,
                at(Code.BAD_CAPABILITY, 3, 14, "did you mean resolve?"));
        assertTrue(d.get(0).message().contains("'reslove' in [host.\"https://mirror.example.com\"]"), d.get(0).message());
    }

    @Test
    void unknownTopLevelCapability() {
        List<Diagnostic> d = assertFindings("registry-config/top-level-capability.yaml", CODES,
                at(Code.BAD_CAPABILITY, 3, 12, "use pull, resolve, push"));
        assertTrue(d.get(0).message().contains("'mirror' at the top level"), d.get(0).message());
    }

    @Test
    void capabilitiesAsAString() {
        assertFindings("registry-config/capabilities-not-array.yaml", CODES,
                at(Code.BAD_CAPABILITY, 3, 14, "write capabilities = [\"pull\", \"resolve\"]"));
    }

    @Test
    void referrersNeedsContainerd22() {
        assertFindings("registry-config/referrers-on-containerd-1.7.yaml", CODES,
                at(Code.BAD_CAPABILITY, 3, 14, "use pull, resolve, push"));
    }

    @Test
    void serverWithoutHostTable() {
        List<Diagnostic> d = assertFindings("registry-config/server-only.yaml", CODES, at(Code.HOSTS_TOML_WITHOUT_HOST, 3, 14,
                "add a host table for the server below it: [host.\"http://my.proxy:5000\"] with capabilities = [\"pull\", \"resolve\"]"));
        assertEquals(Severity.WARNING, d.get(0).severity());
        assertTrue(d.get(0).message().contains("containerd v1.7.29"), d.get(0).message());
    }

    @Test
    void clean() {
        assertClean("registry-config/clean.yaml", CODES.toArray(Code[]::new));
    }
}
