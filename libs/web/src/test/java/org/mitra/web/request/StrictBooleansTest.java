package org.mitra.web.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A flag is true or false: anything else is the client's mistake, answered as one, not read as false. */
@QuarkusTest
class StrictBooleansTest {

    @Test
    void trueAndFalseInAnyCaseAreRead() {
        given().queryParam("boxed", "TRUE").queryParam("primitive", "true").get("/test/flags").then().statusCode(200)
                .body("boxed", equalTo(true)).body("primitive", equalTo(true));
        given().queryParam("boxed", "false").queryParam("primitive", "False").get("/test/flags").then().statusCode(200)
                .body("boxed", equalTo(false)).body("primitive", equalTo(false));
    }

    @Test
    void anAbsentOrEmptyFlagIsNotGiven() {
        given().get("/test/flags").then().statusCode(200).body("boxed", equalTo("absent")).body("primitive", equalTo(false));
        given().queryParam("boxed", "").queryParam("primitive", "").get("/test/flags").then().statusCode(200)
                .body("boxed", equalTo("absent")).body("primitive", equalTo(false));
    }

    @Test
    void anyOtherValueIsA400ProblemNotAFalse() {
        for (String parameter : new String[] {"boxed", "primitive"}) {
            for (String value : new String[] {"yes", "1", "truetrue!", "tru"}) {
                given().queryParam(parameter, value).get("/test/flags").then().statusCode(400)
                        .contentType(startsWith("application/problem+json"));
            }
        }
    }
}
