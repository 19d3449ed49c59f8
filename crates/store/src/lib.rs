//! What secdesk keeps, independent of the database: the rows the daemon
//! writes, the views the CLI reads, the errors, and the two traits each
//! backend (`secdesk-store-sqlite`, `secdesk-store-postgres`) implements.
//!
//! The backends live in crates of their own because sqlx checks a crate's
//! `query!` macros against one database: each backend crate has its own
//! `sqlx.toml` (which variable names its database) and its own `.sqlx`
//! offline metadata, so both are checked at compile time and a build needs
//! no database at all.
//!
//! Every Rust type here is the type of its column on both backends:
//! integers are `BIGINT`/`INTEGER` (i64), scores `DOUBLE PRECISION`/`REAL`
//! (f64), times unix milliseconds (i64), lists JSON text. The round-trip
//! tests in `tests/store_roundtrip.rs` hold both backends to that.

mod model;
mod shared;
mod views;

pub use model::*;
pub use views::*;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {url}: {source}")]
    Connect { url: String, source: sqlx::Error },
    #[error("cannot migrate the database schema: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error while trying to {action}: {source}")]
    Query {
        action: &'static str,
        source: sqlx::Error,
    },
    #[error("the database URL must start with sqlite: or postgres://, not {0:?}")]
    UnknownBackend(String),
    /// The batch's reader lease was taken over (its token then) or not held
    /// when it began (`None`): nothing of it was committed.
    #[error("{}", match .0 {
        Some(token) => format!("the reader lease (token {token}) was taken over: nothing committed"),
        None => "this daemon does not hold the reader lease: nothing committed".to_string(),
    })]
    Fenced(Option<i64>),
}

impl StoreError {
    /// Whether the database itself was away (connection lost, locked,
    /// shut down, out of resources): worth retrying later, and never a
    /// reason to quarantine the mail in hand.
    pub fn is_transient(&self) -> bool {
        match self {
            // not the mail's fault: it is read again by whoever reads now
            StoreError::Connect { .. } | StoreError::Fenced(_) => true,
            StoreError::Query { source, .. } => transient(source),
            StoreError::Migrate(_) | StoreError::UnknownBackend(_) => false,
        }
    }
}

fn transient(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            // PostgreSQL SQLSTATE classes: 08 connection exception, 57
            // operator intervention (admin shutdown, terminated backend),
            // 40 serialization failure or deadlock, 53 insufficient
            // resources; 55P03 lock not available
            let postgres = ["08", "57", "40", "53"]
                .iter()
                .any(|class| code.starts_with(class))
                || code == "55P03";
            // SQLite (extended) result codes: BUSY 5, LOCKED 6, IOERR 10,
            // FULL 13, CANTOPEN 14
            let sqlite = code
                .parse::<i32>()
                .is_ok_and(|c| matches!(c & 0xff, 5 | 6 | 10 | 13 | 14));
            postgres || sqlite
        }
        _ => false,
    }
}

/// One migration, as this build carries it or as the database recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationRecord {
    pub version: i64,
    pub description: String,
    pub checksum: Vec<u8>,
    /// Whether it ran to its end (always true for a carried one).
    pub success: bool,
}

/// A row of sqlx's migrations table: version, description, checksum,
/// success.
pub type MigrationRow = (i64, String, Vec<u8>, bool);

/// What `secdesk doctor` compares to tell whether the schema is current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaHistory {
    /// The migrations compiled into this build, in order.
    pub known: Vec<MigrationRecord>,
    /// The ones the database applied; `None` when it has no record at all
    /// (a database never migrated).
    pub applied: Option<Vec<MigrationRecord>>,
}

impl SchemaHistory {
    /// The carried migrations of `migrator` and the `rows` read from its
    /// table: (version, description, checksum, success).
    pub fn new(
        migrator: &sqlx::migrate::Migrator,
        rows: Option<Vec<MigrationRow>>,
    ) -> SchemaHistory {
        let known = migrator
            .iter()
            .filter(|m| m.migration_type.is_up_migration())
            .map(|m| MigrationRecord {
                version: m.version,
                description: m.description.to_string(),
                checksum: m.checksum.to_vec(),
                success: true,
            })
            .collect();
        let applied = rows.map(|rows| {
            rows.into_iter()
                .map(
                    |(version, description, checksum, success)| MigrationRecord {
                        version,
                        description,
                        checksum,
                        success,
                    },
                )
                .collect()
        });
        SchemaHistory { known, applied }
    }
}

/// Attach what we were doing to a sqlx error.
pub trait Context<T> {
    fn doing(self, action: &'static str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, sqlx::Error> {
    fn doing(self, action: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Query { action, source })
    }
}

/// The URL without its password, for messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{}:***{}", &url[..scheme + 3], user, &url[at..])
        }
        _ => url.to_string(),
    }
}

pub fn now_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Milliseconds as an RFC 3339 instant, for views.
pub fn rfc3339(millis: i64) -> String {
    chrono::DateTime::from_timestamp_millis(millis)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// A list kept as JSON text (CVE ids, missing fields, recipients).
pub fn json_list(text: &str) -> Vec<String> {
    // the column is ours: anything but a list means a damaged row, shown empty
    serde_json::from_str(text).unwrap_or_default()
}

/// The database side of the daemon: what one backend must offer. The
/// methods are the whole API; no SQL leaves a backend crate.
#[allow(async_fn_in_trait)]
pub trait StoreOps: Sized {
    type Batch: BatchOps;

    /// Open (and for SQLite create) the database. Does not migrate.
    async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError>;
    /// Bring the schema up to date (idempotent).
    async fn migrate(&self) -> Result<(), StoreError>;
    /// The migrations this build carries and those the database recorded,
    /// read without changing anything (`secdesk doctor`).
    async fn schema_history(&self) -> Result<SchemaHistory, StoreError>;
    async fn close(&self);
    /// Where reading of `mailbox` stopped, if it was ever read.
    async fn mailbox_state(&self, mailbox: &str) -> Result<Option<MailboxState>, StoreError>;
    /// Start the transaction for one batch of mail.
    async fn begin(&self) -> Result<Self::Batch, StoreError>;
    /// Claim up to `limit` due mails of `lane` for `holder` for `claim_ms`
    /// (database clock), answers someone waits for first, then longest due
    /// first. Mail another daemon claimed is skipped (on PostgreSQL without
    /// waiting for its lock, `FOR UPDATE SKIP LOCKED`), and so is mail in
    /// doubt; `holder`'s own claims are claimed again. A dead daemon's
    /// claims come back through [`StoreOps::reap_claims`].
    async fn claim_outbox(
        &self,
        now: i64,
        lane: Lane,
        limit: i64,
        holder: &str,
        claim_ms: i64,
    ) -> Result<Vec<OutboxItem>, StoreError>;
    /// Give back the claims of `holder` (every claim when `None`) on mail
    /// not yet sent, in doubt until `doubt_until` when given (its SMTP
    /// transaction may have been in flight).
    async fn release_claims(
        &self,
        holder: Option<&str>,
        doubt_until: Option<i64>,
    ) -> Result<(), StoreError>;
    /// The claims of daemons whose heartbeat lapsed, or that expired, go
    /// back, in doubt for `doubt_ms` (database clock). Returns how many.
    async fn reap_claims(&self, doubt_ms: i64) -> Result<u64, StoreError>;
    /// Pending mail in doubt: (outbox id, Message-ID).
    async fn in_doubt(&self, limit: i64) -> Result<Vec<(i64, String)>, StoreError>;
    /// When the next pending mail no one has claimed is due, if any.
    async fn next_outbox_due(&self) -> Result<Option<i64>, StoreError>;
    /// Take or renew the lease `name` for `holder` for `ttl_ms` (database
    /// clock): renewed when `holder` has it, taken over (token + 1) when it
    /// expired. `None` when another holder has it.
    async fn acquire_lease(
        &self,
        name: &str,
        holder: &str,
        ttl_ms: i64,
    ) -> Result<Option<i64>, StoreError>;
    /// Let the lease go at once (a clean stop): the next one to ask takes it.
    async fn release_lease(&self, name: &str, holder: &str) -> Result<(), StoreError>;
    async fn lease(&self, name: &str) -> Result<Option<LeaseView>, StoreError>;
    /// Register `daemon` or renew it: alive for `ttl_ms` more (database clock).
    async fn heartbeat(&self, daemon: &DaemonInfo, ttl_ms: i64) -> Result<(), StoreError>;
    /// A daemon stopped: its row goes (with those dead for a day).
    async fn forget_daemon(&self, id: &str) -> Result<(), StoreError>;
    /// The live-looking daemons registered from `pid_space`: (id, pid).
    async fn daemons_in(&self, pid_space: &str) -> Result<Vec<(String, i64)>, StoreError>;
    /// A daemon is known to be gone: its claims and lease are free now.
    async fn mark_dead(&self, id: &str) -> Result<(), StoreError>;
    async fn mark_sent(&self, ids: &[i64], now: i64) -> Result<(), StoreError>;
    /// Record a failed attempt: retried at `next_attempt_at`, or given up
    /// (`None`) with the server's answer kept.
    async fn mark_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next_attempt_at: Option<i64>,
    ) -> Result<(), StoreError>;
    /// The newest `limit` tickets that `query` selects.
    async fn list_tickets(
        &self,
        query: &TicketQuery,
        limit: i64,
    ) -> Result<Vec<TicketSummary>, StoreError>;
    /// Every ticket `query` selects, oldest first, each handed to `each`
    /// as the database streams it (`fetch`, never `fetch_all`): memory stays
    /// that of one row however many tickets there are. `each` returning
    /// `Break` stops the stream (the reader went away). Returns how many
    /// were handed over.
    async fn export_tickets(
        &self,
        query: &TicketQuery,
        each: &mut dyn FnMut(TicketExportRow) -> std::ops::ControlFlow<()>,
    ) -> Result<u64, StoreError>;
    async fn ticket_detail(&self, number: &str) -> Result<Option<TicketDetail>, StoreError>;
    /// Every change of a ticket, oldest first; `None` when there is no such ticket.
    async fn ticket_history(&self, number: &str) -> Result<Option<Vec<EventView>>, StoreError>;
    /// One attachment's facts, by its id.
    async fn attachment(&self, id: i64) -> Result<Option<AttachmentView>, StoreError>;
    /// The stored bytes of a content, by its SHA-256 (lower-case hex).
    async fn blob(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// The facts of the newest attachment with this content.
    async fn attachment_by_sha256(
        &self,
        sha256: &str,
    ) -> Result<Option<AttachmentView>, StoreError>;
    /// Incoming mail kept outside any ticket, newest first.
    async fn unthreaded_messages(&self, limit: i64) -> Result<Vec<FlaggedMessage>, StoreError>;
    /// One quarantined mail with its raw bytes.
    async fn quarantined(&self, id: i64) -> Result<Option<QuarantinedMail>, StoreError>;
    async fn counts(&self) -> Result<Counts, StoreError>;
    /// How much mail waits, and since when.
    async fn outbox_stats(&self) -> Result<OutboxStats, StoreError>;
    /// The status link whose token has this SHA-256, valid or not.
    async fn status_link(&self, token_hash: &str) -> Result<Option<StatusLink>, StoreError>;
}

/// The transaction of one batch of mail: everything one fetched batch
/// changes, with the mailbox checkpoint, commits together or not at all.
#[allow(async_fn_in_trait)]
pub trait BatchOps: Sized {
    /// Take a quarantined mail out of quarantine before it is processed
    /// again: it keeps its row as history, without its dedupe key.
    async fn release_quarantined(&mut self, id: i64) -> Result<(), StoreError>;
    /// The bytes of the mail the desk sent with this Message-ID, if it did.
    async fn sent_raw(&mut self, message_id: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// The mail with this Message-ID went out (its copy was found): marked
    /// sent, whatever its state. Returns the outbox ids it marked.
    async fn confirm_sent(&mut self, message_id: &str, now: i64) -> Result<Vec<i64>, StoreError>;
    /// Whether `fence` still holds: its lease has the same holder and
    /// token. On PostgreSQL the lease row stays locked until this
    /// transaction ends, so no takeover can slip in before the commit.
    async fn fence_holds(&mut self, fence: &Fence) -> Result<bool, StoreError>;
    /// Whether a mail with this key was already stored.
    async fn seen(&mut self, dedupe_key: &str) -> Result<bool, StoreError>;
    async fn ticket_by_number(&mut self, number: &str) -> Result<Option<TicketRef>, StoreError>;
    /// The ticket of the newest stored message among `message_ids`.
    async fn ticket_by_message_ids(
        &mut self,
        message_ids: &[&str],
    ) -> Result<Option<TicketRef>, StoreError>;
    /// Insert a ticket; `None` when its number is already taken.
    async fn insert_ticket(&mut self, t: &NewTicket<'_>) -> Result<Option<i64>, StoreError>;
    /// Apply `change` to a ticket (columns left `None` keep their value).
    async fn update_ticket(
        &mut self,
        ticket_id: i64,
        change: &TicketUpdate<'_>,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Message-IDs of the mail exchanged with the reporter, oldest first
    /// (at most the last `limit`).
    async fn reporter_thread(
        &mut self,
        ticket_id: i64,
        limit: i64,
    ) -> Result<Vec<String>, StoreError>;
    /// How many automatic answers of `kind` went to `address` since `since`.
    async fn rate_events(
        &mut self,
        address: &str,
        kind: &str,
        since: i64,
    ) -> Result<i64, StoreError>;
    /// How many automatic answers of `kind` went to anyone since `since`.
    async fn rate_events_total(&mut self, kind: &str, since: i64) -> Result<i64, StoreError>;
    async fn record_rate_event(
        &mut self,
        address: &str,
        kind: &str,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Forget automatic-answer events older than `before`.
    async fn prune_rate_events(&mut self, before: i64) -> Result<(), StoreError>;
    /// The OpenPGP key the desk keeps for `address` (lower case), armored.
    async fn pgp_key(&mut self, address: &str) -> Result<Option<String>, StoreError>;
    /// Keep `armored` as `address`'s key, replacing an older one.
    async fn remember_pgp_key(
        &mut self,
        address: &str,
        fingerprint: &str,
        armored: &str,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Open, untriaged tickets whose reminder (`reminder = true`) or
    /// deadline is due and was not yet told to staff.
    async fn triage_due(&mut self, now: i64, reminder: bool) -> Result<Vec<TicketRef>, StoreError>;
    /// Remember that staff were told about a ticket's triage clock.
    async fn mark_triage_told(
        &mut self,
        ticket_id: i64,
        reminder: bool,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn insert_message(&mut self, m: &NewMessage<'_>) -> Result<i64, StoreError>;
    /// Store an attachment of a stored message, and its bytes unless this
    /// content is already kept. Returns the attachment's id.
    async fn insert_attachment(
        &mut self,
        message_row: i64,
        a: &NewAttachment<'_>,
    ) -> Result<i64, StoreError>;
    /// [`StoreOps::list_tickets`] inside the batch (the digest by mail).
    async fn list_tickets(
        &mut self,
        query: &TicketQuery,
        limit: i64,
    ) -> Result<Vec<TicketSummary>, StoreError>;
    /// The third parties and merged tickets' reporters on a ticket.
    async fn participants(&mut self, ticket_id: i64) -> Result<Vec<Participant>, StoreError>;
    /// Add a participant; `false` when the address already was one.
    async fn add_participant(
        &mut self,
        ticket_id: i64,
        address: &str,
        role: &str,
        added_by: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError>;
    /// Remove a participant; `false` when the address was none.
    async fn remove_participant(
        &mut self,
        ticket_id: i64,
        address: &str,
    ) -> Result<bool, StoreError>;
    async fn set_owner(
        &mut self,
        ticket_id: i64,
        owner: Option<&str>,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Add an entry to a ticket's audit trail.
    async fn record_event(
        &mut self,
        ticket_id: i64,
        event: &NewEvent<'_>,
    ) -> Result<(), StoreError>;
    /// Merge ticket `from` into `into`: its messages and participants move,
    /// its reporter joins `into`, and its number resolves to `into` from now on.
    async fn merge_ticket(&mut self, from: i64, into: i64, now: i64) -> Result<(), StoreError>;
    /// Queue the stored outgoing message `message_row`.
    async fn enqueue(&mut self, mail: &NewOutboxMail<'_>) -> Result<(), StoreError>;
    /// Keep a new status link of a ticket (its token's SHA-256 only).
    async fn add_status_link(
        &mut self,
        ticket_id: i64,
        token_hash: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StoreError>;
    /// Every working status link of a ticket stops working; returns how many.
    async fn revoke_status_links(&mut self, ticket_id: i64, now: i64) -> Result<u64, StoreError>;
    async fn set_mailbox_state(
        &mut self,
        mailbox: &str,
        state: MailboxState,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn commit(self) -> Result<(), StoreError>;
}

/// Words of a search as an FTS5 query: each a quoted string (so `AND`,
/// `*`, `:` or a stray quote mean nothing special), all of them required.
pub fn fts5_query(text: &str) -> String {
    text.split_whitespace()
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each address once, in its first (most important) role: a staff owner
/// who also wrote on the ticket is listed once.
pub fn dedupe_participants(all: Vec<ParticipantView>) -> Vec<ParticipantView> {
    let mut seen = std::collections::HashSet::new();
    all.into_iter()
        .filter(|p| seen.insert(p.address.to_ascii_lowercase()))
        .collect()
}

/// A list as the JSON text it is kept as.
pub fn json_text(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}
