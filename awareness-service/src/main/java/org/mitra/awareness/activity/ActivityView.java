package org.mitra.awareness.activity;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Activity", description = "An activity of a campaign, with its registration figures (no registrant is named)")
public record ActivityView(
        UUID id,
        UUID campaignId,
        Activity.Kind kind,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        String place,
        String regionCode,
        String language,
        Integer capacity,
        Integer attendance,
        @Schema(description = "People holding a place") long registered,
        @Schema(description = "People on the waiting list") long waitlisted,
        @Schema(description = "Places still free; null when there is no limit") Long placesLeft,
        long version) {

    static ActivityView of(Activity activity, long registered, long waitlisted) {
        Long left = activity.capacity == null ? null : Math.max(0, activity.capacity - registered);
        return new ActivityView(activity.id, activity.campaignId, activity.kind, activity.title, activity.description,
                activity.startsAt, activity.endsAt, activity.place, activity.regionCode, activity.language, activity.capacity,
                activity.attendance, registered, waitlisted, left, activity.version);
    }
}
