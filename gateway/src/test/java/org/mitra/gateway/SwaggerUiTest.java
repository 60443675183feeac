package org.mitra.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestBackends.class)
class SwaggerUiTest {

    @Test
    void swaggerUiListsEveryServiceAndLogsInThroughKeycloakWithPkce() {
        String page = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString()
                + given().get("/q/swagger-ui/index.html").then().extract().asString();
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("/openapi/directory", "/openapi/referrals", "/openapi/awareness", "mitra-swagger")
                .containsIgnoringCase("usePkceWithAuthorizationCodeGrant");
    }

    @Test
    void eachServiceDocumentIsServedByTheGatewayWithAKeycloakLogin() {
        for (String service : new String[] {"directory", "referrals", "awareness"}) {
            given().get("/openapi/" + service).then()
                    .statusCode(200)
                    .contentType(containsString("application/json"))
                    .body("info.title", equalTo("Mitra " + service + " API"))
                    .body("components.securitySchemes", hasKey("bearer"))
                    .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                    .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                            equalTo("https://keycloak.mitra.test/realms/mitra/protocol/openid-connect/auth"))
                    .body("components.securitySchemes.keycloak.flows.authorizationCode.tokenUrl",
                            equalTo("https://keycloak.mitra.test/realms/mitra/protocol/openid-connect/token"))
                    .body("paths.'/api/" + service + "/things'.post.security", hasItem(hasKey("keycloak")))
                    .body("paths.'/api/" + service + "/things'.post.security", hasItem(hasKey("bearer")));
        }
    }

    @Test
    void unknownServiceDocumentIsAProblem() {
        given().get("/openapi/nothing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theGatewayDocumentsItsOwnFeedCatalog() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/api/feeds"));
    }
}
