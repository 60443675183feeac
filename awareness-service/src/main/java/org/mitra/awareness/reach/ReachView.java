package org.mitra.awareness.reach;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.awareness.campaign.Campaign;

/** A campaign's public figures: counts only, never a pledger or registrant. Each email is counted once. */
@Schema(name = "Reach")
public record ReachView(
        UUID campaignId,
        Campaign.Status status,
        Pledges pledges,
        Businesses businesses,
        Activities activities,
        Goals goals) {

    @Schema(name = "ReachPledges")
    public record Pledges(
            @Schema(examples = "120") long total,
            @Schema(examples = "{\"PERSON\": 100, \"BUSINESS\": 20}") Map<String, Long> byKind,
            @Schema(examples = "{\"HOTEL\": 12, \"DRIVER\": 8}") Map<String, Long> byBusinessType,
            @Schema(examples = "{\"AU\": 40, \"ID\": 30}") Map<String, Long> byCountry,
            @Schema(description = "Where pledgers heard of the campaign", examples = "{\"hotel-flyer\": 25}") Map<String, Long> bySource,
            @Schema(examples = "{\"report-suspicions\": 90}") Map<String, Long> byCommitment,
            @Schema(description = "Pledges per calendar month (UTC), oldest first") List<Month> overTime) {
    }

    @Schema(name = "ReachMonth")
    public record Month(@Schema(examples = "2026-11") String month, @Schema(examples = "42") long count) {
    }

    @Schema(name = "ReachBusinesses", description = "Businesses' progress on the six criteria of the child-protection code")
    public record Businesses(
            long pledged,
            @Schema(description = "Businesses meeting each criterion") Map<String, Long> meetingCriterion,
            @Schema(description = "Businesses meeting all six") long meetingAll) {
    }

    @Schema(name = "ReachActivities")
    public record Activities(
            long count,
            Map<String, Long> byKind,
            @Schema(description = "People holding a place") long registered,
            @Schema(description = "People on waiting lists") long waitlisted,
            @Schema(description = "People who came, where the organization counted them") long attended,
            @Schema(description = "Attendance where counted, otherwise registrations") long reached) {
    }

    @Schema(name = "ReachGoals")
    public record Goals(Progress pledges, Progress businessPledges, Progress attendance) {
    }

    @Schema(name = "ReachProgress", description = "Progress towards one goal; null when the campaign set no such goal")
    public record Progress(@Schema(examples = "500") int goal, @Schema(examples = "120") long reached,
            @Schema(examples = "24") int percent) {
        static Progress of(Integer goal, long reached) {
            return goal == null ? null : new Progress(goal, reached, (int) Math.min(100, reached * 100 / goal));
        }
    }
}
