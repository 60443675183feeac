package org.mitra.directory.taxonomy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaxonomyResourceTest {

    @Test
    void anyoneReadsTheFourSlicesWithTheirCategories() {
        given().when().get("/api/directory/taxonomy")
                .then().statusCode(200)
                .body("code", contains("advocacy", "prevention", "intervention", "rehabilitation"))
                .body("find { it.code == 'advocacy' }.categories", hasSize(6))
                .body("find { it.code == 'prevention' }.categories", hasSize(8))
                .body("find { it.code == 'intervention' }.categories", hasSize(7))
                .body("find { it.code == 'rehabilitation' }.categories", hasSize(8))
                .body("find { it.code == 'intervention' }.categories.code", containsInAnyOrder(
                        "intake-and-screening", "police-report-and-investigation", "removal-from-danger",
                        "emergency-shelter", "victim-status-decision", "prosecution-support",
                        "repatriation-and-immigration"));
    }

    @Test
    void everyInterventionCategoryRequiresLawEnforcementAndNoOtherDoes() {
        given().when().get("/api/directory/taxonomy")
                .then().statusCode(200)
                .body("find { it.code == 'intervention' }.categories.requiresLawEnforcement", everyItem(equalTo(true)))
                .body("find { it.code == 'rehabilitation' }.categories.requiresLawEnforcement", everyItem(equalTo(false)));
    }

    @Test
    void aCategoryHasEnglishAndIndonesianNamesAndItsSlice() {
        given().when().get("/api/directory/taxonomy/emergency-shelter")
                .then().statusCode(200)
                .body("slice", equalTo("intervention"))
                .body("parent", equalTo("intervention"))
                .body("names.en", equalTo("Emergency shelter"))
                .body("names.id", equalTo("Penampungan darurat"));
    }

    @Test
    void termIdsAreStableAcrossDeployments() {
        // Partners may hard-code a term id: it is md5('mitra-taxonomy-term:' || code) in every deployment.
        given().when().get("/api/directory/taxonomy/legal-aid")
                .then().statusCode(200)
                .body("id", equalTo(md5Uuid("mitra-taxonomy-term:legal-aid")));
    }

    @Test
    void anUnknownCodeIsNotFound() {
        given().when().get("/api/directory/taxonomy/no-such-category").then().statusCode(404);
    }

    private static String md5Uuid(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : hash) {
                hex.append(String.format("%02x", b));
            }
            return hex.insert(20, '-').insert(16, '-').insert(12, '-').insert(8, '-').toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
