-- When a referral left the open states (issue 12 item 8): the receiver reads the person's identity and the
-- sender's note only while the referral is open and for mitra.referral.identity.receiver-access-after-close
-- after this time, and never after REJECTED or ENTERED_IN_ERROR.
ALTER TABLE referral ADD COLUMN closed_at timestamptz;

-- Referrals closed before this migration: the time of the step that closed them, from the history.
UPDATE referral r
   SET closed_at = coalesce(
        (SELECT max(h.occurred_at) FROM referral_history h
          WHERE h.referral_id = r.id AND h.to_status = r.status AND h.from_status IS DISTINCT FROM h.to_status),
        r.updated_at)
 WHERE r.status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'REJECTED', 'ENTERED_IN_ERROR');

ALTER TABLE referral ADD CONSTRAINT referral_closed_at_when_closed
    CHECK ((closed_at IS NULL) = (status IN ('DRAFT', 'REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')));
