package io.wirestream.ingest.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The resolver the HTTP client connects with: what it refuses, the client never connects to. */
class GuardedDnsResolverTest {
    @Test
    void shouldRefuseAHostWithANonPublicAddressAndNameIt() {
        GuardedDnsResolver resolver = new GuardedDnsResolver(AddressPolicy.PUBLIC_ONLY);
        assertEquals("127.0.0.2, which is not a public address (loopback); allow it with ingest.http.allowed.addresses",
            assertThrows(GuardedDnsResolver.RefusedAddressException.class, () -> resolver.resolve("127.0.0.2")).getMessage());
        assertEquals("localhost resolves to 127.0.0.1, which is not a public address (loopback); allow it with ingest.http.allowed.addresses",
            assertThrows(GuardedDnsResolver.RefusedAddressException.class, () -> resolver.resolve("localhost")).getMessage()
                .replace("::1", "127.0.0.1").replace("0:0:0:0:0:0:0:1", "127.0.0.1"));
        assertThrows(GuardedDnsResolver.RefusedAddressException.class, () -> resolver.resolve("[::ffff:169.254.169.254]"));
        assertThrows(GuardedDnsResolver.RefusedAddressException.class, () -> resolver.resolve("[fd00::1]"));
    }

    @Test
    void shouldResolveWhatThePolicyAllows() throws Exception {
        GuardedDnsResolver resolver = new GuardedDnsResolver(AddressPolicy.allowing(List.of("127.0.0.1", "localhost")));
        assertArrayEquals(new InetAddress[] {InetAddress.getByName("127.0.0.1")}, resolver.resolve("127.0.0.1"));
        assertEquals(true, resolver.resolve("localhost").length >= 1);
        assertThrows(GuardedDnsResolver.RefusedAddressException.class, () -> resolver.resolve("127.0.0.2"));
    }
}
