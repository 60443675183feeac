package org.mitra.web.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.mitra.web.problem.ProblemAssertions.isProblem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemType;

/** The endpoints every service's feed resource hands its work to: the period list and one period, each pull audited. */
@QuarkusTest
class FeedEndpointsTest {
    private static final String BASE = "/test/feeds/endpoints/visits";

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void reset() throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM feed_pull");
        }
    }

    /** The audit's rows, oldest first: period (or "-" for the list), format, and "304" when nothing was sent. */
    private List<String> pulls() throws Exception {
        List<String> pulls = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT feed, period, format, not_modified FROM feed_pull ORDER BY id")) {
            while (rows.next()) {
                assertThat(rows.getString("feed")).isEqualTo("endpoints");
                pulls.add((rows.getString("period") == null ? "-" : rows.getString("period")) + " " + rows.getString("format")
                        + (rows.getBoolean("not_modified") ? " 304" : ""));
            }
        }
        return pulls;
    }

    @Test
    void theListIsOfTheGranularityAskedForTheFirstOfferedByDefault() throws Exception {
        given().get(BASE).then().statusCode(200).body("period", contains("2026-Q3"))
                .body("json", contains(BASE + "/2026-Q3")).body("csv", contains(BASE + "/2026-Q3.csv"))
                .body("lastModified", contains("2026-09-20T08:00:00Z"));
        given().queryParam("granularity", "Month").get(BASE).then().statusCode(200).body("period", contains("2026-09"));
        given().queryParam("since", "2026-09-21T00:00:00Z").get(BASE).then().statusCode(200).body("$", hasSize(0));
        isProblem(given().queryParam("granularity", "week").get(BASE).then(), ProblemType.VALIDATION_FAILED)
                .body("errors[0].field", equalTo("granularity"));
        isProblem(given().queryParam("since", "yesterday").get(BASE).then(), ProblemType.VALIDATION_FAILED)
                .body("errors[0].field", equalTo("since"));
        assertThat(pulls()).as("every list served is audited, a refused one is not").containsExactly("- list", "- list", "- list");
    }

    @Test
    void aClosedPeriodIsServedAsJsonOrCsvAndOneThatHasNotEndedIsA404() throws Exception {
        String etag = given().get(BASE + "/2026-09").then().statusCode(200).contentType("application/json")
                .body("period", equalTo("2026-09")).body("source", equalTo("test")).body("rows[0].visits", equalTo(15))
                .extract().header("ETag");
        given().accept("text/csv").get(BASE + "/2026-Q3").then().statusCode(200).contentType(startsWith("text/csv"));
        given().get(BASE + "/2026-09.csv").then().statusCode(200).contentType(startsWith("text/csv"));
        given().header("If-None-Match", etag).get(BASE + "/2026-09").then().statusCode(304);
        isProblem(given().get(BASE + "/2026-11").then(), ProblemType.NOT_FOUND);
        isProblem(given().get(BASE + "/2026-09-01").then(), ProblemType.VALIDATION_FAILED)
                .body("errors[0].field", equalTo("period"));
        assertThat(pulls()).containsExactly("2026-09 json", "2026-Q3 csv", "2026-09 csv", "2026-09 json 304");
    }

    @Test
    void theCatalogEntryNamesWhatTheEndpointsServe() {
        given().get("/test/feeds/endpoints").then().statusCode(200)
                .body("[0].id", equalTo("endpoints")).body("[0].url", equalTo(BASE))
                .body("[0].formats", contains("application/json", "text/csv"))
                .body("[0].periods", contains("quarter", "month")).body("[0].updatePeriod", equalTo("P1D"))
                .body("[0].licence", equalTo("CC-BY-4.0")).body("[0].access", contains("gov-liaison"));
    }
}
