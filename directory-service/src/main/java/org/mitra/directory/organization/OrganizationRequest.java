package org.mitra.directory.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.web.validation.PublicWebAddress;

/** What an organization says about itself; used to register one and to replace its details. */
@Schema(name = "OrganizationRequest")
public record OrganizationRequest(
        @Schema(examples = "Pondok Gerasa") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Stable URL name, unique in the directory", examples = "pondok-gerasa")
        @NotBlank @Size(min = 2, max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "{org.mitra.directory.slug}") String slug,
        @Schema(examples = "Live-in facility for female survivors of trafficking") @Size(max = 4000) String description,
        @Schema(description = "An http or https address on the public internet", examples = "https://example.org") @Size(max = 500)
        @PublicWebAddress String website,
        @Schema(description = "The organization's public contact address", examples = "info@example.org")
        @Size(max = 254) @Email String email,
        @Schema(description = "The organization's public phone number", examples = "+62 361 000000")
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{5,40}", message = "{org.mitra.directory.phone}") String phone,
        @Schema(description = "BCP 47 codes of the languages it works in", examples = "[\"id\", \"en\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 35) @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                message = "{org.mitra.directory.language}") String> languages,
        @Schema(description = "Codes of the regions it serves", examples = "[\"51\"]")
        @Size(max = 500) List<@NotBlank @Size(max = 16) String> regions,
        @Schema(examples = "2009") @Min(1800) @Max(2200) Integer yearFounded,
        @Schema(description = "Works with law enforcement, so it may offer intervention services and take intervention "
                + "referrals. Set at registration; afterwards only a coalition decision (PUT .../verification) changes it, "
                + "as it does name and slug: an edit must send all three unchanged")
        boolean worksWithLawEnforcement) {
}
