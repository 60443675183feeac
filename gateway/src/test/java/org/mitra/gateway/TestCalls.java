package org.mitra.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test helpers: ask a fake backend directly whether a request reached it; play a distinct client. */
final class TestCalls {
    private TestCalls() {
    }

    static int port(String service) {
        String[] ports = System.getProperty(TestBackends.PORTS).split(",");
        return Integer.parseInt(ports[switch (service) {
            case "directory" -> 0;
            case "referrals" -> 1;
            case "awareness" -> 2;
            default -> throw new IllegalArgumentException(service);
        }]);
    }

    static boolean saw(String service, String requestId) {
        return given().baseUri("http://127.0.0.1").port(port(service))
                .get("/__seen/" + requestId).then().statusCode(200).extract().path("seen");
    }

    static String requestId() {
        return "test-" + UUID.randomUUID();
    }

    /** A request from its own client address (the gateway trusts X-Forwarded-For in tests), with its own request id. */
    static RequestSpecification client(String requestId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        return given().header("X-Forwarded-For", address).header("X-Request-Id", requestId);
    }

    static RequestSpecification client() {
        return client(requestId());
    }
}
