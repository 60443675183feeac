package org.mitra.directory.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region's new name; its code and place in the tree never change. */
@Schema(name = "RegionNameRequest")
public record RegionNameRequest(@Schema(examples = "Kota Denpasar") @NotBlank @Size(max = 200) String name) {
}
