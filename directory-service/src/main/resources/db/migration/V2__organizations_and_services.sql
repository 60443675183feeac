-- Organizations of the coalition and their services (Open Referral sense), with capacity and locations.

CREATE TABLE organization (
    id                          uuid PRIMARY KEY,
    slug                        varchar(64)   NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                        varchar(200)  NOT NULL,
    description                 varchar(4000),
    website                     varchar(500),
    email                       varchar(254),
    phone                       varchar(40),
    year_founded                integer CHECK (year_founded BETWEEN 1800 AND 2200),
    works_with_law_enforcement  boolean       NOT NULL DEFAULT false,
    status                      varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'VERIFIED', 'SUSPENDED')),
    status_reason               varchar(1000),
    status_changed_at           timestamptz,
    version                     bigint        NOT NULL DEFAULT 0,
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL
);
CREATE INDEX organization_status ON organization (status);
CREATE INDEX organization_updated ON organization (updated_at);

CREATE TABLE organization_language (
    organization_id uuid        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    language        varchar(16) NOT NULL,
    PRIMARY KEY (organization_id, language)
);

CREATE TABLE organization_region (
    organization_id uuid        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    region_code     varchar(16) NOT NULL REFERENCES region (code),
    PRIMARY KEY (organization_id, region_code)
);

CREATE TABLE service (
    id                   uuid PRIMARY KEY,
    organization_id      uuid          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    name                 varchar(200)  NOT NULL,
    description          varchar(4000),
    slice                varchar(16)   NOT NULL,
    category_id          uuid          NOT NULL REFERENCES taxonomy_term (id),
    status               varchar(16)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
    eligibility          varchar(2000),
    cost                 varchar(1000),
    age_min              integer CHECK (age_min BETWEEN 0 AND 120),
    age_max              integer CHECK (age_max BETWEEN 0 AND 120),
    schedule             varchar(1000),
    last_confirmed       date,
    front_gate_contact   varchar(500),
    capacity_unit        varchar(64),
    capacity_maximum     integer CHECK (capacity_maximum >= 0),
    capacity_available   integer CHECK (capacity_available >= 0),
    capacity_status      varchar(32)   CHECK (capacity_status IN ('CAPACITY', 'NO_CAPACITY', 'WAITLIST', 'ASSESSMENT_REQUIRED')),
    capacity_updated_at  timestamptz,
    version              bigint        NOT NULL DEFAULT 0,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL,
    search_text          tsvector GENERATED ALWAYS AS (
                             to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, ''))) STORED,
    CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max),
    CHECK (capacity_available IS NULL OR capacity_maximum IS NULL OR capacity_available <= capacity_maximum)
);
CREATE INDEX service_organization ON service (organization_id);
CREATE INDEX service_category ON service (category_id);
CREATE INDEX service_slice ON service (slice);
CREATE INDEX service_updated ON service (updated_at);
CREATE INDEX service_search_text ON service USING gin (search_text);

CREATE TABLE service_region (
    service_id  uuid        NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    region_code varchar(16) NOT NULL REFERENCES region (code),
    PRIMARY KEY (service_id, region_code)
);
CREATE INDEX service_region_by_region ON service_region (region_code, service_id);

CREATE TABLE service_language (
    service_id uuid        NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    language   varchar(16) NOT NULL,
    PRIMARY KEY (service_id, language)
);
CREATE INDEX service_language_by_language ON service_language (language, service_id);

CREATE TABLE service_gender (
    service_id uuid        NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    gender     varchar(16) NOT NULL,
    PRIMARY KEY (service_id, gender)
);

CREATE TABLE service_nationality (
    service_id  uuid       NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    nationality varchar(2) NOT NULL,
    PRIMARY KEY (service_id, nationality)
);

CREATE TABLE service_exploitation_form (
    service_id uuid        NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    form       varchar(32) NOT NULL,
    PRIMARY KEY (service_id, form)
);

CREATE TABLE service_location (
    id            uuid PRIMARY KEY,
    service_id    uuid          NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    name          varchar(200),
    address       varchar(500),
    city          varchar(200),
    region_code   varchar(16) REFERENCES region (code),
    postal_code   varchar(20),
    latitude      double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude     double precision CHECK (longitude BETWEEN -180 AND 180),
    -- A shelter's address is never public: confidential locations are never shown to anonymous callers or exported.
    confidential  boolean       NOT NULL DEFAULT false,
    position      integer       NOT NULL DEFAULT 0
);
CREATE INDEX service_location_service ON service_location (service_id);
