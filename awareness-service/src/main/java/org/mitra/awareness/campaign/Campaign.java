package org.mitra.awareness.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** An advocacy campaign run by one member organization, possibly with co-sponsors. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    /** DRAFT → ACTIVE → ENDED, or CANCELLED from DRAFT or ACTIVE. */
    public enum Status {
        DRAFT, ACTIVE, ENDED, CANCELLED;

        /** Whether anyone may see a campaign in this state. */
        public boolean isPublic() {
            return this == ACTIVE || this == ENDED;
        }
    }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.DRAFT;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "pledge_goal")
    public Integer pledgeGoal;

    @Column(name = "business_pledge_goal")
    public Integer businessPledgeGoal;

    @Column(name = "attendance_goal")
    public Integer attendanceGoal;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @ElementCollection
    @CollectionTable(name = "campaign_translation", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "language")
    public Map<String, CampaignText> translations = new LinkedHashMap<>();

    @ElementCollection
    @CollectionTable(name = "campaign_audience", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "audience")
    public Set<String> audiences = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "campaign_region", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "region_code")
    public Set<String> regions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "campaign_co_sponsor", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "organization_id")
    public Set<UUID> coSponsors = new LinkedHashSet<>();

    /**
     * The co-sponsors that accepted, with when: from then on (and only for what arrives from then on) their staff
     * see pledgers' and registrants' contacts. Always a subset of {@link #coSponsors}.
     */
    @ElementCollection
    @CollectionTable(name = "campaign_co_sponsor_acceptance", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "organization_id")
    @Column(name = "accepted_at")
    public Map<UUID, Instant> coSponsorAcceptances = new LinkedHashMap<>();

    @ElementCollection
    @CollectionTable(name = "campaign_pledge_option", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    public List<PledgeOption> pledgeOptions = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean offers(String pledgeOption) {
        return pledgeOptions.stream().anyMatch(option -> option.code.equals(pledgeOption));
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Campaign campaign && id != null && id.equals(campaign.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Campaign.class);
    }
}
