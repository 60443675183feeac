package org.mitra.directory.version;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory's version as the database keeps it (V11, {@code directory_version}): triggers on every table the
 * searches, the coverage supply and the HSDS export read move it on in each transaction that changes one of them, and
 * it becomes visible with that transaction's commit.
 *
 * <p>Read it before computing what is kept under it: what is computed afterwards sees at least that version (each
 * statement of a read-committed transaction sees every commit before it), so a result is never labelled newer than
 * its data, and one labelled older is only computed again by the next reader.
 */
@ApplicationScoped
public class DirectoryVersion {
    static final String READ = """
            SELECT epoch, counter, membership, coalesce(current_setting('mitra.directory_changed', true), '') = 'on'
            FROM directory_version""";

    /**
     * How far back {@link #untouched} looks: V13 drops what lies more than 100,000 counters behind, now and then, so
     * half of that is always there.
     */
    static final long TOUCHED_WINDOW = 50_000;

    static final String TOUCHED = """
            SELECT EXISTS (SELECT 1 FROM directory_touched WHERE counter > :from AND counter <= :to AND id IN (:ids))""";

    @Inject
    EntityManager entityManager;

    /**
     * One committed state of the directory: {@code counter} moves on with every change, {@code membership} with every
     * change but a service's capacity (V12); {@code epoch} tells one database from another.
     */
    public record Stamp(UUID epoch, long counter, long membership) {
        /**
         * This state as seen by an answer that does not depend on capacity (which services match, in which order): the
         * same stamp for every state between two changes of membership.
         */
        public Stamp membershipOnly() {
            return new Stamp(epoch, membership, membership);
        }

        /** Whether an answer kept at this stamp differs from one at {@code other} in capacity figures at most. */
        boolean sameMembership(Stamp other) {
            return epoch.equals(other.epoch) && membership == other.membership;
        }

        /** Whether this stamp is a later state than {@code other} of the same database. */
        boolean after(Stamp other) {
            return epoch.equals(other.epoch) && counter > other.counter;
        }
    }

    /**
     * The version this transaction reads now, or empty when this transaction has changed the directory itself: what it
     * reads then includes its own uncommitted changes, which must never be kept for anybody else.
     */
    public Optional<Stamp> read() {
        // Changes this session still holds are written first, so the flag tells of them (and no later query flushes them).
        entityManager.flush();
        Object[] row = (Object[]) entityManager.createNativeQuery(READ).getSingleResult();
        if (Boolean.TRUE.equals(row[3])) {
            return Optional.empty();
        }
        return Optional.of(new Stamp((UUID) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
    }

    /**
     * Whether an answer computed at {@code from} is still right at {@code to} when it shows the rows {@code ids} (services
     * and their organizations) and nothing else that can change without the membership: true when the membership is the
     * same and no change in between updated one of those rows (V13).
     */
    public boolean untouched(Stamp from, Stamp to, Collection<UUID> ids) {
        if (!from.sameMembership(to) || !to.after(from) || to.counter() - from.counter() > TOUCHED_WINDOW) {
            return from.equals(to);
        }
        if (ids.isEmpty()) {
            return true;
        }
        return !Boolean.TRUE.equals(entityManager.createNativeQuery(TOUCHED).setParameter("from", from.counter())
                .setParameter("to", to.counter()).setParameter("ids", ids).getSingleResult());
    }
}
