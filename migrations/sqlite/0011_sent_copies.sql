-- Acknowledgments exactly once across crashes (issue 12). Every mail the
-- desk sends has a copy filed in its own Sent folder. A mail whose sender
-- died while its SMTP transaction may have been in flight is in doubt
-- until `doubt_until` (database clock): the reader looks for its copy by
-- Message-ID meanwhile; found, it is marked sent; not found, it is sent again.
ALTER TABLE outbox ADD COLUMN doubt_until INTEGER;

-- Read every second by each daemon (claims of dead daemons, mail in doubt):
-- only the few rows that have one are indexed.
CREATE INDEX outbox_claimed ON outbox (claimed_by) WHERE claimed_by IS NOT NULL;
CREATE INDEX outbox_in_doubt ON outbox (doubt_until) WHERE doubt_until IS NOT NULL;
