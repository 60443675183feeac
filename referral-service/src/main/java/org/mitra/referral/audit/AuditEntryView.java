package org.mitra.referral.audit;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry")
public record AuditEntryView(long id, Instant occurredAt, String actor, UUID organizationId, UUID referralId,
        AuditAction action, AuditEntry.Outcome outcome,
        @Schema(description = "Why, as a code: a consent withdrawal's reason", examples = "NO_LONGER_INTERESTED",
                nullable = true) String reasonCode) {

    public static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id, entry.occurredAt, entry.actor, entry.organizationId, entry.referralId,
                entry.action, entry.outcome, entry.reasonCode);
    }
}
