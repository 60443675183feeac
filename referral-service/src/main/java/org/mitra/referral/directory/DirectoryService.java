package org.mitra.referral.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.mitra.events.Slice;
import org.mitra.events.directory.CapacityStatus;

/** One service of an organization in the directory read model ("service" as in Open Referral). */
@Entity
@Table(name = "directory_service")
public class DirectoryService extends PanacheEntityBase {
    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public DirectoryOrganization organization;

    public String name;

    @Enumerated(EnumType.STRING)
    public Slice slice;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @ElementCollection
    @CollectionTable(name = "directory_service_region", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "region_code")
    public Set<String> regions = new LinkedHashSet<>();

    @Column(name = "capacity_unit")
    public String capacityUnit;

    @Column(name = "capacity_maximum")
    public Integer capacityMaximum;

    @Column(name = "capacity_available")
    public Integer capacityAvailable;

    @Enumerated(EnumType.STRING)
    @Column(name = "capacity_status")
    public CapacityStatus capacityStatus;

    @Column(name = "capacity_updated")
    public Instant capacityUpdated;

    /** When its organization last edited or confirmed its details; null from a directory before issue 17. */
    @Column(name = "details_confirmed_at")
    public Instant detailsConfirmedAt;

    @Version
    public long version;

    /** The regions this service covers: its own, or its organization's when it names none. */
    public Set<String> coveredRegions() {
        return regions.isEmpty() ? organization.regions : regions;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DirectoryService service && id != null && id.equals(service.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(DirectoryService.class);
    }
}
