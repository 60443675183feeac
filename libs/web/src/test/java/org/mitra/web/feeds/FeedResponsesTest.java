package org.mitra.web.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
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
import org.mitra.web.testapp.FeedTestResource;

/** What a government liaison's tool relies on when it pulls any Mitra feed. */
@QuarkusTest
class FeedResponsesTest {
    private static final String PERIOD = "/test/feeds/visits/2026-11";

    @Inject
    AgroalDataSource database;

    @BeforeEach
    void reset() throws Exception {
        FeedTestResource.visits = 15;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM feed_pull");
        }
    }

    /** The audit's rows, oldest first: period (or "-" for the list), format, and "304" when nothing was sent. */
    private List<String> pulls() throws Exception {
        List<String> pulls = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT feed, period, format, not_modified, actor FROM feed_pull ORDER BY id")) {
            while (rows.next()) {
                assertThat(rows.getString("feed")).isEqualTo("visits");
                assertThat(rows.getString("actor")).isEqualTo("unknown");
                pulls.add((rows.getString("period") == null ? "-" : rows.getString("period")) + " " + rows.getString("format")
                        + (rows.getBoolean("not_modified") ? " 304" : ""));
            }
        }
        return pulls;
    }

    @Test
    void jsonHasTheSelfDescribingHeaderThenTheRows() {
        given().get(PERIOD).then().statusCode(200).contentType("application/json")
                .body("title", equalTo("Visits")).body("period", equalTo("2026-11"))
                .body("suppressionThreshold", equalTo(11)).body("roundingBase", equalTo(5))
                .body("licence", equalTo("CC-BY-4.0")).body("source", equalTo("test"))
                .body("lastModified", equalTo("2026-11-20T08:00:00Z"))
                .body("columns.hxl", contains("#country+code", "#reached"))
                .body("rows", hasSize(2)).body("rows[1].visits", nullValue());
    }

    @Test
    void csvComesWithAnHxlRowWhenAskedForAndNotWhenJsonIsAlsoAccepted() {
        String csv = given().accept("text/csv").get(PERIOD).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly("country,visits", "#country+code,#reached", "ID,15", "AU,");
        given().accept("text/csv, application/json").get(PERIOD).then().statusCode(200).contentType("application/json");
    }

    @Test
    void aPeriodTheCallerHasIsA304UntilItsFiguresChangeAndEveryPullIsAudited() throws Exception {
        String etag = given().get(PERIOD).then().statusCode(200).header("Last-Modified", equalTo("Fri, 20 Nov 2026 08:00:00 GMT"))
                .extract().header("ETag");
        String csvTag = given().accept("text/csv").get(PERIOD).then().statusCode(200).extract().header("ETag");
        assertThat(csvTag).as("JSON and CSV are different representations").isNotEqualTo(etag);
        given().header("If-None-Match", etag).get(PERIOD).then().statusCode(304).header("ETag", etag);
        given().header("If-Modified-Since", "Sat, 21 Nov 2026 00:00:00 GMT").get(PERIOD).then().statusCode(304);

        FeedTestResource.visits = 20;
        given().header("If-None-Match", etag).get(PERIOD).then().statusCode(200).body("rows[0].visits", equalTo(20));
        assertThat(pulls()).containsExactly("2026-11 json", "2026-11 csv", "2026-11 json 304", "2026-11 json 304",
                "2026-11 json");
    }

    @Test
    void sinceListsOnlyPeriodsChangedAfterIt() throws Exception {
        given().get("/test/feeds/visits").then().statusCode(200)
                .body("period", contains("2026-11")).body("csv", contains(PERIOD + ".csv"));
        given().queryParam("since", "2026-11-21T00:00:00Z").get("/test/feeds/visits").then().statusCode(200).body("$", hasSize(0));
        given().queryParam("since", "2026-11-19T00:00:00Z").get("/test/feeds/visits").then().statusCode(200).body("$", hasSize(1));
        assertThat(pulls()).as("pulls of the period list are audited too").containsExactly("- list", "- list", "- list");
    }

    @Test
    void whatTheFeedDoesNotPublishIsA400NamingTheParameter() throws Exception {
        isProblem(given().get("/test/feeds/visits/2026-Q4").then(), ProblemType.VALIDATION_FAILED)
                .body("errors[0].field", equalTo("period"));
        isProblem(given().get("/test/feeds/visits/2026-11-24").then(), ProblemType.VALIDATION_FAILED)
                .body("errors[0].field", equalTo("period"));
        isProblem(given().queryParam("granularity", "quarter").get("/test/feeds/visits").then(), ProblemType.VALIDATION_FAILED)
                .body("errors[0].field", equalTo("granularity"));
        isProblem(given().queryParam("since", "yesterday").get("/test/feeds/visits").then(), ProblemType.VALIDATION_FAILED)
                .body("errors[0].field", equalTo("since"));
        assertThat(pulls()).as("a refused request pulled nothing").isEmpty();
    }
}
