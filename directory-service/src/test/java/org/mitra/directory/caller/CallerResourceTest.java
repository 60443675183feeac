package org.mitra.directory.caller;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.TestKeys;
import org.mitra.testkit.Tokens;
import org.mitra.web.Roles;

@QuarkusTest
class CallerResourceTest {

    @Test
    void tellsAnAuthenticatedCallerWhoTheyAreAndForWhichOrganization() {
        UUID organization = UUID.randomUUID();
        given().auth().oauth2(Tokens.as(Roles.ORG_ADMIN).org(organization).username("darkbali-admin").sign())
                .when().get("/api/directory/me")
                .then().statusCode(200)
                .body("username", equalTo("darkbali-admin"))
                .body("organization", equalTo(organization.toString()))
                .body("roles", hasItem(Roles.ORG_ADMIN));
    }

    @Test
    void refusesACallWithoutToken() {
        given().when().get("/api/directory/me").then().statusCode(401);
    }

    @Test
    void refusesTokensItShouldNotTrust() {
        String forged = Tokens.as(Roles.COALITION_ADMIN).signedBy(TestKeys.untrustedKeyPair().getPrivate()).sign();
        String expired = Tokens.as(Roles.COALITION_ADMIN).issuedAgo(Duration.ofMinutes(10)).sign();
        String otherIssuer = Tokens.as(Roles.COALITION_ADMIN).issuer("https://elsewhere.example/realms/mitra").sign();
        String otherAudience = Tokens.as(Roles.COALITION_ADMIN).audience("another-api").sign();
        for (String token : new String[] {forged, expired, otherIssuer, otherAudience}) {
            given().auth().oauth2(token).when().get("/api/directory/me").then().statusCode(401);
        }
    }
}
