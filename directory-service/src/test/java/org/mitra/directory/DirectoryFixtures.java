package org.mitra.directory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.mitra.directory.organization.Organization;
import org.mitra.events.directory.OrganizationStatus;
import org.mitra.directory.region.Region;
import org.mitra.events.directory.CapacityStatus;
import org.mitra.directory.services.Service;
import org.mitra.directory.taxonomy.TaxonomyTerm;

/** Test data written straight through the persistence layer, each call in its own transaction. */
public final class DirectoryFixtures {
    private DirectoryFixtures() {
    }

    /** A fresh province under Indonesia with {@code regencies} regencies, so a test's figures are its own. */
    public static Region province(int regencies) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String code = "9" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
            Region province = region(code, "Province " + code, Region.Level.PROVINCE, "ID", "ID." + code);
            for (int i = 1; i <= regencies; i++) {
                region(code + i, "Regency " + code + i, Region.Level.REGENCY, code, "ID." + code + "." + code + i);
            }
            return province;
        });
    }

    private static Region region(String code, String name, Region.Level level, String parent, String path) {
        Region region = new Region();
        region.code = code;
        region.name = name;
        region.level = level;
        region.parentCode = parent;
        region.path = path;
        region.updatedAt = Instant.now();
        region.persist();
        return region;
    }

    public static Organization organization(OrganizationStatus status, String... regions) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Organization organization = new Organization();
            organization.id = UUID.randomUUID();
            organization.slug = "org-" + organization.id.toString().substring(0, 8);
            organization.name = "Organization " + organization.slug;
            organization.status = status;
            organization.regions.addAll(Set.of(regions));
            organization.createdAt = Instant.now();
            organization.updatedAt = organization.createdAt;
            organization.persist();
            return organization;
        });
    }

    public static Service service(Organization organization, String categoryCode, Integer maximum, Integer available,
            String... regions) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TaxonomyTerm category = TaxonomyTerm.find("code", categoryCode).firstResult();
            Service service = new Service();
            service.id = UUID.randomUUID();
            service.organization = Organization.findById(organization.id);
            service.name = categoryCode + " by " + organization.slug;
            service.slice = category.slice;
            service.category = category;
            service.regions.addAll(Set.of(regions));
            service.capacity.maximum = maximum;
            service.capacity.available = available;
            service.capacity.status = available != null && available > 0 ? CapacityStatus.CAPACITY : CapacityStatus.NO_CAPACITY;
            service.capacity.updatedAt = Instant.now();
            service.createdAt = Instant.now();
            service.updatedAt = service.createdAt;
            service.persist();
            return service;
        });
    }

    /** A referral seen in the lifecycle events, as the demand read model keeps it. */
    public static void referral(String categoryCode, String regionCode, boolean rejectedNoCapacity, boolean overdue) {
        referralAt(categoryCode, regionCode, rejectedNoCapacity, overdue, Instant.now());
    }

    /** A referral requested at the given time (seen now), as the demand read model keeps it. */
    public static void referralAt(String categoryCode, String regionCode, boolean rejectedNoCapacity, boolean overdue,
            Instant requestedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager entityManager = Organization.getEntityManager();
            entityManager.createNativeQuery("""
                    INSERT INTO referral_demand (referral_id, category_code, region_code, status, requested_at,
                                                 rejected_no_capacity, overdue, updated_at)
                    VALUES (?1, ?2, ?3, 'REQUESTED', ?6, ?4, ?5, now())""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, categoryCode)
                    .setParameter(3, regionCode)
                    .setParameter(4, rejectedNoCapacity)
                    .setParameter(5, overdue)
                    .setParameter(6, java.sql.Timestamp.from(requestedAt))
                    .executeUpdate();
        });
    }

    /** The middle of the closed month the public figures show now: a time whose referrals they count. */
    public static Instant lastMonth() {
        return org.mitra.directory.coverage.PublicDemand.periodAt(Instant.now()).start().plus(java.time.Duration.ofDays(14));
    }
}
