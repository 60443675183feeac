package org.mitra.awareness.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.awareness.Patterns;

/** A place at an activity, asked for without an account. */
@Schema(name = "RegistrationRequest")
public record RegistrationRequest(
        @Schema(examples = "Made Example") @NotBlank @Size(max = 200) String name,
        @Schema(description = "An email address or a phone number; seen only by the campaign's organizations", examples = "made@example.org")
        @NotBlank @Size(max = 254) @Pattern(regexp = Patterns.CONTACT,
                message = "{org.mitra.awareness.contact}") String contact) {
}
