package org.mitra.web.paging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.web.problem.ProblemAssertions.isProblem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemType;

@QuarkusTest
class PagingResourceTest {

    @Test
    void aMiddlePageCarriesItsItemsCountsAndAllFourLinksKeepingOtherParameters() {
        String link = given().queryParam("total", 45).queryParam("q", "rumah aman")
                .queryParam("page", 1).queryParam("size", 20)
                .when().get("/test/numbers")
                .then().statusCode(200)
                .header("X-Total-Count", equalTo("45"))
                .body("items.size()", equalTo(20))
                .body("items[0]", equalTo(20))
                .body("page", equalTo(1))
                .body("size", equalTo(20))
                .body("totalItems", equalTo(45))
                .body("totalPages", equalTo(3))
                .extract().header("Link");
        assertThat(link.split(", "))
                .containsExactly(
                        "</test/numbers?total=45&q=rumah%20aman&page=0&size=20>; rel=\"first\"",
                        "</test/numbers?total=45&q=rumah%20aman&page=0&size=20>; rel=\"prev\"",
                        "</test/numbers?total=45&q=rumah%20aman&page=2&size=20>; rel=\"next\"",
                        "</test/numbers?total=45&q=rumah%20aman&page=2&size=20>; rel=\"last\"");
    }

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        given().queryParam("total", 45).when().get("/test/numbers")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.size()", equalTo(20));
    }

    @Test
    void theLastPageHoldsTheRemainder() {
        given().queryParam("total", 45).queryParam("page", 2).when().get("/test/numbers")
                .then().statusCode(200)
                .body("items", contains(40, 41, 42, 43, 44));
    }

    @Test
    void sizeAboveTheMaximumAndANegativePageAreOne400NamingBoth() {
        isProblem(given().queryParam("total", 45).queryParam("size", 101).queryParam("page", -1)
                .when().get("/test/numbers").then(), ProblemType.VALIDATION_FAILED)
                .body("errors.field", contains("page", "size"));
    }

    @Test
    void aPageThatIsNotANumberIsA400() {
        given().queryParam("total", 45).queryParam("page", "two").when().get("/test/numbers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemType.BAD_REQUEST.uri().toString()));
    }
}
