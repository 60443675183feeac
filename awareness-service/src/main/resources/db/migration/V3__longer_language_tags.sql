-- BCP 47 language tags may be up to 35 characters (RFC 5646, section 4.4.1); varchar(16) cut valid tags off with a 500.
ALTER TABLE campaign_translation ALTER COLUMN language TYPE varchar(35);
ALTER TABLE activity ALTER COLUMN language TYPE varchar(35);
