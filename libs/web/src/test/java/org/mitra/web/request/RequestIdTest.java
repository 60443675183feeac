package org.mitra.web.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestIdTest {

    @Test
    void echoesTheClientsIdAndPutsItInTheLogContext() {
        given().header("X-Request-Id", "gw-7f3a.2")
                .when().get("/test/failures/request-id")
                .then().statusCode(200)
                .header("X-Request-Id", equalTo("gw-7f3a.2"))
                .body(equalTo("gw-7f3a.2"));
    }

    @Test
    void generatesAnIdWhenTheClientSendsNone() {
        String id = given().when().get("/test/failures/request-id")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
    }

    @Test
    void replacesAnIdThatCouldForgeLogLines() {
        String hostile = "abc\" injected=true <script>";
        String id = given().header("X-Request-Id", hostile).when().get("/test/failures/request-id")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(id).isNotEqualTo(hostile);
        assertThat(UUID.fromString(id)).isNotNull();
    }

    @Test
    void echoesTheIdOnErrorsToo() {
        given().header("X-Request-Id", "err-42").when().get("/test/failures/bug")
                .then().statusCode(500)
                .header("X-Request-Id", equalTo("err-42"))
                .body("requestId", equalTo("err-42"));
    }
}
