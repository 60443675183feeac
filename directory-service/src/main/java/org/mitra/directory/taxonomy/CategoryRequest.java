package org.mitra.directory.taxonomy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new category within a slice, added by the coalition. */
@Schema(name = "CategoryRequest")
public record CategoryRequest(
        @Schema(examples = "labour-inspection-liaison") @NotBlank @Size(max = 64)
        @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*", message = "{org.mitra.directory.category-code}") String code,
        @Schema(examples = "intervention") @NotBlank @Size(max = 32) String slice,
        @Schema(examples = "Labour inspection liaison") @NotBlank @Size(max = 200) String nameEn,
        @Schema(examples = "Penghubung pengawasan ketenagakerjaan") @NotBlank @Size(max = 200) String nameId,
        @Size(max = 2000) String description) {
}
