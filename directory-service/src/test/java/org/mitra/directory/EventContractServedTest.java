package org.mitra.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The platform's AsyncAPI event contract is served by every service that depends on libs/events, from the jar's
 * {@code META-INF/resources}: no code of the service's own, so this one service proves it for all three.
 */
@QuarkusTest
class EventContractServedTest {
    private static final String RESOURCE = "META-INF/resources/asyncapi/mitra-events.yaml";

    @Test
    void servesTheEventContractOfLibsEventsUnchangedToAnyone() throws IOException {
        String contract;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " of mitra-events").isNotNull();
            contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        var response = given().when().get("/asyncapi/mitra-events.yaml").then().statusCode(200).extract();

        assertThat(response.asString()).isEqualTo(contract).contains("asyncapi: 3.0.0");
        assertThat(response.contentType()).as("a text type a browser shows, not a download").containsAnyOf("yaml", "text/");
    }
}
