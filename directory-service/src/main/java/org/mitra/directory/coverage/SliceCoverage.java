package org.mitra.directory.coverage;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.Slice;

@Schema(description = "One slice of the pie, rolled up from its categories")
public record SliceCoverage(
        @Schema(examples = "intervention") Slice slice,
        @Schema(examples = "{\"en\": \"Intervention\", \"id\": \"Intervensi\"}") Map<String, String> names,
        @Schema(examples = "GAP") Verdict verdict,
        @Schema(description = "Distinct verified organizations offering any category of the slice", examples = "0") long providers,
        long totalCapacity,
        long availableCapacity,
        PublishedDemand demand,
        @Schema(description = "How many of the slice's categories have no provider", examples = "7") long gapCategories,
        List<CategoryCoverage> categories) {
}
