package org.mitra.referral.open;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An open referral offered to one organization; it stands while the referral is REQUESTED and unclaimed. */
@Entity
@Table(name = "referral_offer")
public class Offer extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "offered_at", nullable = false)
    public Instant offeredAt;

    /** The referral and the organization it is offered to. */
    @Embeddable
    public record Key(@Column(name = "referral_id") UUID referralId, @Column(name = "organization_id") UUID organizationId)
            implements Serializable {
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Offer offer && key != null && key.equals(offer.key);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Offer.class);
    }
}
