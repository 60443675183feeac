package org.mitra.directory.coverage;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.Slice;

@Schema(description = "An unmet need of the region: a category with demand it cannot meet, and why")
public record Need(
        @Schema(examples = "1") int rank,
        @Schema(examples = "intervention") Slice slice,
        @Schema(examples = "emergency-shelter") String category,
        @Schema(examples = "{\"en\": \"Emergency shelter\", \"id\": \"Penampungan darurat\"}") Map<String, String> names,
        @Schema(examples = "GAP") Verdict verdict,
        @Schema(description = "Referrals the region could not meet: beyond available capacity, rejected for lack of it, or overdue. "
                + "Exact and live for coalition admins; for government liaisons computed from the published figures of the "
                + "last complete month only", examples = "15") Long unmet,
        @Schema(description = "Why this is a need, in words") String reason,
        @Schema(description = "Neighbouring regions where the category overlaps (several providers, little demand)",
                examples = "[\"5171\"]") List<String> overlapsNearby) {
}
