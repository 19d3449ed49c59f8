-- The reporters' status pages (issue 13). Every acknowledgment and status
-- answer carries a link with a random token; only the token's SHA-256 is
-- kept, so the database alone does not open anyone's page. A link works
-- until `expires_at` (unix ms) and until the ticket's links are revoked
-- (`/revoke-link`).
CREATE TABLE status_links (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX status_links_ticket ON status_links (ticket_id);
