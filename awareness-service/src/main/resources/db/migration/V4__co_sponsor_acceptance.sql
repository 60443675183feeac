-- Issue 12 item 6: an organization named as a co-sponsor is only invited (campaign_co_sponsor). Its staff see the
-- contacts of pledgers and registrants once its admin accepted, and only those that arrived after the acceptance,
-- which is kept here apart from the invitations (replacing a campaign's details rewrites those, never this).
-- Co-sponsors named before this migration have not accepted: they see no contacts until they do.
CREATE TABLE campaign_co_sponsor_acceptance (
    campaign_id     uuid        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    organization_id uuid        NOT NULL,
    accepted_at     timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, organization_id)
);
