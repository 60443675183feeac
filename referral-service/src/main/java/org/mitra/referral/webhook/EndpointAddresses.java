package org.mitra.referral.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be delivered: an {@code https} URL on port 443 whose host resolves only to public addresses. The check runs
 * when a URL is saved and again on every connection, against the addresses actually connected to
 * ({@link WebhookHttp}), so a name that later resolves to an internal address (DNS rebinding) reaches nothing.
 * With {@code allowLoopback} (local run and tests) loopback addresses, over {@code http} too, are allowed as well.
 */
public final class EndpointAddresses {
    static final int MAX_URL_LENGTH = 2048;

    private EndpointAddresses() {
    }

    /** Why the URL can never be an endpoint (syntax, scheme, credentials), or empty. Does not resolve the host. */
    public static Optional<String> refusedUrl(String url, boolean allowLoopback) {
        if (url == null || url.isBlank()) {
            return Optional.of("must be an absolute https URL");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (scheme.equals("https")) {
            // Port 443 only (the network policy lets nothing else out); the local run and tests take any port.
            return uri.getPort() == -1 || uri.getPort() == 443 || allowLoopback ? Optional.empty()
                    : Optional.of("must use https on port 443");
        }
        if (scheme.equals("http") && allowLoopback && isLoopbackName(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("must use https");
    }

    /** Why the host's addresses are not allowed now (unknown host, a private address), or empty. */
    public static Optional<String> refusedHost(String host, boolean allowLoopback) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("its host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!allowed(address, allowLoopback)) {
                return Optional.of("its host resolves to an address that is not public");
            }
        }
        return Optional.empty();
    }

    static boolean allowed(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        return isPublic(address);
    }

    /** Public unicast: none of the special-purpose ranges of RFC 6890 and its successors. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x00 && (b[3] & 0xff) == 0x00) {
                return false; // 2001::/32 Teredo (tunnels to an IPv4 address we cannot see)
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16 6to4 embeds an IPv4 address
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff))) {
                return false; // ::/96 IPv4-compatible and ::ffff:0:0/96 mapped: decided by their IPv4 address, refused
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return false; // 64:ff9b::/96 NAT64 reaches IPv4 addresses, private ones included
            }
            return (first & 0xe0) == 0x20; // 2000::/3 global unicast only
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                || (a0 == 100 && a1 >= 64 && a1 <= 127)      // 100.64/10 shared (carrier-grade NAT)
                || (a0 == 169 && a1 == 254)                  // link local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))  // 192.0.0/24 protocol assignments, 192.0.2/24 docs
                || (a0 == 192 && a1 == 88 && a2 == 99)       // 6to4 relay anycast
                || (a0 == 198 && (a1 == 18 || a1 == 19))     // 198.18/15 benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113));
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        try {
            // Only literal addresses here (no lookup): a name is resolved and checked at connect time.
            if (h.matches("[0-9.]+") || h.startsWith("[")) {
                return InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h).isLoopbackAddress();
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }
}
