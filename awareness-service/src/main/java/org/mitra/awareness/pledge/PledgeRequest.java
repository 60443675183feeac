package org.mitra.awareness.pledge;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.awareness.Patterns;

/** A public pledge: no account needed. */
@Schema(name = "PledgeRequest")
public record PledgeRequest(
        @Schema(examples = "BUSINESS") @NotNull Pledge.Kind kind,
        @Schema(description = "Only for a business; shown publicly with its progress on the checklist", examples = "Villa Example")
        @Size(max = 200) String businessName,
        @Schema(description = "Only for a business", examples = "HOTEL") Pledge.BusinessType businessType,
        @Schema(description = "The code of one of the campaign's pledge options", examples = "child-safe-code")
        @NotBlank @Size(max = 64) String commitment,
        @Schema(description = "ISO 3166-1 alpha-2 code of the pledger's country", examples = "AU")
        @NotBlank @Pattern(regexp = Patterns.COUNTRY, message = "{org.mitra.awareness.country}") String country,
        @Schema(description = "Where the pledger heard of the campaign (a channel code)", examples = "hotel-flyer")
        @Size(max = 64) @Pattern(regexp = Patterns.CODE,
                message = "{org.mitra.awareness.source}") String source,
        @Schema(description = "Optional; counts the pledger once per campaign and, with consent, lets the campaign contact them",
                examples = "guest@example.org")
        @Size(max = 254) @Email(regexp = Patterns.EMAIL, message = "{org.mitra.awareness.email}") String email,
        @Schema(description = "Explicit consent to be contacted by the campaign's organizations at the email given")
        boolean contactConsent,
        @Schema(description = "Only for a business: criteria of the child-protection code already met")
        @Size(max = 6) List<@NotNull Criterion> criteria) {
}
