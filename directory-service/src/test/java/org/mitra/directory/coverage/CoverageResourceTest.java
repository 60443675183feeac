package org.mitra.directory.coverage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.mitra.directory.organization.Organization;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.directory.region.Region;
import org.mitra.testkit.Tokens;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import static org.mitra.directory.DirectoryFixtures.organization;
import static org.mitra.directory.DirectoryFixtures.province;
import static org.mitra.directory.DirectoryFixtures.lastMonth;
import static org.mitra.directory.DirectoryFixtures.referral;
import static org.mitra.directory.DirectoryFixtures.referralAt;
import static org.mitra.directory.DirectoryFixtures.service;

@QuarkusTest
class CoverageResourceTest {
    @jakarta.inject.Inject
    PublicDemand publicDemand;

    @Test
    void showsAGapAStrainedCategoryAndAnOverlapInARegion() {
        Region province = province(2);
        String regencyA = province.code + "1";
        String regencyB = province.code + "2";
        Organization shelter = organization(OrganizationStatus.VERIFIED, province.code);
        Organization clinicA = organization(OrganizationStatus.VERIFIED, regencyA);
        Organization clinicB = organization(OrganizationStatus.VERIFIED, regencyB);
        Organization unverified = organization(OrganizationStatus.PENDING, regencyA);
        // Strained: 2 places available, 5 referrals requested, 2 of them rejected for lack of capacity.
        service(shelter, "shelter-and-safe-housing", 10, 2, province.code);
        for (int i = 0; i < 5; i++) {
            referral("shelter-and-safe-housing", regencyA, i < 2, false);
        }
        // Overlap: two providers with 40 places between them and one referral.
        service(clinicA, "medical-care", 20, 20, regencyA);
        service(clinicB, "medical-care", 20, 20, regencyB);
        referral("medical-care", regencyB, false, false);
        // A pending organization is no provider: legal aid stays a gap.
        service(unverified, "legal-aid", 5, 5, regencyA);

        JsonPath pie = given().auth().oauth2(Tokens.coalitionAdmin())
                .queryParam("region", province.code).when().get("/api/directory/coverage")
                .then().statusCode(200)
                .body("region.code", equalTo(province.code))
                .extract().jsonPath();

        String rehabilitation = "slices.find { it.slice == 'rehabilitation' }";
        assertThat(pie.getString(rehabilitation + ".categories.find { it.code == 'shelter-and-safe-housing' }.verdict")).isEqualTo("STRAINED");
        assertThat(pie.getLong(rehabilitation + ".categories.find { it.code == 'shelter-and-safe-housing' }.demand.requested")).isEqualTo(5);
        assertThat(pie.getLong(rehabilitation + ".categories.find { it.code == 'shelter-and-safe-housing' }.demand.rejectedNoCapacity")).isEqualTo(2);
        assertThat(pie.getString(rehabilitation + ".categories.find { it.code == 'medical-care' }.verdict")).isEqualTo("OVERLAP");
        assertThat(pie.getLong(rehabilitation + ".categories.find { it.code == 'medical-care' }.providers")).isEqualTo(2);
        assertThat(pie.getLong(rehabilitation + ".categories.find { it.code == 'medical-care' }.availableCapacity")).isEqualTo(40);
        assertThat(pie.getString(rehabilitation + ".categories.find { it.code == 'legal-aid' }.verdict")).isEqualTo("GAP");
        assertThat(pie.getString(rehabilitation + ".verdict")).isEqualTo("STRAINED");
        assertThat(pie.getLong(rehabilitation + ".providers")).isEqualTo(3);
        assertThat(pie.getLong(rehabilitation + ".gapCategories")).isEqualTo(6);
        assertThat(pie.getString("slices.find { it.slice == 'intervention' }.verdict")).isEqualTo("GAP");
        assertThat(pie.getList("slices.slice")).containsExactly("advocacy", "prevention", "intervention", "rehabilitation");
    }

    /**
     * Before issue 12 the public saw live demand and a verdict computed from the exact count (STRAINED for 3
     * referrals against no room): it now sees last month's published figures and verdicts from those alone.
     */
    @Test
    void thePublicSeesLastMonthsPublishedDemandAndVerdictsFromItAlone() {
        Region province = province(1);
        service(organization(OrganizationStatus.VERIFIED, province.code), "legal-aid", 1, 0, province.code);
        for (int i = 0; i < 3; i++) {
            referralAt("legal-aid", province.code + "1", false, false, lastMonth());
        }
        for (int i = 0; i < 23; i++) {
            referralAt("medical-care", province.code + "1", false, false, lastMonth());
        }
        publicDemand.refresh();
        String rehabilitation = "slices.find { it.slice == 'rehabilitation' }";
        JsonPath anonymous = given().queryParam("region", province.code).get("/api/directory/coverage")
                .then().statusCode(200).extract().jsonPath();
        assertThat(anonymous.getBoolean("demandExact")).isFalse();
        assertThat(anonymous.getString(rehabilitation + ".categories.find { it.code == 'legal-aid' }.demand.requested")).isNull();
        assertThat(anonymous.getBoolean(rehabilitation + ".categories.find { it.code == 'legal-aid' }.demand.withheld")).isTrue();
        assertThat(anonymous.getString(rehabilitation + ".categories.find { it.code == 'legal-aid' }.verdict")).isEqualTo("COVERED");
        // Legal aid's 3 cannot be recomputed from medical care's 23: that is withheld with it, and so is the slice's sum.
        assertThat(anonymous.getString(rehabilitation + ".categories.find { it.code == 'medical-care' }.demand.requested")).isNull();
        assertThat(anonymous.getString(rehabilitation + ".demand.requested")).isNull();
        JsonPath admin = given().auth().oauth2(Tokens.coalitionAdmin()).queryParam("region", province.code)
                .get("/api/directory/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(admin.getBoolean("demandExact")).isTrue();
        assertThat(admin.getLong(rehabilitation + ".categories.find { it.code == 'legal-aid' }.demand.requested")).isEqualTo(3);
        assertThat(admin.getString(rehabilitation + ".categories.find { it.code == 'legal-aid' }.verdict")).isEqualTo("STRAINED");
        assertThat(admin.getLong(rehabilitation + ".demand.requested")).isEqualTo(26);
    }

    @Test
    void aRegencySeesProvinceWideServicesButNotItsNeighboursServices() {
        Region province = province(2);
        Organization provinceWide = organization(OrganizationStatus.VERIFIED, province.code);
        Organization neighbour = organization(OrganizationStatus.VERIFIED, province.code + "2");
        service(provinceWide, "psychosocial-care", null, null, province.code);
        service(neighbour, "skills-training", null, null, province.code + "2");

        JsonPath pie = given().queryParam("region", province.code + "1").when().get("/api/directory/coverage")
                .then().statusCode(200).extract().jsonPath();

        String rehabilitation = "slices.find { it.slice == 'rehabilitation' }.categories";
        assertThat(pie.getString(rehabilitation + ".find { it.code == 'psychosocial-care' }.verdict")).isEqualTo("COVERED");
        assertThat(pie.getString(rehabilitation + ".find { it.code == 'skills-training' }.verdict")).isEqualTo("GAP");
    }

    @Test
    void drawsThePieAsAnSvgPictureWithGapsMarked() throws Exception {
        Region province = province(1);
        service(organization(OrganizationStatus.VERIFIED, province.code), "public-awareness", null, null, province.code);

        String svg = given().queryParam("region", province.code).when().get("/api/directory/coverage.svg")
                .then().statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .body(containsString("<svg"))
                .extract().asString();

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg).contains("id=\"legend\"").contains("Coverage of anti-trafficking services in Province " + province.code);
        assertThat(svg).contains("id=\"slice-intervention\" class=\"gap\"");
        assertThat(svg).contains("id=\"category-public-awareness\" class=\"covered\"");
        assertThat(svg).contains("id=\"category-removal-from-danger\" class=\"gap\"");
        assertThat(svg).contains("Demand: referrals of " + org.mitra.directory.coverage.PublicDemand.periodAt(java.time.Instant.now())
                + ", as published");
    }

    @Test
    void anUnknownRegionIsNotFound() {
        given().queryParam("region", "0000").when().get("/api/directory/coverage").then().statusCode(404);
        given().queryParam("region", "0000").when().get("/api/directory/coverage.svg").then().statusCode(404);
    }
}
