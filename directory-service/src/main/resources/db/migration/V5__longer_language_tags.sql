-- BCP 47 language tags may be up to 35 characters (RFC 5646, section 4.4.1); varchar(16) cut valid tags off with a 500.
ALTER TABLE organization_language ALTER COLUMN language TYPE varchar(35);
ALTER TABLE service_language ALTER COLUMN language TYPE varchar(35);
