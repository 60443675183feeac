package org.mitra.referral.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.mitra.events.referral.ReferralStatus;

/** One step in a referral's history: who, for which organization, when, and why (codes only). */
@Entity
@Table(name = "referral_history")
public class HistoryEntry extends PanacheEntityBase {
    @Id
    public UUID id;

    /**
     * Insertion order, so steps taken in the same instant keep their order: the database's sequence gives it, and queries
     * sort by it. Not read back after an insert (no {@code @Generated}): a generated value to read back makes Hibernate
     * run each insert on its own, while without it a request's history entries go to the database in one JDBC batch
     * (issue 14). An entry persisted in this session has it null; none of the service's code reads it.
     */
    @Column(insertable = false, updatable = false)
    public Long position;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    /** The action code ({@code submit}, {@code cancel}, ...), {@code create} or {@code business-status}. */
    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ReferralStatus toStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_status")
    public BusinessStatus businessStatus;

    @Column(name = "reason_code")
    public String reasonCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "services_delivered")
    public List<String> servicesDelivered;

    /** Complete only: the services delivered with their dates ({@link #servicesDelivered} lists their codes). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ServiceDelivery> deliveries;

    /** Complete only: what came of it for the person. */
    @Enumerated(EnumType.STRING)
    public ServiceOutcome outcome;

    @Column(nullable = false)
    public String actor;

    @Column(name = "organization_id")
    public UUID organizationId;

    /** The other referral of a step that links two: the forwarded one on "forward", the original on "create". */
    @Column(name = "linked_referral_id")
    public UUID linkedReferralId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof HistoryEntry entry && id != null && id.equals(entry.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(HistoryEntry.class);
    }
}
