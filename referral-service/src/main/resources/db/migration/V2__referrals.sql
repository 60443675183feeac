-- A person referred between organizations, pseudonymous per sending organization. The identity is
-- encrypted with the subject's own data key, itself wrapped by the key-encryption keyset from
-- configuration; destroying data_key makes the identity unreadable everywhere (crypto-shredding).
CREATE TABLE subject (
    id                   uuid PRIMARY KEY,
    organization_id      uuid        NOT NULL,
    data_key             bytea,
    identity_ciphertext  bytea,
    key_destroyed_at     timestamptz,
    created_at           timestamptz NOT NULL,
    version              bigint      NOT NULL DEFAULT 0
);

CREATE TABLE referral (
    id                             uuid PRIMARY KEY,
    subject_id                     uuid         NOT NULL REFERENCES subject (id),
    sending_organization_id        uuid         NOT NULL,
    receiving_organization_id      uuid         NOT NULL,
    receiving_service_id           uuid,
    category_code                  varchar(64)  NOT NULL,
    slice                          varchar(20)  NOT NULL,
    region_code                    varchar(16)  NOT NULL,
    urgency                        varchar(16)  NOT NULL,
    status                         varchar(20)  NOT NULL,
    business_status                varchar(20),
    age_band                       varchar(16)  NOT NULL,
    gender                         varchar(16)  NOT NULL,
    profile                        jsonb        NOT NULL,
    consent                        jsonb,
    consent_withdrawn_at           timestamptz,
    consent_withdrawn_by           varchar(32),
    consent_withdrawal_reason      varchar(64),
    note_ciphertext                bytea,
    law_enforcement_agency         varchar(200),
    law_enforcement_report_number  varchar(100),
    requested_at                   timestamptz,
    deadline                       timestamptz,
    overdue_at                     timestamptz,
    created_by                     varchar(255) NOT NULL,
    created_at                     timestamptz  NOT NULL,
    updated_at                     timestamptz  NOT NULL,
    version                        bigint       NOT NULL DEFAULT 0
);
CREATE INDEX referral_sender ON referral (sending_organization_id, updated_at);
CREATE INDEX referral_receiver ON referral (receiving_organization_id, updated_at);
CREATE INDEX referral_subject ON referral (subject_id);
CREATE INDEX referral_requested_deadline ON referral (deadline) WHERE status = 'REQUESTED';

-- Every transition and business-status change; codes only, never free text about the person.
CREATE TABLE referral_history (
    id                  uuid PRIMARY KEY,
    position            bigserial    NOT NULL,
    referral_id         uuid         NOT NULL REFERENCES referral (id),
    action              varchar(40)  NOT NULL,
    from_status         varchar(20),
    to_status           varchar(20)  NOT NULL,
    business_status     varchar(20),
    reason_code         varchar(64),
    services_delivered  jsonb,
    actor               varchar(255) NOT NULL,
    organization_id     uuid,
    occurred_at         timestamptz  NOT NULL
);
CREATE INDEX referral_history_referral ON referral_history (referral_id, position);

-- Append-only: who read or was refused a survivor's identity, and other vault and consent actions.
CREATE TABLE audit_entry (
    id               bigserial PRIMARY KEY,
    occurred_at      timestamptz  NOT NULL,
    actor            varchar(255) NOT NULL,
    organization_id  uuid,
    referral_id      uuid         NOT NULL,
    action           varchar(40)  NOT NULL,
    outcome          varchar(20)  NOT NULL
);
CREATE INDEX audit_entry_referral ON audit_entry (referral_id, occurred_at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
