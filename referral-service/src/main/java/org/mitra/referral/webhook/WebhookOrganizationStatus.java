package org.mitra.referral.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The verification status last seen per organization, so only a change of it is announced. */
@Entity
@Table(name = "webhook_organization_status")
public class WebhookOrganizationStatus extends PanacheEntityBase {
    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(nullable = false)
    public String status;
}
