package org.mitra.referral.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.mitra.web.MemberStandings;

/**
 * Where each organization stands, from this service's read model of {@code mitra.directory.organizations}
 * (no cache: a suspension applied by {@link DirectoryConsumer} holds from the next request on). An
 * organization the read model does not know (never published, or deleted) is unknown, hence not verified.
 */
@ApplicationScoped
public class DirectoryStandings implements MemberStandings {
    @Override
    @Transactional
    public Optional<String> statusOf(UUID organizationId) {
        if (organizationId == null) {
            return Optional.empty();
        }
        return DirectoryOrganization.getEntityManager()
                .createQuery("select o.status from DirectoryOrganization o where o.id = :id",
                        org.mitra.events.directory.OrganizationStatus.class)
                .setParameter("id", organizationId)
                .getResultStream().findFirst().map(Enum::name);
    }
}
