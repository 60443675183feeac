package org.mitra.referral.webhook;

import com.standardwebhooks.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
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
