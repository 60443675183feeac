package org.mitra.directory.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegionResourceTest {

    @Test
    void baliHoldsItsNineRegenciesAndCityWithOfficialCodes() {
        given().queryParam("within", "51").when().get("/api/directory/regions")
                .then().statusCode(200)
                .body("code", contains("51", "5101", "5102", "5103", "5104", "5105", "5106", "5107", "5108", "5171"))
                .body("find { it.code == '5171' }.name", equalTo("Denpasar"))
                .body("find { it.code == '5171' }.level", equalTo("CITY"))
                .body("find { it.code == '5103' }.parent", equalTo("51"));
    }

    @Test
    void theWholeTreeStartsAtTheCountry() {
        given().when().get("/api/directory/regions")
                .then().statusCode(200)
                .body("[0].code", equalTo("ID"))
                .body("[0].level", equalTo("COUNTRY"))
                .body("code", hasItems("ID", "51", "5108"));
    }

    @Test
    void aRegencyContainsOnlyItself() {
        given().queryParam("within", "5103").when().get("/api/directory/regions")
                .then().statusCode(200)
                .body("code", contains("5103"))
                .body("code", not(hasItem("51")));
    }

    @Test
    void anUnknownRegionIsNotFound() {
        given().when().get("/api/directory/regions/9999").then().statusCode(404);
        given().queryParam("within", "9999").when().get("/api/directory/regions").then().statusCode(404);
    }
}
