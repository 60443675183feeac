package org.mitra.referral.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.mitra.events.EventJson;

/**
 * Proves an endpoint wants Mitra's deliveries before any is sent: a signed POST of type {@code webhook.verification}
 * whose {@code data.challenge} the endpoint must echo within the timeout, as its whole body or as
 * {@code {"challenge": "..."}}, with a 2xx status. Any endpoint can be named by a URL; only one that answers
 * this way receives anything.
 */
@ApplicationScoped
public class EndpointVerification {
    public static final String TYPE = "webhook.verification";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WebhookHttp http;

    @Inject
    WebhookSigning signing;

    @Inject
    Clock clock;

    /** Empty when the endpoint echoed the challenge; otherwise why not, in words for the subscriber. */
    public Optional<String> verify(WebhookSubscription subscription) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        ObjectNode payload = EventJson.mapper().createObjectNode();
        payload.put("type", TYPE);
        payload.put("timestamp", now.toString());
        payload.putObject("data").put("challenge", challenge);
        String body = payload.toString();
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String messageId = "verify_" + HexFormat.of().formatHex(id);
        WebhookHttp.Answer answer = http.post(subscription.url, signing.headers(subscription, messageId, now, body), body);
        if (answer.status() == null) {
            return Optional.of("The endpoint did not answer the verification: " + answer.error());
        }
        if (!answer.succeeded()) {
            return Optional.of("The endpoint answered the verification with " + answer.status() + ", not 2xx");
        }
        if (echoes(answer.body(), challenge)) {
            return Optional.empty();
        }
        return Optional.of("The endpoint answered 2xx but did not echo the challenge (its body must be the challenge, "
                + "or {\"challenge\": \"...\"})");
    }

    static boolean echoes(String body, String challenge) {
        String trimmed = body == null ? "" : body.trim();
        if (trimmed.equals(challenge)) {
            return true;
        }
        try {
            JsonNode json = EventJson.mapper().readTree(trimmed);
            return json != null && json.path("challenge").isTextual() && json.path("challenge").asText().equals(challenge);
        } catch (Exception notJson) {
            return false;
        }
    }
}
