-- Working a case: who owns a ticket, who else is in its conversation,
-- which ticket a merged one lives on in, the audit trail of every change,
-- and the full-text index staff search.

ALTER TABLE tickets ADD COLUMN owner TEXT;
ALTER TABLE tickets ADD COLUMN merged_into INTEGER REFERENCES tickets (id);
CREATE INDEX tickets_owner ON tickets (owner);

-- Addresses besides the reporter and staff that take part: 'cc' (a vendor,
-- a CERT, the product team: added by staff) and 'reporter' (the reporter
-- of a ticket merged into this one).
CREATE TABLE participants (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    address   TEXT NOT NULL,
    role      TEXT NOT NULL,
    added_by  TEXT,
    added_at  INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, address)
);
CREATE INDEX participants_address ON participants (address);

-- Every change of state, severity, priority, owner, participants, outcome
-- and merges: who (a staff address, a participant, or NULL for the desk)
-- and when. Rows are only ever added.
CREATE TABLE ticket_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    at        INTEGER NOT NULL,
    actor     TEXT,
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);

-- Incoming mail's subject and text, for `tickets list --search`: an FTS5
-- index without a copy of the text (rowid = messages.id), diacritics
-- folded so "vulnerabilita" finds "vulnerabilità". Our own mail is not
-- indexed: every acknowledgment says the same words.
CREATE VIRTUAL TABLE message_search USING fts5 (
    subject, body, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER message_search_insert AFTER INSERT ON messages
WHEN new.direction = 'in' BEGIN
    INSERT INTO message_search (rowid, subject, body)
    VALUES (new.id, new.subject, COALESCE(new.body_text, ''));
END;
INSERT INTO message_search (rowid, subject, body)
SELECT id, subject, COALESCE(body_text, '') FROM messages WHERE direction = 'in';
