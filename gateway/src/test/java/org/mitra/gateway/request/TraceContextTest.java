package org.mitra.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {

    @Test
    void keepsAValidTraceparent() {
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(TraceContext.continueOrStart(valid)).isEqualTo(valid);
        assertThat(TraceContext.traceId(valid)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void startsANewTraceForMissingOrInvalidOnes() {
        for (String invalid : new String[] {null, "", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}) {
            assertThat(TraceContext.continueOrStart(invalid)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").isNotEqualTo(invalid);
        }
    }

    @Test
    void requestIdsFollowThePlatformRules() {
        assertThat(RequestIds.sanitize("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(RequestIds.sanitize("a b")).hasSize(36);
        assertThat(RequestIds.sanitize("x".repeat(65))).hasSize(36);
        assertThat(RequestIds.sanitize("x".repeat(64))).hasSize(64);
        assertThat(RequestIds.sanitize(null)).hasSize(36);
    }
}
