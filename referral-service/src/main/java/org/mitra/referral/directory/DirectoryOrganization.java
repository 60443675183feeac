package org.mitra.referral.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.mitra.events.directory.OrganizationStatus;

/** The directory's public state of one organization, as last published on the compacted topic. */
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

    @Column(name = "works_with_law_enforcement", nullable = false)
    public boolean worksWithLawEnforcement;

    @ElementCollection
    @CollectionTable(name = "directory_organization_region", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "region_code")
    public Set<String> regions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "directory_organization_language", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "language")
    public Set<String> languages = new LinkedHashSet<>();

    @OneToMany(mappedBy = "organization", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<DirectoryService> services = new ArrayList<>();

    /** When the directory made the change this state reflects; older events are ignored. */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Version
    public long version;

    public boolean isVerified() {
        return status == OrganizationStatus.VERIFIED;
    }

    public boolean offers(String categoryCode) {
        return services.stream().anyMatch(service -> service.categoryCode.equals(categoryCode));
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
