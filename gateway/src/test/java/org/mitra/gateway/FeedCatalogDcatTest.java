package org.mitra.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.Tokens;

/**
 * {@code GET /api/feeds} with {@code Accept: application/ld+json}: a DCAT-AP 3 catalog. The answer is expanded by a
 * JSON-LD 1.1 processor (Titanium) that may fetch nothing and refuses undefined terms, and the DCAT terms are checked on
 * the expanded graph by their full IRIs. Test configuration: public URL https://mitra.example.id/, data since
 * 2026-01-01; the fake services describe a {@code statistics} feed each (monthly and quarterly, PT1H, restricted).
 */
@QuarkusTest
@WithTestResource(TestBackends.class)
class FeedCatalogDcatTest {
    private static final String LD = "application/ld+json";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String EU = "http://publications.europa.eu/resource/authority/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final String BASE = "https://mitra.example.id";

    @Test
    void theCatalogIsDcatAp3AsJsonLd() throws JsonLdError, IOException {
        Response response = TestCalls.client().accept(LD).get("/api/feeds");
        response.then().statusCode(200)
                .contentType(startsWith(LD))
                .header("Cache-Control", "public, max-age=60")
                .header("Vary", containsString("Accept"))
                .header("Mitra-Catalog-Unavailable", "stopped");
        // For a look at what a portal harvests: target/dcat/catalog.jsonld.
        Files.createDirectories(Path.of("target/dcat"));
        Files.writeString(Path.of("target/dcat/catalog.jsonld"), response.asString());
        JsonObject catalog = single(nodesOfType(expand(response.asString()), DCAT + "Catalog"));

        assertThat(catalog.getString("@id")).isEqualTo(BASE + "/api/feeds");
        assertThat(languages(catalog, DCT + "title")).containsExactlyInAnyOrder("en", "id");
        assertThat(languages(catalog, DCT + "description")).containsExactlyInAnyOrder("en", "id");
        JsonObject publisher = single(objects(catalog, DCT + "publisher"));
        assertThat(publisher.getJsonArray("@type").getString(0)).isEqualTo(FOAF + "Agent");
        assertThat(values(publisher, FOAF + "name")).containsExactly("Bali coalition against human trafficking");
        assertThat(ids(catalog, FOAF + "homepage")).containsExactly(BASE + "/");

        List<JsonObject> datasets = objects(catalog, DCAT + "dataset");
        assertThat(datasets).allSatisfy(dataset -> {
            assertThat(dataset.getJsonArray("@type").getString(0)).isEqualTo(DCAT + "Dataset");
            assertThat(values(dataset, DCT + "identifier")).hasSize(1);
            assertThat(languages(dataset, DCT + "title")).contains("en");
            assertThat(ids(dataset, DCT + "license")).containsExactly("http://creativecommons.org/licenses/by/4.0/");
            assertThat(ids(dataset, DCT + "accrualPeriodicity")).hasSize(1);
            assertThat(objects(dataset, DCT + "publisher")).hasSize(1);
            assertThat(objects(dataset, DCAT + "distribution")).isNotEmpty();
            JsonObject region = objects(dataset, DCT + "spatial").stream()
                    .filter(location -> location.containsKey(SKOS + "notation")).findFirst().orElseThrow();
            assertThat(region.getJsonArray("@type").getString(0)).isEqualTo(DCT + "Location");
            assertThat(values(region, SKOS + "notation")).containsExactly("51");
            assertThat(values(region, SKOS + "prefLabel")).containsExactly("Bali");
            assertThat(ids(dataset, DCT + "spatial")).contains(EU + "country/IDN");
        });

        JsonObject statistics = dataset(datasets, "referrals-statistics");
        assertThat(statistics.getString("@id")).isEqualTo(BASE + "/api/feeds#referrals-statistics");
        assertThat(languages(statistics, DCT + "title")).containsExactlyInAnyOrder("en", "id");
        assertThat(text(statistics, DCT + "title", "id")).startsWith("Rujukan antarorganisasi koalisi");
        assertThat(text(statistics, DCT + "title", "en")).isEqualTo("Statistics of referrals");
        assertThat(languages(statistics, DCT + "description")).containsExactlyInAnyOrder("en", "id");
        assertThat(ids(statistics, DCT + "accrualPeriodicity")).containsExactly(EU + "frequency/HOURLY");
        assertThat(ids(statistics, DCT + "accessRights")).containsExactly(EU + "access-right/RESTRICTED");
        JsonObject temporal = single(objects(statistics, DCT + "temporal"));
        assertThat(temporal.getJsonArray("@type").getString(0)).isEqualTo(DCT + "PeriodOfTime");
        JsonObject start = single(objects(temporal, DCAT + "startDate"));
        assertThat(start.getString("@value")).isEqualTo("2026-01-01");
        assertThat(start.getString("@type")).isEqualTo(XSD + "date");
        // Monthly is the finest granularity offered; the last ended month ends the coverage.
        LocalDate lastDayOfLastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusDays(1);
        assertThat(single(objects(temporal, DCAT + "endDate")).getString("@value")).isEqualTo(lastDayOfLastMonth.toString());
        assertThat(single(objects(statistics, DCAT + "temporalResolution")).getString("@value")).isEqualTo("P1M");

        List<JsonObject> distributions = objects(statistics, DCAT + "distribution");
        assertThat(distributions).hasSize(2).allSatisfy(distribution -> {
            assertThat(distribution.getJsonArray("@type").getString(0)).isEqualTo(DCAT + "Distribution");
            assertThat(ids(distribution, DCAT + "accessURL")).containsExactly(BASE + "/api/referrals/feeds/statistics");
            assertThat(ids(distribution, DCT + "license")).containsExactly("http://creativecommons.org/licenses/by/4.0/");
        });
        JsonObject csv = distributions.stream()
                .filter(distribution -> ids(distribution, DCAT + "mediaType").contains(
                        "https://www.iana.org/assignments/media-types/text/csv"))
                .findFirst().orElseThrow();
        assertThat(ids(csv, DCT + "format")).containsExactly(EU + "file-type/CSV");
        assertThat(ids(csv, DCT + "conformsTo")).containsExactly("https://hxlstandard.org/standard/");
        JsonObject json = distributions.stream().filter(distribution -> distribution != csv).findFirst().orElseThrow();
        assertThat(ids(json, DCAT + "mediaType")).containsExactly("https://www.iana.org/assignments/media-types/application/json");
        assertThat(ids(json, DCT + "format")).containsExactly(EU + "file-type/JSON");
        assertThat(json.containsKey(DCT + "conformsTo")).isFalse();

        JsonObject coverage = dataset(datasets, "directory-coverage-live");
        assertThat(text(coverage, DCT + "title", "id")).isEqualTo("Cakupan bantuan per wilayah");
        assertThat(ids(coverage, DCT + "accessRights")).containsExactly(EU + "access-right/PUBLIC");
        assertThat(ids(coverage, DCT + "accrualPeriodicity")).containsExactly(EU + "frequency/HOURLY");
        // A live view covers the present only: no temporal coverage is claimed.
        assertThat(coverage.containsKey(DCT + "temporal")).isFalse();
        assertThat(objects(coverage, DCAT + "distribution")).flatMap(distribution -> ids(distribution, DCAT + "mediaType"))
                .containsExactlyInAnyOrder("https://www.iana.org/assignments/media-types/application/json",
                        "https://www.iana.org/assignments/media-types/image/svg+xml");
        JsonObject hsds = dataset(datasets, "directory-hsds");
        assertThat(languages(hsds, DCT + "description")).containsExactlyInAnyOrder("en", "id");
        assertThat(ids(hsds, DCT + "accrualPeriodicity")).containsExactly(EU + "frequency/DAILY");
    }

    @Test
    void bothViewsListTheSameFeedsToAnyCaller() throws JsonLdError {
        // The catalog is public and the same for everyone (it names who may read each feed): an anonymous caller and a
        // liaison get the same feeds, in JSON and in JSON-LD, so neither view tells anyone more than the other.
        String liaison = Tokens.as("gov-liaison").subject("liaison-" + UUID.randomUUID()).sign();
        for (RequestSpecification caller : List.of(TestCalls.client(), TestCalls.client().auth().oauth2(liaison))) {
            Response json = caller.accept("application/json").get("/api/feeds");
            json.then().statusCode(200).contentType(startsWith("application/json")).header("Vary", containsString("Accept"));
            Set<String> listed = Set.copyOf(json.jsonPath().getList("id", String.class));
            assertThat(listed).contains("referrals-statistics", "directory-coverage-live");
            assertThat(listedAsDatasets(caller)).isEqualTo(listed);
        }
    }

    /**
     * The adversary's question of a public catalog: does another role, another organization, or the staff of an
     * organization the coalition suspended (the gateway knows no verification; the token's claims are all it sees) get
     * anything an anonymous caller does not? Every caller gets the very same bytes, in both representations.
     */
    @Test
    void everyRoleAndOrganizationGetsTheAnonymousCallersCatalogByteForByte() {
        UUID member = UUID.randomUUID();
        UUID suspended = UUID.randomUUID();
        List<String> tokens = List.of(Tokens.caseworker(member), Tokens.orgAdmin(member), Tokens.partnerApp(member),
                Tokens.caseworker(suspended), Tokens.coalitionAdmin(), Tokens.govLiaison());
        for (String accept : List.of("application/json", LD)) {
            String anonymous = TestCalls.client().accept(accept).get("/api/feeds").then().statusCode(200).extract().asString();
            for (String token : tokens) {
                assertThat(TestCalls.client().auth().oauth2(token).accept(accept).get("/api/feeds").then().statusCode(200)
                        .extract().asString()).as(accept).isEqualTo(anonymous);
            }
        }
    }

    @Test
    void acceptDecidesTheRepresentation() {
        TestCalls.client().get("/api/feeds").then().statusCode(200).contentType(startsWith("application/json"));
        TestCalls.client().accept("*/*").get("/api/feeds").then().statusCode(200).contentType(startsWith("application/json"));
        TestCalls.client().accept("application/ld+json;q=0.5, application/json").get("/api/feeds").then()
                .statusCode(200).contentType(startsWith("application/json"));
        TestCalls.client().accept("application/json;q=0.5, application/ld+json").get("/api/feeds").then()
                .statusCode(200).contentType(startsWith(LD));
        TestCalls.client().accept("application/ld+json; profile=\"http://www.w3.org/ns/json-ld#expanded\"")
                .get("/api/feeds").then().statusCode(200).contentType(startsWith(LD));
    }

    @Test
    void aHarvesterSendingAnyAcceptGetsJsonLdWithFormatJsonld() {
        // CKAN's DCAT harvester (ckanext-dcat) sends no Accept of its own (Python requests: */*).
        TestCalls.client().accept("*/*").get("/api/feeds?format=jsonld").then()
                .statusCode(200).contentType(startsWith(LD)).header("Vary", containsString("Accept"))
                .body(containsString("\"dcat:Catalog\""));
        TestCalls.client().accept("*/*").head("/api/feeds?format=jsonld").then().statusCode(200).contentType(startsWith(LD));
        TestCalls.client().accept(LD).get("/api/feeds?format=json").then().statusCode(406)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-acceptable"));
        TestCalls.client().accept("application/json").get("/api/feeds?format=jsonld").then().statusCode(406)
                .contentType("application/problem+json");
        TestCalls.client().get("/api/feeds?format=turtle").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-request"))
                .body("detail", equalTo("format is json or jsonld."))
                .body("instance", equalTo("/api/feeds"));
    }

    @Test
    void linksAreMadeFromThePublicAddressNeverFromTheHostHeader() {
        TestCalls.client().header("Host", "attacker.example").header("X-Forwarded-Host", "attacker.example")
                .accept(LD).get("/api/feeds").then()
                .statusCode(200)
                .body(not(containsString("attacker.example")))
                .body(containsString("\"" + BASE + "/api/feeds\""));
    }

    @Test
    void errorsUnderTheCatalogAreProblems() {
        for (String path : List.of("/api/feeds/nope", "/api/feeds/x.csv", "/api/feeds/referrals-statistics")) {
            for (String accept : List.of(LD, "application/json", "text/csv")) {
                TestCalls.client().accept(accept).get(path).then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("type", equalTo("/problems/not-found"))
                        .body("status", equalTo(404))
                        .body("instance", equalTo(path));
            }
        }
        for (String accept : List.of("text/html", "text/csv", "application/xml", "application/ld+json;q=0, text/turtle")) {
            TestCalls.client().accept(accept).get("/api/feeds").then()
                    .statusCode(406)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-acceptable"))
                    .body("status", equalTo(406))
                    .body("instance", equalTo("/api/feeds"));
        }
    }

    private static Set<String> listedAsDatasets(RequestSpecification caller) {
        try {
            Response response = caller.accept(LD).get("/api/feeds");
            response.then().statusCode(200).contentType(startsWith(LD));
            JsonObject catalog = single(nodesOfType(expand(response.asString()), DCAT + "Catalog"));
            return objects(catalog, DCAT + "dataset").stream()
                    .map(dataset -> values(dataset, DCT + "identifier").get(0)).collect(Collectors.toSet());
        } catch (JsonLdError e) {
            throw new AssertionError(e);
        }
    }

    /** Expands with a loader that refuses every fetch, and fails on any term the inline context does not define. */
    private static JsonArray expand(String body) throws JsonLdError {
        return JsonLd.expand(JsonDocument.of(new StringReader(body)))
                .loader((url, options) -> {
                    throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "No fetching in this test: " + url);
                })
                .undefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail)
                .get();
    }

    private static List<JsonObject> nodesOfType(JsonArray expanded, String type) {
        List<JsonObject> nodes = new ArrayList<>();
        for (JsonValue value : expanded) {
            JsonObject node = value.asJsonObject();
            if (node.containsKey("@type") && node.getJsonArray("@type").getValuesAs(JsonValue::toString).contains("\"" + type + "\"")) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static JsonObject dataset(List<JsonObject> datasets, String identifier) {
        return datasets.stream().filter(dataset -> values(dataset, DCT + "identifier").contains(identifier))
                .findFirst().orElseThrow(() -> new AssertionError("No dataset " + identifier));
    }

    private static JsonObject single(List<JsonObject> objects) {
        assertThat(objects).hasSize(1);
        return objects.get(0);
    }

    private static List<JsonObject> objects(JsonObject node, String property) {
        JsonArray values = node.getJsonArray(property);
        return values == null ? List.of() : values.getValuesAs(JsonObject.class);
    }

    private static List<String> ids(JsonObject node, String property) {
        return objects(node, property).stream().filter(value -> value.containsKey("@id"))
                .map(value -> value.getString("@id")).toList();
    }

    private static List<String> values(JsonObject node, String property) {
        return objects(node, property).stream().filter(value -> value.containsKey("@value"))
                .map(value -> value.getString("@value")).toList();
    }

    private static List<String> languages(JsonObject node, String property) {
        return objects(node, property).stream().filter(value -> value.containsKey("@language"))
                .map(value -> value.getString("@language")).toList();
    }

    private static String text(JsonObject node, String property, String language) {
        return objects(node, property).stream().filter(value -> language.equals(value.getString("@language", null)))
                .map(value -> value.getString("@value")).findFirst().orElseThrow();
    }
}
