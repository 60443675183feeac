-- Demand seen in referrals, kept from the referral lifecycle events (no personal data: ids, codes, states).
CREATE TABLE referral_demand (
    referral_id            uuid PRIMARY KEY,
    category_code          varchar(64)  NOT NULL,
    region_code            varchar(16)  NOT NULL,
    status                 varchar(32)  NOT NULL,
    requested_at           timestamptz,
    rejected_no_capacity   boolean      NOT NULL DEFAULT false,
    overdue                boolean      NOT NULL DEFAULT false,
    updated_at             timestamptz  NOT NULL
);
CREATE INDEX referral_demand_by_category ON referral_demand (category_code, region_code);
CREATE INDEX referral_demand_requested ON referral_demand (requested_at);
