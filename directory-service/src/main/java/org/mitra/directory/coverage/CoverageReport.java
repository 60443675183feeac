package org.mitra.directory.coverage;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.directory.region.RegionView;

@Schema(description = "The pie of pies for a region and its sub-regions: four slices, each with its categories")
public record CoverageReport(RegionView region, Instant computedAt, List<SliceCoverage> slices) {
}
