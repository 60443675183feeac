package org.mitra.directory.region;

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

/** A place in the region tree: country, province, regency or city, by its official (BPS) code. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {
    public enum Level { COUNTRY, PROVINCE, REGENCY, CITY }

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Column(name = "parent_code")
    public String parentCode;

    /** Codes from the root joined by dots; a region's sub-regions share it as a prefix. */
    @Column(nullable = false, unique = true)
    public String path;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Region region && code != null && code.equals(region.code);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Region.class);
    }
}
