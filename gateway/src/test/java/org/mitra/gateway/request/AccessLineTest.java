package org.mitra.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The access line is put together by hand now; it reads exactly as the printf pattern it replaced. */
class AccessLineTest {
    private static final String PATTERN = "%s %s %d %d.%03dms caller=%s route=%s requestId=%s traceId=%s%s";

    @Test
    void readsAsThePrintfPatternDid() {
        for (long micros : new long[] {0, 7, 42, 999, 1000, 1005, 3214, 12_345_678}) {
            for (boolean completed : new boolean[] {true, false}) {
                String expected = String.format(PATTERN, "GET", "/api/referrals/42", 200, micros / 1000, micros % 1000,
                        "sub:1234", "referrals", "req-1", "-", completed ? "" : " aborted");
                assertThat(RequestTracking.line("GET", "/api/referrals/42", 200, micros, "sub:1234", "referrals",
                        "req-1", "-", completed)).isEqualTo(expected);
            }
        }
        assertThat(RequestTracking.line("POST", "/x", 503, 1, null, null, "r", "t", true))
                .isEqualTo("POST /x 503 0.001ms caller=anonymous route=gateway requestId=r traceId=t");
    }
}
