package org.mitra.events.awareness;

/** Where a campaign is in its life; only ACTIVE ones are shown to the public. */
public enum CampaignStatus {
    DRAFT, ACTIVE, PAUSED, ENDED, CANCELLED
}
