package org.mitra.referral.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the person is: optional, encrypted at rest, readable only by the two organizations' staff, every read audited. */
@Schema(name = "Identity")
public record Identity(
        @Schema(examples = "Ni Made Example") @NotBlank @Size(max = 200) String fullName,
        @Schema(examples = "2008-04-17") @Past LocalDate dateOfBirth,
        @Schema(description = "How to reach the person, if consent allows contact", examples = "+62 812 0000 0000")
        @Size(max = 200) String contact,
        @Size(max = 20) List<@Valid Document> documents) {

    @Schema(name = "IdentityDocument")
    public record Document(
            @Schema(examples = "passport") @NotBlank @Size(max = 50) String type,
            @Schema(examples = "X0000000") @NotBlank @Size(max = 100) String number) {
    }
}
