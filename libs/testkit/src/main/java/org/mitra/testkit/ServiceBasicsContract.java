package org.mitra.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import org.junit.jupiter.api.Test;

/**
 * What every Mitra service promises its operators: ready only with its database and Kafka, an
 * OpenAPI document with a title and the bearer scheme, Prometheus metrics. A service's
 * {@code @QuarkusTest} extends this and names its API title.
 */
public abstract class ServiceBasicsContract {

    protected abstract String apiTitle();

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
                .body("info.title", equalTo(apiTitle()))
                .body("info.description", not(emptyOrNullString()))
                .body("info.version", not(emptyOrNullString()))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
