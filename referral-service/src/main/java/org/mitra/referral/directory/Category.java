package org.mitra.referral.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import org.mitra.events.Slice;

/** A service category and its slice: seeded from the taxonomy, extended by categories seen on the directory topic. */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {
    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Slice slice;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Category category && code != null && code.equals(category.code);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Category.class);
    }
}
