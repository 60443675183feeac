package org.mitra.referral.followup;

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

/** One attempt of the receiver to reach the person of a referral: when, how, whether it reached them. Nothing said. */
@Entity
@Table(name = "referral_contact_attempt")
public class ContactAttempt extends PanacheEntityBase {
    /** How the receiver tried to reach the person. */
    public enum Channel { PHONE, MESSAGE, VISIT, OTHER }

    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public boolean reached;

    @Column(nullable = false)
    public String actor;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ContactAttempt attempt && id != null && id.equals(attempt.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(ContactAttempt.class);
    }
}
