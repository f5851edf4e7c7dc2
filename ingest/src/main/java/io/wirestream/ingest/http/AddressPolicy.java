package io.wirestream.ingest.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which addresses feeds and pages may be fetched from: public unicast addresses only, unless the operator
 * allows a host name or an address range. Refused by default: loopback, private (10/8, 172.16/12, 192.168/16,
 * fc00::/7), link-local (169.254/16, fe80::/10), unspecified, "this network" (0/8), shared (100.64/10),
 * multicast, reserved and documentation ranges, and IPv6 forms that carry such an IPv4 address (mapped
 * {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}).
 *
 * <p>Allowed entries: a CIDR range ({@code 10.20.0.0/16}, {@code fd00::/8}), a single address, or a host name
 * (matched case-insensitively against the URL's host; its addresses are then not checked). Immutable.
 */
public final class AddressPolicy {
    /** Nothing but public addresses. */
    public static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(List.of(), Set.of());

    private final List<Range> ranges;
    private final Set<String> hosts;

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private AddressPolicy(List<Range> ranges, Set<String> hosts) {
        this.ranges = List.copyOf(ranges);
        this.hosts = Set.copyOf(hosts);
    }

    /**
     * Parses the allowed entries.
     *
     * @throws IllegalArgumentException naming the entry that is neither a range, an address nor a host name
     */
    public static AddressPolicy allowing(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        Set<String> hosts = new TreeSet<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            if (looksLikeAddress(address)) {
                byte[] bytes = literal(address, entry);
                int prefix = bytes.length * 8;
                if (slash >= 0) {
                    try {
                        prefix = Integer.parseInt(entry.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        prefix = -1;
                    }
                    if (prefix < 0 || prefix > bytes.length * 8) {
                        throw new IllegalArgumentException("'" + entry + "' has an invalid prefix length (0 to " + bytes.length * 8 + ")");
                    }
                }
                ranges.add(new Range(bytes, prefix));
            } else if (slash < 0 && entry.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?")) {
                hosts.add(entry.toLowerCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException("'" + entry + "' is neither an address range (CIDR), an address nor a host name");
            }
        }
        return new AddressPolicy(ranges, hosts);
    }

    private static boolean looksLikeAddress(String s) {
        return s.matches("[0-9.]+") || s.matches("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\\]?");
    }

    private static byte[] literal(String address, String entry) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!bare.contains(":") && !bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("'" + entry + "' is not an IPv4 address a.b.c.d");
        }
        try {
            // A literal is parsed without any lookup.
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address", e);
        }
    }

    /** Whether the host name itself was allowed (its addresses are then not checked). */
    public boolean hostAllowed(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Why {@code address} must not be fetched from, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range r : ranges) {
            if (r.contains(bytes)) {
                return Optional.empty();
            }
        }
        String kind = nonPublicKind(address);
        if (kind == null) {
            return Optional.empty();
        }
        // An allowed IPv4 range also covers that range's IPv6 forms (::ffff:127.0.0.1 when 127.0.0.0/8 is allowed).
        byte[] embedded = embeddedIpv4(bytes);
        if (embedded != null) {
            for (Range r : ranges) {
                if (r.contains(embedded)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(kind);
    }

    /** What kind of non-public address this is ("loopback", "private", ...), or null for a public one. */
    static String nonPublicKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Kind(b);
        }
        if (address instanceof Inet6Address) {
            byte[] v4 = embeddedIpv4(b);
            if (v4 != null) {
                String kind = ipv4Kind(v4);
                return kind == null ? null : kind + ", in IPv6 form";
            }
            boolean zero = true;
            for (int i = 0; i < 15; i++) {
                zero &= b[i] == 0;
            }
            if (zero && b[15] == 0) {
                return "unspecified";
            }
            if (zero && b[15] == 1) {
                return "loopback";
            }
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0xff) {
                return "multicast";
            }
            if (first == 0xfe && (second & 0xc0) == 0x80) {
                return "link-local";
            }
            if (first == 0xfe && (second & 0xc0) == 0xc0) {
                return "site-local";
            }
            if ((first & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return "documentation";
            }
            if (first == 0x01 && second == 0x00 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
                return "discard-only";
            }
            if (zero) {
                return "reserved";
            }
            return null;
        }
        return "unknown address family";
    }

    private static String ipv4Kind(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return Arrays.equals(b, new byte[4]) ? "unspecified" : "this-network";
        }
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return "private";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local";
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return "shared (carrier-grade NAT)";
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return "protocol assignments";
        }
        if (a0 == 192 && a1 == 0 && a2 == 2 || a0 == 198 && a1 == 51 && a2 == 100 || a0 == 203 && a1 == 0 && a2 == 113) {
            return "documentation";
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return "benchmarking";
        }
        if (a0 >= 224 && a0 <= 239) {
            return "multicast";
        }
        if (a0 >= 240) {
            return "reserved";
        }
        return null;
    }

    /** The IPv4 address inside a mapped, compatible, NAT64 or 6to4 IPv6 address, else null. */
    private static byte[] embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        boolean tenZero = true;
        for (int i = 0; i < 10; i++) {
            tenZero &= b[i] == 0;
        }
        boolean mapped = tenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = tenZero && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0);
        boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
            && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0;
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    @Override
    public String toString() {
        return "AddressPolicy[public only" + (ranges.isEmpty() && hosts.isEmpty() ? "" : ", plus " + ranges.size() + " ranges and hosts " + hosts) + "]";
    }
}
