-- What the desk's own DKIM, SPF and DMARC checks found for an incoming
-- mail (a JSON object: from_domain, dkim[], spf, dmarc, not_checked), shown
-- by `tickets show` and read by the staff policy `desk.authentication =
-- "dkim"`. NULL for our own mail and for mail stored before the checks.
ALTER TABLE messages ADD COLUMN authenticity TEXT;
