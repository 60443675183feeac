package org.mitra.web.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.mitra.web.problem.ProblemAssertions.isProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemType;
import org.mitra.web.testapp.FailingResource;

@QuarkusTest
class ProblemDetailsTest {

    @Test
    void missingResourceIsA404NamingIt() {
        isProblem(given().when().get("/test/failures/not-found").then(), ProblemType.NOT_FOUND)
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("Organization " + FailingResource.MISSING + " does not exist"))
                .body("instance", equalTo("/test/failures/not-found"));
    }

    @Test
    void conflictIsA409WithItsExtensions() {
        isProblem(given().when().get("/test/failures/conflict").then(), ProblemType.CONFLICT)
                .body("existingId", equalTo(FailingResource.MISSING.toString()));
    }

    @Test
    void forbiddenByDomainRuleIsA403() {
        isProblem(given().when().get("/test/failures/forbidden").then(), ProblemType.FORBIDDEN)
                .body("detail", equalTo("Only the receiving organization may accept this referral"));
    }

    @Test
    void invalidTransitionIsA409WithCurrentStateAndAllowedActions() {
        isProblem(given().when().get("/test/failures/invalid-transition").then(), ProblemType.INVALID_TRANSITION)
                .body("currentState", equalTo("CLOSED"))
                .body("allowedActions", contains("reopen"));
    }

    @Test
    void failedPreconditionIsA412() {
        isProblem(given().when().get("/test/failures/precondition-failed").then(), ProblemType.PRECONDITION_FAILED);
    }

    @Test
    void unprocessableIsA422() {
        isProblem(given().when().get("/test/failures/unprocessable").then(), ProblemType.UNPROCESSABLE);
    }

    @Test
    void validationListsEveryBadFieldRelativeToTheBody() {
        String body = """
                {"name": " ", "capacity": {"available": -1, "total": 0}, "languages": ["id", ""]}""";
        isProblem(given().contentType(ContentType.JSON).body(body).when().post("/test/failures/widgets").then(),
                ProblemType.VALIDATION_FAILED)
                .body("errors.field", contains("capacity.available", "capacity.total", "kind", "languages[1]", "name"))
                .body("errors.message", everyItem(not(emptyOrNullString())));
    }

    @Test
    void validationOfAQueryParameterNamesTheParameter() {
        isProblem(given().queryParam("limit", 50).when().get("/test/failures/ranged").then(),
                ProblemType.VALIDATION_FAILED)
                .body("errors.field", contains("limit"));
    }

    @Test
    void malformedJsonIsA400WithoutEchoingTheInput() {
        String response = isProblem(given().contentType(ContentType.JSON).body("{\"name\": \"Siti\", ")
                .when().post("/test/failures/widgets").then(), ProblemType.MALFORMED_REQUEST)
                .extract().asString();
        assertThat(response).doesNotContain("Siti");
    }

    @Test
    void unknownEnumValueIsA400NamingTheFieldAndTheChoices() {
        String body = """
                {"name": "Rumah Aman", "capacity": {"available": 1, "total": 2}, "kind": "HOTEL"}""";
        isProblem(given().contentType(ContentType.JSON).body(body).when().post("/test/failures/widgets").then(),
                ProblemType.MALFORMED_REQUEST)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("SHELTER"));
    }

    @Test
    void wrongJsonTypeIsA400NamingTheNestedField() {
        String body = """
                {"name": "Rumah Aman", "capacity": {"available": "many", "total": 2}, "kind": "SHELTER"}""";
        isProblem(given().contentType(ContentType.JSON).body(body).when().post("/test/failures/widgets").then(),
                ProblemType.MALFORMED_REQUEST)
                .body("errors[0].field", equalTo("capacity.available"));
    }

    @Test
    void unknownPathIsA404Problem() {
        isProblem(given().when().get("/test/nothing-here").then(), ProblemType.NOT_FOUND);
    }

    @Test
    void unsupportedMethodIsA405() {
        isProblem(given().when().delete("/test/failures/not-found").then(), ProblemType.METHOD_NOT_ALLOWED);
    }

    @Test
    void unacceptableRepresentationIsA406WhoseProblemIsStillJson() {
        isProblem(given().accept("text/csv").when().get("/test/failures/conflict").then(), ProblemType.NOT_ACCEPTABLE);
    }

    @Test
    void problemIsJsonEvenWhenTheClientAcceptsOnlyHtml() {
        isProblem(given().accept("text/html").when().get("/test/nothing-here").then(), ProblemType.NOT_FOUND);
    }

    @Test
    void unsupportedContentTypeIsA415() {
        isProblem(given().contentType("text/plain").body("name=x").when().post("/test/failures/widgets").then(),
                ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void bodyOverTheLimitIsA413Problem() {
        isProblem(given().contentType(ContentType.JSON).body("{\"name\": \"" + "x".repeat(40_000) + "\"}")
                .when().post("/test/failures/widgets").then(), ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void unexpectedErrorIsA500ThatLeaksNothing() {
        String response = isProblem(given().when().get("/test/failures/bug").then(), ProblemType.INTERNAL_ERROR)
                .extract().asString();
        // The phone number as written, not its digits alone: the random requestId may hold "812" (it did, once).
        assertThat(response).doesNotContain("Siti", "812 555", "IllegalStateException", "at org.");
    }

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfterThatLeaksNothing() {
        String response = isProblem(given().when().get("/test/failures/database-down").then(), ProblemType.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .extract().asString();
        assertThat(response).doesNotContain("Siti", ":5432", "SQLException", "at org.");
    }

    @Test
    void aConnectionLostWhileCommittingIsA503NotA500() {
        // The transaction manager reports the lost connection as an exception suppressed on its RollbackException.
        String response = isProblem(given().when().get("/test/failures/database-lost-at-commit").then(),
                ProblemType.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .extract().asString();
        assertThat(response).doesNotContain("Siti", "SQLException", "Rollback", "at org.");
    }

    @Test
    void aConcurrentChangeLostAtCommitIsA409NotA500() {
        isProblem(given().when().get("/test/failures/concurrent-change").then(), ProblemType.CONFLICT);
        isProblem(given().when().get("/test/failures/deadlock").then(), ProblemType.CONFLICT);
        isProblem(given().when().get("/test/failures/concurrent-change-at-commit").then(), ProblemType.CONFLICT);
    }

    @Test
    void aNulCharacterInThePathOrQueryIsA400NamingWhere() {
        isProblem(given().urlEncodingEnabled(false).when().get("/test/failures/echo/a%00b").then(), ProblemType.VALIDATION_FAILED)
                .body("errors.field", org.hamcrest.Matchers.hasItem("path"));
        isProblem(given().urlEncodingEnabled(false).when().get("/test/failures/echo/ok?q=%00").then(), ProblemType.VALIDATION_FAILED)
                .body("errors.field", org.hamcrest.Matchers.hasItem("query"));
        given().when().get("/test/failures/echo/ok?q=fine").then().statusCode(200);
    }

    @Test
    void aNulCharacterInAJsonStringIsA400NamingTheField() {
        isProblem(given().contentType(ContentType.JSON)
                .body("{\"name\": \"Siti\\u0000\", \"capacity\": {\"available\": 1, \"total\": 2}, \"kind\": \"SHELTER\"}")
                .when().post("/test/failures/widgets").then(), ProblemType.MALFORMED_REQUEST)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain the NUL character"))
                .body(not(containsString("Siti")));
    }
}
