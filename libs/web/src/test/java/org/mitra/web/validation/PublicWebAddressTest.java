package org.mitra.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP API7: an address a caller gives can never point inside the network, however it is spelled. */
class PublicWebAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://pondokgerasa.org",
        "https://www.pondokgerasa.org/about?lang=id#team",
        "http://cafe.be",
        "https://darkbali.com:8443/path",
        "https://8.8.8.8/",
        "https://[2606:4700:4700::1111]/",
        "https://xn--bcher-kva.example.org/",
        "https://a-b.c0.example.co.id/"})
    void publicAddressesPass(String address) {
        assertThat(PublicWebAddressValidator.isPublic(address)).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost/",
        "http://LOCALHOST./admin",
        "http://api.localhost/",
        "http://127.0.0.1/",
        "http://127.1/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0x7f.0.0.1/",
        "http://0177.0.0.1/",
        "http://017700000001/",
        "http://0.0.0.0/",
        "http://0/",
        "http://[::1]/",
        "http://[::]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://172.31.255.255/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://user@example.org/",
        "http://example.org@127.0.0.1/",
        "http://user:pass@pondokgerasa.org/",
        "http://%31%32%37.0.0.1/",
        "http://metadata.google.internal/",
        "http://printer.local/",
        "http://intranet/",
        "ftp://example.org/",
        "file:///etc/passwd",
        "gopher://example.org/",
        "javascript:alert(1)",
        "http:///nohost",
        "http://exa mple.org/",
        "http://example.org\\@127.0.0.1/"})
    void addressesInsideTheNetworkOrWithTricksAreRefused(String address) {
        assertThat(PublicWebAddressValidator.isPublic(address)).as(address).isFalse();
    }
}
