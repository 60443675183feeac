-- The police report number of intervention referrals is encrypted with the subject's data key, like the note, and
-- bound to its table, column and row (issue 12 item 10), so that withdrawing consent (destroying the key) makes it
-- unreadable here and in every backup. The plaintext column stays for the values older versions wrote:
-- identity.ReportNumberEncryption encrypts them at start and sets the column to NULL; nothing writes it any more.
ALTER TABLE referral ADD COLUMN law_enforcement_report_number_ciphertext bytea;
