package org.mitra.referral.open;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Open emergency referrals ({@code mitra.referral.open.*}). */
@ConfigMapping(prefix = "mitra.referral.open")
public interface OpenReferralConfig {
    /** How long an open referral may stay unclaimed before it is escalated to the coalition admins. */
    @WithDefault("PT2H")
    Duration escalateAfter();
}
