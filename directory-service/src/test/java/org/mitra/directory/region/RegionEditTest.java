package org.mitra.directory.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.directory.DirectoryFixtures;
import org.mitra.testkit.Tokens;

@QuarkusTest
class RegionEditTest {
    static final String PROBLEM = "application/problem+json";

    @Test
    void aCoalitionAdminAddsARegencyThatSearchesThenFindWithinItsProvince() {
        Region province = DirectoryFixtures.province(0);
        String code = province.code + "9";
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "New Regency", "level", "REGENCY", "parent", province.code))
                .post("/api/directory/regions").then().statusCode(201).body("parent", equalTo(province.code));
        given().queryParam("within", province.code).get("/api/directory/regions")
                .then().statusCode(200).body("code", contains(province.code, code));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Twice", "level", "REGENCY", "parent", province.code))
                .post("/api/directory/regions").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void theTreeKeepsItsShape() {
        Region province = DirectoryFixtures.province(1);
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", "X" + province.code, "name", "Province in a regency", "level", "PROVINCE",
                        "parent", province.code + "1"))
                .post("/api/directory/regions").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("level"));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", "Y" + province.code, "name", "Orphan", "level", "REGENCY", "parent", "0000"))
                .post("/api/directory/regions").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("parent"));
    }

    @Test
    void onlyACoalitionAdminEditsRegionsAndRenamingNeedsTheETag() {
        Region province = DirectoryFixtures.province(0);
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("code", province.code + "8", "name", "Not allowed", "level", "CITY", "parent", province.code))
                .post("/api/directory/regions").then().statusCode(403).contentType(PROBLEM);
        String etag = given().get("/api/directory/regions/" + province.code).then().extract().header("ETag");
        given().auth().oauth2(Tokens.coalitionAdmin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed province")).put("/api/directory/regions/" + province.code)
                .then().statusCode(200).body("name", equalTo("Renamed province"));
        given().auth().oauth2(Tokens.coalitionAdmin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("name", "Stale")).put("/api/directory/regions/" + province.code)
                .then().statusCode(412).contentType(PROBLEM);
    }
}
