package org.mitra.local;

import java.util.UUID;

/**
 * The coalition's first organizations, with the ids the directory seeds for them; the realm's demo users
 * {@code <slug>-admin} and {@code <slug>-caseworker} carry these ids in their {@code org} claim.
 */
public enum DemoOrganization {
    DARKBALI("darkbali", "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000001"),
    TRAFFIC_LIGHTS("traffic-lights", "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000002"),
    PONDOK_GERASA("pondok-gerasa", "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000003"),
    FLUX_LIFEHOUSE("flux-lifehouse", "3f7c2a10-5d1e-4c8a-9b21-0d5a1e000004");

    /** Password of every demo user in the realm. */
    public static final String DEMO_PASSWORD = "mitra-demo";

    private final String slug;
    private final UUID id;

    DemoOrganization(String slug, String id) {
        this.slug = slug;
        this.id = UUID.fromString(id);
    }

    public String slug() {
        return slug;
    }

    public UUID id() {
        return id;
    }

    public String admin() {
        return slug + "-admin";
    }

    public String caseworker() {
        return slug + "-caseworker";
    }
}
