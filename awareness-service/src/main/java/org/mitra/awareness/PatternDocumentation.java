package org.mitra.awareness;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Shows each of {@link Patterns}' linear (possessive) patterns in the OpenAPI document in its plain ECMA-262 form,
 * which accepts the same strings: a client generator or a browser cannot compile {@code ++} or {@code *+}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PatternDocumentation implements OASFilter {
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getPattern() != null) {
            schema.setPattern(Patterns.DOCUMENTED.getOrDefault(schema.getPattern(), schema.getPattern()));
        }
        return schema;
    }
}
