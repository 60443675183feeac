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
        List<String> servicesDelivered, String actor, UUID organizationId,
        @Schema(description = "The other referral of a forward: the one forwarded to on \"forward\", the original on the "
                + "forwarded one's \"create\" (the sender and coalition admins only)") UUID linkedReferralId,
        Instant occurredAt) {

    /** The entry as shown; {@code chainShown} as for the referral (the sender and coalition admins). */
    public static HistoryView of(HistoryEntry entry, boolean chainShown) {
        return new HistoryView(entry.id, entry.action, entry.fromStatus, entry.toStatus, entry.businessStatus,
                entry.reasonCode, entry.servicesDelivered, entry.actor, entry.organizationId,
                chainShown ? entry.linkedReferralId : null, entry.occurredAt);
    }
}
