-- The staff side: where severity and priority came from, the outcome, the
-- triage clock, the authentication verdict of incoming mail, rate limits.

-- 'cvss' | 'score' (bare score in the report) | 'staff'; NULL while unknown
ALTER TABLE tickets ADD COLUMN severity_source TEXT;
-- 'rule' (set at creation) | 'staff'
ALTER TABLE tickets ADD COLUMN priority_source TEXT NOT NULL DEFAULT 'rule';
ALTER TABLE tickets ADD COLUMN outcome TEXT;
-- triage (severity and priority) is due one business day after receipt
ALTER TABLE tickets ADD COLUMN triage_due_at BIGINT;
ALTER TABLE tickets ADD COLUMN triage_remind_at BIGINT;
ALTER TABLE tickets ADD COLUMN triaged_at BIGINT;
ALTER TABLE tickets ADD COLUMN reminded_at BIGINT;
ALTER TABLE tickets ADD COLUMN overdue_notified_at BIGINT;
CREATE INDEX tickets_triage ON tickets (triaged_at, triage_remind_at);

-- how the sender of an incoming mail was proven, e.g. "dkim=pass header.d=example.com"
ALTER TABLE messages ADD COLUMN auth TEXT;

-- automatic answers per address, for the per-hour limits
CREATE TABLE rate_events (
    address TEXT NOT NULL,
    kind    TEXT NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX rate_events_lookup ON rate_events (address, kind, at);
CREATE INDEX rate_events_recent ON rate_events (kind, at);

UPDATE tickets SET severity_source = CASE
    WHEN cvss_score IS NOT NULL THEN 'cvss'
    WHEN reported_score IS NOT NULL THEN 'score'
END;
