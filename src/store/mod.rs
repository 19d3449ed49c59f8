//! Persistence: tickets, messages, the outbox and where reading stopped.
//!
//! The store is one [`Store`] with one implementation per database, each on
//! its own typed pool and with every query checked at compile time against
//! that database's schema: `secdesk-store-sqlite` (`migrations/sqlite`) and
//! `secdesk-store-postgres` (`migrations/postgres`). The rows, views and
//! errors they share, and the contract both implement ([`StoreOps`],
//! [`BatchOps`]), are in `secdesk-store`. The rest of the daemon sees only
//! [`Store`] and [`Batch`] and never which database it runs on.
//!
//! Why typed pools and not sqlx's `Any` driver: `Any` binds an
//! `Option<f64>` that is `None` as a 4-byte float NULL. PostgreSQL caches a
//! prepared statement per connection with the parameter types of its first
//! use, so after one ticket without a reported score every later ticket
//! with one (an 8-byte float) failed on that connection. SQLite's
//! parameters have no types, which hid it. A typed driver binds each
//! column's own type, and the macros refuse a Rust type that does not match
//! the column.
//!
//! Every change caused by one fetched batch of mail happens in one
//! [`Batch`] transaction, together with the new `last_uid` of the mailbox:
//! a crash before commit re-reads the batch, a crash after it skips it.

pub use secdesk_store::{
    AttachmentView, Backend, BatchOps, Counts, CvssView, DaemonInfo, EventView, Fence,
    FlaggedMessage, Lane, LeaseView, MailboxState, MessageView, MigrationRecord, NewAttachment,
    NewEvent, NewMessage, NewOutboxMail, NewTicket, OutboxItem, OutboxStats, Participant,
    ParticipantView, QuarantinedMail, SchemaHistory, StatusLink, StoreError, StoreOps, StoredCvss,
    TicketDetail, TicketExport, TicketExportRow, TicketQuery, TicketRef, TicketSummary,
    TicketUpdate, now_millis,
};
use secdesk_store_postgres::{PgBatch, PgStore};
pub use secdesk_store_sqlite::database_file as sqlite_file;
use secdesk_store_sqlite::{SqliteBatch, SqliteStore};

use crate::secret::Secret;
use crate::ticket::Severity;

/// How many tickets `overdue_tickets` lists at most.
const OVERDUE_LIMIT: i64 = 1000;

/// The database, whichever it is; for a daemon that reads the mailbox
/// beside others, with the reader lease every commit must still hold.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
    fence: Option<FenceWatch>,
}

/// The reader lease as its keeper sees it now: `None` while not held.
pub type FenceWatch = tokio::sync::watch::Receiver<Option<Fence>>;

#[derive(Clone, Debug)]
enum Db {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

/// The transaction of one batch of mail (see [`BatchOps`]).
pub struct Batch {
    tx: Tx,
    fence: BatchFence,
}

/// What a batch must hold to commit.
enum BatchFence {
    /// Nothing: the store is not fenced (SQLite, the CLI).
    Unfenced,
    /// The lease it began under, with that token.
    Holding(Fence),
    /// It began while this daemon did not hold the lease: it commits nothing.
    NotHolding,
}

enum Tx {
    Sqlite(SqliteBatch),
    Postgres(PgBatch),
}

/// Run the same call on whichever backend `$on` holds.
macro_rules! dispatch {
    ($kind:ident, $on:expr, $bound:ident => $call:expr) => {
        match $on {
            $kind::Sqlite($bound) => $call,
            $kind::Postgres($bound) => $call,
        }
    };
}

impl Store {
    /// Open (and for SQLite create) the database. Does not migrate.
    pub async fn connect(url: &Secret, max_connections: u32) -> Result<Store, StoreError> {
        let url = url.expose();
        let db = match Backend::from_url(url)? {
            Backend::Sqlite => Db::Sqlite(SqliteStore::connect(url, max_connections).await?),
            Backend::Postgres => Db::Postgres(PgStore::connect(url, max_connections).await?),
        };
        Ok(Store { db, fence: None })
    }

    /// Whether the database answers, from one connection's attempt: a
    /// PostgreSQL server that refuses is said at once (the pool would
    /// wait out its timeout). SQLite has no server: always yes.
    pub async fn reachable(url: &Secret) -> Result<(), StoreError> {
        let url = url.expose();
        match Backend::from_url(url)? {
            Backend::Sqlite => Ok(()),
            Backend::Postgres => PgStore::connect_once(url).await,
        }
    }

    /// This store, with every batch committed only while `fence` holds the
    /// lease it began under (see [`BatchOps::fence_holds`]); a batch begun
    /// without the lease commits nothing.
    pub fn fenced(&self, fence: FenceWatch) -> Store {
        Store {
            db: self.db.clone(),
            fence: Some(fence),
        }
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Bring the schema up to date (idempotent).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        dispatch!(Db, &self.db, s => s.migrate().await)
    }

    /// The migrations this build carries and those the database applied,
    /// read only.
    pub async fn schema_history(&self) -> Result<SchemaHistory, StoreError> {
        dispatch!(Db, &self.db, s => s.schema_history().await)
    }

    pub async fn close(&self) {
        dispatch!(Db, &self.db, s => s.close().await)
    }

    /// Where reading of `mailbox` stopped, if it was ever read.
    pub async fn mailbox_state(&self, mailbox: &str) -> Result<Option<MailboxState>, StoreError> {
        dispatch!(Db, &self.db, s => s.mailbox_state(mailbox).await)
    }

    /// Start the transaction for one batch of mail.
    pub async fn begin(&self) -> Result<Batch, StoreError> {
        let tx = match &self.db {
            Db::Sqlite(s) => Tx::Sqlite(s.begin().await?),
            Db::Postgres(s) => Tx::Postgres(s.begin().await?),
        };
        let fence = match &self.fence {
            None => BatchFence::Unfenced,
            Some(watch) => match watch.borrow().clone() {
                Some(fence) => BatchFence::Holding(fence),
                None => BatchFence::NotHolding,
            },
        };
        Ok(Batch { tx, fence })
    }

    /// Claim due mail of `lane` for `holder` (see [`StoreOps::claim_outbox`]):
    /// several daemons drain one outbox, none sends what another claimed.
    /// Answers someone is waiting for come first, then longest due first
    /// (for new mail, the order it was queued in). Each lane is read on its
    /// own, through the index `outbox_lane_due`, so a status answer waits
    /// neither behind a flood's staff notifications nor behind its
    /// acknowledgments, and a claim costs the same with ten pending mails
    /// or twenty thousand.
    pub async fn claim_outbox(
        &self,
        now: i64,
        lane: Lane,
        limit: i64,
        holder: &str,
        claim_ms: i64,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        dispatch!(Db, &self.db, s => s.claim_outbox(now, lane, limit, holder, claim_ms).await)
    }

    /// Give back `holder`'s claims on unsent mail (all claims when `None`),
    /// in doubt until `doubt_until` when given.
    pub async fn release_claims(
        &self,
        holder: Option<&str>,
        doubt_until: Option<i64>,
    ) -> Result<(), StoreError> {
        dispatch!(Db, &self.db, s => s.release_claims(holder, doubt_until).await)
    }

    /// Take back the claims of dead daemons, in doubt for `doubt_ms`.
    pub async fn reap_claims(&self, doubt_ms: i64) -> Result<u64, StoreError> {
        dispatch!(Db, &self.db, s => s.reap_claims(doubt_ms).await)
    }

    /// Pending mail in doubt: (outbox id, Message-ID).
    pub async fn in_doubt(&self, limit: i64) -> Result<Vec<(i64, String)>, StoreError> {
        dispatch!(Db, &self.db, s => s.in_doubt(limit).await)
    }

    /// Take or renew a lease (database clock); `None` when another holds it.
    pub async fn acquire_lease(
        &self,
        name: &str,
        holder: &str,
        ttl_ms: i64,
    ) -> Result<Option<i64>, StoreError> {
        dispatch!(Db, &self.db, s => s.acquire_lease(name, holder, ttl_ms).await)
    }

    /// Let a lease go at once.
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), StoreError> {
        dispatch!(Db, &self.db, s => s.release_lease(name, holder).await)
    }

    /// Who holds a lease now.
    pub async fn lease(&self, name: &str) -> Result<Option<LeaseView>, StoreError> {
        dispatch!(Db, &self.db, s => s.lease(name).await)
    }

    /// Register a daemon, or keep it alive for `ttl_ms` more.
    pub async fn heartbeat(&self, daemon: &DaemonInfo, ttl_ms: i64) -> Result<(), StoreError> {
        dispatch!(Db, &self.db, s => s.heartbeat(daemon, ttl_ms).await)
    }

    pub async fn forget_daemon(&self, id: &str) -> Result<(), StoreError> {
        dispatch!(Db, &self.db, s => s.forget_daemon(id).await)
    }

    /// The daemons registered from `pid_space` that look alive: (id, pid).
    pub async fn daemons_in(&self, pid_space: &str) -> Result<Vec<(String, i64)>, StoreError> {
        dispatch!(Db, &self.db, s => s.daemons_in(pid_space).await)
    }

    /// A daemon is known to be gone: its claims and lease are free now.
    pub async fn mark_dead(&self, id: &str) -> Result<(), StoreError> {
        dispatch!(Db, &self.db, s => s.mark_dead(id).await)
    }

    /// When the next pending mail is due, if any.
    pub async fn next_outbox_due(&self) -> Result<Option<i64>, StoreError> {
        dispatch!(Db, &self.db, s => s.next_outbox_due().await)
    }

    pub async fn mark_sent(&self, ids: &[i64], now: i64) -> Result<(), StoreError> {
        dispatch!(Db, &self.db, s => s.mark_sent(ids, now).await)
    }

    /// Record a failed attempt: retried at `next_attempt_at`, or given up
    /// (`None`) with the server's answer kept.
    pub async fn mark_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next_attempt_at: Option<i64>,
    ) -> Result<(), StoreError> {
        dispatch!(Db, &self.db, s => s.mark_attempt_failed(id, error, next_attempt_at).await)
    }

    /// The newest `limit` tickets `query` selects.
    pub async fn list_tickets(
        &self,
        query: &TicketQuery,
        limit: i64,
    ) -> Result<Vec<TicketSummary>, StoreError> {
        dispatch!(Db, &self.db, s => s.list_tickets(query, limit).await)
    }

    /// The newest `limit` tickets, whatever they are.
    pub async fn newest_tickets(&self, limit: i64) -> Result<Vec<TicketSummary>, StoreError> {
        self.list_tickets(&TicketQuery::default(), limit).await
    }

    /// Tickets whose triage was due before `now` (ms) and is not done.
    pub async fn overdue_tickets(&self, now: i64) -> Result<Vec<TicketSummary>, StoreError> {
        let query = TicketQuery {
            overdue_at: Some(now),
            ..TicketQuery::default()
        };
        self.list_tickets(&query, OVERDUE_LIMIT).await
    }

    /// Every change of a ticket, oldest first.
    pub async fn ticket_history(&self, number: &str) -> Result<Option<Vec<EventView>>, StoreError> {
        dispatch!(Db, &self.db, s => s.ticket_history(number).await)
    }

    pub async fn ticket_detail(&self, number: &str) -> Result<Option<TicketDetail>, StoreError> {
        let mut detail = dispatch!(Db, &self.db, s => s.ticket_detail(number).await)?;
        // the store keeps the score; the bands it falls in are ticket rules
        if let Some(detail) = detail.as_mut() {
            for cvss in detail.cvss.iter_mut().chain(detail.cvss_vectors.iter_mut()) {
                cvss.severity = Severity::from_cvss_score(cvss.base_score).to_string();
            }
        }
        Ok(detail)
    }

    /// Every ticket `query` selects, oldest first, handed to `each` one at
    /// a time as the database streams it ([`StoreOps::export_tickets`]),
    /// with its vectors' severity bands as `ticket_detail` gives them.
    pub async fn export_tickets(
        &self,
        query: &TicketQuery,
        each: &mut dyn FnMut(TicketExport) -> std::ops::ControlFlow<()>,
    ) -> Result<u64, StoreError> {
        let mut with_bands = |row: TicketExportRow| {
            let mut ticket = TicketExport::from(row);
            for cvss in ticket.cvss.iter_mut().chain(ticket.cvss_vectors.iter_mut()) {
                cvss.severity = Severity::from_cvss_score(cvss.base_score).to_string();
            }
            each(ticket)
        };
        dispatch!(Db, &self.db, s => s.export_tickets(query, &mut with_bands).await)
    }

    /// One attachment's facts and, when the store keeps them, its bytes.
    pub async fn attachment(
        &self,
        which: &AttachmentRef,
    ) -> Result<Option<(AttachmentView, Option<Vec<u8>>)>, StoreError> {
        let view = match which {
            AttachmentRef::Id(id) => dispatch!(Db, &self.db, s => s.attachment(*id).await)?,
            AttachmentRef::Sha256(sha) => {
                dispatch!(Db, &self.db, s => s.attachment_by_sha256(sha).await)?
            }
        };
        let Some(view) = view else {
            return Ok(None);
        };
        let bytes = dispatch!(Db, &self.db, s => s.blob(&view.sha256).await)?;
        Ok(Some((view, bytes)))
    }

    /// Incoming mail kept outside any ticket (strangers, automatic mail,
    /// quarantine), newest first.
    pub async fn unthreaded_messages(&self, limit: i64) -> Result<Vec<FlaggedMessage>, StoreError> {
        dispatch!(Db, &self.db, s => s.unthreaded_messages(limit).await)
    }

    /// One quarantined mail with its raw bytes.
    pub async fn quarantined(&self, id: i64) -> Result<Option<QuarantinedMail>, StoreError> {
        dispatch!(Db, &self.db, s => s.quarantined(id).await)
    }

    /// Counts used by tests and the benchmark.
    pub async fn counts(&self) -> Result<Counts, StoreError> {
        dispatch!(Db, &self.db, s => s.counts().await)
    }

    /// How much mail waits in the outbox, and since when (`/metrics`).
    pub async fn outbox_stats(&self) -> Result<OutboxStats, StoreError> {
        dispatch!(Db, &self.db, s => s.outbox_stats().await)
    }

    /// The status link whose token has this SHA-256, valid or not.
    pub async fn status_link(&self, token_hash: &str) -> Result<Option<StatusLink>, StoreError> {
        dispatch!(Db, &self.db, s => s.status_link(token_hash).await)
    }
}

/// Which attachment `attachments get` means: its id (as `tickets show`
/// lists it) or the SHA-256 of its content (as notifications list it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentRef {
    Id(i64),
    /// Lower-case hex.
    Sha256(String),
}

impl std::str::FromStr for AttachmentRef {
    type Err = String;

    fn from_str(text: &str) -> Result<AttachmentRef, String> {
        let text = text.trim();
        let hex = text.strip_prefix("sha256:").unwrap_or(text);
        if hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Ok(AttachmentRef::Sha256(hex.to_ascii_lowercase()));
        }
        match text.parse::<i64>() {
            Ok(id) if id > 0 => Ok(AttachmentRef::Id(id)),
            _ => Err(format!(
                "{text:?} is neither an attachment id (a number, as `tickets show` lists it) nor a SHA-256 (64 hex digits, as notifications list it)"
            )),
        }
    }
}

impl Batch {
    /// The bytes of the mail the desk sent with this Message-ID, if it did.
    pub async fn sent_raw(&mut self, message_id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.sent_raw(message_id).await)
    }

    /// The mail with this Message-ID went out: marked sent. Returns the
    /// outbox ids it marked.
    pub async fn confirm_sent(
        &mut self,
        message_id: &str,
        now: i64,
    ) -> Result<Vec<i64>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.confirm_sent(message_id, now).await)
    }

    /// Take a quarantined mail out of quarantine before it is processed
    /// again: it keeps its row as history, without its dedupe key.
    pub async fn release_quarantined(&mut self, id: i64) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.release_quarantined(id).await)
    }

    /// Whether a mail with this key was already stored.
    pub async fn seen(&mut self, dedupe_key: &str) -> Result<bool, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.seen(dedupe_key).await)
    }

    pub async fn ticket_by_number(
        &mut self,
        number: &str,
    ) -> Result<Option<TicketRef>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.ticket_by_number(number).await)
    }

    /// The ticket of the newest stored message among `message_ids`.
    pub async fn ticket_by_message_ids(
        &mut self,
        message_ids: &[&str],
    ) -> Result<Option<TicketRef>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.ticket_by_message_ids(message_ids).await)
    }

    /// Insert a ticket; `None` when its number is already taken.
    pub async fn insert_ticket(&mut self, t: &NewTicket<'_>) -> Result<Option<i64>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.insert_ticket(t).await)
    }

    /// Apply `change` to a ticket (columns left `None` keep their value).
    pub async fn update_ticket(
        &mut self,
        ticket_id: i64,
        change: &TicketUpdate<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.update_ticket(ticket_id, change, now).await)
    }

    /// Message-IDs of the mail exchanged with the reporter, oldest first
    /// (at most the last `limit`).
    pub async fn reporter_thread(
        &mut self,
        ticket_id: i64,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.reporter_thread(ticket_id, limit).await)
    }

    /// How many automatic answers of `kind` went to `address` since `since`.
    pub async fn rate_events(
        &mut self,
        address: &str,
        kind: &str,
        since: i64,
    ) -> Result<i64, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.rate_events(address, kind, since).await)
    }

    /// How many automatic answers of `kind` went to anyone since `since`.
    pub async fn rate_events_total(&mut self, kind: &str, since: i64) -> Result<i64, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.rate_events_total(kind, since).await)
    }

    pub async fn record_rate_event(
        &mut self,
        address: &str,
        kind: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.record_rate_event(address, kind, now).await)
    }

    /// Forget automatic-answer events older than `before`.
    pub async fn prune_rate_events(&mut self, before: i64) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.prune_rate_events(before).await)
    }

    /// The OpenPGP key the desk keeps for `address`, armored.
    pub async fn pgp_key(&mut self, address: &str) -> Result<Option<String>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.pgp_key(address).await)
    }

    /// Keep `armored` as `address`'s key, replacing an older one.
    pub async fn remember_pgp_key(
        &mut self,
        address: &str,
        fingerprint: &str,
        armored: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.remember_pgp_key(address, fingerprint, armored, now).await)
    }

    /// Open, untriaged tickets whose reminder (`reminder = true`) or
    /// deadline is due and was not yet told to staff.
    pub async fn triage_due(
        &mut self,
        now: i64,
        reminder: bool,
    ) -> Result<Vec<TicketRef>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.triage_due(now, reminder).await)
    }

    /// Remember that staff were told about a ticket's triage clock.
    pub async fn mark_triage_told(
        &mut self,
        ticket_id: i64,
        reminder: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.mark_triage_told(ticket_id, reminder, now).await)
    }

    pub async fn insert_message(&mut self, m: &NewMessage<'_>) -> Result<i64, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.insert_message(m).await)
    }

    /// Store an attachment and its bytes (once per content); returns its id.
    pub async fn insert_attachment(
        &mut self,
        message_row: i64,
        a: &NewAttachment<'_>,
    ) -> Result<i64, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.insert_attachment(message_row, a).await)
    }

    /// Queue the stored outgoing message `message_row`; `disposition` (why
    /// it is sent) decides its lane and its place in it.
    pub async fn enqueue(
        &mut self,
        message_row: i64,
        envelope_from: &str,
        recipients: &[String],
        disposition: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mail = NewOutboxMail::new(message_row, envelope_from, recipients, disposition, now);
        dispatch!(Tx, &mut self.tx, b => b.enqueue(&mail).await)
    }

    /// The newest `limit` tickets `query` selects, inside the batch.
    pub async fn list_tickets(
        &mut self,
        query: &TicketQuery,
        limit: i64,
    ) -> Result<Vec<TicketSummary>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.list_tickets(query, limit).await)
    }

    /// The third parties and merged tickets' reporters on a ticket.
    pub async fn participants(&mut self, ticket_id: i64) -> Result<Vec<Participant>, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.participants(ticket_id).await)
    }

    /// Add a participant; `false` when the address already was one.
    pub async fn add_participant(
        &mut self,
        ticket_id: i64,
        address: &str,
        role: &str,
        added_by: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.add_participant(ticket_id, address, role, added_by, now).await)
    }

    /// Remove a participant; `false` when the address was none.
    pub async fn remove_participant(
        &mut self,
        ticket_id: i64,
        address: &str,
    ) -> Result<bool, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.remove_participant(ticket_id, address).await)
    }

    pub async fn set_owner(
        &mut self,
        ticket_id: i64,
        owner: Option<&str>,
        now: i64,
    ) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.set_owner(ticket_id, owner, now).await)
    }

    /// Add an entry to a ticket's audit trail.
    pub async fn record_event(
        &mut self,
        ticket_id: i64,
        event: &NewEvent<'_>,
    ) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.record_event(ticket_id, event).await)
    }

    /// Keep a new status link of a ticket (its token's SHA-256 only).
    pub async fn add_status_link(
        &mut self,
        ticket_id: i64,
        token_hash: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.add_status_link(ticket_id, token_hash, now, expires_at).await)
    }

    /// Every working status link of a ticket stops working; returns how many.
    pub async fn revoke_status_links(
        &mut self,
        ticket_id: i64,
        now: i64,
    ) -> Result<u64, StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.revoke_status_links(ticket_id, now).await)
    }

    /// Merge ticket `from` into `into` (messages, participants, its number).
    pub async fn merge_ticket(&mut self, from: i64, into: i64, now: i64) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.merge_ticket(from, into, now).await)
    }

    pub async fn set_mailbox_state(
        &mut self,
        mailbox: &str,
        state: MailboxState,
        now: i64,
    ) -> Result<(), StoreError> {
        dispatch!(Tx, &mut self.tx, b => b.set_mailbox_state(mailbox, state, now).await)
    }

    /// Commit, if the batch's lease (when it has one) still holds.
    pub async fn commit(mut self) -> Result<(), StoreError> {
        match std::mem::replace(&mut self.fence, BatchFence::Unfenced) {
            BatchFence::Unfenced => {}
            BatchFence::NotHolding => return Err(StoreError::Fenced(None)),
            BatchFence::Holding(fence) => {
                if !dispatch!(Tx, &mut self.tx, b => b.fence_holds(&fence).await)? {
                    return Err(StoreError::Fenced(Some(fence.token)));
                }
            }
        }
        dispatch!(Tx, self.tx, b => b.commit().await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secdesk_store::redact_url;

    #[test]
    fn passwords_are_hidden_in_urls() {
        assert_eq!(
            redact_url("postgres://app:hunter2@db.example.com/desk"),
            "postgres://app:***@db.example.com/desk"
        );
        assert_eq!(redact_url("sqlite://desk.db"), "sqlite://desk.db");
    }

    #[test]
    fn a_database_that_is_away_is_transient_and_bad_data_is_not() {
        let query = |source| StoreError::Query {
            action: "test",
            source,
        };
        assert!(query(sqlx::Error::PoolTimedOut).is_transient());
        assert!(query(sqlx::Error::Io(std::io::Error::other("reset"))).is_transient());
        assert!(!query(sqlx::Error::RowNotFound).is_transient());
        assert!(!StoreError::UnknownBackend("mysql://x".into()).is_transient());
    }

    #[test]
    fn an_attachment_is_named_by_id_or_by_sha256() {
        let sha = "AB".repeat(32);
        assert_eq!("42".parse(), Ok(AttachmentRef::Id(42)));
        assert_eq!(
            sha.parse(),
            Ok(AttachmentRef::Sha256(sha.to_ascii_lowercase()))
        );
        assert_eq!(
            format!("sha256:{sha}").parse(),
            Ok(AttachmentRef::Sha256(sha.to_ascii_lowercase()))
        );
        for bad in ["0", "-3", "abc", &sha[..63], "../../etc/passwd"] {
            assert!(bad.parse::<AttachmentRef>().is_err(), "{bad}");
        }
    }

    #[test]
    fn backend_is_chosen_by_url() {
        assert_eq!(Backend::from_url("sqlite://x.db").unwrap(), Backend::Sqlite);
    }

    #[test]
    fn the_file_of_a_sqlite_url_is_found_and_nothing_else_is_a_file() {
        use std::path::PathBuf;
        assert_eq!(
            sqlite_file("sqlite://.secdesk/desk.db?mode=rwc"),
            Some(PathBuf::from(".secdesk/desk.db"))
        );
        assert_eq!(
            sqlite_file("sqlite:desk.db"),
            Some(PathBuf::from("desk.db"))
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://db/secdesk"), None);
        assert_eq!(
            Backend::from_url("postgresql://h/db").unwrap(),
            Backend::Postgres
        );
        assert!(Backend::from_url("mysql://h/db").is_err());
    }

    #[tokio::test]
    async fn a_url_of_no_known_database_is_refused_before_connecting() {
        let error = Store::connect(&Secret::new("mysql://u:pw@h/db".to_string()), 1)
            .await
            .expect_err("mysql is no backend");
        assert!(matches!(error, StoreError::UnknownBackend(ref url) if !url.contains("pw")));
    }
}
