package org.mitra.directory.organization;

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
import org.mitra.events.directory.OrganizationStatus;

/**
 * One decision of the coalition on an organization, as it left the organization: its status, and the
 * facts only the coalition may change (name, slug, works with law enforcement), with who decided and why.
 */
@Entity
@Table(name = "organization_decision")
public class OrganizationDecision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_by_subject")
    public String decidedBySubject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationStatus status;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String slug;

    @Column(name = "works_with_law_enforcement", nullable = false)
    public boolean worksWithLawEnforcement;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof OrganizationDecision decision && id != null && id.equals(decision.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(OrganizationDecision.class);
    }
}
