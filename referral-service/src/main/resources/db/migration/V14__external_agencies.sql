-- Issue 17, referrals to agencies outside the platform: police units, hospitals, immigration and government service
-- units that are no members. Such a referral names the agency (name, type, region) instead of a receiving
-- organization; its sender records its steps by hand. The agency is an institution, never a person.
ALTER TABLE referral ALTER COLUMN receiving_organization_id DROP NOT NULL;
ALTER TABLE referral ADD COLUMN external_agency_name varchar(200);
ALTER TABLE referral ADD COLUMN external_agency_type varchar(32)
    CHECK (external_agency_type IN ('POLICE', 'HOSPITAL', 'IMMIGRATION', 'GOVERNMENT_SERVICE', 'LEGAL_AID', 'SOCIAL_SERVICE',
                                    'OTHER'));
ALTER TABLE referral ADD COLUMN external_agency_region varchar(4);
ALTER TABLE referral ADD CONSTRAINT referral_receiver_or_external_agency CHECK (
    (receiving_organization_id IS NULL) = (external_agency_name IS NOT NULL)
    AND (external_agency_name IS NULL) = (external_agency_type IS NULL)
    AND (external_agency_name IS NULL) = (external_agency_region IS NULL));
