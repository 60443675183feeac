package org.mitra.awareness.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.mitra.events.directory.OrganizationStatus;

/** A member organization as the directory last published it: enough to tell verified members apart. */
@Entity
@Table(name = "directory_organization")
public class DirectoryOrganization extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationStatus status;

    /** When the directory made the change this row reflects; older events never overwrite newer ones. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public boolean isVerified() {
        return status == OrganizationStatus.VERIFIED;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DirectoryOrganization organization && id != null && id.equals(organization.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(DirectoryOrganization.class);
    }
}
