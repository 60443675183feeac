package org.mitra.directory.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mitra.web.MemberStandings;

/**
 * Where each organization stands, read from the directory's own organization table: the directory is
 * the record the other services' read models follow, so a suspension here takes effect at once.
 */
@ApplicationScoped
public class DirectoryMemberStandings implements MemberStandings {
    @Inject
    EntityManager entityManager;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> statusOf(UUID organizationId) {
        if (organizationId == null) {
            return Optional.empty();
        }
        List<?> status = entityManager.createNativeQuery("SELECT status FROM organization WHERE id = :id")
                .setParameter("id", organizationId)
                .getResultList();
        return status.isEmpty() ? Optional.empty() : Optional.of(status.get(0).toString());
    }
}
