package org.mitra.referral.overdue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** How long a referral may stay REQUESTED per urgency ({@code mitra.referral.overdue.*}). */
@ConfigMapping(prefix = "mitra.referral.overdue")
public interface OverdueConfig {
    @WithDefault("PT4H")
    Duration emergency();

    @WithDefault("PT24H")
    Duration high();

    /** ROUTINE referrals get this many business days (Monday to Friday in {@link #zone()}). */
    @WithDefault("2")
    int routineBusinessDays();

    @WithDefault("Asia/Makassar")
    ZoneId zone();

    /** How often the job looks for overdue referrals (a Quarkus scheduler interval such as {@code 5m}). */
    @WithDefault("5m")
    String checkEvery();
}
