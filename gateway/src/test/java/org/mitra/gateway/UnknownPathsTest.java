package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

/**
 * Every path the gateway does not serve is a 404 problem+json, whatever the client accepts: outside the routed
 * prefixes, under its own {@code /api/feeds}, under {@code /q}. Before, these were Quarkus' HTML "not found" page.
 * What the gateway does serve there (Swagger UI, health, OpenAPI, the feed catalog) still answers.
 */
@QuarkusTest
@WithTestResource(TestBackends.class)
class UnknownPathsTest {
    private static final List<String> UNKNOWN = List.of("/api/feeds/x", "/api/feeds/x/y", "/", "/nothing",
            "/nothing/deeper", "/q/x", "/q/health/nothing", "/q/metrics", "/openapi", "/openapi/", "/problems/nothing");
    private static final List<String> ACCEPTS = List.of("text/html", "*/*",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json");

    @Test
    void unknownPathsAreProblemsForEveryAccept() {
        for (String path : UNKNOWN) {
            for (String accept : ACCEPTS) {
                String requestId = TestCalls.requestId();
                TestCalls.client(requestId).accept(accept).get(path).then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .header("Cache-Control", "no-store")
                        .header("X-Request-Id", requestId)
                        .body("type", equalTo("/problems/not-found"))
                        .body("title", equalTo("Not found"))
                        .body("status", equalTo(404))
                        .body("instance", equalTo(path))
                        .body("requestId", equalTo(requestId));
            }
        }
    }

    @Test
    void otherMethodsOnUnknownPathsAreProblemsToo() {
        for (String path : List.of("/", "/nothing", "/api/feeds/x", "/q/x")) {
            // /api/feeds takes no anonymous POST: without a token it is a 401 before it is looked up.
            TestCalls.client().auth().oauth2(Tokens.as("coalition-admin").sign())
                    .accept("text/html").contentType("application/json").body("{}").post(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-found"))
                    .body("instance", equalTo(path));
        }
        TestCalls.client().accept("text/html").post("/openapi/directory").then()
                .statusCode(404).contentType("application/problem+json");
        TestCalls.client().accept("text/html").delete("/nothing").then()
                .statusCode(404).contentType("application/problem+json");
        TestCalls.client().accept("text/html").head("/nothing").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusalsOfTheGatewaysOwnResourcesAreProblems() {
        TestCalls.client().auth().oauth2(Tokens.as("coalition-admin").sign()).accept("text/html")
                .contentType("application/json").body("{}").post("/api/feeds").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", containsString("GET"))
                .body("type", equalTo("/problems/method-not-allowed"))
                .body("title", equalTo("Method not allowed"))
                .body("instance", equalTo("/api/feeds"));
        TestCalls.client().accept("text/csv").get("/api/feeds").then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-acceptable"));
        TestCalls.client().accept("text/html").delete("/problems/not-found").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD"))
                .body("type", equalTo("/problems/method-not-allowed"));
    }

    @Test
    void whatTheGatewayServesStillAnswers() {
        given().accept("text/html").get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
        given().accept("text/html").get("/q/swagger-ui").then().statusCode(200);
        given().accept("*/*").get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("*/*").get("/q/health/live").then().statusCode(200);
        given().accept("*/*").get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/feeds"));
        given().get("/q/openapi?format=json").then().statusCode(200).contentType(startsWith("application/json"));
        TestCalls.client().accept("*/*").get("/api/feeds").then().statusCode(200).contentType(startsWith("application/json"));
        given().get("/openapi/directory").then().statusCode(200);
    }
}
