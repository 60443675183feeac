package org.mitra.referral.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.referral.lifecycle.ServiceOutcome;
import org.mitra.referral.lifecycle.Side;

/**
 * The coalition's referral KPIs over a period, exact, and grouped one way: aggregates only, never a referral's id or
 * anything of the person. Coalition admins see every organization, an organization's admins the referrals their own
 * organization sent or received.
 */
@Schema(name = "KpiReport")
public record KpiReport(
        @Schema(description = "First day counted (the coalition's time zone)", examples = "2026-01-01") LocalDate from,
        @Schema(description = "Last day counted", examples = "2026-06-30") LocalDate to,
        @Schema(examples = "organization") String groupBy,
        @Schema(description = "The organization whose referrals are counted; absent for the whole coalition")
        UUID organizationId,
        Instant computedAt,
        @Schema(description = "Every referral counted, together") Metrics total,
        List<Row> rows) {

    /** One group: the attribute it is grouped by, and its figures. */
    @Schema(name = "KpiRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            @Schema(description = "groupBy=organization") UUID organizationId,
            @Schema(description = "groupBy=organization") String organizationName,
            @Schema(description = "groupBy=organization: the referrals it sent (SENDER) or received (RECEIVER)") Side side,
            @Schema(description = "groupBy=category", examples = "shelter-and-safe-housing") String categoryCode,
            @Schema(description = "groupBy=region", examples = "5171") String regionCode,
            @Schema(description = "groupBy=month", examples = "2026-05") String month,
            Metrics metrics) {
    }

    /** The figures of a set of referrals submitted in the period. */
    @Schema(name = "KpiMetrics")
    public record Metrics(
            @Schema(description = "Referrals submitted in the period") long referrals,
            @Schema(description = "Of them, to agencies outside the platform") long toExternalAgencies,
            @Schema(description = "Accepted (at any time since)") long accepted,
            @Schema(description = "Rejected") long rejected,
            @Schema(description = "accepted ÷ (accepted + rejected); null when none was answered", examples = "0.8")
            Double acceptanceRate,
            @Schema(description = "Hours from submission to acceptance") Hours timeToAccept,
            @Schema(description = "Hours from submission to completion") Hours timeToComplete,
            long completed,
            @Schema(description = "Completed with GOT_HELP ÷ completed with an outcome recorded; null when none",
                    examples = "0.75") Double gotHelpShare,
            @Schema(description = "Completed referrals by outcome") Map<ServiceOutcome, Long> outcomes,
            @Schema(description = "Rejections by reason code") Map<String, Long> rejectionsByReason,
            @Schema(description = "Closed as CANCELLED with reason EXPIRED: nobody answered in time") long expired,
            @Schema(description = "Forwarded by their sender to another organization") long forwarded,
            @Schema(description = "Still open now, by time since submission") OpenByAge openByAge) {
    }

    /** The median and 90th percentile (nearest rank) of some hours, and how many are behind them. */
    @Schema(name = "KpiHours")
    public record Hours(@Schema(examples = "5.5") Double median, @Schema(examples = "30.2") Double p90, long count) {
    }

    /** Referrals open now by their age since submission. */
    @Schema(name = "KpiOpenByAge")
    public record OpenByAge(long underOneDay, long oneToSevenDays, long sevenToThirtyDays, long overThirtyDays) {
    }
}
