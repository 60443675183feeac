package org.mitra.awareness.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Something a campaign does with people: a talk, a training (e.g. of hospitality staff), a workshop or a stand. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    public enum Kind {
        TALK, TRAINING, WORKSHOP, STAND
    }

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public String place;

    @Column(name = "region_code")
    public String regionCode;

    @Column(nullable = false)
    public String language;

    /** Seats; null when anyone may come (e.g. a stand). */
    public Integer capacity;

    /** People who came, as the organization counted them afterwards. */
    public Integer attendance;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Activity activity && id != null && id.equals(activity.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Activity.class);
    }
}
