package org.mitra.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.ReferralStatusChanged;
import org.mitra.referral.referral.Referral;

class StatusChangeTest {
    private static final Instant AT = Instant.parse("2026-05-04T10:15:30.123Z");

    @Test
    void theEventIsBuiltFromWhatTheChangeDid() {
        Referral referral = referral(ReferralStatus.REQUESTED);
        referral.requestedAt = AT.minusSeconds(60);

        StatusChange change = referral.moveTo(ReferralStatus.REJECTED, "NO_CAPACITY", AT);

        assertThat(change).isEqualTo(new StatusChange(referral.id, "legal-aid", "5171", ReferralStatus.REQUESTED,
                ReferralStatus.REJECTED, "NO_CAPACITY", AT, true));
        assertThat(change.event()).isEqualTo(new ReferralStatusChanged(referral.id, "legal-aid", "5171",
                ReferralStatus.REJECTED, "NO_CAPACITY", AT));
        assertThat(referral.status).isEqualTo(ReferralStatus.REJECTED);
        assertThat(referral.updatedAt).isEqualTo(AT);
        assertThat(referral.closedAt).isEqualTo(AT);
    }

    @Test
    void submittingStampsTheRequestAndIsAnnounced() {
        Referral referral = referral(ReferralStatus.DRAFT);

        StatusChange change = referral.moveTo(ReferralStatus.REQUESTED, null, AT);

        assertThat(change.announced()).isTrue();
        assertThat(referral.requestedAt).isEqualTo(AT);
        assertThat(referral.closedAt).isNull();
    }

    @Test
    void aDraftsChangeIsNotAnnounced() {
        Referral referral = referral(ReferralStatus.DRAFT);

        StatusChange change = referral.moveTo(ReferralStatus.CANCELLED, "DUPLICATE", AT);

        assertThat(change.announced()).isFalse();
        assertThat(referral.requestedAt).isNull();
        assertThat(referral.closedAt).isEqualTo(AT);
    }

    private static Referral referral(ReferralStatus status) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.categoryCode = "legal-aid";
        referral.regionCode = "5171";
        referral.status = status;
        return referral;
    }
}
