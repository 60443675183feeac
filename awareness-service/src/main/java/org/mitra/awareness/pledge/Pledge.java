package org.mitra.awareness.pledge;

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
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A public pledge to a campaign by a person or a business, made without an account. The email is
 * kept only when its owner agreed to be contacted; a keyed hash of it counts an email once per campaign.
 */
@Entity
@Table(name = "pledge")
public class Pledge extends PanacheEntityBase {

    public enum Kind {
        PERSON, BUSINESS
    }

    public enum BusinessType {
        HOTEL, TOUR_OPERATOR, DRIVER, RESTAURANT, OTHER
    }

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "business_name")
    public String businessName;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_type")
    public BusinessType businessType;

    @Column(nullable = false)
    public String commitment;

    @Column(nullable = false)
    public String country;

    public String source;

    @Column(name = "email_hash")
    public String emailHash;

    public String email;

    @Column(name = "contact_consent", nullable = false)
    public boolean contactConsent;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    /** False for a later pledge by an email that already pledged to the campaign. */
    @Column(nullable = false)
    public boolean counted;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @ElementCollection
    @CollectionTable(name = "pledge_criterion", joinColumns = @JoinColumn(name = "pledge_id"))
    @Column(name = "criterion")
    @Enumerated(EnumType.STRING)
    public Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The address campaign staff may use: only with consent and until unsubscribed. */
    public boolean mayBeContacted() {
        return contactConsent && email != null && unsubscribedAt == null;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Pledge pledge && id != null && id.equals(pledge.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Pledge.class);
    }
}
