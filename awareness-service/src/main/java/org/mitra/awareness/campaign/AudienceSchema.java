package org.mitra.awareness.campaign;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the OpenAPI document names an audience code; requests carry the codes as plain strings. */
@Schema(name = "Audience", type = SchemaType.STRING, examples = "tourists",
        enumeration = {"tourists", "tourism-businesses", "schools", "parents", "government", "general-public"})
final class AudienceSchema {
    private AudienceSchema() {
    }
}
