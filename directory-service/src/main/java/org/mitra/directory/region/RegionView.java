package org.mitra.directory.region;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Region", description = "A country, province, regency or city, by its official (BPS) code")
public record RegionView(
        @Schema(examples = "5103") String code,
        @Schema(examples = "Badung") String name,
        @Schema(examples = "REGENCY") Region.Level level,
        @Schema(description = "Code of the enclosing region, absent for a country", examples = "51") String parent) {

    public static RegionView of(Region region) {
        return new RegionView(region.code, region.name, region.level, region.parentCode);
    }
}
