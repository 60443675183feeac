-- The directory's public state of each organization, rebuilt from mitra.directory.organizations.
-- Receivers are validated and matched against these tables, never by calling the directory.
CREATE TABLE directory_organization (
    id                          uuid PRIMARY KEY,
    name                        varchar(200) NOT NULL,
    status                      varchar(20)  NOT NULL,
    works_with_law_enforcement  boolean      NOT NULL,
    occurred_at                 timestamptz  NOT NULL,
    received_at                 timestamptz  NOT NULL,
    version                     bigint       NOT NULL DEFAULT 0
);

CREATE TABLE directory_organization_region (
    organization_id uuid        NOT NULL REFERENCES directory_organization (id) ON DELETE CASCADE,
    region_code     varchar(16) NOT NULL,
    PRIMARY KEY (organization_id, region_code)
);

CREATE TABLE directory_organization_language (
    organization_id uuid        NOT NULL REFERENCES directory_organization (id) ON DELETE CASCADE,
    language        varchar(35) NOT NULL,
    PRIMARY KEY (organization_id, language)
);

CREATE TABLE directory_service (
    id                 uuid PRIMARY KEY,
    organization_id    uuid         NOT NULL REFERENCES directory_organization (id) ON DELETE CASCADE,
    name               varchar(300),
    slice              varchar(20),
    category_code      varchar(64)  NOT NULL,
    capacity_unit      varchar(64),
    capacity_maximum   integer,
    capacity_available integer,
    capacity_status    varchar(32),
    capacity_updated   timestamptz,
    version            bigint       NOT NULL DEFAULT 0
);
CREATE INDEX directory_service_category ON directory_service (category_code);
CREATE INDEX directory_service_organization ON directory_service (organization_id);

CREATE TABLE directory_service_region (
    service_id  uuid        NOT NULL REFERENCES directory_service (id) ON DELETE CASCADE,
    region_code varchar(16) NOT NULL,
    PRIMARY KEY (service_id, region_code)
);

-- The coalition's categories and their slices (DESIGN section 3); categories seen on the topic are added.
CREATE TABLE category (
    code  varchar(64) PRIMARY KEY,
    slice varchar(20) NOT NULL
);
INSERT INTO category (code, slice) VALUES
    ('policy-and-law-reform', 'ADVOCACY'), ('public-awareness', 'ADVOCACY'),
    ('tourism-and-business-engagement', 'ADVOCACY'), ('responsible-recruitment', 'ADVOCACY'),
    ('coalition-and-research', 'ADVOCACY'), ('survivor-leadership', 'ADVOCACY'),
    ('street-children-outreach', 'PREVENTION'), ('community-and-school-education', 'PREVENTION'),
    ('safe-migration', 'PREVENTION'), ('online-safety', 'PREVENTION'),
    ('livelihoods-for-at-risk-groups', 'PREVENTION'), ('civil-registration', 'PREVENTION'),
    ('hotlines-and-reporting', 'PREVENTION'), ('frontline-identification-training', 'PREVENTION'),
    ('intake-and-screening', 'INTERVENTION'), ('police-report-and-investigation', 'INTERVENTION'),
    ('removal-from-danger', 'INTERVENTION'), ('emergency-shelter', 'INTERVENTION'),
    ('victim-status-decision', 'INTERVENTION'), ('prosecution-support', 'INTERVENTION'),
    ('repatriation-and-immigration', 'INTERVENTION'),
    ('shelter-and-safe-housing', 'REHABILITATION'), ('medical-care', 'REHABILITATION'),
    ('psychosocial-care', 'REHABILITATION'), ('legal-aid', 'REHABILITATION'), ('education', 'REHABILITATION'),
    ('skills-training', 'REHABILITATION'), ('livelihood-and-job-placement', 'REHABILITATION'),
    ('family-reintegration-and-follow-up', 'REHABILITATION');
