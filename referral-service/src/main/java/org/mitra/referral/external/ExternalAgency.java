package org.mitra.referral.external;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agency outside the platform a referral goes to: an institution, never a person. */
@Schema(name = "ExternalAgency")
public record ExternalAgency(
        @Schema(description = "The agency's name, an institution's (never a person's)", examples = "Polresta Denpasar, Unit PPA")
        @NotBlank @Size(max = 200) String name,
        @Schema(examples = "POLICE") @NotNull Type type,
        @Schema(description = "Its region code (BPS), no finer than regency", examples = "5171") @NotBlank
        @Pattern(regexp = "[0-9A-Z]{2}[0-9]{0,2}", message = "{org.mitra.referral.region}") String regionCode) {

    /** What kind of agency. */
    public enum Type { POLICE, HOSPITAL, IMMIGRATION, GOVERNMENT_SERVICE, LEGAL_AID, SOCIAL_SERVICE, OTHER }
}
