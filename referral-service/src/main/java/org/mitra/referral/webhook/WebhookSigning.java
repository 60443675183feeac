package org.mitra.referral.webhook;

import com.standardwebhooks.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mitra.referral.identity.Vault;

/**
 * The subscriptions' {@code whsec_} secrets and the Standard Webhooks headers signed with them. A secret is shown to
 * the subscriber once, when made, and kept only wrapped by the key-encryption keyset, bound to its subscription (a
 * wrapped secret copied to another row does not open). During a rotation's overlap both secrets sign, so the receiver
 * may switch whenever it likes.
 */
@ApplicationScoped
public class WebhookSigning {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Vault vault;

    /** A new {@code whsec_} secret: 32 random bytes, base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    public byte[] wrap(UUID subscription, String secret, boolean previous) {
        return vault.wrapSecret(secret.getBytes(StandardCharsets.UTF_8), binding(subscription, previous));
    }

    public String unwrap(UUID subscription, byte[] wrapped, boolean previous) {
        return new String(vault.unwrapSecret(wrapped, binding(subscription, previous)), StandardCharsets.UTF_8);
    }

    private static String binding(UUID subscription, boolean previous) {
        return "webhook_subscription." + (previous ? "previous_secret" : "secret") + ":" + subscription;
    }

    /**
     * Re-wraps every subscription's secrets with the keyset's primary key (after a key rotation, with the data keys:
     * identity.KeyRotation), so the old key can leave the keyset; returns how many subscriptions. One transaction per
     * subscription; one changed meanwhile (a rotation of its secret, a dispatcher's update) is read again.
     */
    public int rewrapAll() {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.<WebhookSubscription>listAll()
                .stream().map(subscription -> subscription.id).toList());
        int done = 0;
        for (UUID id : ids) {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> rewrap(id))) {
                        done++;
                    }
                    break;
                } catch (RuntimeException changedMeanwhile) {
                    // An OptimisticLockException, as it reaches us wrapped or not; anything else fails three times.
                    if (attempt == 3) {
                        throw changedMeanwhile;
                    }
                }
            }
        }
        return done;
    }

    private boolean rewrap(UUID id) {
        WebhookSubscription subscription = WebhookSubscription.findById(id);
        if (subscription == null) {
            return false;
        }
        subscription.secretWrapped = wrap(id, unwrap(id, subscription.secretWrapped, false), false);
        if (subscription.previousSecretWrapped != null) {
            subscription.previousSecretWrapped = wrap(id, unwrap(id, subscription.previousSecretWrapped, true), true);
        }
        return true;
    }

    /** The headers of one try: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}. */
    public Map<String, String> headers(WebhookSubscription subscription, String messageId, Instant now, String body) {
        long timestamp = now.getEpochSecond();
        String signature = sign(unwrap(subscription.id, subscription.secretWrapped, false), messageId, timestamp, body);
        if (subscription.previousSecretWrapped != null && subscription.previousSecretUntil != null
                && now.isBefore(subscription.previousSecretUntil)) {
            signature += " " + sign(unwrap(subscription.id, subscription.previousSecretWrapped, true), messageId, timestamp, body);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        return headers;
    }

    private static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(messageId, timestamp, body);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign webhook " + messageId, e);
        }
    }
}
