package org.mitra.referral.open;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.Slice;
import org.mitra.events.referral.Urgency;
import org.mitra.referral.referral.Gender;
import org.mitra.referral.referral.Referral;

/**
 * What an offered organization sees of an open referral before it claims it: what it needs to decide, and nothing more:
 * no sender, no subject, no note, no identity, no consent, no police reference.
 */
@Schema(name = "Offer")
public record OfferView(
        @Schema(description = "The referral's id, to claim it") UUID referralId,
        @Schema(examples = "shelter-and-safe-housing") String categoryCode,
        Slice slice,
        @Schema(examples = "5171") String regionCode,
        Urgency urgency,
        @Schema(examples = "18-24") String ageBand,
        Gender gender,
        @Schema(description = "The person's needs, as taxonomy codes", examples = "[\"psychosocial-care\"]") List<String> needs,
        Instant offeredAt) {

    static OfferView of(Referral referral, Offer offer) {
        return new OfferView(referral.id, referral.categoryCode, referral.slice, referral.regionCode, referral.urgency,
                referral.ageBand, referral.gender, referral.profile == null || referral.profile.needs() == null ? List.of()
                : List.copyOf(referral.profile.needs()), offer.offeredAt);
    }
}
