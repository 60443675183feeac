package org.mitra.directory.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.mitra.events.Slice;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A slice of the pie (no parent) or a category within a slice (parent = the slice's term). */
@Entity
@Table(name = "taxonomy_term")
public class TaxonomyTerm extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Slice slice;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "name_id", nullable = false)
    public String nameId;

    public String description;

    @Column(name = "requires_law_enforcement", nullable = false)
    public boolean requiresLawEnforcement;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isSlice() {
        return parentId == null;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TaxonomyTerm term && id != null && id.equals(term.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(TaxonomyTerm.class);
    }
}
