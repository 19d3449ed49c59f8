-- Attachment bytes, kept once per content: the desk hands them to staff
-- (notifications, `secdesk attachments get`) without parsing raw mail again,
-- and the same proof-of-concept sent twice is stored once.
CREATE TABLE blobs (
    sha256     TEXT PRIMARY KEY,
    size       BIGINT NOT NULL,
    bytes      BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);

-- what the bytes are (not what the name or the sender's Content-Type say),
-- and why the file is not attached to mail we send (NULL: it may be)
ALTER TABLE attachments ADD COLUMN detected_type TEXT;
ALTER TABLE attachments ADD COLUMN held_back TEXT;
CREATE INDEX attachments_sha256 ON attachments (sha256);
