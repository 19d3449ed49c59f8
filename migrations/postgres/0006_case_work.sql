-- Working a case: who owns a ticket, who else is in its conversation,
-- which ticket a merged one lives on in, the audit trail of every change,
-- and the full-text index staff search.

ALTER TABLE tickets ADD COLUMN owner TEXT;
ALTER TABLE tickets ADD COLUMN merged_into BIGINT REFERENCES tickets (id);
CREATE INDEX tickets_owner ON tickets (owner);

-- Addresses besides the reporter and staff that take part: 'cc' (a vendor,
-- a CERT, the product team: added by staff) and 'reporter' (the reporter
-- of a ticket merged into this one).
CREATE TABLE participants (
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    address   TEXT NOT NULL,
    role      TEXT NOT NULL,
    added_by  TEXT,
    added_at  BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, address)
);
CREATE INDEX participants_address ON participants (address);

-- Every change of state, severity, priority, owner, participants, outcome
-- and merges: who (a staff address, a participant, or NULL for the desk)
-- and when. Rows are only ever added.
CREATE TABLE ticket_events (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    at        BIGINT NOT NULL,
    actor     TEXT,
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);

-- Incoming mail's subject and text, for `tickets list --search`: a
-- generated tsvector with a GIN index. The 'simple' configuration (no
-- stemming) serves English and Italian alike; the text is cut at 200,000
-- characters because a tsvector has a size limit and a 20 MB report must
-- still be stored. Our own mail is not indexed: every acknowledgment says
-- the same words.
ALTER TABLE messages ADD COLUMN search tsvector GENERATED ALWAYS AS (
    CASE WHEN direction = 'in' THEN
        to_tsvector('simple'::regconfig, left(subject || ' ' || COALESCE(body_text, ''), 200000))
    END
) STORED;
CREATE INDEX messages_search ON messages USING GIN (search);
