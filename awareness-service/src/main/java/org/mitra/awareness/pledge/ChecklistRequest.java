package org.mitra.awareness.pledge;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The criteria of the child-protection code a business now meets (replaces the previous list). */
@Schema(name = "ChecklistRequest")
public record ChecklistRequest(
        @Schema(examples = "[\"POLICY_AND_PROCEDURES\", \"STAFF_TRAINING_AND_REPORTING\"]")
        @NotNull @Size(max = 6) List<@NotNull Criterion> met) {
}
