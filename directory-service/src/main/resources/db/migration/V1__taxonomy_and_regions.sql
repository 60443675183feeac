-- The coalition's taxonomy (four slices, each split into categories) and its regions, as data.
-- Ids are derived from the codes so every deployment shares them (partners can hard-code a term id).

CREATE TABLE taxonomy_term (
    id              uuid PRIMARY KEY,
    code            varchar(64)  NOT NULL UNIQUE,
    slice           varchar(16)  NOT NULL CHECK (slice IN ('ADVOCACY', 'PREVENTION', 'INTERVENTION', 'REHABILITATION')),
    parent_id       uuid REFERENCES taxonomy_term (id),
    name_en         varchar(200) NOT NULL,
    name_id         varchar(200) NOT NULL,
    description     varchar(2000),
    requires_law_enforcement boolean NOT NULL DEFAULT false,
    version         bigint       NOT NULL DEFAULT 0,
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CHECK (code ~ '^[a-z][a-z0-9-]*$')
);
CREATE INDEX taxonomy_term_parent ON taxonomy_term (parent_id);

CREATE TABLE region (
    code            varchar(16)  PRIMARY KEY,
    name            varchar(200) NOT NULL,
    level           varchar(16)  NOT NULL CHECK (level IN ('COUNTRY', 'PROVINCE', 'REGENCY', 'CITY')),
    parent_code     varchar(16) REFERENCES region (code),
    -- Dot-separated codes from the root, so "a region and its sub-regions" is one indexed prefix match.
    path            varchar(400) NOT NULL UNIQUE,
    version         bigint       NOT NULL DEFAULT 0,
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CHECK (code ~ '^[A-Za-z0-9]+$')
);
CREATE INDEX region_path ON region (path varchar_pattern_ops);
CREATE INDEX region_parent ON region (parent_code);

CREATE FUNCTION mitra_term_id(term_code text) RETURNS uuid
    LANGUAGE sql IMMUTABLE AS $$ SELECT md5('mitra-taxonomy-term:' || term_code)::uuid $$;

INSERT INTO taxonomy_term (id, code, slice, parent_id, name_en, name_id, requires_law_enforcement) VALUES
    (mitra_term_id('advocacy'),       'advocacy',       'ADVOCACY',       NULL, 'Advocacy',       'Advokasi',     false),
    (mitra_term_id('prevention'),     'prevention',     'PREVENTION',     NULL, 'Prevention',     'Pencegahan',   false),
    (mitra_term_id('intervention'),   'intervention',   'INTERVENTION',   NULL, 'Intervention',   'Intervensi',   true),
    (mitra_term_id('rehabilitation'), 'rehabilitation', 'REHABILITATION', NULL, 'Rehabilitation', 'Rehabilitasi', false);

UPDATE taxonomy_term SET description = CASE code
    WHEN 'advocacy' THEN 'Raise awareness and lobby for better systems, best when driven by the affected population.'
    WHEN 'prevention' THEN 'Keep people, above all children, from being victimised: development work, street-children programs.'
    WHEN 'intervention' THEN 'Remove a victim from danger, only together with local law enforcement and legal prosecution.'
    WHEN 'rehabilitation' THEN 'Long, costly care for physical, mental, emotional, social and legal needs, by specialised providers.'
END;

INSERT INTO taxonomy_term (id, code, slice, parent_id, name_en, name_id, requires_law_enforcement)
SELECT mitra_term_id(c.code), c.code, c.slice, mitra_term_id(lower(c.slice)), c.name_en, c.name_id, c.slice = 'INTERVENTION'
FROM (VALUES
    ('policy-and-law-reform',             'ADVOCACY',       'Policy and law reform',               'Reformasi kebijakan dan hukum'),
    ('public-awareness',                  'ADVOCACY',       'Public awareness',                    'Peningkatan kesadaran publik'),
    ('tourism-and-business-engagement',   'ADVOCACY',       'Tourism and business engagement',     'Pelibatan sektor pariwisata dan usaha'),
    ('responsible-recruitment',           'ADVOCACY',       'Responsible recruitment',             'Rekrutmen yang bertanggung jawab'),
    ('coalition-and-research',            'ADVOCACY',       'Coalition building and research',     'Pembangunan koalisi dan penelitian'),
    ('survivor-leadership',               'ADVOCACY',       'Survivor leadership',                 'Kepemimpinan penyintas'),
    ('street-children-outreach',          'PREVENTION',     'Street children outreach',            'Penjangkauan anak jalanan'),
    ('community-and-school-education',    'PREVENTION',     'Community and school education',      'Edukasi masyarakat dan sekolah'),
    ('safe-migration',                    'PREVENTION',     'Safe migration',                      'Migrasi aman'),
    ('online-safety',                     'PREVENTION',     'Online safety',                       'Keamanan daring'),
    ('livelihoods-for-at-risk-groups',    'PREVENTION',     'Livelihoods for at-risk groups',      'Mata pencaharian bagi kelompok rentan'),
    ('civil-registration',                'PREVENTION',     'Civil registration',                  'Pencatatan sipil'),
    ('hotlines-and-reporting',            'PREVENTION',     'Hotlines and reporting',              'Layanan pengaduan dan pelaporan'),
    ('frontline-identification-training', 'PREVENTION',     'Frontline identification training',   'Pelatihan identifikasi bagi petugas garis depan'),
    ('intake-and-screening',              'INTERVENTION',   'Intake and screening',                'Penerimaan dan penyaringan'),
    ('police-report-and-investigation',   'INTERVENTION',   'Police report and investigation',     'Laporan polisi dan penyidikan'),
    ('removal-from-danger',               'INTERVENTION',   'Removal from danger',                 'Evakuasi dari situasi berbahaya'),
    ('emergency-shelter',                 'INTERVENTION',   'Emergency shelter',                   'Penampungan darurat'),
    ('victim-status-decision',            'INTERVENTION',   'Victim status decision',              'Penetapan status korban'),
    ('prosecution-support',               'INTERVENTION',   'Prosecution support',                 'Pendampingan proses penuntutan'),
    ('repatriation-and-immigration',      'INTERVENTION',   'Repatriation and immigration',        'Pemulangan dan keimigrasian'),
    ('shelter-and-safe-housing',          'REHABILITATION', 'Shelter and safe housing',            'Penampungan dan rumah aman'),
    ('medical-care',                      'REHABILITATION', 'Medical care',                        'Perawatan medis'),
    ('psychosocial-care',                 'REHABILITATION', 'Psychosocial care',                   'Layanan psikososial'),
    ('legal-aid',                         'REHABILITATION', 'Legal aid',                           'Bantuan hukum'),
    ('education',                         'REHABILITATION', 'Education',                           'Pendidikan'),
    ('skills-training',                   'REHABILITATION', 'Skills training',                     'Pelatihan keterampilan'),
    ('livelihood-and-job-placement',      'REHABILITATION', 'Livelihood and job placement',        'Mata pencaharian dan penempatan kerja'),
    ('family-reintegration-and-follow-up','REHABILITATION', 'Family reintegration and follow-up',  'Reintegrasi keluarga dan pendampingan lanjutan')
) AS c(code, slice, name_en, name_id);

INSERT INTO region (code, name, level, parent_code, path) VALUES
    ('ID',   'Indonesia', 'COUNTRY',  NULL, 'ID'),
    ('51',   'Bali',      'PROVINCE', 'ID', 'ID.51'),
    ('5101', 'Jembrana',  'REGENCY',  '51', 'ID.51.5101'),
    ('5102', 'Tabanan',   'REGENCY',  '51', 'ID.51.5102'),
    ('5103', 'Badung',    'REGENCY',  '51', 'ID.51.5103'),
    ('5104', 'Gianyar',   'REGENCY',  '51', 'ID.51.5104'),
    ('5105', 'Klungkung', 'REGENCY',  '51', 'ID.51.5105'),
    ('5106', 'Bangli',    'REGENCY',  '51', 'ID.51.5106'),
    ('5107', 'Karangasem','REGENCY',  '51', 'ID.51.5107'),
    ('5108', 'Buleleng',  'REGENCY',  '51', 'ID.51.5108'),
    ('5171', 'Denpasar',  'CITY',     '51', 'ID.51.5171');
