package org.mitra.referral.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the receiver needs to know about the person, without identifying them. Codes only, no free text. */
@Schema(name = "SubjectProfile")
public record SubjectProfile(
        @Schema(description = "One of 0-11, 12-17, 18-24, 25-34, 35-49, 50+, unknown", examples = "12-17")
        @NotBlank String ageBand,
        @Schema(examples = "FEMALE") @NotNull Gender gender,
        @Schema(description = "ISO 3166-1 alpha-2 code", examples = "ID")
        @Pattern(regexp = "[A-Z]{2}", message = "{org.mitra.referral.nationality}") String nationality,
        @Schema(description = "BCP 47 codes", examples = "[\"id\", \"ban\"]")
        @Size(max = 10) List<@NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                message = "{org.mitra.referral.language}") String> languages,
        @Schema(examples = "[\"SEXUAL_EXPLOITATION\"]") @Size(max = 8) List<@NotNull ExploitationForm> exploitationForms,
        @Schema(description = "Needed service categories, as taxonomy codes", examples = "[\"psychosocial-care\", \"legal-aid\"]")
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "{org.mitra.referral.category}") String> needs) {

    public SubjectProfile {
        languages = languages == null ? List.of() : List.copyOf(languages);
        exploitationForms = exploitationForms == null ? List.of() : List.copyOf(exploitationForms);
        needs = needs == null ? List.of() : List.copyOf(needs);
    }
}
