package org.mitra.events.directory;

/** Where an organization stands with the coalition; only VERIFIED ones are shown to the public. */
public enum OrganizationStatus {
    PENDING, VERIFIED, SUSPENDED
}
