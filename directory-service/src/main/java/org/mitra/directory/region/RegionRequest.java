package org.mitra.directory.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new region under an existing one, with its official code. */
@Schema(name = "RegionRequest")
public record RegionRequest(
        @Schema(description = "Official code (BPS in Indonesia)", examples = "5201") @NotBlank @Size(max = 16)
        @Pattern(regexp = "[A-Za-z0-9]+", message = "{org.mitra.directory.region-code}") String code,
        @Schema(examples = "Lombok Barat") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "REGENCY") @NotNull Region.Level level,
        @Schema(description = "Code of the enclosing region", examples = "52") @NotBlank @Size(max = 16) String parent) {
}
