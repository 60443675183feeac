package org.mitra.directory.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.mitra.events.directory.OrganizationStatus;

/** A member organization of the coalition. Only verified organizations are public. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;
    public String website;
    public String email;
    public String phone;

    @Column(name = "year_founded")
    public Integer yearFounded;

    @Column(name = "works_with_law_enforcement", nullable = false)
    public boolean worksWithLawEnforcement;

    @ElementCollection
    @CollectionTable(name = "organization_language", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "language")
    public Set<String> languages = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "organization_region", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "region_code")
    public Set<String> regions = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationStatus status = OrganizationStatus.PENDING;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isVerified() {
        return status == OrganizationStatus.VERIFIED;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Organization organization && id != null && id.equals(organization.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Organization.class);
    }
}
