-- The directory's organizations as this service needs them: who is a verified member.
CREATE TABLE directory_organization (
    id          uuid PRIMARY KEY,
    name        varchar(300) NOT NULL,
    status      varchar(16)  NOT NULL,
    changed_at  timestamptz  NOT NULL
);

CREATE TABLE campaign (
    id                   uuid PRIMARY KEY,
    slug                 varchar(64)  NOT NULL UNIQUE,
    organization_id      uuid         NOT NULL,
    category_code        varchar(64)  NOT NULL,
    status               varchar(16)  NOT NULL,
    start_date           date         NOT NULL,
    end_date             date         NOT NULL,
    pledge_goal          integer,
    business_pledge_goal integer,
    attendance_goal      integer,
    status_reason        varchar(1000),
    status_changed_at    timestamptz,
    version              bigint       NOT NULL,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    CONSTRAINT campaign_dates_in_order CHECK (end_date >= start_date)
);
CREATE INDEX campaign_status_idx ON campaign (status, start_date);
CREATE INDEX campaign_organization_idx ON campaign (organization_id);

-- Content per language (BCP 47 code); key messages as a JSON array of strings.
CREATE TABLE campaign_translation (
    campaign_id     uuid          NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    language        varchar(16)   NOT NULL,
    title           varchar(200)  NOT NULL,
    summary         varchar(2000) NOT NULL,
    call_to_action  varchar(500)  NOT NULL,
    key_messages    jsonb         NOT NULL,
    PRIMARY KEY (campaign_id, language)
);

CREATE TABLE campaign_audience (
    campaign_id uuid        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    audience    varchar(32) NOT NULL,
    PRIMARY KEY (campaign_id, audience)
);

CREATE TABLE campaign_region (
    campaign_id uuid        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    region_code varchar(16) NOT NULL,
    PRIMARY KEY (campaign_id, region_code)
);
CREATE INDEX campaign_region_code_idx ON campaign_region (region_code);

CREATE TABLE campaign_co_sponsor (
    campaign_id     uuid NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL,
    PRIMARY KEY (campaign_id, organization_id)
);

-- The commitments a pledger may choose; labels per language as a JSON object.
CREATE TABLE campaign_pledge_option (
    campaign_id uuid        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    position    integer     NOT NULL,
    code        varchar(64) NOT NULL,
    labels      jsonb       NOT NULL,
    PRIMARY KEY (campaign_id, position)
);

CREATE TABLE pledge (
    id                uuid PRIMARY KEY,
    campaign_id       uuid         NOT NULL REFERENCES campaign (id),
    kind              varchar(16)  NOT NULL,
    business_name     varchar(200),
    business_type     varchar(32),
    commitment        varchar(64)  NOT NULL,
    country           varchar(2)   NOT NULL,
    source            varchar(64),
    -- keyed hash of the normalised email: counts an email once per campaign without keeping it
    email_hash        varchar(64),
    -- the address itself only when its owner agreed to be contacted
    email             varchar(254),
    contact_consent   boolean      NOT NULL,
    unsubscribed_at   timestamptz,
    counted           boolean      NOT NULL,
    token_hash        varchar(64)  NOT NULL,
    version           bigint       NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    CONSTRAINT pledge_email_only_with_consent CHECK (email IS NULL OR contact_consent)
);
CREATE INDEX pledge_campaign_idx ON pledge (campaign_id, created_at);
CREATE UNIQUE INDEX pledge_counted_once_idx ON pledge (campaign_id, email_hash) WHERE counted AND email_hash IS NOT NULL;

-- The business criteria of the tourism industry's child-protection code a business reports as met.
CREATE TABLE pledge_criterion (
    pledge_id uuid        NOT NULL REFERENCES pledge (id) ON DELETE CASCADE,
    criterion varchar(64) NOT NULL,
    PRIMARY KEY (pledge_id, criterion)
);

CREATE TABLE activity (
    id           uuid PRIMARY KEY,
    campaign_id  uuid          NOT NULL REFERENCES campaign (id),
    kind         varchar(16)   NOT NULL,
    title        varchar(200)  NOT NULL,
    description  varchar(4000),
    starts_at    timestamptz   NOT NULL,
    ends_at      timestamptz   NOT NULL,
    place        varchar(300)  NOT NULL,
    region_code  varchar(16),
    language     varchar(16)   NOT NULL,
    capacity     integer,
    attendance   integer,
    version      bigint        NOT NULL,
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    CONSTRAINT activity_times_in_order CHECK (ends_at > starts_at)
);
CREATE INDEX activity_campaign_idx ON activity (campaign_id, starts_at);

CREATE TABLE registration (
    id           uuid PRIMARY KEY,
    activity_id  uuid         NOT NULL REFERENCES activity (id),
    name         varchar(200) NOT NULL,
    contact      varchar(254) NOT NULL,
    status       varchar(16)  NOT NULL,
    token_hash   varchar(64)  NOT NULL,
    version      bigint       NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL
);
CREATE INDEX registration_activity_idx ON registration (activity_id, status, created_at);
