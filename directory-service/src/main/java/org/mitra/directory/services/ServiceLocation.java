package org.mitra.directory.services;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/** Where a service is delivered. A confidential location (a shelter) is shown only to coalition staff. */
@Entity
@Table(name = "service_location")
public class ServiceLocation {
    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    public Service service;

    public String name;
    public String address;
    public String city;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "postal_code")
    public String postalCode;

    public Double latitude;
    public Double longitude;

    @Column(nullable = false)
    public boolean confidential;

    @Column(nullable = false)
    public int position;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ServiceLocation location && id != null && id.equals(location.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(ServiceLocation.class);
    }
}
