-- Issue 17, emergency open referrals: an EMERGENCY referral sent open is offered to every verified organization whose
-- service matches its category and region and reports room, without naming one. The first claim wins: the referral
-- gets that receiver and is accepted, the other offers are withdrawn. Unclaimed after a while, it is escalated to the
-- coalition admins.
ALTER TABLE referral ADD COLUMN offered_at timestamptz;
ALTER TABLE referral ADD COLUMN claimed_at timestamptz;
ALTER TABLE referral ADD COLUMN escalated_at timestamptz;
ALTER TABLE referral DROP CONSTRAINT referral_receiver_or_external_agency;
ALTER TABLE referral ADD CONSTRAINT referral_receiver_known CHECK (
    (receiving_organization_id IS NULL) = (external_agency_name IS NOT NULL OR (offered_at IS NOT NULL AND claimed_at IS NULL))
    AND (external_agency_name IS NULL) = (external_agency_type IS NULL)
    AND (external_agency_name IS NULL) = (external_agency_region IS NULL)
    AND (claimed_at IS NULL OR offered_at IS NOT NULL));

-- Who an open referral was offered to. An offer stands while its referral is REQUESTED and unclaimed.
CREATE TABLE referral_offer (
    referral_id      uuid         NOT NULL REFERENCES referral (id),
    organization_id  uuid         NOT NULL,
    offered_at       timestamptz  NOT NULL,
    PRIMARY KEY (referral_id, organization_id)
);
CREATE INDEX referral_offer_organization ON referral_offer (organization_id);
CREATE INDEX referral_open_unclaimed ON referral (offered_at) WHERE offered_at IS NOT NULL AND claimed_at IS NULL;
