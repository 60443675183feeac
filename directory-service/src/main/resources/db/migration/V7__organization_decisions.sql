-- Every coalition decision on an organization (registration, verification, suspension, and the facts only the
-- coalition may change: its name, slug and whether it works with law enforcement), with who decided and why.
-- Who is the coalition admin's user name and token subject; nothing about the people the organizations serve.
CREATE TABLE organization_decision (
    id                          bigserial     PRIMARY KEY,
    organization_id             uuid          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    decided_at                  timestamptz   NOT NULL,
    decided_by                  varchar(200)  NOT NULL,
    decided_by_subject          varchar(200),
    status                      varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'VERIFIED', 'SUSPENDED')),
    reason                      varchar(1000) NOT NULL,
    name                        varchar(200)  NOT NULL,
    slug                        varchar(64)   NOT NULL,
    works_with_law_enforcement  boolean       NOT NULL
);
CREATE INDEX organization_decision_by_organization ON organization_decision (organization_id, decided_at);
