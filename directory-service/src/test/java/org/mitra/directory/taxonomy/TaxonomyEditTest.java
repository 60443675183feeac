package org.mitra.directory.taxonomy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

@QuarkusTest
class TaxonomyEditTest {
    static final String PROBLEM = "application/problem+json";

    @Test
    void aCoalitionAdminAddsACategoryThatInheritsItsSlicesRules() {
        String code = "test-category-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "slice", "intervention", "nameEn", "Labour inspection liaison",
                            "nameId", "Penghubung pengawasan ketenagakerjaan"))
                    .post("/api/directory/taxonomy")
                    .then().statusCode(201)
                    .body("slice", equalTo("intervention"))
                    .body("parent", equalTo("intervention"))
                    .body("requiresLawEnforcement", equalTo(true));
            given().get("/api/directory/taxonomy/intervention").then().body("categories.code", hasItem(code));
            given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "slice", "prevention", "nameEn", "Again", "nameId", "Lagi"))
                    .post("/api/directory/taxonomy").then().statusCode(409).contentType(PROBLEM);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TaxonomyTerm.delete("code", code));
        }
    }

    /** A category the coalition adds gets its id by the same rule as the seeded ones, so partners can hard-code it too. */
    @Test
    void anAddedCategorysIdFollowsTheSameRuleAsTheSeededOnes() {
        String code = "test-category-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            String id = given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "slice", "rehabilitation", "nameEn", "Family tracing",
                            "nameId", "Penelusuran keluarga"))
                    .post("/api/directory/taxonomy").then().statusCode(201).extract().path("id");
            Object seededRule = QuarkusTransaction.requiringNew().call(() -> TaxonomyTerm.getEntityManager()
                    .createNativeQuery("SELECT mitra_term_id(:code)::text").setParameter("code", code).getSingleResult());
            org.assertj.core.api.Assertions.assertThat(id).isEqualTo(seededRule);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TaxonomyTerm.delete("code", code));
        }
    }

    @Test
    void onlyACoalitionAdminEditsTheTaxonomy() {
        Map<String, Object> category = Map.of("code", "not-added", "slice", "advocacy", "nameEn", "X", "nameId", "X");
        given().auth().oauth2(Tokens.orgAdmin(UUID.randomUUID())).contentType(ContentType.JSON).body(category)
                .post("/api/directory/taxonomy").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(category).post("/api/directory/taxonomy").then().statusCode(401);
        given().get("/api/directory/taxonomy/not-added").then().statusCode(404);
    }

    @Test
    void anUnknownSliceOrABadCodeIsRefused() {
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", "Bad Code", "slice", "rescue", "nameEn", "X", "nameId", "X"))
                .post("/api/directory/taxonomy").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("code"));
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", "fine-code", "slice", "rescue", "nameEn", "X", "nameId", "X"))
                .post("/api/directory/taxonomy").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("slice"));
    }

    @Test
    void renamingNeedsTheCurrentETag() {
        String etag = given().get("/api/directory/taxonomy/online-safety").then().statusCode(200).extract().header("ETag");
        Map<String, Object> names = Map.of("nameEn", "Online safety", "nameId", "Keamanan daring",
                "description", "Keeping children safe online");
        given().auth().oauth2(Tokens.coalitionAdmin()).contentType(ContentType.JSON).body(names)
                .put("/api/directory/taxonomy/online-safety").then().statusCode(428).contentType(PROBLEM);
        given().auth().oauth2(Tokens.coalitionAdmin()).header("If-Match", etag).contentType(ContentType.JSON).body(names)
                .put("/api/directory/taxonomy/online-safety").then().statusCode(200)
                .body("description", equalTo("Keeping children safe online"));
        given().auth().oauth2(Tokens.coalitionAdmin()).header("If-Match", etag).contentType(ContentType.JSON).body(names)
                .put("/api/directory/taxonomy/online-safety").then().statusCode(412).contentType(PROBLEM);
    }
}
