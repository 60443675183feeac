package org.mitra.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks {@link PublicWebAddress}; never resolves a name (no DNS lookup from a validator). */
public class PublicWebAddressValidator implements ConstraintValidator<PublicWebAddress, String> {
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    /** What a resolver may read as a number: labels of digits or 0x-hex (2130706433, 0x7f.1, 0177.0.0.1, 127.1). */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isPublic(value);
    }

    public static boolean isPublic(String value) {
        if (value.length() > 2048 || value.chars().anyMatch(c -> c <= ' ' || c == '\\')) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
            return false;
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawAuthority().contains("%")) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("[")) {
            return publicAddress(host.substring(1, host.length() - 1));
        }
        if (CANONICAL_IPV4.matcher(host).matches()) {
            return publicAddress(host);
        }
        if (NUMERIC_HOST.matcher(host).matches()) {
            return false;
        }
        return publicName(host);
    }

    private static boolean publicName(String host) {
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        String top = labels[labels.length - 1];
        return !(host.equals("localhost") || top.equals("localhost") || top.equals("local") || top.equals("internal")
                || top.equals("localdomain") || top.equals("home") || top.equals("lan") || top.equals("intranet")
                || top.equals("corp") || top.matches("[0-9]+"));
    }

    /** An IP literal (IPv4 canonical, or IPv6) outside every non-public range. */
    private static boolean publicAddress(String literal) {
        InetAddress address;
        try {
            // A literal only: getByName does no lookup for an address given in numeric form.
            if (!literal.contains(":") && !CANONICAL_IPV4.matcher(literal).matches()) {
                return false;
            }
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
        if (address instanceof Inet6Address ipv6) {
            byte[] bytes = ipv6.getAddress();
            if (isMappedOrCompatibleIpv4(bytes)) {
                return false;
            }
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (first == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8) {
                return false; // documentation 2001:db8::/32
            }
        }
        if (address instanceof Inet4Address ipv4) {
            byte[] bytes = ipv4.getAddress();
            int a = bytes[0] & 0xff;
            int b = bytes[1] & 0xff;
            if (a == 0 || a == 10 || a == 127 || a >= 224 || (a == 100 && b >= 64 && b <= 127) || (a == 169 && b == 254)
                    || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 192 && b == 0)
                    || (a == 198 && (b == 18 || b == 19))) {
                return false;
            }
        }
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress());
    }

    /** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and 64:ff9b::/96 (NAT64) carry an IPv4 address inside. */
    private static boolean isMappedOrCompatibleIpv4(byte[] bytes) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        boolean mapped = zeroPrefix && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        return mapped || compatible || nat64;
    }
}
