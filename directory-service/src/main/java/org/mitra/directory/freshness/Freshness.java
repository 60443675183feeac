package org.mitra.directory.freshness;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How current a service's entry is, and why: public facts about a public service, nothing about people. */
@Schema(name = "Freshness", description = "How current the service's entry is: the worst of its details' and its capacity's "
        + "status, with a reason code for each that is not fresh")
public record Freshness(
        @Schema(examples = "OVERDUE") FreshnessStatus status,
        @Schema(description = "When the organization last edited or confirmed the details", examples = "2026-03-02T08:15:00Z")
        Instant detailsConfirmedAt,
        @Schema(description = "When the capacity was last reported; null when the service reports none (then it counts for nothing)",
                examples = "2026-11-20T07:00:00Z")
        Instant capacityUpdatedAt,
        @Schema(description = "Empty when FRESH", examples = "[\"DETAILS_OVERDUE\", \"CAPACITY_DUE\"]")
        List<FreshnessReason> reasons) {

    public Freshness {
        reasons = List.copyOf(reasons);
    }
}
