package org.mitra.referral.followup;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactAttempt")
public record ContactAttemptView(UUID id, UUID referralId, Instant attemptedAt, ContactAttempt.Channel channel,
        boolean reached, String actor, UUID organizationId, Instant recordedAt) {

    static ContactAttemptView of(ContactAttempt attempt) {
        return new ContactAttemptView(attempt.id, attempt.referralId, attempt.attemptedAt, attempt.channel, attempt.reached,
                attempt.actor, attempt.organizationId, attempt.recordedAt);
    }
}
