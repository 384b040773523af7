package dev.launchc.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HostPortTest {
    /** Registry keys: pkg/snap/snap.go (UpdateContainerdRegistryConfigs) makes each a certs.d directory. */
    @Test
    void registryKeySyntax() {
        assertEquals(null, HostPort.registryKeyProblem("registry-1.docker.io"));
        assertEquals(null, HostPort.registryKeyProblem("[fd00::1]:5000"));
        assertEquals(null, HostPort.registryKeyProblem("[fd00::1]"));
        assertEquals(null, HostPort.registryKeyProblem("10.0.0.5:5000"));
        assertEquals("has an invalid port '05000'", HostPort.registryKeyProblem("reg:05000"));
        assertEquals("has port 0, outside 1-65535", HostPort.registryKeyProblem("reg:0"));
        assertEquals("is not a valid host name or IP address", HostPort.registryKeyProblem("10.0.0.300"));
        assertEquals("is not a valid host name or IP address", HostPort.registryKeyProblem("*.example.com"));
        assertEquals("has text after ']' that is not a port", HostPort.registryKeyProblem("[fd00::1]x"));
        assertNull(HostPort.registryKeyProblem("_default"));
        assertEquals("has an unclosed '['", HostPort.registryKeyProblem("[fd00::1"));
    }

    @Test
    void clusterHostSyntaxNamesSchemeSlashAndEmptyText() {
        UnaryOperator<String> quote = s -> s.replace('\t', '?');
        assertNull(HostPort.problem("my.registry:5000", quote));
        assertEquals("is empty", HostPort.problem("", quote));
        assertEquals("has a URL scheme", HostPort.problem("https://my.registry", quote));
        assertEquals("holds '/'", HostPort.problem("my.registry/library", quote));
        assertEquals("has no valid IPv6 address in brackets", HostPort.problem("[fd00::1", quote));
        assertEquals("is an IPv6 address without brackets", HostPort.problem("fd00::1", quote));
        assertEquals("has more than one ':'", HostPort.problem("a:1:2", quote));
        assertEquals("has an invalid port '5?0'", HostPort.problem("reg:5\t0", quote), "the caller's quoting is applied");
        assertEquals("has port 70000, outside 1-65535", HostPort.problem("reg:70000", quote));
    }

    @Test
    void joinsAnAddressAndAPort() {
        assertEquals("10.0.0.1:25000", HostPort.join("10.0.0.1", 25000));
    }
}
