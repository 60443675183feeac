package org.mitra.gateway.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which representation of the catalog an Accept list (sorted by preference, as Quarkus hands it over) gets. */
class FeedCatalogNegotiationTest {
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    private static final MediaType LD = MediaType.valueOf("application/ld+json");

    @Test
    void jsonUnlessJsonLdIsAskedFor() {
        assertThat(choose()).contains(JSON);
        assertThat(choose("*/*")).contains(JSON);
        assertThat(choose("application/*")).contains(JSON);
        assertThat(choose("application/json")).contains(JSON);
        assertThat(choose("application/ld+json")).contains(LD);
        assertThat(choose("application/ld+json;profile=\"http://www.w3.org/ns/json-ld#expanded\"")).contains(LD);
        assertThat(choose("application/ld+json", "application/json")).contains(LD);
        assertThat(choose("application/json", "application/ld+json")).contains(JSON);
        assertThat(choose("text/html", "*/*;q=0.8")).contains(JSON);
        assertThat(choose("application/json;q=0", "*/*")).contains(LD);
    }

    @Test
    void neitherIsA406() {
        assertThat(choose("text/html")).isEmpty();
        assertThat(choose("text/turtle", "application/ld+json;q=0")).isEmpty();
        assertThat(choose("application/json;q=0", "application/ld+json;q=0", "*/*")).isEmpty();
    }

    @Test
    void aFormatAskedForMustBeAcceptable() {
        assertThat(FeedCatalogResource.allows(List.of(), LD)).isTrue();
        assertThat(FeedCatalogResource.allows(types("*/*"), LD)).isTrue();
        assertThat(FeedCatalogResource.allows(types("application/json"), LD)).isFalse();
        assertThat(FeedCatalogResource.allows(types("application/ld+json;q=0", "*/*"), LD)).isFalse();
        assertThat(FeedCatalogResource.allows(types("application/ld+json;q=0", "*/*"), JSON)).isTrue();
    }

    private static List<MediaType> types(String... accept) {
        return Arrays.stream(accept).map(MediaType::valueOf).toList();
    }

    private static Optional<MediaType> choose(String... accept) {
        List<MediaType> types = Arrays.stream(accept).map(MediaType::valueOf).toList();
        return FeedCatalogResource.choose(types);
    }
}
