-- Several daemons on one desk (issue 12). On PostgreSQL two or three
-- `secdesk run` share the database: one holds the reader lease of the
-- mailbox, all of them send. SQLite has one daemon (a file lock), and the
-- tables are here so both schemas stay one.

-- The database's clock in unix milliseconds: every lease, heartbeat and
-- claim time is read from it, so machines whose clocks disagree still
-- agree, and the statements read the same on both databases.
CREATE VIEW db_clock AS SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now_ms;

-- One row per lease (the reader of a mailbox). `token` grows on every
-- change of holder: a commit checks it, so an old holder that was paused
-- past its expiry cannot commit after a takeover. Times are the database's
-- clock (unix ms), never a machine's.
CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    token BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    acquired_at BIGINT NOT NULL
);

-- The daemons serving the desk, each renewing `alive_until`: the outbox
-- claims and the lease of one that stopped renewing come back to the
-- others. `pid_space` names the kernel boot and PID namespace its `pid` is
-- in: a daemon starting in the same one can see that a registered pid is
-- gone (kill -9 and restart) and need not wait for the heartbeat to lapse.
CREATE TABLE daemons (
    id TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    pid BIGINT NOT NULL,
    pid_space TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    alive_until BIGINT NOT NULL
);

-- Who is sending a pending mail, and until when at most.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT;
