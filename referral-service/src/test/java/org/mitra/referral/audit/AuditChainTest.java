package org.mitra.referral.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mitra.referral.ReferralFixtures.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mitra.testkit.TestInfrastructure;
import org.mitra.testkit.Tokens;

/**
 * The audit log's hash chain. Tests that tamper with a row do it as the referral database's owner (someone with the
 * rights on the database, the append-only trigger switched off: the service's own role may do neither, see
 * {@link AuditTablePrivilegesTest}) and put it back afterwards, so the chain is whole again for the other tests.
 */
@QuarkusTest
class AuditChainTest {
    private static final String VERIFICATION = "/api/referrals/audit/verification";
    private static final String SHELTER = "shelter-and-safe-housing";
    private static final String DATABASE = "referral";

    @Inject
    EntityManager entityManager;

    /** A referral and its sender, whose identity reads write audit entries. */
    record Audited(UUID sender, UUID referral) {
        static Audited create() {
            UUID sender = organization(false);
            UUID receiver = organization(true, SHELTER);
            return new Audited(sender, org.mitra.referral.ReferralFixtures.referral(sender, receiver, SHELTER, true));
        }

        void read(String token) {
            given().auth().oauth2(token).get("/api/referrals/{id}/identity", referral).then().statusCode(200);
        }

        void read() {
            read(Tokens.caseworker(sender));
        }
    }

    @Test
    void theChainStaysValidAfterManyAppendsAlsoConcurrentOnes() throws Exception {
        Audited audited = Audited.create();
        long before = verification().getLong("rows");
        for (int i = 0; i < 10; i++) {
            audited.read();
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                reads.add(pool.submit(() -> audited.read()));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonPath verification = verification();
        assertThat(verification.getBoolean("valid")).isTrue();
        assertThat(verification.getLong("rows")).isGreaterThanOrEqualTo(before + 40);
        assertThat(verification.getMap("")).containsOnlyKeys("valid", "rows", "firstBrokenSequence");
        assertThat((Object) verification.get("firstBrokenSequence")).isNull();
        Object[] sequences = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT count(*), count(DISTINCT sequence), max(sequence), (SELECT sequence FROM audit_chain_head) FROM audit_entry")
                .getSingleResult());
        // No fork: every entry has its own place, no gaps, and the head is the last one.
        assertThat(((Number) sequences[0]).longValue()).isEqualTo(((Number) sequences[1]).longValue())
                .isEqualTo(((Number) sequences[2]).longValue()).isEqualTo(((Number) sequences[3]).longValue());
    }

    @Test
    void anEditedEntryBreaksTheChainAtItsSequence() {
        Audited audited = Audited.create();
        audited.read();
        audited.read();
        long sequence = first(audited.referral());
        String actor = (String) row(sequence).get("actor");
        tamper("UPDATE audit_entry SET actor = 'somebody-else' WHERE sequence = " + sequence);
        try {
            JsonPath verification = verification();
            assertThat(verification.getBoolean("valid")).isFalse();
            assertThat(verification.getLong("firstBrokenSequence")).isEqualTo(sequence);
            assertThat(verification.prettify()).doesNotContain("somebody-else", audited.referral().toString());
        } finally {
            tamper("UPDATE audit_entry SET actor = ? WHERE sequence = ?", actor, sequence);
        }
        assertThat(verification().getBoolean("valid")).isTrue();
    }

    @Test
    void aDeletedEntryBreaksTheChain() {
        Audited audited = Audited.create();
        audited.read();
        audited.read();
        long sequence = first(audited.referral());
        Map<String, Object> deleted = row(sequence);
        tamper("DELETE FROM audit_entry WHERE sequence = " + sequence);
        try {
            JsonPath verification = verification();
            assertThat(verification.getBoolean("valid")).isFalse();
            assertThat(verification.getLong("firstBrokenSequence")).isEqualTo(sequence);
        } finally {
            restore(deleted);
        }
        assertThat(verification().getBoolean("valid")).isTrue();
    }

    @Test
    void entriesCutOffTheEndAreDetectedByTheHead() {
        Audited audited = Audited.create();
        audited.read();
        long sequence = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT sequence FROM audit_chain_head").getSingleResult()).longValue());
        Map<String, Object> last = row(sequence);
        tamper("DELETE FROM audit_entry WHERE sequence = " + sequence);
        try {
            JsonPath verification = verification();
            assertThat(verification.getBoolean("valid")).isFalse();
            assertThat(verification.getLong("firstBrokenSequence")).isEqualTo(sequence);
        } finally {
            restore(last);
        }
        assertThat(verification().getBoolean("valid")).isTrue();
    }

    /**
     * The rows chained by migration V5 were serialized in SQL ({@code audit_entry_canonical}); the service serializes
     * the same way. (The hash itself is now an HMAC under a key outside the database, which SQL cannot compute.)
     */
    @Test
    void theMigrationsSqlSerializesEntriesExactlyAsTheServiceDoes() {
        Audited audited = Audited.create();
        // A user name with characters of more than one byte in UTF-8: lengths are counted in bytes on both sides.
        audited.read(Tokens.as("caseworker").org(audited.sender()).username("Ñyoman Kadék ✓ | 3:x;").sign());
        long sequence = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT max(sequence) FROM audit_entry WHERE referral_id = :id").setParameter("id", audited.referral())
                .getSingleResult()).longValue());
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                SELECT audit_entry_canonical(e.sequence, e.occurred_at, e.actor, e.organization_id, e.referral_id, e.action,
                       e.outcome), e.actor, e.occurred_at, e.organization_id, e.action, e.outcome
                FROM audit_entry e WHERE e.sequence = :sequence""")
                .setParameter("sequence", sequence).getSingleResult());
        assertThat(row[1]).isEqualTo("Ñyoman Kadék ✓ | 3:x;");
        java.time.Instant occurredAt = row[2] instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : row[2] instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (java.time.Instant) row[2];
        assertThat(row[0]).isEqualTo(AuditChain.canonical(sequence, occurredAt, (String) row[1],
                UUID.fromString(row[3].toString()), audited.referral(), (String) row[4], (String) row[5], null));
    }

    /**
     * Issue 12 item 12: someone with every right on the referral database (its owner, which the service's own role is
     * not) rewrites the log from one entry on, and recomputes the chain and its head with the SQL that migration V5
     * shipped. The chain is keyed (HMAC, with a key the referral database does not hold), so the rewrite does not verify.
     */
    @Test
    void aRewriteOfTheWholeChainFromAnEntryOnIsDetected() {
        Audited audited = Audited.create();
        audited.read();
        audited.read();
        audited.read();
        long sequence = first(audited.referral());
        List<Object[]> original = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT id, actor, hash FROM audit_entry WHERE sequence >= :sequence").setParameter("sequence", sequence)
                .getResultList());
        String head = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT hash FROM audit_chain_head").getSingleResult());
        tamper("UPDATE audit_entry SET actor = 'somebody-else' WHERE sequence = " + sequence);
        tamper("""
                DO $$
                DECLARE
                    previous text := coalesce((SELECT hash FROM audit_entry WHERE sequence = %d - 1), repeat('0', 64));
                    entry record;
                BEGIN
                    FOR entry IN SELECT * FROM audit_entry WHERE sequence >= %d ORDER BY sequence LOOP
                        previous := audit_entry_hash(previous, audit_entry_canonical(entry.sequence, entry.occurred_at,
                                entry.actor, entry.organization_id, entry.referral_id, entry.action, entry.outcome)
                                || coalesce(octet_length(entry.reason_code) || ':' || entry.reason_code || ';', ''));
                        UPDATE audit_entry SET hash = previous WHERE id = entry.id;
                    END LOOP;
                    UPDATE audit_chain_head SET hash = previous;
                END;
                $$""".formatted(sequence, sequence));
        try {
            JsonPath verification = verification();
            assertThat(verification.getBoolean("valid")).isFalse();
            assertThat(verification.getLong("firstBrokenSequence")).isLessThanOrEqualTo(sequence);
        } finally {
            for (Object[] row : original) {
                tamper("UPDATE audit_entry SET actor = ?, hash = ? WHERE id = ?", row[1], row[2], row[0]);
            }
            tamper("UPDATE audit_chain_head SET hash = ?", head);
        }
        assertThat(verification().getBoolean("valid")).isTrue();
    }

    /** The head is checkpointed in the key store: entries cut off the end with the head moved back are detected. */
    @Test
    void entriesCutOffTheEndWithTheHeadMovedBackAreDetected() {
        Audited audited = Audited.create();
        audited.read();
        long sequence = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT sequence FROM audit_chain_head").getSingleResult()).longValue());
        Map<String, Object> last = row(sequence);
        String previous = (String) row(sequence - 1).get("hash");
        tamper("DELETE FROM audit_entry WHERE sequence = " + sequence);
        tamper("UPDATE audit_chain_head SET sequence = ?, hash = ?", sequence - 1, previous);
        try {
            JsonPath verification = verification();
            assertThat(verification.getBoolean("valid")).isFalse();
            assertThat(verification.getLong("firstBrokenSequence")).isEqualTo(sequence);
        } finally {
            restore(last);
            tamper("UPDATE audit_chain_head SET sequence = ?, hash = ?", sequence, last.get("hash"));
        }
        assertThat(verification().getBoolean("valid")).isTrue();
    }

    @Test
    void onlyCoalitionAdminsMayVerify() {
        given().get(VERIFICATION).then().statusCode(401);
        UUID organization = UUID.randomUUID();
        for (String token : List.of(Tokens.caseworker(organization), Tokens.orgAdmin(organization), Tokens.govLiaison(),
                Tokens.partnerApp(organization))) {
            given().auth().oauth2(token).get(VERIFICATION).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.coalitionAdmin()).get(VERIFICATION).then().statusCode(200);
    }

    // ---- helpers

    private static JsonPath verification() {
        return given().auth().oauth2(Tokens.coalitionAdmin()).get(VERIFICATION).then().statusCode(200).extract().jsonPath();
    }

    private long first(UUID referral) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT min(sequence) FROM audit_entry WHERE referral_id = :id").setParameter("id", referral)
                .getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(long sequence) {
        String json = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT CAST(row_to_json(e) AS text) FROM audit_entry e WHERE sequence = :sequence")
                .setParameter("sequence", sequence).getSingleResult().toString());
        return JsonPath.from(json).getMap("");
    }

    private static String json(Map<String, Object> row) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(row);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a row removed by a test back, as it was. */
    private static void restore(Map<String, Object> row) {
        tamper("""
                INSERT INTO audit_entry (id, occurred_at, actor, organization_id, referral_id, action, outcome, sequence, hash)
                SELECT id, occurred_at, actor, organization_id, referral_id, action, outcome, sequence, hash
                FROM json_populate_record(NULL::audit_entry, CAST(? AS json))""", json(row));
    }

    /**
     * Changes the log as someone with the rights on the referral database could: as its owner, with the append-only
     * trigger switched off, in a transaction of its own.
     */
    private static void tamper(String sql, Object... parameters) {
        try (Connection connection = TestInfrastructure.ownerConnection(DATABASE)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement change = connection.prepareStatement(sql)) {
                statement.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
                for (int i = 0; i < parameters.length; i++) {
                    change.setObject(i + 1, parameters[i]);
                }
                change.execute();
                statement.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the audit log as the database's owner", e);
        }
    }
}
