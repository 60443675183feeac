package org.mitra.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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
    void documentsEveryOperationWithASummaryAndItsProblemResponses() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        // A service without operations yet has nothing to document; every operation it has must be.
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        (paths == null ? Map.<String, Map<String, Map<String, Object>>>of() : paths).forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String where = method.toUpperCase(Locale.ROOT) + " " + path;
            assertThat(operation.get("summary")).as("summary of " + where).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses =
                    (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as("responses of " + where)
                    .containsKey("500")
                    .anySatisfy((status, response) -> assertThat(
                            String.valueOf(response.get("content"))).contains("application/problem+json"));
        }));
    }

    /**
     * What a client generator needs of every operation (issue 16): an operationId of its own, which names the generated
     * method; a description; tags the document describes; and security requirements without scopes, as the bearer scheme
     * has none (the roles are in x-mitra-roles). The platform-wide checks (Spectral, operationIds unique across the
     * services) are system-tests' OpenApiContractIT.
     */
    @Test
    void documentsEveryOperationForClientGenerators() {
        JsonPath openapi = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        assertThat(openapi.getString("servers[0].url")).as("the gateway as the server").startsWith("http");
        assertThat(openapi.getString("info.contact.name")).as("whom to ask").isNotBlank();
        java.util.List<Map<String, Object>> tags = openapi.getList("tags");
        Map<String, Object> described = new java.util.HashMap<>();
        (tags == null ? java.util.List.<Map<String, Object>>of() : tags).forEach(tag -> described.put((String) tag.get("name"),
                tag.get("description")));
        Set<String> operationIds = new java.util.HashSet<>();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        assertThat(paths).as("the service's operations").isNotEmpty();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(method) || !(value instanceof Map<?, ?> operation)) {
                return;
            }
            String where = method.toUpperCase(Locale.ROOT) + " " + path;
            assertThat(operation.get("operationId")).as("operationId of " + where).isInstanceOf(String.class);
            assertThat(operationIds.add((String) operation.get("operationId"))).as("operationId of " + where + " is its own")
                    .isTrue();
            assertThat(String.valueOf(operation.get("description"))).as("description of " + where).contains("Access: ");
            assertThat((java.util.List<?>) operation.get("tags")).as("tags of " + where).isNotEmpty()
                    .allSatisfy(tag -> assertThat(described.get(tag)).as("description of tag " + tag).isNotNull());
            Object security = operation.get("security");
            if (security != null) {
                assertThat(String.valueOf(security)).as("security of " + where + " names no scope").doesNotContainPattern("=\\[[^\\]]");
            }
        }));
        assertThat(operationIds).as("operations checked").isNotEmpty();
    }

    @Test
    void sendsSecurityHeadersAndNoServerVersion() {
        for (var response : java.util.List.of(given().when().get("/q/health/ready"),
                given().when().get("/api/no-such-resource"))) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", containsString("max-age="));
            assertThat(response.getHeader("Server")).as("no server name or version").isNull();
            assertThat(response.getHeader("X-Powered-By")).isNull();
        }
        given().when().get("/api/no-such-resource").then()
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL managementMetrics;

    @Test
    void servesPrometheusMetricsOnTheManagementInterfaceOnly() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get(managementMetrics.toString())
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void labelsRequestMetricsWithTemplatesNeverWithIdsFromPaths() {
        UUID id = UUID.randomUUID();
        given().when().get("/api/no-such-resource/" + id);
        given().when().get("/q/health/ready/" + id);
        String exposition = given().when().get(managementMetrics.toString()).then().statusCode(200).extract().asString();
        assertThat(exposition).contains("http_server_requests_seconds_count").doesNotContain(id.toString());
        Pattern anyId = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        exposition.lines().filter(line -> line.startsWith("http_server"))
                .forEach(line -> assertThat(anyId.matcher(line).find()).as(line).isFalse());
    }
}
