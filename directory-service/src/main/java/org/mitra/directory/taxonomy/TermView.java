package org.mitra.directory.taxonomy;

import java.util.List;
import org.mitra.events.Slice;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A slice with its categories, or a category (then {@code categories} is empty). */
@Schema(name = "TaxonomyTerm", description = "A slice of the pie or one of its categories, named in English (en) and Bahasa Indonesia (id)")
public record TermView(
        @Schema(examples = "5d0a1bfe-4ec3-9ac1-2b8d-6b40d1a8f3f0") UUID id,
        @Schema(examples = "emergency-shelter") String code,
        @Schema(examples = "intervention") Slice slice,
        @Schema(description = "Code of the parent term (the slice), absent for a slice", examples = "intervention") String parent,
        @Schema(examples = "{\"en\": \"Emergency shelter\", \"id\": \"Penampungan darurat\"}") Map<String, String> names,
        String description,
        @Schema(description = "Every intervention category works only together with law enforcement") boolean requiresLawEnforcement,
        List<TermView> categories) {

    public static TermView of(TaxonomyTerm term, String parentCode, List<TermView> categories) {
        return new TermView(term.id, term.code, term.slice, parentCode,
                Map.of("en", term.nameEn, "id", term.nameId), term.description, term.requiresLawEnforcement, categories);
    }
}
