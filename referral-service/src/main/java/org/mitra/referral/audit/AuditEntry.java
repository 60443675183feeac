package org.mitra.referral.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One line of the append-only, hash-chained audit log (the table refuses updates and deletes). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    /** Why, as a code (a consent withdrawal's reason); null for most entries. */
    @Column(name = "reason_code")
    public String reasonCode;

    /** Position in the hash chain: 1, 2, 3, ... without gaps. */
    @Column(nullable = false, unique = true)
    public Long sequence;

    /** Hex SHA-256 over the previous entry's hash and this entry's fields (see {@link AuditChain}). */
    @Column(nullable = false, length = 64)
    public String hash;

    /** Done, refused, or nothing to give (no identity stored, or erased). */
    public enum Outcome { GRANTED, REFUSED, UNAVAILABLE }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AuditEntry entry && id != null && id.equals(entry.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(AuditEntry.class);
    }
}
