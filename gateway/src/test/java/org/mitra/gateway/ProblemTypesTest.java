package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemType;

/** The type of every problem is a page on the gateway: JSON for programs, HTML for a browser, from the one catalog. */
@QuarkusTest
@WithTestResource(TestBackends.class)
class ProblemTypesTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TestHTTPResource("/")
    URL root;

    @Test
    void theCatalogListsEveryType() {
        given().accept("application/json").get("/problems").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Vary", containsString("Accept"))
                .body("$", hasSize(ProblemType.values().length))
                .body("slug", hasItem("too-many-requests"))
                .body("find { it.slug == 'service-unavailable' }.type", equalTo("/problems/service-unavailable"))
                .body("find { it.slug == 'service-unavailable' }.title", equalTo("Service unavailable"))
                .body("find { it.slug == 'service-unavailable' }.status", equalTo(503));
    }

    @Test
    void eachTypeIsDescribedInJsonByDefault() {
        for (String accept : new String[] {"application/json", "*/*", "text/csv"}) {
            given().accept(accept).get("/problems/invalid-transition").then()
                    .statusCode(200)
                    .contentType(startsWith("application/json"))
                    .body("type", equalTo("/problems/invalid-transition"))
                    .body("slug", equalTo("invalid-transition"))
                    .body("title", equalTo("Transition not allowed"))
                    .body("status", equalTo(409))
                    .body("description", containsString("allowedActions"));
        }
    }

    @Test
    void aBrowserGetsAPage() {
        String page = given().accept(BROWSER).get("/problems/too-many-requests").then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .extract().asString();
        assertThat(page).contains("<title>Too many requests (Mitra problem type)</title>", "429",
                "/problems/too-many-requests", ProblemType.TOO_MANY_REQUESTS.description().replace("'", "&#39;"));
        String catalog = given().accept(BROWSER).get("/problems").then()
                .statusCode(200).contentType(startsWith("text/html")).extract().asString();
        for (ProblemType type : ProblemType.values()) {
            assertThat(catalog).contains("href=\"/problems/" + type.slug() + "\"");
        }
    }

    @Test
    void theTypeOfAProblemLeadsToItsDescription() {
        URI requested = URI.create(root.toString()).resolve("/api/nowhere");
        Response problem = TestCalls.client().get(requested);
        problem.then().statusCode(404).contentType("application/problem+json");
        URI type = requested.resolve(problem.<String>path("type"));
        assertThat(type.getPath()).isEqualTo("/problems/not-found");
        given().get(type).then()
                .statusCode(200)
                .body("title", equalTo(problem.<String>path("title")))
                .body("status", equalTo(404));
    }

    @Test
    void theCatalogIsInTheGatewaysOpenApiDocument() {
        given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths", hasKey("/problems"))
                .body("paths", hasKey("/problems/{slug}"))
                .body("paths.'/problems/{slug}'.get.responses.'200'.content", hasKey("text/html"))
                .body("paths", not(hasKey("/nothing")));
    }
}
