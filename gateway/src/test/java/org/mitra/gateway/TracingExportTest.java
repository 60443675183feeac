package org.mitra.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * With the tracing switch on ({@code quarkus.otel.sdk.disabled=false}) and a collector named, as production will run,
 * the gateway records real spans and exports them over OTLP: the server span under the caller's span, and the client
 * span whose id the service receives in {@code traceparent}.
 */
@QuarkusTest
@WithTestResource(TestBackends.class)
@TestProfile(TracingExportTest.CollectorConfigured.class)
class TracingExportTest {

    public static class CollectorConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OtlpCollector.class));
        }
    }

    @Test
    void spansAreRecordedAndExportedToTheCollector() throws InterruptedException {
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(randomBytes(16));
        String callersSpan = hex.formatHex(randomBytes(8));
        List<String> forwarded = TestCalls.client().header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                .get("/api/awareness/campaigns").then().statusCode(200).extract().path("headers.traceparent");
        assertThat(forwarded).singleElement().asString().matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String clientSpan = forwarded.get(0).substring(36, 52);
        assertThat(clientSpan).isNotEqualTo(callersSpan);

        byte[][] expected = {hex.parseHex(traceId), hex.parseHex(callersSpan), hex.parseHex(clientSpan)};
        for (int attempt = 0; attempt < 100 && !allExported(expected); attempt++) {
            Thread.sleep(100);
        }
        assertThat(OtlpCollector.exported(expected[0])).as("trace id exported").isTrue();
        assertThat(OtlpCollector.exported(expected[1])).as("server span's parent, the caller's span, exported").isTrue();
        assertThat(OtlpCollector.exported(expected[2])).as("client span, the one the service saw, exported").isTrue();
    }

    private static boolean allExported(byte[][] ids) {
        for (byte[] id : ids) {
            if (!OtlpCollector.exported(id)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zero, which W3C calls invalid
        return bytes;
    }
}
