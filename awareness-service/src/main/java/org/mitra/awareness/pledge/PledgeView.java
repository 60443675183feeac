package org.mitra.awareness.pledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pledge as shown on the campaign: a person's pledge names no one; the email only for the campaign's own staff. */
@Schema(name = "Pledge")
public record PledgeView(
        UUID id,
        Pledge.Kind kind,
        @Schema(examples = "Villa Example") String businessName,
        Pledge.BusinessType businessType,
        @Schema(examples = "child-safe-code") String commitment,
        @Schema(examples = "AU") String country,
        @Schema(examples = "hotel-flyer") String source,
        Checklist checklist,
        @Schema(description = "Only for staff of the campaign's organizations, and only when the pledger consented")
        String email,
        Instant createdAt) {

    /** A business's progress on the six criteria of the child-protection code. */
    @Schema(name = "Checklist")
    public record Checklist(List<Criterion> met, int metCount, int of) {
        static Checklist of(Pledge pledge) {
            List<Criterion> met = pledge.criteria.stream().sorted().toList();
            return new Checklist(met, met.size(), Criterion.values().length);
        }
    }

    static PledgeView of(Pledge pledge, boolean seesContact) {
        boolean business = pledge.kind == Pledge.Kind.BUSINESS;
        return new PledgeView(pledge.id, pledge.kind, pledge.businessName, pledge.businessType, pledge.commitment,
                pledge.country, pledge.source, business ? Checklist.of(pledge) : null,
                seesContact && pledge.mayBeContacted() ? pledge.email : null, pledge.createdAt);
    }
}
