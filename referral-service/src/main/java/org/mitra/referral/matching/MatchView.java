package org.mitra.referral.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.Slice;
import org.mitra.events.directory.CapacityStatus;

/** A service that could take the referral, with why it ranks where it does. */
@Schema(name = "Match")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchView(
        int rank,
        UUID organizationId,
        String organizationName,
        UUID serviceId,
        String serviceName,
        String categoryCode,
        Slice slice,
        @Schema(description = "The region of the service that covers the asked one (itself or a parent)") String coveredRegion,
        CapacityStatus capacityStatus,
        Integer capacityAvailable,
        String capacityUnit,
        boolean worksWithLawEnforcement,
        @Schema(description = "FRESH, DUE (capacity not updated for a week), OVERDUE (details unconfirmed for six months) "
                + "or STALE (for a year), as the directory counts it; stale entries rank lower", examples = "FRESH")
        String freshness,
        @Schema(examples = "[\"has capacity now: 3 beds available\", \"serves region 5171 itself\"]") List<String> reasons) {
}
