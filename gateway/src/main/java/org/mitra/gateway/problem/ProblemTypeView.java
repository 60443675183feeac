package org.mitra.gateway.problem;

import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.problems.ProblemType;

/** One problem type as its page describes it: what a problem body's {@code type} member points at. */
@Schema(name = "ProblemType", description = "A kind of problem a Mitra API answers with (RFC 9457)")
public record ProblemTypeView(
        @Schema(description = "The value of the type member, relative to the API's URL", examples = "/problems/not-found")
        String type,
        @Schema(examples = "not-found") String slug,
        @Schema(description = "The title member: the same for every problem of this type", examples = "Not found")
        String title,
        @Schema(description = "The HTTP status of every problem of this type", examples = "404") int status,
        @Schema(description = "What happened and what a client can do about it") String description) {

    static ProblemTypeView of(ProblemType type, Locale language) {
        return new ProblemTypeView(type.uri().toString(), type.slug(), type.title(language), type.status(),
                type.description(language));
    }
}
