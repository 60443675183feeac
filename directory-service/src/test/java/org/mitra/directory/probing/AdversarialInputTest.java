package org.mitra.directory.probing;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 13 (ReDoS) for the directory: it takes no anonymous body, so its public strings are the query
 * parameters of its anonymous reads. Each is given as long a value as a request line carries (the services accept
 * 4,096 characters, the gateway forwards 4,000), built to be the worst case for its check (many repetitions of what
 * its pattern partly matches, then what spoils it), and must be refused with a 400 problem within a second.
 */
@QuarkusTest
class AdversarialInputTest {
    static final Duration BOUND = Duration.ofSeconds(1);
    /** What fits in a request line with the path and the parameter's name. */
    static final int LONGEST = 3_800;

    /** {@code unit} repeated to {@link #LONGEST}, then {@code end}. */
    static String adversarial(String unit, String end) {
        return unit.repeat((LONGEST - end.length()) / unit.length()) + end;
    }

    record Probe(String path, String parameter, String value) {
    }

    static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        String services = "/api/directory/services";
        probes.add(new Probe(services, "slice", adversarial("rehabilitation-", "!")));
        probes.add(new Probe(services, "category", adversarial("shelter-", "!")));
        probes.add(new Probe(services, "region", adversarial("51", "!")));
        probes.add(new Probe(services, "language", adversarial("id-", "!")));
        probes.add(new Probe(services, "gender", adversarial("FEMALE", "!")));
        probes.add(new Probe(services, "q", adversarial("shelter.", "!")));
        probes.add(new Probe(services, "age", adversarial("1", "!")));
        probes.add(new Probe(services, "page", adversarial("9", "!")));
        probes.add(new Probe(services, "size", adversarial("9", "!")));
        probes.add(new Probe(services, "available", adversarial("true", "!")));
        for (String list : List.of("services", "service_at_locations")) {
            String path = "/api/directory/hsds/" + list;
            probes.add(new Probe(path, "search", adversarial("shelter.", "!")));
            probes.add(new Probe(path, "taxonomy_term_id", adversarial("0000-", "!")));
            probes.add(new Probe(path, "taxonomy_id", adversarial("0000-", "!")));
            probes.add(new Probe(path, "organization_id", adversarial("0000-", "!")));
            probes.add(new Probe(path, "modified_after", adversarial("2026-", "!")));
        }
        probes.add(new Probe("/api/directory/hsds/service_at_locations", "postcode", adversarial("80", "!")));
        for (String list : List.of("services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms")) {
            String path = "/api/directory/hsds/" + list;
            probes.add(new Probe(path, "page", adversarial("9", "!")));
            probes.add(new Probe(path, "per_page", adversarial("9", "!")));
            probes.add(new Probe(path, "format", adversarial("ndjson", "!")));
        }
        probes.add(new Probe("/api/directory/hsds/organizations", "search", adversarial("yayasan.", "!")));
        probes.add(new Probe("/api/directory/hsds/taxonomy_terms", "search", adversarial("shelter.", "!")));
        probes.add(new Probe("/api/directory/hsds/taxonomy_terms", "taxonomy_id", adversarial("0000-", "!")));
        probes.add(new Probe("/api/directory/hsds/taxonomy_terms", "parent_id", adversarial("0000-", "!")));
        for (String coverage : List.of("/api/directory/coverage", "/api/directory/coverage.svg")) {
            probes.add(new Probe(coverage, "region", adversarial("51", "!")));
        }
        probes.add(new Probe("/api/directory/regions", "within", adversarial("51", "!")));
        probes.add(new Probe("/api/directory/organizations", "status", adversarial("VERIFIED", "!")));
        probes.add(new Probe("/api/directory/organizations", "page", adversarial("9", "!")));
        probes.add(new Probe("/api/directory/organizations", "size", adversarial("9", "!")));
        return probes;
    }

    @Test
    void everyAnonymousQueryParameterRefusesItsWorstCaseWithin1s() {
        given().queryParam("q", adversarial("shelter.", "!")).get("/api/directory/services"); // warm-up
        SoftAssertions softly = new SoftAssertions();
        for (Probe probe : probes()) {
            long start = System.nanoTime();
            Response answer = given().queryParam(probe.parameter(), probe.value()).get(probe.path());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String what = probe.path() + "?" + probe.parameter();
            softly.assertThat(answer.statusCode()).as("%s: status", what).isEqualTo(400);
            softly.assertThat(answer.contentType()).as("%s: a problem", what).startsWith("application/problem+json");
            softly.assertThat(answer.asString()).as("%s: the value is not echoed", what).doesNotContain(probe.value());
            softly.assertThat(took).as("%s: time", what).isLessThan(BOUND);
        }
        softly.assertAll();
    }

    /** Path segments name a thing: one as long as a request line carries is not found (or refused), at once. */
    @Test
    void everyAnonymousPathSegmentAnswersItsWorstCaseWithin1s() {
        SoftAssertions softly = new SoftAssertions();
        for (String path : List.of("/api/directory/regions/" + adversarial("51", "!"),
                "/api/directory/taxonomy/" + adversarial("shelter-", "!"),
                "/api/directory/services/" + adversarial("0000-", "!"),
                "/api/directory/organizations/" + adversarial("0000-", "!"),
                "/api/directory/hsds/services/" + adversarial("0000-", "!"),
                "/api/directory/hsds/organizations/" + adversarial("0000-", "!"),
                "/api/directory/hsds/taxonomy_terms/" + adversarial("0000-", "!"))) {
            long start = System.nanoTime();
            Response answer = given().get(path);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String what = path.substring(0, path.lastIndexOf('/') + 1) + "…";
            softly.assertThat(answer.statusCode()).as("%s: status", what).isIn(400, 404);
            softly.assertThat(answer.contentType()).as("%s: a problem", what).startsWith("application/problem+json");
            softly.assertThat(took).as("%s: time", what).isLessThan(BOUND);
        }
        softly.assertAll();
    }
}
