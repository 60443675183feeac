package org.mitra.directory.coverage;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Coverage of one category in the region: providers, capacity, demand and the verdict")
public record CategoryCoverage(
        @Schema(examples = "emergency-shelter") String code,
        @Schema(examples = "{\"en\": \"Emergency shelter\", \"id\": \"Penampungan darurat\"}") Map<String, String> names,
        @Schema(examples = "GAP") Verdict verdict,
        @Schema(description = "Verified organizations offering the category in the region", examples = "0") long providers,
        @Schema(description = "Sum of the providers' maximum capacity", examples = "0") long totalCapacity,
        @Schema(description = "Sum of the providers' available capacity", examples = "0") long availableCapacity,
        PublishedDemand demand) {
}
