package org.mitra.directory.taxonomy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** New names and description for a slice or category; its code and slice never change. */
@Schema(name = "TermNamesRequest")
public record TermNamesRequest(
        @Schema(examples = "Emergency shelter") @NotBlank @Size(max = 200) String nameEn,
        @Schema(examples = "Penampungan darurat") @NotBlank @Size(max = 200) String nameId,
        @Size(max = 2000) String description) {
}
