-- Issue 17, expiry and forwarding: a named referral left REQUESTED past its expiry (by default twice its urgency's
-- deadline) closes as CANCELLED with reason EXPIRED, and its sender may forward it, in one call, to the next ranked
-- match; the new referral names the one it continues, and a referral is forwarded at most once.
ALTER TABLE referral ADD COLUMN expires_at timestamptz;
ALTER TABLE referral ADD COLUMN forwarded_from_id uuid REFERENCES referral (id);
CREATE UNIQUE INDEX referral_forwarded_once ON referral (forwarded_from_id) WHERE forwarded_from_id IS NOT NULL;

-- Referrals waiting today expire twice their deadline after they were requested, the default.
UPDATE referral SET expires_at = deadline + (deadline - requested_at)
 WHERE status = 'REQUESTED' AND deadline IS NOT NULL AND requested_at IS NOT NULL;
CREATE INDEX referral_expiring ON referral (expires_at) WHERE status = 'REQUESTED';

-- The other referral of a step that links two: "forward" on the original, "create" on the forwarded one.
ALTER TABLE referral_history ADD COLUMN linked_referral_id uuid;

-- The original names the referral it was forwarded to (shown to its sender and coalition admins, never its receiver).
ALTER TABLE referral ADD COLUMN forwarded_to_id uuid REFERENCES referral (id);
