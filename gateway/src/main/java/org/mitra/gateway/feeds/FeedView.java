package org.mitra.gateway.feeds;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One data feed in the catalog (DCAT-like fields). */
@Schema(description = "A data feed offered by one of the services")
public record FeedView(
        @Schema(examples = "directory-coverage") String id,
        @Schema(examples = "Service coverage by region") String title,
        @Schema(examples = "Which categories of help are covered in a region, by how many organizations.") String description,
        @Schema(description = "Path on the gateway", examples = "/api/directory/coverage") String url,
        @Schema(examples = "[\"application/json\", \"image/svg+xml\"]") List<String> formats,
        @Schema(description = "Granularities a period-by-period feed can be pulled in; empty for live views",
                examples = "[\"quarter\", \"month\"]") List<String> periods,
        @Schema(description = "ISO-8601 duration between updates", examples = "P1D") String updatePeriod,
        @Schema(examples = "CC-BY-4.0") String licence,
        @Schema(description = "available: served today; planned: announced, not served yet", examples = "available") String status,
        @Schema(description = "public, or the roles that may read it", examples = "public") String access,
        @Schema(examples = "directory") String service) {
}
