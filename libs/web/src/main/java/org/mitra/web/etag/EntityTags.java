package org.mitra.web.etag;

import jakarta.ws.rs.core.EntityTag;
import java.util.UUID;

/**
 * Strong ETags for single resources, made from the entity's id and its {@code @Version}: the tag
 * changes exactly when the resource changes, and never needs the body to be hashed.
 */
public final class EntityTags {
    private EntityTags() {
    }

    /** {@code "3f2c…-7"} for version 7 of resource 3f2c…. */
    public static EntityTag of(UUID id, long version) {
        return of(id.toString(), version);
    }

    /** For resources keyed by a code (a region {@code 5103}, a category {@code legal-aid}). */
    public static EntityTag of(String key, long version) {
        return new EntityTag(key + "-" + version);
    }
}
