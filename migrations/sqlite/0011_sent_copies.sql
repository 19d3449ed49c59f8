-- Acknowledgments exactly once across crashes (issue 12). Every mail the
-- desk sends has a copy filed in its own Sent folder. A mail whose sender
-- died while its SMTP transaction may have been in flight is in doubt
-- until `doubt_until` (database clock): the reader looks for its copy by
-- Message-ID meanwhile; found, it is marked sent; not found, it is sent again.
ALTER TABLE outbox ADD COLUMN doubt_until INTEGER;
