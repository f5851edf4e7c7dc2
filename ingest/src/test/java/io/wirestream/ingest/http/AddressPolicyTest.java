package io.wirestream.ingest.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddressPolicyTest {
    private static Optional<String> refusal(AddressPolicy policy, String literal) throws Exception {
        return policy.refusal(InetAddress.getByName(literal));
    }

    @Test
    void shouldRefuseEveryNonPublicAddressByDefault() throws Exception {
        AddressPolicy p = AddressPolicy.PUBLIC_ONLY;
        assertEquals(Optional.of("loopback"), refusal(p, "127.0.0.1"));
        assertEquals(Optional.of("loopback"), refusal(p, "127.8.9.10"));
        assertEquals(Optional.of("loopback"), refusal(p, "::1"));
        assertEquals(Optional.of("private"), refusal(p, "10.1.2.3"));
        assertEquals(Optional.of("private"), refusal(p, "172.16.0.1"));
        assertEquals(Optional.of("private"), refusal(p, "172.31.255.254"));
        assertEquals(Optional.of("private"), refusal(p, "192.168.1.1"));
        assertEquals(Optional.of("private (unique local)"), refusal(p, "fd12:3456::1"));
        assertEquals(Optional.of("link-local"), refusal(p, "169.254.169.254"));
        assertEquals(Optional.of("link-local"), refusal(p, "fe80::1"));
        assertEquals(Optional.of("unspecified"), refusal(p, "0.0.0.0"));
        assertEquals(Optional.of("unspecified"), refusal(p, "::"));
        assertEquals(Optional.of("multicast"), refusal(p, "224.0.0.1"));
        assertEquals(Optional.of("multicast"), refusal(p, "ff02::1"));
        assertEquals(Optional.of("shared (carrier-grade NAT)"), refusal(p, "100.64.0.1"));
        assertEquals(Optional.of("reserved"), refusal(p, "255.255.255.255"));
        // IPv6 forms that carry an IPv4 address
        assertEquals(Optional.of("loopback, in IPv6 form"), refusal(p, "::127.0.0.1"));
        assertEquals(Optional.of("link-local, in IPv6 form"), refusal(p, "64:ff9b::a9fe:a9fe"));
        assertEquals(Optional.of("private, in IPv6 form"), refusal(p, "2002:0a00:0001::1"));
        // (::ffff:a.b.c.d is turned into the IPv4 address by the JDK itself)
        assertEquals(Optional.of("loopback"), refusal(p, "::ffff:127.0.0.1"));
    }

    @Test
    void shouldLetPublicAddressesThrough() throws Exception {
        AddressPolicy p = AddressPolicy.PUBLIC_ONLY;
        assertEquals(Optional.empty(), refusal(p, "93.184.215.14"));
        assertEquals(Optional.empty(), refusal(p, "172.32.0.1"));
        assertEquals(Optional.empty(), refusal(p, "2a00:1450:4001:80b::200e"));
        assertEquals(Optional.empty(), refusal(p, "64:ff9b::5db8:d70e"));
    }

    @Test
    void shouldAllowConfiguredRangesAddressesAndHosts() throws Exception {
        AddressPolicy p = AddressPolicy.allowing(List.of("10.20.0.0/16", " 127.0.0.1 ", "fd00::/8", "Feeds.Internal.example", ""));
        assertEquals(Optional.empty(), refusal(p, "10.20.3.4"));
        assertEquals(Optional.of("private"), refusal(p, "10.21.0.1"));
        assertEquals(Optional.empty(), refusal(p, "127.0.0.1"));
        assertEquals(Optional.of("loopback"), refusal(p, "127.0.0.2"));
        assertEquals(Optional.empty(), refusal(p, "::127.0.0.1"));
        assertEquals(Optional.empty(), refusal(p, "fd12::1"));
        assertEquals(true, p.hostAllowed("feeds.internal.example"));
        assertEquals(false, p.hostAllowed("other.internal.example"));
    }

    @Test
    void shouldNameTheEntryItCannotRead() {
        assertEquals("'10.0.0.0/33' has an invalid prefix length (0 to 32)",
            assertThrows(IllegalArgumentException.class, () -> AddressPolicy.allowing(List.of("10.0.0.0/33"))).getMessage());
        assertEquals("'10.0.0/8' is not an IPv4 address a.b.c.d",
            assertThrows(IllegalArgumentException.class, () -> AddressPolicy.allowing(List.of("10.0.0/8"))).getMessage());
        assertEquals("'http://x' is neither an address range (CIDR), an address nor a host name",
            assertThrows(IllegalArgumentException.class, () -> AddressPolicy.allowing(List.of("http://x"))).getMessage());
    }
}
