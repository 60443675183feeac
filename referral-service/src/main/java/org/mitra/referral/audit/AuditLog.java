package org.mitra.referral.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.mitra.referral.referral.ReferralAccess;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

/** Writes and lists the audit log. Each entry commits on its own, so a refusal is kept although the request fails. */
@ApplicationScoped
public class AuditLog {
    @Inject
    ReferralAccess access;

    @Inject
    AuditChain chain;

    @Inject
    AuditAnchor anchor;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    public void record(UUID referralId, AuditAction action, AuditEntry.Outcome outcome) {
        record(referralId, action, outcome, null);
    }

    /** Records an entry with its reason code (a consent withdrawal's), in a transaction of its own. */
    public void record(UUID referralId, AuditAction action, AuditEntry.Outcome outcome, String reasonCode) {
        String actor = access.actor();
        UUID organization = access.callerOrganization().orElse(null);
        AuditEntry entry = new AuditEntry();
        QuarkusTransaction.requiringNew().run(() -> {
            entry.occurredAt = clock.instant();
            entry.actor = actor;
            entry.organizationId = organization;
            entry.referralId = referralId;
            entry.action = action;
            entry.outcome = outcome;
            entry.reasonCode = reasonCode;
            chain.append(entry);
        });
        // Committed: the head is checkpointed outside the referral database (key store), never backwards.
        anchor.checkpoint(entry.sequence, entry.hash);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Page<AuditEntry> list(UUID referralId, PageRequest request) {
        Sort order = Sort.descending("occurredAt").and("id", Sort.Direction.Descending);
        PanacheQuery<AuditEntry> query = referralId == null
                ? AuditEntry.findAll(order)
                : AuditEntry.find("referralId = :referral", order, Parameters.with("referral", referralId));
        return Page.of(query.page(request.page(), request.size()).list(), request, query.count());
    }
}
