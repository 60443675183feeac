package org.mitra.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicRoutesTest {
    private final PublicRoutes routes = new PublicRoutes(List.of(
            "GET /api/directory/**",
            "GET /api/awareness/campaigns/**",
            "POST /api/awareness/campaigns/*/pledges",
            "* /api/awareness/pledges/**",
            "GET /api/feeds"));

    @Test
    void opensWhatIsListed() {
        assertThat(routes.isPublic("GET", "/api/directory")).isTrue();
        assertThat(routes.isPublic("GET", "/api/directory/services/1/availability")).isTrue();
        assertThat(routes.isPublic("HEAD", "/api/directory/services")).isTrue();
        assertThat(routes.isPublic("GET", "/api/awareness/campaigns")).isTrue();
        assertThat(routes.isPublic("POST", "/api/awareness/campaigns/42/pledges")).isTrue();
        assertThat(routes.isPublic("DELETE", "/api/awareness/pledges/token-1")).isTrue();
        assertThat(routes.isPublic("GET", "/api/feeds")).isTrue();
        assertThat(routes.isPublic("GET", "/api/feeds/")).isTrue();
    }

    @Test
    void keepsEverythingElseClosed() {
        assertThat(routes.isPublic("POST", "/api/directory/organizations")).isFalse();
        assertThat(routes.isPublic("GET", "/api/referrals")).isFalse();
        assertThat(routes.isPublic("GET", "/api/directoryx")).isFalse();
        assertThat(routes.isPublic("POST", "/api/awareness/campaigns")).isFalse();
        assertThat(routes.isPublic("POST", "/api/awareness/campaigns/42/activities")).isFalse();
        assertThat(routes.isPublic("POST", "/api/awareness/campaigns/42/pledges/extra")).isFalse();
        assertThat(routes.isPublic("POST", "/api/awareness/campaigns//pledges")).isFalse();
        assertThat(routes.isPublic("GET", "/api/feeds/x")).isFalse();
    }

    @Test
    void dotSegmentsAndEncodedSlashesAreNeverPublic() {
        assertThat(routes.isPublic("GET", "/api/directory/../referrals")).isFalse();
        assertThat(routes.isPublic("GET", "/api/directory/./x")).isFalse();
        assertThat(routes.isPublic("GET", "/api/directory/%2e%2e/referrals")).isFalse();
        assertThat(routes.isPublic("GET", "/api/directory%2F..%2Freferrals")).isFalse();
        assertThat(routes.isPublic("GET", null)).isFalse();
    }

    @Test
    void rejectsMalformedEntries() {
        assertThatThrownBy(() -> new PublicRoutes(List.of("/api/directory/**"))).isInstanceOf(IllegalArgumentException.class);
    }
}
