package org.mitra.web.etag;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.web.problem.ProblemAssertions.isProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemType;

@QuarkusTest
class ETagResourceTest {

    @Test
    void updateWithTheETagJustReadSucceedsAndReturnsTheNewTag() {
        UUID id = UUID.randomUUID();
        String etag = given().when().get("/test/versioned/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag).when().put("/test/versioned/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"" + id + "-4\""));
    }

    @Test
    void updateWithAStaleETagIsA412() {
        UUID id = UUID.randomUUID();
        isProblem(given().header("If-Match", "\"" + id + "-2\"").when().put("/test/versioned/" + id).then(),
                ProblemType.PRECONDITION_FAILED);
    }

    @Test
    void strictUpdateWithoutIfMatchIsA428() {
        isProblem(given().when().put("/test/versioned/" + UUID.randomUUID() + "/strict").then(),
                ProblemType.PRECONDITION_REQUIRED);
    }
}
