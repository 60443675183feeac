package org.mitra.referral.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import io.quarkus.panache.common.Sort;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralAccess;

/** A referral's history, for whoever may see the referral. */
@ApplicationScoped
public class ReferralHistory {
    /** The step on an original that its sender forwarded. */
    public static final String FORWARD = "forward";

    @Inject
    ReferralAccess access;

    /**
     * The steps as the caller may see them: a receiver sees neither a forward of the referral (the organization that
     * could not take the person does not learn where they went) nor the referral a forwarded one continues.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<HistoryView> of(UUID referralId) {
        Referral referral = access.visible(referralId);
        boolean chainShown = access.sideOf(referral).map(side -> side == Side.SENDER).orElse(true);
        return HistoryEntry.<HistoryEntry>list("referralId", Sort.ascending("position"), referralId).stream()
                .filter(entry -> chainShown || !FORWARD.equals(entry.action))
                .map(entry -> HistoryView.of(entry, chainShown)).toList();
    }
}
