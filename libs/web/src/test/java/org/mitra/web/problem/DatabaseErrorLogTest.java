package org.mitra.web.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.LogCapture;

/**
 * An unexpected database error is logged so it can be fixed, but never with the values PostgreSQL quotes in its error
 * detail (a unique violation names the key's value: an e-mail, a name): every service's JDBC connections leave the
 * server's detail out of exception messages.
 */
@QuarkusTest
class DatabaseErrorLogTest {
    private static final String CANARY = "canary-" + System.nanoTime() + "@example.org";

    @Test
    void aUniqueViolationIsLoggedWithoutTheValueItQuotes() {
        List<String> lines;
        try (LogCapture log = LogCapture.open()) {
            given().queryParam("email", CANARY).post("/test/failures/duplicate-person").then().statusCode(500);
            lines = log.lines();
        }
        assertThat(lines).as("the error is logged").anySatisfy(line -> assertThat(line).contains("duplicate key"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(CANARY));
    }
}
