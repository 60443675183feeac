package org.mitra.awareness.activity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.awareness.Patterns;

/** What an activity is, when and where; used to add one and to replace its details. */
@Schema(name = "ActivityRequest")
public record ActivityRequest(
        @Schema(examples = "TRAINING") @NotNull Activity.Kind kind,
        @Schema(examples = "Child protection for hospitality staff") @NotBlank @Size(max = 200) String title,
        @Schema(examples = "Recognising and reporting signs of exploitation") @Size(max = 4000) String description,
        @Schema(examples = "2026-12-05T02:00:00Z") @NotNull Instant startsAt,
        @Schema(examples = "2026-12-05T05:00:00Z") @NotNull Instant endsAt,
        @Schema(description = "A public place (never a shelter)", examples = "Community hall, Kuta") @NotBlank @Size(max = 300) String place,
        @Schema(examples = "5103") @Pattern(regexp = Patterns.REGION, message = "{org.mitra.awareness.region}") String regionCode,
        @Schema(description = "BCP 47 code of the language it is held in", examples = "en")
        @NotBlank @Size(max = 35) @Pattern(regexp = Patterns.LANGUAGE, message = "{org.mitra.awareness.language}") String language,
        @Schema(description = "Seats; leave out when anyone may come", examples = "30") @Min(1) @Max(100_000) Integer capacity,
        @Schema(description = "People who came, counted afterwards", examples = "27") @Min(0) @Max(10_000_000) Integer attendance) {
}
