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

/** A person's place at an activity, or on its waiting list when it is full. Name and contact are personal data. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    public enum Status {
        REGISTERED, WAITLISTED
    }

    @Id
    public UUID id;

    @Column(name = "activity_id", nullable = false)
    public UUID activityId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Registration registration && id != null && id.equals(registration.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Registration.class);
    }
}
