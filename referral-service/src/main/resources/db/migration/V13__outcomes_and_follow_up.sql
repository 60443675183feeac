-- Issue 17, outcomes and follow-up: completing a referral records the services delivered with their dates and what
-- came of it for the person; the receiver records its contact attempts (LOST_CONTACT needs three that did not reach
-- the person) and may set a follow-up day, owed until it records it done.
ALTER TABLE referral ADD COLUMN outcome varchar(32)
    CHECK (outcome IN ('GOT_HELP', 'PARTIALLY_HELPED', 'DECLINED_SERVICE', 'LOST_CONTACT', 'REFERRED_ON'));
ALTER TABLE referral ADD CONSTRAINT referral_outcome_when_completed CHECK (outcome IS NULL OR status = 'COMPLETED');
ALTER TABLE referral ADD COLUMN follow_up_due_on date;
ALTER TABLE referral ADD COLUMN follow_up_done_on date;
CREATE INDEX referral_follow_up_owed ON referral (follow_up_due_on)
    WHERE follow_up_due_on IS NOT NULL AND follow_up_done_on IS NULL;

ALTER TABLE referral_history ADD COLUMN deliveries jsonb;
ALTER TABLE referral_history ADD COLUMN outcome varchar(32);

-- When and how the receiver tried to reach the person, and whether it did: codes and times, never what was said.
CREATE TABLE referral_contact_attempt (
    id               uuid          PRIMARY KEY,
    referral_id      uuid          NOT NULL REFERENCES referral (id),
    attempted_at     timestamptz   NOT NULL,
    channel          varchar(16)   NOT NULL CHECK (channel IN ('PHONE', 'MESSAGE', 'VISIT', 'OTHER')),
    reached          boolean       NOT NULL,
    actor            varchar(255)  NOT NULL,
    organization_id  uuid,
    recorded_at      timestamptz   NOT NULL
);
CREATE INDEX referral_contact_attempt_referral ON referral_contact_attempt (referral_id, attempted_at);
