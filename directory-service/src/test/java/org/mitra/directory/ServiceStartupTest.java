package org.mitra.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

@QuarkusTest
class ServiceStartupTest {

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void describesItsApiWithBearerSecurity() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Mitra directory API"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void tellsAnAuthenticatedCallerWhoTheyAre() {
        UUID organization = UUID.randomUUID();
        given().auth().oauth2(Tokens.orgAdmin(organization))
                .when().get("/api/directory/me")
                .then().statusCode(200)
                .body("organization", equalTo(organization.toString()))
                .body("roles", hasItem("org-admin"));
    }

    @Test
    void refusesACallWithoutToken() {
        given().when().get("/api/directory/me").then().statusCode(401);
    }
}
