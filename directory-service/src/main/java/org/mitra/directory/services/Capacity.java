package org.mitra.directory.services;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.mitra.events.directory.CapacityStatus;

/** How much room a service has now (Open Referral's draft service_capacity, plus a status). */
@Embeddable
public class Capacity {
    /** What is counted, e.g. "beds" or "places". */
    @Column(name = "capacity_unit")
    public String unit;

    @Column(name = "capacity_maximum")
    public Integer maximum;

    @Column(name = "capacity_available")
    public Integer available;

    @Enumerated(EnumType.STRING)
    @Column(name = "capacity_status")
    public CapacityStatus status;

    @Column(name = "capacity_updated_at")
    public Instant updatedAt;
}
