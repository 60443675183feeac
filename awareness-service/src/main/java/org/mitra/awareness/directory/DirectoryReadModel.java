package org.mitra.awareness.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.mitra.events.directory.OrganizationChanged;
import org.mitra.events.directory.OrganizationDeleted;

/**
 * The directory's organizations, kept from {@code mitra.directory.organizations}, so owners and
 * co-sponsors of campaigns are checked as verified members without calling the directory.
 */
@ApplicationScoped
public class DirectoryReadModel {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OrganizationChanged change) {
        if (change == null || change.id() == null || change.status() == null) {
            return;
        }
        Instant changedAt = change.occurredAt() != null ? change.occurredAt() : Instant.now();
        DirectoryOrganization organization = DirectoryOrganization.findById(change.id());
        if (organization == null) {
            organization = new DirectoryOrganization();
            organization.id = change.id();
        } else if (organization.changedAt.isAfter(changedAt)) {
            return; // a newer state is already here
        }
        organization.name = change.name() != null ? change.name() : change.slug();
        organization.status = change.status();
        organization.changedAt = changedAt;
        organization.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OrganizationDeleted deletion) {
        if (deletion != null && deletion.id() != null) {
            DirectoryOrganization.deleteById(deletion.id());
        }
    }

    public Optional<DirectoryOrganization> find(UUID id) {
        return id == null ? Optional.empty() : DirectoryOrganization.findByIdOptional(id);
    }

    public boolean isVerified(UUID id) {
        return find(id).map(DirectoryOrganization::isVerified).orElse(false);
    }
}
