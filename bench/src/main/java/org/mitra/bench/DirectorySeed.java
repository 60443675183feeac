package org.mitra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the directory's database, set-based in PostgreSQL and reproducibly (fixed seed, no clock in the data but
 * "now"), with a national coalition:
 * 20 provinces of 24 regencies (500 regions), 10,000 verified organizations and 100,000 services
 * spread over every category, each service in one regency, with languages and capacity.
 */
final class DirectorySeed {
    static final int PROVINCES = 20;
    static final int REGENCIES_PER_PROVINCE = 24;
    static final int ORGANIZATIONS = 10_000;
    static final int SERVICES = 100_000;

    private DirectorySeed() {
    }

    static void seed(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("SELECT setseed(0.42)");
            sql.execute("""
                    INSERT INTO region (code, name, level, parent_code, path)
                    SELECT 'P' || lpad(p::text, 2, '0'), 'Bench province ' || p, 'PROVINCE', 'ID', 'ID.P' || lpad(p::text, 2, '0')
                    FROM generate_series(1, %d) p ON CONFLICT DO NOTHING""".formatted(PROVINCES));
            sql.execute("""
                    INSERT INTO region (code, name, level, parent_code, path)
                    SELECT 'P' || lpad(p::text, 2, '0') || 'R' || lpad(r::text, 2, '0'), 'Bench regency ' || p || '-' || r, 'REGENCY',
                           'P' || lpad(p::text, 2, '0'), 'ID.P' || lpad(p::text, 2, '0') || '.P' || lpad(p::text, 2, '0') || 'R' || lpad(r::text, 2, '0')
                    FROM generate_series(1, %d) p, generate_series(1, %d) r ON CONFLICT DO NOTHING"""
                    .formatted(PROVINCES, REGENCIES_PER_PROVINCE));
            sql.execute("""
                    INSERT INTO organization (id, slug, name, description, works_with_law_enforcement, status, created_at, updated_at)
                    SELECT md5('bench-org-' || o)::uuid, 'bench-org-' || o, 'Bench organization ' || o,
                           'An organization of the benchmark coalition', o %% 7 = 0, 'VERIFIED', now(), now()
                    FROM generate_series(1, %d) o ON CONFLICT DO NOTHING""".formatted(ORGANIZATIONS));
            sql.execute("""
                    INSERT INTO organization_region (organization_id, region_code)
                    SELECT md5('bench-org-' || o)::uuid, 'P' || lpad((1 + o %% %d)::text, 2, '0')
                    FROM generate_series(1, %d) o ON CONFLICT DO NOTHING""".formatted(PROVINCES, ORGANIZATIONS));
            sql.execute("""
                    CREATE TEMPORARY TABLE bench_category AS
                    SELECT row_number() OVER (ORDER BY code) AS n, id, slice, name_en FROM taxonomy_term WHERE parent_id IS NOT NULL""");
            sql.execute("""
                    INSERT INTO service (id, organization_id, name, description, slice, category_id, status, age_min, age_max,
                                         capacity_unit, capacity_maximum, capacity_available, capacity_status, capacity_updated_at,
                                         created_at, updated_at)
                    SELECT md5('bench-service-' || s)::uuid, md5('bench-org-' || (1 + s %% %d))::uuid,
                           c.name_en || ' ' || s,
                           CASE WHEN s %% 10 = 0 THEN 'Shelter and counselling for survivors' ELSE 'Support for people at risk' END,
                           c.slice, c.id, 'ACTIVE', CASE WHEN s %% 3 = 0 THEN 12 END, CASE WHEN s %% 3 = 0 THEN 25 END,
                           'places', 10 + s %% 40, s %% 11, CASE WHEN s %% 11 = 0 THEN 'NO_CAPACITY' ELSE 'CAPACITY' END, now(),
                           now(), now()
                    FROM generate_series(1, %d) s
                    JOIN bench_category c ON c.n = 1 + s %% (SELECT count(*) FROM bench_category)
                    ON CONFLICT DO NOTHING""".formatted(ORGANIZATIONS, SERVICES));
            sql.execute("""
                    INSERT INTO service_region (service_id, region_code)
                    SELECT md5('bench-service-' || s)::uuid,
                           'P' || lpad((1 + s %% %d)::text, 2, '0') || 'R' || lpad((1 + (s / %d) %% %d)::text, 2, '0')
                    FROM generate_series(1, %d) s ON CONFLICT DO NOTHING"""
                    .formatted(PROVINCES, PROVINCES, REGENCIES_PER_PROVINCE, SERVICES));
            sql.execute("""
                    INSERT INTO service_language (service_id, language)
                    SELECT md5('bench-service-' || s)::uuid, l
                    FROM generate_series(1, %d) s, unnest(CASE WHEN s %% 4 = 0 THEN ARRAY['id', 'en'] ELSE ARRAY['id'] END) l
                    ON CONFLICT DO NOTHING""".formatted(SERVICES));
            sql.execute("""
                    INSERT INTO referral_demand (referral_id, category_code, region_code, status, requested_at,
                                                 rejected_no_capacity, overdue, updated_at)
                    SELECT md5('bench-referral-' || r)::uuid, c.code,
                           'P' || lpad((1 + r %% %d)::text, 2, '0') || 'R' || lpad((1 + r %% %d)::text, 2, '0'),
                           'REQUESTED', now() - (r %% 60) * interval '1 day', r %% 9 = 0, r %% 13 = 0, now()
                    FROM generate_series(1, 20000) r
                    JOIN taxonomy_term c ON c.id = (SELECT id FROM bench_category WHERE n = 1 + r %% (SELECT count(*) FROM bench_category))
                    ON CONFLICT DO NOTHING""".formatted(PROVINCES, REGENCIES_PER_PROVINCE));
            connection.commit();
            connection.setAutoCommit(true);
            sql.execute("ANALYZE");
        }
    }
}
