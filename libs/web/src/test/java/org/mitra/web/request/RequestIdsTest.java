package org.mitra.web.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsAPlainId() {
        assertThat(RequestIds.sanitize("9b2f-44:ab_c.1")).isEqualTo("9b2f-44:ab_c.1");
    }

    @Test
    void replacesMissingOverlongOrUnsafeIdsWithAUuid() {
        for (String bad : new String[] {null, "", "a".repeat(65), "line\nbreak", "with space", "quote\""}) {
            String id = RequestIds.sanitize(bad);
            assertThat(id).isNotEqualTo(bad);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }

    @Test
    void keepsAnIdOfExactlyTheMaximumLength() {
        String longest = "a".repeat(64);
        assertThat(RequestIds.sanitize(longest)).isEqualTo(longest);
    }
}
