package org.mitra.directory.services;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service as its organization describes it; used to offer a new one and to replace one. */
@Schema(name = "ServiceRequest")
public record ServiceRequest(
        @Schema(examples = "Safe house for women and girls") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "Live-in care for female survivors: shelter, counselling and schooling") @Size(max = 4000) String description,
        @Schema(description = "Optional; when given it must be the category's slice", examples = "rehabilitation") @Size(max = 32) String slice,
        @Schema(description = "Taxonomy category code", examples = "shelter-and-safe-housing") @NotBlank @Size(max = 64) String category,
        @Schema(examples = "12") @Min(0) @Max(120) Integer ageMin,
        @Schema(examples = "25") @Min(0) @Max(120) Integer ageMax,
        @Schema(description = "Genders served; none means everyone", examples = "[\"FEMALE\"]") @Size(max = 3) Set<@NotNull Gender> genders,
        @Schema(description = "ISO 3166-1 alpha-2 codes of the nationalities served; none means any", examples = "[\"ID\"]")
        @Size(max = 250) List<@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "{org.mitra.directory.nationality}") String> nationalities,
        @Schema(description = "BCP 47 codes", examples = "[\"id\", \"en\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 35) @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                message = "{org.mitra.directory.language}") String> languages,
        @Schema(examples = "Female survivors referred by a partner or by the police") @Size(max = 2000) String eligibility,
        @Schema(examples = "Free of charge") @Size(max = 1000) String cost,
        @Schema(description = "Codes of the regions the service covers", examples = "[\"5171\"]")
        @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 16) String> regions,
        @Schema(examples = "[\"SEXUAL_EXPLOITATION\", \"FORCED_LABOUR\"]") @Size(max = 8) Set<@NotNull ExploitationForm> exploitationForms,
        @Size(max = 20) List<@Valid @NotNull LocationRequest> locations,
        @Schema(description = "Public contact for a service whose location is confidential", examples = "Call +62 361 000000 to arrange a meeting")
        @Size(max = 500) String frontGateContact,
        @Schema(examples = "24 hours, every day") @Size(max = 1000) String schedule,
        @Schema(description = "A date the organization states it last checked these details, kept as given; the directory's "
                + "freshness counts from its own record instead (every edit and every confirmation)", examples = "2026-11-01")
        LocalDate lastConfirmed,
        @Valid CapacityRequest capacity,
        @Schema(description = "ACTIVE unless given", examples = "ACTIVE") Service.Status status) {

    /** Where the service is delivered. */
    @Schema(name = "LocationRequest")
    public record LocationRequest(
            @Schema(examples = "Main office") @Size(max = 200) String name,
            @Schema(examples = "Jl. Example 1") @Size(max = 500) String address,
            @Schema(examples = "Denpasar") @Size(max = 200) String city,
            @Schema(examples = "5171") @Size(max = 16) String region,
            @Schema(examples = "80111") @Size(max = 20) String postalCode,
            @Schema(examples = "-8.65") @Min(-90) @Max(90) Double latitude,
            @Schema(examples = "115.22") @Min(-180) @Max(180) Double longitude,
            @Schema(description = "A shelter's address: never shown to the public or exported") boolean confidential) {
    }
}
