package org.mitra.web;

import java.util.Optional;
import java.util.UUID;

/**
 * Where each member organization stands with the coalition, as the service knows it: the directory
 * itself from its own table, the other services from their read model of
 * {@code mitra.directory.organizations} (so a suspension reaches them within seconds). Every
 * service that lets staff act implements this once; {@link Caller#verifiedStaffOrganization()} reads it.
 */
public interface MemberStandings {
    String VERIFIED = "VERIFIED";
    String PENDING = "PENDING";
    String SUSPENDED = "SUSPENDED";

    /** The organization's directory status ({@code PENDING}, {@code VERIFIED}, {@code SUSPENDED}); empty when unknown. */
    Optional<String> statusOf(UUID organizationId);
}
