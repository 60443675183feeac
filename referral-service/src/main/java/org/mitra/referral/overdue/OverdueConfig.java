package org.mitra.referral.overdue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How long a referral may stay REQUESTED per urgency ({@code mitra.referral.overdue.*}). The defaults follow
 * Indonesia's service standard for victims (outreach within 12 hours for an emergency, follow-up within 3 working days
 * otherwise); HIGH is the coalition's own, stricter step between them. Each deployment (one coalition) sets its own.
 */
@ConfigMapping(prefix = "mitra.referral.overdue")
public interface OverdueConfig {
    @WithDefault("PT12H")
    Duration emergency();

    @WithDefault("PT24H")
    Duration high();

    /** ROUTINE referrals get this many business days (Monday to Friday in {@link #zone()}). */
    @WithDefault("3")
    int routineBusinessDays();

    /**
     * A referral still REQUESTED this many times its deadline after it was requested expires: it closes as CANCELLED
     * with reason {@code EXPIRED} and its sender may forward it.
     */
    @WithDefault("2")
    int expiryMultiple();

    @WithDefault("Asia/Makassar")
    ZoneId zone();

    /** How often the job looks for overdue referrals (a Quarkus scheduler interval such as {@code 5m}). */
    @WithDefault("5m")
    String checkEvery();
}
