package org.mitra.referral.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import io.quarkus.panache.common.Sort;
import org.mitra.referral.referral.ReferralAccess;

/** A referral's history, for whoever may see the referral. */
@ApplicationScoped
public class ReferralHistory {
    @Inject
    ReferralAccess access;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<HistoryEntry> of(UUID referralId) {
        access.visible(referralId);
        return HistoryEntry.list("referralId", Sort.ascending("position"), referralId);
    }
}
