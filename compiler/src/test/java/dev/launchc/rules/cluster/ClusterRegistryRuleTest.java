package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;
import static dev.launchc.rules.cluster.ClusterFixtures.warning;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.launchc.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RegistryRule: LC3020 endpoints and the air-gap registry, LC1019/LC1020 directory keys, LC3027 repeats. */
class ClusterRegistryRuleTest {
    private static final String RULE = "registry";
    private static final String URL_HINT = "write it as https://host[:port][/path]";

    @Test
    void urlsWithPortsPathsAndIpv6() {
        assertClean(RULE, "clean");
    }

    @Test
    void endpointWithoutScheme() {
        assertAll(RULE, "no-scheme", error("LC3020", 8, 19, "mirror endpoint 'mirror.corp.example:5000' for docker.io has"
                + " no scheme: compile writes it as [host.\"<endpoint>\"] in certs.d/docker.io/hosts.toml on every node",
                "write https://mirror.corp.example:5000 (or http:// for a plain-HTTP registry)"));
    }

    @Test
    void credentialsAreNeverEchoed() {
        List<Diagnostic> found = assertAll(RULE, "credentials", error("LC3020", 8, 19, "mirror endpoint"
                + " 'https://<redacted>@mirror.corp.example' for docker.io holds credentials",
                "remove the user:password@ part: hosts.toml has no credential fields; give pull credentials to"
                        + " Kubernetes as imagePullSecrets"));
        assertFalse(found.get(0).message().contains("s3cr3t"));
        assertFalse(found.get(0).hint().contains("s3cr3t"));
    }

    @Test
    void schemeOtherThanHttp() {
        assertAll(RULE, "other-scheme", error("LC3020", 8, 17, "uses the scheme oci://",
                "use https://mirror.corp.example (or http:// for a plain-HTTP registry)"));
    }

    @Test
    void portOutOfRange() {
        assertAll(RULE, "bad-port", error("LC3020", 8, 17, "'https://mirror.corp.example:70000' for quay.io has port"
                + " 70000, outside 1-65535", URL_HINT));
    }

    @Test
    void queryString() {
        assertAll(RULE, "query", error("LC3020", 8, 17, "has a query or fragment", URL_HINT));
    }

    @Test
    void namespaceThatClimbsOutOfCertsD() {
        assertAll(RULE, "namespace-traversal", error("LC1020", 8, 7, "mirror namespace '../../etc' holds '..'",
                "use the registry host only, e.g. docker.io or my.registry:5000"));
    }

    @Test
    void namespaceWrittenAsUrl() {
        assertAll(RULE, "namespace-url", error("LC1019", 8, 7, "mirror namespace 'https://docker.io' has a URL scheme",
                "use the host only: docker.io"));
    }

    @Test
    void hostsKeyWrittenAsUrl() {
        assertAll(RULE, "hosts-key-url", error("LC1019", 8, 7, "registries.hosts key 'https://mirror.corp.example:5000'"
                + " has a URL scheme", "use the host only: mirror.corp.example:5000"));
    }

    @Test
    void airgapRegistryWithScheme() {
        assertAll(RULE, "airgap-url", error("LC3020", 6, 22, "airgap.registry 'http://registry.corp.example:5000' has a"
                + " URL scheme: compile makes it the mirror of every upstream registry on every node",
                "write registry.corp.example:5000 and set plainHTTP: true (the scheme comes from plainHTTP)"));
    }

    @Test
    void repeatedEndpointsAreReportedAtTheRepeatWithTheFirstLine() {
        String effect = ": containerd tries each endpoint once, so compile keeps the first and drops this one";
        String hint = "remove the repeat, or write the other mirror you meant to list here";
        assertAll(RULE, "repeated-endpoint",
                warning("LC3027", 11, 11, "mirror endpoint 'https://mirror.corp.example:5000' for docker.io is listed"
                        + " twice, first at line 9" + effect, hint),
                warning("LC3027", 12, 47, "mirror endpoint 'HTTPS://q.corp.example/cache/' for quay.io is listed twice"
                        + " (as 'https://Q.corp.example/cache'), first at line 12" + effect, hint));
    }

    @Test
    void airgapRegistryWithPath() {
        assertAll(RULE, "airgap-path", error("LC3020", 6, 22, "airgap.registry 'registry.corp.example:5000/mirror'"
                + " holds '/'", "write the registry host only: registry.corp.example:5000"));
    }
}
