package org.mitra.directory.services;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.mitra.directory.organization.Organization;
import org.mitra.events.Slice;
import org.mitra.directory.taxonomy.TaxonomyTerm;

/** What an organization offers (an Open Referral service): one category of one slice, in some regions. */
@Entity
@Table(name = "service")
public class Service extends PanacheEntityBase {
    public enum Status { ACTIVE, INACTIVE }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Slice slice;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public TaxonomyTerm category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.ACTIVE;

    public String eligibility;
    public String cost;

    @Column(name = "age_min")
    public Integer ageMin;

    @Column(name = "age_max")
    public Integer ageMax;

    public String schedule;

    @Column(name = "last_confirmed")
    public LocalDate lastConfirmed;

    /** The public way in for a service whose location is confidential (a shelter's "front gate"). */
    @Column(name = "front_gate_contact")
    public String frontGateContact;

    /** Null when the service never reported capacity: Hibernate loads an embedded value of all-null columns as null. */
    @Embedded
    public Capacity capacity = new Capacity();

    @ElementCollection
    @CollectionTable(name = "service_region", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "region_code")
    public Set<String> regions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "service_language", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "language")
    public Set<String> languages = new LinkedHashSet<>();

    @ElementCollection
    @Enumerated(EnumType.STRING)
    @CollectionTable(name = "service_gender", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "gender")
    public Set<Gender> genders = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "service_nationality", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "nationality")
    public Set<String> nationalities = new LinkedHashSet<>();

    @ElementCollection
    @Enumerated(EnumType.STRING)
    @CollectionTable(name = "service_exploitation_form", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "form")
    public Set<ExploitationForm> exploitationForms = new LinkedHashSet<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ServiceLocation> locations = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When its organization last edited its details or confirmed them as still accurate (directory freshness). */
    @Column(name = "details_confirmed_at", nullable = false)
    public Instant detailsConfirmedAt;

    /** A service nobody has confirmed yet counts as confirmed when it was created. */
    @PrePersist
    void confirmedWhenCreated() {
        if (detailsConfirmedAt == null) {
            detailsConfirmedAt = createdAt != null ? createdAt : updatedAt;
        }
    }

    public boolean hasConfidentialLocation() {
        return locations.stream().anyMatch(location -> location.confidential);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Service service && id != null && id.equals(service.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Service.class);
    }
}
