package org.mitra.web.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.mitra.web.problem.ProblemAssertions.isProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemType;
import org.mitra.testkit.TestKeys;
import org.mitra.testkit.Tokens;

@QuarkusTest
class SecurityProblemsTest {

    @Test
    void missingTokenIsA401ProblemWithTheBearerChallenge() {
        isProblem(given().when().get("/test/failures/admin-only").then(), ProblemType.UNAUTHORIZED)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void tokenSignedByAnUntrustedKeyIsA401ProblemWithTheRequestIdEchoed() {
        String forged = Tokens.as("coalition-admin").signedBy(TestKeys.untrustedKeyPair().getPrivate()).sign();
        isProblem(given().auth().oauth2(forged).header("X-Request-Id", "forged-token-1")
                .when().get("/test/failures/admin-only").then(), ProblemType.UNAUTHORIZED)
                .header("X-Request-Id", equalTo("forged-token-1"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("requestId", equalTo("forged-token-1"));
    }

    @Test
    void wrongRoleIsA403Problem() {
        isProblem(given().auth().oauth2(Tokens.caseworker(UUID.randomUUID()))
                .when().get("/test/failures/admin-only").then(), ProblemType.FORBIDDEN);
    }

    @Test
    void rightRoleGetsThrough() {
        given().auth().oauth2(Tokens.coalitionAdmin()).when().get("/test/failures/admin-only")
                .then().statusCode(200).body(equalTo("secret"));
    }
}
