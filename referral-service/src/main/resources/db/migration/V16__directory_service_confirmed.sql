-- Issue 17, directory freshness: the read model keeps when each service's details were last confirmed (the directory's
-- detailsConfirmedAt), so that matching ranks stale entries lower and says why.
ALTER TABLE directory_service ADD COLUMN details_confirmed_at timestamptz;
