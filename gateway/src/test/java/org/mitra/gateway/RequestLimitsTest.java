package org.mitra.gateway;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * GW-1: a request too large for the services is the client's mistake: the gateway refuses it itself with 414 or
 * 431 problem+json before proxying, and whatever it does forward is accepted by a service of default limits.
 */
@QuarkusTest
@WithTestResource(TestBackends.class)
class RequestLimitsTest {
    private static final int MAX_URI = 4000;

    @Test
    void aVeryLongQueryIsRefusedWith414AndNeverReachesTheService() {
        String requestId = TestCalls.requestId();
        String path = "/api/directory/organizations";
        TestCalls.client(requestId).urlEncodingEnabled(false).get(path + "?x=" + "a".repeat(5000)).then()
                .statusCode(414)
                .contentType(startsWith("application/problem+json"))
                .header("X-Request-Id", requestId)
                .body("type", equalTo("/problems/uri-too-long"))
                .body("status", equalTo(414))
                .body("detail", equalTo("The request URI is " + (path.length() + 5003)
                        + " characters long; the gateway accepts at most " + MAX_URI + "."))
                .body("instance", equalTo(path))
                .body("requestId", equalTo(requestId));
        assertFalse(TestCalls.saw("directory", requestId));
    }

    @Test
    void aVeryLongPathIsRefusedWith414WithoutEchoingIt() {
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).urlEncodingEnabled(false).get("/api/referrals/" + "b".repeat(4100)).then()
                .statusCode(414)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/uri-too-long"))
                .body("instance", nullValue());
        assertFalse(TestCalls.saw("referrals", requestId));
    }

    @Test
    void aUriJustUnderTheLimitIsProxied() {
        String requestId = TestCalls.requestId();
        String prefix = "/api/directory/organizations?x=";
        String uri = prefix + "c".repeat(MAX_URI - prefix.length());
        TestCalls.client(requestId).urlEncodingEnabled(false).get(uri).then()
                .statusCode(200)
                .body("service", equalTo("directory"))
                .body("uri", hasLength(MAX_URI));
        assertTrue(TestCalls.saw("directory", requestId));
    }

    @Test
    void aPostWithALongUriIsRefusedToo() {
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).urlEncodingEnabled(false).contentType("application/json").body("{\"a\":1}")
                .post("/api/awareness/campaigns/7/pledges?x=" + "d".repeat(MAX_URI)).then()
                .statusCode(414)
                .contentType(startsWith("application/problem+json"));
        assertFalse(TestCalls.saw("awareness", requestId));
    }

    @Test
    void aLongUriOverQuarkusOuterBoundStillGetsA4xx() {
        TestCalls.client().urlEncodingEnabled(false).get("/api/directory/organizations?x=" + "e".repeat(20_000)).then()
                .statusCode(414);
    }

    @Test
    void oversizedHeadersAreRefusedWith431AndNeverReachTheService() {
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).header("X-Big", "f".repeat(9000)).get("/api/directory/organizations").then()
                .statusCode(431)
                .contentType(startsWith("application/problem+json"))
                .header("X-Request-Id", requestId)
                .body("type", equalTo("/problems/request-header-fields-too-large"))
                .body("status", equalTo(431))
                .body("instance", equalTo("/api/directory/organizations"))
                .body("detail", startsWith("The request headers take "));
        assertFalse(TestCalls.saw("directory", requestId));
    }

    @Test
    void manyHeadersAddingUpOverTheLimitAreRefused() {
        String requestId = TestCalls.requestId();
        var request = TestCalls.client(requestId);
        for (int i = 0; i < 20; i++) {
            request.header("X-Part-" + i, "g".repeat(500));
        }
        request.get("/api/directory/organizations").then().statusCode(431);
        assertFalse(TestCalls.saw("directory", requestId));
    }

    @Test
    void headersJustUnderTheLimitAreProxied() {
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).header("X-Big", "h".repeat(7000)).get("/api/directory/organizations").then()
                .statusCode(200)
                .body("headers.x-big[0]", hasLength(7000));
        assertTrue(TestCalls.saw("directory", requestId));
    }

    @Test
    void aPagingLinkHeaderRepeatingALongQueryComesBackWhole() {
        String uri = "/api/directory/organizations/paged?x=" + "i".repeat(3900);
        TestCalls.client().urlEncodingEnabled(false).get(uri).then()
                .statusCode(200)
                .header("Link", startsWith("<" + uri + "&page=0>"))
                .header("Link", containsString("<" + uri + "&page=9>; rel=\"last\""))
                .body("paged", equalTo(true));
    }

    @Test
    void aServiceRefusingTheRequestLineForItsSizeIsPassedThroughNotMadeA502() {
        // awareness accepts a shorter request line than the gateway forwards: its own 414 must reach the client.
        String requestId = TestCalls.requestId();
        TestCalls.client(requestId).urlEncodingEnabled(false)
                .get("/api/awareness/campaigns?x=" + "j".repeat(TestBackends.STRICT_LINE)).then()
                .statusCode(414);
        assertFalse(TestCalls.saw("awareness", requestId));
    }

    @Test
    void aServiceRefusingTheHeadersForTheirSizeIsPassedThroughNotMadeA502() {
        // awareness accepts 8 KiB of headers; the gateway's own 8K check leaves room for the headers it adds.
        TestCalls.client().header("X-Big", "k".repeat(8000)).get("/api/awareness/campaigns").then()
                .statusCode(431)
                .header("X-Request-Id", not(emptyOrNullString()));
    }
}
