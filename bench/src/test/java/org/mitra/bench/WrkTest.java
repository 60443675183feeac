package org.mitra.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** wrk's report as Debian's wrk 4.1 prints it: the rate, and every answer that was not a success counted as bad. */
class WrkTest {
    static final String CLEAN = """
            Running 5s test @ http://127.0.0.1:8081/api/directory/organizations/3f7c2a10
              2 threads and 50 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    12.31ms    4.02ms  61.20ms   85.12%
                Req/Sec     2.04k   210.33     2.51k    71.00%
              20312 requests in 5.00s, 12.07MB read
            Requests/sec:   4061.84
            Transfer/sec:      2.41MB
            """;

    @Test
    void theRateOfACleanRunAndNoBadAnswers() throws IOException {
        Wrk.Throughput throughput = Wrk.parse("public profile", 50, CLEAN);
        assertThat(throughput.requestsPerSecond()).isEqualTo(4061.84);
        assertThat(throughput.badAnswers()).isZero();
        assertThat(throughput.connections()).isEqualTo(50);
    }

    @Test
    void refusedAnswersAndSocketErrorsOfEveryKindAreCountedAsBad() throws IOException {
        String troubled = CLEAN.replace("Requests/sec:", """
                  Socket errors: connect 2, read 5, write 1, timeout 7
                  Non-2xx or 3xx responses: 120
                Requests/sec:""");
        assertThat(Wrk.parse("public profile", 50, troubled).badAnswers()).isEqualTo(2 + 5 + 1 + 7 + 120);
    }

    @Test
    void aReportWithoutARateIsAFailureNotAZero() {
        assertThatThrownBy(() -> Wrk.parse("public profile", 1, "unable to connect to 127.0.0.1:8081 Connection refused"))
                .isInstanceOf(IOException.class).hasMessageContaining("no rate");
    }
}
