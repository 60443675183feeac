package org.mitra.referral.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.referral.ReferralStatus;

@Schema(name = "HistoryEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryView(UUID id, @Schema(examples = "accept") String action, ReferralStatus fromStatus,
        ReferralStatus toStatus, BusinessStatus businessStatus, @Schema(examples = "NO_CAPACITY") String reasonCode,
        @Schema(description = "Complete: the codes of the services delivered (see deliveries for their dates)")
        List<String> servicesDelivered,
        @Schema(description = "Complete: the services delivered with their dates") List<ServiceDelivery> deliveries,
        @Schema(description = "Complete: what came of it for the person", examples = "GOT_HELP") ServiceOutcome outcome,
        String actor, UUID organizationId,
        @Schema(description = "The other referral of a forward: the one forwarded to on \"forward\", the original on the "
                + "forwarded one's \"create\" (the sender and coalition admins only)") UUID linkedReferralId,
        Instant occurredAt) {

    /** The entry as shown; {@code chainShown} as for the referral (the sender and coalition admins). */
    public static HistoryView of(HistoryEntry entry, boolean chainShown) {
        return new HistoryView(entry.id, entry.action, entry.fromStatus, entry.toStatus, entry.businessStatus,
                entry.reasonCode, entry.servicesDelivered, entry.deliveries, entry.outcome, entry.actor, entry.organizationId,
                chainShown ? entry.linkedReferralId : null, entry.occurredAt);
    }
}
