package org.mitra.referral.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The audit log as a hash chain: each entry's hash covers the previous entry's hash and the entry's own fields,
 * so an entry edited, deleted or cut off the end is detected by {@link #verify()}. The same serialization is
 * written in SQL by migration V5 ({@code audit_entry_canonical}, {@code audit_entry_hash}) for the rows that
 * existed before the chain.
 */
@ApplicationScoped
public class AuditChain {
    /** What the first entry is chained to. */
    public static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditAnchor anchor;

    /** The outcome of a walk along the chain: never the rows themselves. */
    @Schema(name = "AuditChainVerification")
    public record Verification(
            @Schema(description = "Whether every entry up to the head is present, in order and unchanged", examples = "true")
            boolean valid,
            @Schema(description = "Entries walked (up to the first broken one)", examples = "1532") long rows,
            @Schema(description = "Sequence number of the first entry missing, edited or cut off; null when valid",
                    examples = "null", nullable = true) Long firstBrokenSequence) {
    }

    /**
     * Chains the entry to the head and persists it. Must run in the writing transaction: the head row stays
     * locked ({@code FOR UPDATE}) until that transaction ends, so concurrent appends wait in line and the chain
     * never forks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(AuditEntry entry) {
        Object[] head = (Object[]) entityManager.createNativeQuery(
                "SELECT sequence, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").getSingleResult();
        entry.sequence = ((Number) head[0]).longValue() + 1;
        entry.hash = anchor.hash(entry.sequence, (String) head[1], canonical(entry.sequence, entry.occurredAt, entry.actor, entry.organizationId,
                entry.referralId, entry.action.name(), entry.outcome.name(), entry.reasonCode));
        entry.persist();
        entityManager.createNativeQuery("UPDATE audit_chain_head SET sequence = :sequence, hash = :hash WHERE id = 1")
                .setParameter("sequence", entry.sequence)
                .setParameter("hash", entry.hash)
                .executeUpdate();
    }

    /**
     * Walks the chain in sequence order up to the head as it is now (entries appended meanwhile are left for the
     * next walk), recomputing every hash, and compares the end of the walk with the head.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Verification verify() {
        // The checkpoint first: it is written after its entry committed, so the head read next is at or after it.
        Optional<AuditAnchor.Checkpoint> checkpoint = anchor.lastCheckpoint();
        Object[] head = (Object[]) entityManager.createNativeQuery("SELECT sequence, hash FROM audit_chain_head WHERE id = 1")
                .getSingleResult();
        long headSequence = ((Number) head[0]).longValue();
        if (checkpoint.isPresent() && (!checkpoint.get().authentic() || checkpoint.get().sequence() > headSequence)) {
            // A checkpoint written without the key, or entries cut off the end with the head moved back.
            return new Verification(false, 0, Math.min(checkpoint.get().sequence(), headSequence + 1));
        }
        String previous = GENESIS;
        long expected = 1;
        long rows = 0;
        while (expected <= headSequence) {
            List<?> page = entityManager.createNativeQuery("""
                    SELECT sequence, occurred_at, actor, organization_id, referral_id, action, outcome, hash, reason_code
                    FROM audit_entry WHERE sequence >= :from AND sequence <= :to ORDER BY sequence LIMIT :limit""")
                    .setParameter("from", expected)
                    .setParameter("to", headSequence)
                    .setParameter("limit", PAGE)
                    .getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (Object item : page) {
                Object[] row = (Object[]) item;
                long sequence = ((Number) row[0]).longValue();
                if (sequence != expected) {
                    return new Verification(false, rows, expected); // a row is missing
                }
                rows++;
                String computed = anchor.hash(sequence, previous, canonical(sequence, instant(row[1]), (String) row[2], uuid(row[3]),
                        uuid(row[4]), (String) row[5], (String) row[6], (String) row[8]));
                if (!computed.equals(row[7]) || checkpoint.filter(at -> at.sequence() == sequence)
                        .map(at -> !at.hash().equals(computed)).orElse(false)) {
                    return new Verification(false, rows, sequence);
                }
                previous = computed;
                expected++;
            }
        }
        if (expected <= headSequence || !previous.equals(head[1])) {
            return new Verification(false, rows, expected); // rows cut off the end, or a forged head
        }
        return new Verification(true, rows, null);
    }

    /**
     * Each field as {@code <UTF-8 byte length>:<value>;}, so no value can pass for another. The reason code
     * (V7) is an eighth field only when present: entries without one keep the serialization they were chained with.
     */
    static String canonical(long sequence, Instant occurredAt, String actor, UUID organizationId, UUID referralId,
            String action, String outcome, String reasonCode) {
        long micros = occurredAt.getEpochSecond() * 1_000_000 + occurredAt.getNano() / 1_000;
        StringBuilder text = new StringBuilder();
        List<String> fields = new ArrayList<>(List.of(Long.toString(sequence), Long.toString(micros), actor,
                organizationId == null ? "" : organizationId.toString(), referralId.toString(), action, outcome));
        if (reasonCode != null) {
            fields.add(reasonCode);
        }
        for (String field : fields) {
            text.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append(';');
        }
        return text.toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
