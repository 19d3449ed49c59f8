-- The core loop: mailboxes read, tickets, every message in and out, the outbox.
-- Timestamps are unix milliseconds (BIGINT) so the same queries run on both backends.

-- Where reading stopped in each mailbox. A mailbox is identified by
-- account and folder, so one database can serve several desks later.
CREATE TABLE mailboxes (
    id           TEXT PRIMARY KEY,
    uid_validity BIGINT NOT NULL,
    last_uid     BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);

CREATE TABLE tickets (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    desk             TEXT NOT NULL,
    number           TEXT NOT NULL UNIQUE,
    state            TEXT NOT NULL,
    kind             TEXT NOT NULL,
    language         TEXT NOT NULL,
    severity         TEXT,
    priority         BIGINT NOT NULL,
    reporter         TEXT NOT NULL,
    subject          TEXT NOT NULL,
    description      TEXT,
    remediation      TEXT,
    customer_message TEXT,
    cve_ids          TEXT NOT NULL,
    cvss_vector      TEXT,
    cvss_version     TEXT,
    cvss_score       DOUBLE PRECISION,
    reported_score   DOUBLE PRECISION,
    missing          TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX tickets_created ON tickets (created_at);

-- Every mail: what came in (with its raw bytes) and what we sent.
CREATE TABLE messages (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id         BIGINT REFERENCES tickets (id),
    -- a ticket the mail pointed at but was not let onto (stranger)
    claimed_ticket_id BIGINT REFERENCES tickets (id),
    direction         TEXT NOT NULL,
    disposition       TEXT NOT NULL,
    reason            TEXT,
    dedupe_key        TEXT UNIQUE,
    mailbox_id        TEXT,
    uid               BIGINT,
    message_id        TEXT,
    from_addr         TEXT,
    to_addrs          TEXT NOT NULL,
    subject           TEXT NOT NULL,
    body_text         TEXT,
    raw               BYTEA,
    created_at        BIGINT NOT NULL
);
CREATE INDEX messages_message_id ON messages (message_id);
CREATE INDEX messages_ticket ON messages (ticket_id);
CREATE INDEX messages_disposition ON messages (disposition);

CREATE TABLE attachments (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   BIGINT NOT NULL REFERENCES messages (id),
    name         TEXT,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL
);
CREATE INDEX attachments_message ON attachments (message_id);

-- Mail waiting to be sent, written in the same transaction as its cause.
CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      BIGINT NOT NULL REFERENCES messages (id),
    envelope_from   TEXT NOT NULL,
    recipients      TEXT NOT NULL,
    state           TEXT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    sent_at         BIGINT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
