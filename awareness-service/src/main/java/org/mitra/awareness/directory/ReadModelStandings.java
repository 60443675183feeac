package org.mitra.awareness.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.mitra.web.MemberStandings;

/**
 * Where each member stands, from this service's read model of {@code mitra.directory.organizations}: a suspension
 * reaches campaigns, pledgers' and registrants' contacts as soon as its event is consumed. An organization the
 * directory has not published (yet) is unknown, so its staff are verified nowhere ({@link org.mitra.web.Caller}).
 */
@ApplicationScoped
public class ReadModelStandings implements MemberStandings {
    @Inject
    DirectoryReadModel directory;

    @Override
    @Transactional
    public Optional<String> statusOf(UUID organizationId) {
        return directory.find(organizationId).map(organization -> organization.status.name());
    }
}
