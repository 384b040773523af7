package dev.launchc.rules;

import dev.launchc.net.Inet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pure-text address parsing the value rules share (no DNS lookups). */
class InetTest {
    @Test
    void ipv4LikeGo() {
        assertArrayEquals(new byte[] {10, 0, 0, 1}, Inet.parseIp("10.0.0.1"));
        assertNull(Inet.parseIp("10.0.0.01"), "leading zeros are rejected since Go 1.17");
        assertNull(Inet.parseIp("10.0.0.256"));
        assertNull(Inet.parseIp("10.0.0"));
        assertNull(Inet.parseIp("10.0.0.1 "));
        assertNull(Inet.parseIp("example.com"));
    }

    @Test
    void ipv6Forms() {
        assertEquals("fd00::1", Inet.format(Inet.parseIp("fd00:0:0:0:0:0:0:1")));
        assertEquals("::", Inet.format(Inet.parseIp("::")));
        assertEquals("1::", Inet.format(Inet.parseIp("1::")));
        assertEquals("::ffff:a00:1", Inet.format(Inet.parseIp("::ffff:10.0.0.1")));
        assertEquals("1:0:2::3", Inet.format(Inet.parseIp("1:0:2:0:0:0:0:3")));
        assertEquals("1:2:3:4:5:6:7:8", Inet.format(Inet.parseIp("1:2:3:4:5:6:7:8")));
        assertNull(Inet.parseIp("1::2::3"));
        assertNull(Inet.parseIp(":1"));
        assertNull(Inet.parseIp("1:2:3:4:5:6:7:8:9"));
        assertNull(Inet.parseIp("1:2:3:4:5:6:7::8"));
        assertNull(Inet.parseIp("fe80::1%eth0"));
        assertNull(Inet.parseIp("[fd00::1]"));
        assertNull(Inet.parseIp("12345::"));
    }

    @Test
    void cidrs() {
        Inet.Cidr c = Inet.parseCidr("10.152.183.0/24");
        assertTrue(c.isNetwork());
        assertEquals("10.152.183.1", Inet.format(c.plus(1)));
        assertEquals("10.152.183.255", Inet.format(c.last()));
        assertTrue(c.contains(Inet.parseIp("10.152.183.10")));
        assertFalse(c.contains(Inet.parseIp("10.152.184.10")));
        assertFalse(c.contains(Inet.parseIp("fd00::1")));
        assertNull(c.plus(256));
        Inet.Cidr host = Inet.parseCidr("10.1.2.3/16");
        assertFalse(host.isNetwork());
        assertEquals("10.1.0.0/16", host.network().toString());
        assertEquals("fd98::/108", Inet.parseCidr("fd98::5/108").network().toString());
        assertNull(Inet.parseCidr("10.0.0.0/33"));
        assertNull(Inet.parseCidr("10.0.0.0/024"));
        assertNull(Inet.parseCidr("10.0.0.0"));
        assertNull(Inet.parseCidr("10.0.0.0/8/8"));
        assertEquals(0, Inet.parseCidr("0.0.0.0/0").prefix());
    }

    @Test
    void dnsNames() {
        assertTrue(Inet.isDnsName("microk8s.example.com"));
        assertTrue(Inet.isDnsName("1st-node"));
        assertFalse(Inet.isDnsName("-node"));
        assertFalse(Inet.isDnsName("node-"));
        assertFalse(Inet.isDnsName("a..b"));
        assertFalse(Inet.isDnsName("under_score"));
        assertFalse(Inet.isDnsName("a".repeat(64)));
        assertTrue(Inet.isDnsName("a".repeat(63)));
    }
}
