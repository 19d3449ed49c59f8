//! Persistence: tickets, messages, the outbox and where reading stopped.
//!
//! One implementation over sqlx's `Any` driver serves SQLite and PostgreSQL:
//! the schema differs per backend (`migrations/sqlite`, `migrations/postgres`)
//! but every statement the daemon runs is plain SQL that means the same on
//! both (`$n` parameters, `ON CONFLICT`, `RETURNING`, integer milliseconds
//! for time). Where a backend needs its own SQL, `Backend` picks it.
//!
//! Every change caused by one fetched batch of mail happens in one
//! [`Batch`] transaction, together with the new `last_uid` of the mailbox:
//! a crash before commit re-reads the batch, a crash after it skips it.

mod queries;

use std::time::Duration;

use serde::Serialize;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

pub use queries::{FlaggedMessage, MessageView, TicketDetail, TicketFilter, TicketSummary};

use crate::config::Secret;

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
}

impl StoreError {
    /// Whether the database itself was away (connection lost, locked,
    /// shut down, out of resources): worth retrying later, and never a
    /// reason to quarantine the mail in hand.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Connect { .. } => true,
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

/// Attach what we were doing to a sqlx error.
pub(crate) trait Context<T> {
    fn doing(self, action: &'static str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, sqlx::Error> {
    fn doing(self, action: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Query { action, source })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnknownBackend(redact_url(url)))
        }
    }
}

/// The URL without its password, for messages.
fn redact_url(url: &str) -> String {
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

/// The database: a pool plus which backend it talks to.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

impl Store {
    /// Open (and for SQLite create) the database. Does not migrate.
    pub async fn connect(url: &Secret, max_connections: u32) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let raw = url.expose();
        let backend = Backend::from_url(raw)?;
        let url = match backend {
            // create the file on first run
            Backend::Sqlite if !raw.contains("mode=") => {
                let sep = if raw.contains('?') { '&' } else { '?' };
                format!("{raw}{sep}mode=rwc")
            }
            _ => raw.to_string(),
        };
        if backend == Backend::Sqlite {
            create_sqlite_parent_dir(&url);
        }
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers (CLI, outbox) run beside the writer;
                        // NORMAL is durable across process crashes in WAL mode.
                        // A 1 MiB page cache per connection (SQLite's default
                        // is 2 MiB): the hot pages are the indexes' ends, and
                        // eight idle connections' caches were a fifth of the
                        // daemon's memory with 10,000 tickets.
                        sqlx::raw_sql(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                             PRAGMA cache_size = -1024;",
                        )
                        .execute(conn)
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|source| StoreError::Connect {
                url: redact_url(raw),
                source,
            })?;
        Ok(Store { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Bring the schema up to date (idempotent).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("./migrations/sqlite")
                    .run(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Where reading of `mailbox` stopped, if it was ever read.
    pub async fn mailbox_state(&self, mailbox: &str) -> Result<Option<MailboxState>, StoreError> {
        let row = sqlx::query("SELECT uid_validity, last_uid FROM mailboxes WHERE id = $1")
            .bind(mailbox)
            .fetch_optional(&self.pool)
            .await
            .doing("read the mailbox checkpoint")?;
        row.map(|r| {
            Ok(MailboxState {
                uid_validity: r.try_get::<i64, _>(0).doing("read uid_validity")? as u32,
                last_uid: r.try_get::<i64, _>(1).doing("read last_uid")? as u32,
            })
        })
        .transpose()
    }

    /// Start the transaction for one batch of mail.
    pub async fn begin(&self) -> Result<Batch, StoreError> {
        let tx = match self.backend {
            // take the write lock up front: a deferred transaction that read
            // first fails with SQLITE_BUSY_SNAPSHOT (no waiting) when the
            // sender wrote in between
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
        .doing("begin a transaction")?;
        Ok(Batch { tx })
    }

    /// Outgoing mail of `lane` that is due: answers someone is waiting for
    /// first, then longest due first (for new mail, the order it was queued
    /// in). Each lane is read on its own, through the index
    /// `outbox_lane_due`, so a status answer waits neither behind a flood's
    /// staff notifications nor behind its acknowledgments, and a claim costs
    /// the same with ten pending mails or twenty thousand.
    pub async fn due_outbox(
        &self,
        now: i64,
        lane: Lane,
        limit: i64,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let rows = sqlx::query(
            "SELECT o.id, o.envelope_from, o.recipients, o.attempts, m.raw, m.disposition \
             FROM outbox o JOIN messages m ON m.id = o.message_id \
             WHERE o.state = 'pending' AND o.lane = $1 AND o.next_attempt_at <= $2 \
             ORDER BY o.priority, o.next_attempt_at, o.id LIMIT $3",
        )
        .bind(lane.as_str())
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .doing("read the outbox")?;
        rows.iter().map(OutboxItem::from_row).collect()
    }

    /// When the next pending mail is due, if any.
    pub async fn next_outbox_due(&self) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'")
            .fetch_one(&self.pool)
            .await
            .doing("read the outbox")?;
        row.try_get::<Option<i64>, _>(0).doing("read the outbox")
    }

    pub async fn mark_sent(&self, ids: &[i64], now: i64) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "UPDATE outbox SET state = 'sent', sent_at = $1, attempts = attempts + 1 \
             WHERE id IN ({})",
            placeholders(2, ids.len())
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now);
        for id in ids {
            q = q.bind(*id);
        }
        q.execute(&self.pool).await.doing("mark mail as sent")?;
        Ok(())
    }

    /// Record a failed attempt: retried at `next_attempt_at`, or given up
    /// (`None`) with the server's answer kept.
    pub async fn mark_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next_attempt_at: Option<i64>,
    ) -> Result<(), StoreError> {
        let (state, next) = match next_attempt_at {
            Some(at) => ("pending", at),
            None => ("failed", 0),
        };
        sqlx::query(
            "UPDATE outbox SET state = $1, attempts = attempts + 1, last_error = $2, \
             next_attempt_at = CASE WHEN $1 = 'pending' THEN $3 ELSE next_attempt_at END \
             WHERE id = $4",
        )
        .bind(state)
        .bind(error)
        .bind(next)
        .bind(id)
        .execute(&self.pool)
        .await
        .doing("record a failed delivery")?;
        Ok(())
    }

    pub async fn list_tickets(&self, limit: i64) -> Result<Vec<TicketSummary>, StoreError> {
        queries::list_tickets(&self.pool, TicketFilter::All, limit).await
    }

    /// Tickets whose triage was due before `now` (ms) and is not done.
    pub async fn overdue_tickets(&self, now: i64) -> Result<Vec<TicketSummary>, StoreError> {
        queries::list_tickets(&self.pool, TicketFilter::OverdueAt(now), 1000).await
    }

    pub async fn ticket_detail(&self, number: &str) -> Result<Option<TicketDetail>, StoreError> {
        queries::ticket_detail(&self.pool, number).await
    }

    /// Incoming mail kept outside any ticket (strangers, automatic mail,
    /// quarantine), newest first.
    pub async fn unthreaded_messages(&self, limit: i64) -> Result<Vec<FlaggedMessage>, StoreError> {
        queries::unthreaded_messages(&self.pool, limit).await
    }

    /// One quarantined mail with its raw bytes.
    pub async fn quarantined(&self, id: i64) -> Result<Option<QuarantinedMail>, StoreError> {
        let row = sqlx::query(
            "SELECT id, mailbox_id, uid, reason, raw, from_addr, subject, created_at FROM messages \
             WHERE id = $1 AND disposition = 'quarantined'",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .doing("read a quarantined mail")?;
        row.map(|r| {
            let get = |e| StoreError::Query {
                action: "read a quarantined mail",
                source: e,
            };
            Ok(QuarantinedMail {
                id: r.try_get(0).map_err(get)?,
                mailbox_id: r.try_get(1).map_err(get)?,
                uid: r.try_get::<Option<i64>, _>(2).map_err(get)?,
                reason: r.try_get(3).map_err(get)?,
                raw: r
                    .try_get::<Option<Vec<u8>>, _>(4)
                    .map_err(get)?
                    .unwrap_or_default(),
                from: r.try_get(5).map_err(get)?,
                subject: r.try_get(6).map_err(get)?,
                at: queries::rfc3339(r.try_get(7).map_err(get)?),
            })
        })
        .transpose()
    }

    /// Counts used by tests and the benchmark: (tickets, incoming messages, outbox pending, outbox sent).
    pub async fn counts(&self) -> Result<Counts, StoreError> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM tickets), \
                    (SELECT COUNT(*) FROM messages WHERE direction = 'in'), \
                    (SELECT COUNT(*) FROM outbox WHERE state = 'pending'), \
                    (SELECT COUNT(*) FROM outbox WHERE state = 'sent'), \
                    (SELECT COUNT(*) FROM outbox WHERE state = 'failed')",
        )
        .fetch_one(&self.pool)
        .await
        .doing("count rows")?;
        let get = |i| row.try_get::<i64, _>(i).doing("count rows");
        Ok(Counts {
            tickets: get(0)?,
            incoming: get(1)?,
            outbox_pending: get(2)?,
            outbox_sent: get(3)?,
            outbox_failed: get(4)?,
        })
    }
}

fn create_sqlite_parent_dir(url: &str) {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return;
    }
    if let Some(parent) = std::path::Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        // a failure shows up as a clear connect error right after
        let _ = std::fs::create_dir_all(parent);
    }
}

/// `$start, $start+1, ...` for `count` parameters.
fn placeholders(start: usize, count: usize) -> String {
    (start..start + count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A mail kept because it could not be processed.
#[derive(Debug, Clone, Serialize)]
pub struct QuarantinedMail {
    pub id: i64,
    pub mailbox_id: Option<String>,
    pub uid: Option<i64>,
    pub reason: Option<String>,
    #[serde(skip)]
    pub raw: Vec<u8>,
    pub from: Option<String>,
    pub subject: String,
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailboxState {
    pub uid_validity: u32,
    pub last_uid: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub tickets: i64,
    pub incoming: i64,
    pub outbox_pending: i64,
    pub outbox_sent: i64,
    pub outbox_failed: i64,
}

/// A mail to send, as stored.
#[derive(Debug, Clone)]
pub struct OutboxItem {
    pub id: i64,
    pub envelope_from: String,
    pub recipients: Vec<String>,
    pub attempts: i64,
    pub raw: Vec<u8>,
    /// Why it is sent ("ack", "status", "staff-notification", ...).
    pub disposition: String,
}

/// Which connections of the sender a mail goes over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lane {
    /// Mail to reporters and other outside addresses.
    Reporters,
    /// Notifications and confirmations to the desk's own staff.
    Staff,
}

impl Lane {
    /// The lane of an outgoing mail, by why it is sent.
    pub fn of(disposition: &str) -> Lane {
        match disposition {
            "staff-notification" | "staff-confirmation" => Lane::Staff,
            _ => Lane::Reporters,
        }
    }

    /// Where a mail queues within its lane: 0 for an answer someone is
    /// waiting for (a status answer, a staff member's confirmation), 1 for
    /// the rest.
    pub fn priority_of(disposition: &str) -> i64 {
        match disposition {
            "status" | "staff-confirmation" => 0,
            _ => 1,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lane::Reporters => "reporters",
            Lane::Staff => "staff",
        }
    }
}

impl OutboxItem {
    fn from_row(row: &AnyRow) -> Result<OutboxItem, StoreError> {
        let recipients: String = row.try_get(2).doing("read the outbox")?;
        Ok(OutboxItem {
            id: row.try_get(0).doing("read the outbox")?,
            envelope_from: row.try_get(1).doing("read the outbox")?,
            recipients: serde_json::from_str(&recipients).unwrap_or_default(),
            attempts: row.try_get(3).doing("read the outbox")?,
            raw: row.try_get(4).doing("read the outbox")?,
            disposition: row.try_get(5).doing("read the outbox")?,
        })
    }
}

/// A ticket as routing and staff commands need it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TicketRef {
    pub id: i64,
    pub number: String,
    pub reporter: String,
    pub state: String,
    pub language: String,
    pub subject: String,
    pub kind: String,
    pub severity: Option<String>,
    /// "cvss", "score" or "staff"; `None` while the severity is unknown.
    pub severity_source: Option<String>,
    pub priority: i64,
    /// "rule" or "staff".
    pub priority_source: String,
    pub outcome: Option<String>,
    pub customer_message: Option<String>,
    pub triage_due_at: Option<i64>,
    pub triaged_at: Option<i64>,
    pub updated_at: i64,
}

/// The columns of [`TicketRef`], in its order.
const TICKET_REF_COLUMNS: &str = "t.id, t.number, t.reporter, t.state, t.language, t.subject, \
     t.kind, t.severity, t.severity_source, t.priority, t.priority_source, t.outcome, \
     t.customer_message, t.triage_due_at, t.triaged_at, t.updated_at";

/// A change to a ticket; `None` leaves a column as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TicketUpdate<'a> {
    pub state: Option<&'a str>,
    pub severity: Option<&'a str>,
    pub severity_source: Option<&'a str>,
    pub priority: Option<i64>,
    pub priority_source: Option<&'a str>,
    pub outcome: Option<&'a str>,
    pub customer_message: Option<&'a str>,
    pub triaged_at: Option<i64>,
}

/// A new ticket's row.
#[derive(Debug, Clone)]
pub struct NewTicket<'a> {
    pub desk: &'a str,
    pub number: &'a str,
    pub state: &'a str,
    pub kind: &'a str,
    pub language: &'a str,
    pub severity: Option<&'a str>,
    pub priority: i64,
    pub reporter: &'a str,
    pub subject: &'a str,
    pub description: Option<&'a str>,
    pub remediation: Option<&'a str>,
    pub customer_message: Option<&'a str>,
    pub cve_ids: String,
    pub cvss_vector: Option<&'a str>,
    pub cvss_version: Option<&'a str>,
    pub cvss_score: Option<f64>,
    pub reported_score: Option<f64>,
    pub missing: String,
    pub severity_source: Option<&'a str>,
    pub triage_due_at: Option<i64>,
    pub triage_remind_at: Option<i64>,
    /// Set at creation when the rule's priority is final and the severity known.
    pub triaged_at: Option<i64>,
    pub now: i64,
}

/// A message row, incoming or outgoing.
#[derive(Debug, Clone, Default)]
pub struct NewMessage<'a> {
    pub ticket_id: Option<i64>,
    pub claimed_ticket_id: Option<i64>,
    pub direction: &'a str,
    pub disposition: &'a str,
    pub reason: Option<&'a str>,
    pub dedupe_key: Option<&'a str>,
    pub mailbox_id: Option<&'a str>,
    pub uid: Option<u32>,
    pub message_id: Option<&'a str>,
    pub from_addr: Option<&'a str>,
    pub to_addrs: String,
    pub subject: &'a str,
    pub body_text: Option<&'a str>,
    pub raw: Option<&'a [u8]>,
    /// How the sender was proven (staff mail), for the record.
    pub auth: Option<&'a str>,
    pub now: i64,
}

/// An attachment's facts (its bytes stay in the raw message).
#[derive(Debug, Clone)]
pub struct NewAttachment<'a> {
    pub name: Option<&'a str>,
    pub content_type: &'a str,
    pub size: i64,
    pub sha256: &'a str,
}

/// The transaction of one batch of mail.
pub struct Batch {
    tx: sqlx::Transaction<'static, sqlx::Any>,
}

impl Batch {
    /// Take a quarantined mail out of quarantine before it is processed
    /// again: it keeps its row as history, without its dedupe key.
    pub async fn release_quarantined(&mut self, id: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE messages SET disposition = 'quarantine-retried', dedupe_key = NULL \
             WHERE id = $1 AND disposition = 'quarantined'",
        )
        .bind(id)
        .execute(&mut *self.tx)
        .await
        .doing("release a quarantined mail")?;
        Ok(())
    }

    /// Whether a mail with this key was already stored (re-delivery, restart
    /// after UIDVALIDITY changed, the same mail in two folders).
    pub async fn seen(&mut self, dedupe_key: &str) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT 1 FROM messages WHERE dedupe_key = $1")
            .bind(dedupe_key)
            .fetch_optional(&mut *self.tx)
            .await
            .doing("look for a duplicate mail")?;
        Ok(row.is_some())
    }

    pub async fn ticket_by_number(
        &mut self,
        number: &str,
    ) -> Result<Option<TicketRef>, StoreError> {
        let sql = format!("SELECT {TICKET_REF_COLUMNS} FROM tickets t WHERE t.number = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(number)
            .fetch_optional(&mut *self.tx)
            .await
            .doing("find a ticket by number")?;
        row.as_ref().map(ticket_ref).transpose()
    }

    /// The ticket of the newest stored message among `message_ids`.
    pub async fn ticket_by_message_ids(
        &mut self,
        message_ids: &[&str],
    ) -> Result<Option<TicketRef>, StoreError> {
        if message_ids.is_empty() {
            return Ok(None);
        }
        let sql = format!(
            "SELECT {TICKET_REF_COLUMNS} \
             FROM messages m JOIN tickets t ON t.id = m.ticket_id \
             WHERE m.message_id IN ({}) ORDER BY m.id DESC LIMIT 1",
            placeholders(1, message_ids.len())
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in message_ids {
            q = q.bind(*id);
        }
        let row = q
            .fetch_optional(&mut *self.tx)
            .await
            .doing("find a ticket by message id")?;
        row.as_ref().map(ticket_ref).transpose()
    }

    /// Insert a ticket; `None` when its number is already taken (the caller
    /// draws another).
    pub async fn insert_ticket(&mut self, t: &NewTicket<'_>) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query(
            "INSERT INTO tickets (desk, number, state, kind, language, severity, priority, \
                 reporter, subject, description, remediation, customer_message, cve_ids, \
                 cvss_vector, cvss_version, cvss_score, reported_score, missing, created_at, updated_at, \
                 severity_source, triage_due_at, triage_remind_at, triaged_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
                 $19, $19, $20, $21, $22, $23) \
             ON CONFLICT (number) DO NOTHING RETURNING id",
        )
        .bind(t.desk)
        .bind(t.number)
        .bind(t.state)
        .bind(t.kind)
        .bind(t.language)
        .bind(t.severity)
        .bind(t.priority)
        .bind(t.reporter)
        .bind(t.subject)
        .bind(t.description)
        .bind(t.remediation)
        .bind(t.customer_message)
        .bind(&t.cve_ids)
        .bind(t.cvss_vector)
        .bind(t.cvss_version)
        .bind(t.cvss_score)
        .bind(t.reported_score)
        .bind(&t.missing)
        .bind(t.now)
        .bind(t.severity_source)
        .bind(t.triage_due_at)
        .bind(t.triage_remind_at)
        .bind(t.triaged_at)
        .fetch_optional(&mut *self.tx)
        .await
        .doing("create a ticket")?;
        row.map(|r| r.try_get::<i64, _>(0).doing("create a ticket"))
            .transpose()
    }

    /// Apply `change` to a ticket (columns left `None` keep their value).
    pub async fn update_ticket(
        &mut self,
        ticket_id: i64,
        change: &TicketUpdate<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE tickets SET state = COALESCE($1, state), severity = COALESCE($2, severity), \
                 severity_source = COALESCE($3, severity_source), priority = COALESCE($4, priority), \
                 priority_source = COALESCE($5, priority_source), outcome = COALESCE($6, outcome), \
                 customer_message = COALESCE($7, customer_message), \
                 triaged_at = COALESCE(triaged_at, $8), updated_at = $9 \
             WHERE id = $10",
        )
        .bind(change.state)
        .bind(change.severity)
        .bind(change.severity_source)
        .bind(change.priority)
        .bind(change.priority_source)
        .bind(change.outcome)
        .bind(change.customer_message)
        .bind(change.triaged_at)
        .bind(now)
        .bind(ticket_id)
        .execute(&mut *self.tx)
        .await
        .doing("update a ticket")?;
        Ok(())
    }

    /// Message-IDs of the mail exchanged with the reporter on a ticket,
    /// oldest first (at most the last `limit`): the thread our answers join.
    pub async fn reporter_thread(
        &mut self,
        ticket_id: i64,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "SELECT message_id FROM messages WHERE ticket_id = $1 AND message_id IS NOT NULL \
               AND disposition IN ('report', 'follow-up', 'ack', 'relay', 'reporter-update', 'status') \
             ORDER BY id DESC LIMIT $2",
        )
        .bind(ticket_id)
        .bind(limit)
        .fetch_all(&mut *self.tx)
        .await
        .doing("read a ticket's thread")?;
        let mut ids = rows
            .iter()
            .map(|r| r.try_get::<String, _>(0).doing("read a ticket's thread"))
            .collect::<Result<Vec<_>, _>>()?;
        ids.reverse();
        Ok(ids)
    }

    /// How many automatic answers of `kind` went to `address` since `since`.
    pub async fn rate_events(
        &mut self,
        address: &str,
        kind: &str,
        since: i64,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) FROM rate_events WHERE address = $1 AND kind = $2 AND at >= $3",
        )
        .bind(address)
        .bind(kind)
        .bind(since)
        .fetch_one(&mut *self.tx)
        .await
        .doing("count automatic answers")?;
        row.try_get::<i64, _>(0).doing("count automatic answers")
    }

    /// How many automatic answers of `kind` went to anyone since `since`.
    pub async fn rate_events_total(&mut self, kind: &str, since: i64) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) FROM rate_events WHERE kind = $1 AND at >= $2")
            .bind(kind)
            .bind(since)
            .fetch_one(&mut *self.tx)
            .await
            .doing("count automatic answers")?;
        row.try_get::<i64, _>(0).doing("count automatic answers")
    }

    pub async fn record_rate_event(
        &mut self,
        address: &str,
        kind: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO rate_events (address, kind, at) VALUES ($1, $2, $3)")
            .bind(address)
            .bind(kind)
            .bind(now)
            .execute(&mut *self.tx)
            .await
            .doing("record an automatic answer")?;
        Ok(())
    }

    /// Forget automatic-answer events older than `before` (the caps look back one hour).
    pub async fn prune_rate_events(&mut self, before: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM rate_events WHERE at < $1")
            .bind(before)
            .execute(&mut *self.tx)
            .await
            .doing("prune old rate events")?;
        Ok(())
    }

    /// Open, untriaged tickets whose reminder (`reminder = true`) or
    /// deadline is due and was not yet told to staff.
    pub async fn triage_due(
        &mut self,
        now: i64,
        reminder: bool,
    ) -> Result<Vec<TicketRef>, StoreError> {
        let (at, told) = if reminder {
            ("triage_remind_at", "reminded_at")
        } else {
            ("triage_due_at", "overdue_notified_at")
        };
        let sql = format!(
            "SELECT {TICKET_REF_COLUMNS} FROM tickets t \
             WHERE t.triaged_at IS NULL AND t.state <> 'closed' AND t.{told} IS NULL \
               AND t.{at} IS NOT NULL AND t.{at} <= $1 ORDER BY t.{at} LIMIT 500"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(now)
            .fetch_all(&mut *self.tx)
            .await
            .doing("find tickets whose triage is due")?;
        rows.iter().map(ticket_ref).collect()
    }

    /// Remember that staff were told about a ticket's triage clock.
    pub async fn mark_triage_told(
        &mut self,
        ticket_id: i64,
        reminder: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let sql = if reminder {
            "UPDATE tickets SET reminded_at = $1 WHERE id = $2"
        } else {
            "UPDATE tickets SET overdue_notified_at = $1, reminded_at = COALESCE(reminded_at, $1) WHERE id = $2"
        };
        sqlx::query(sql)
            .bind(now)
            .bind(ticket_id)
            .execute(&mut *self.tx)
            .await
            .doing("record a triage reminder")?;
        Ok(())
    }

    pub async fn insert_message(&mut self, m: &NewMessage<'_>) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO messages (ticket_id, claimed_ticket_id, direction, disposition, reason, \
                 dedupe_key, mailbox_id, uid, message_id, from_addr, to_addrs, subject, body_text, \
                 raw, created_at, auth) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
        )
        .bind(m.ticket_id)
        .bind(m.claimed_ticket_id)
        .bind(m.direction)
        .bind(m.disposition)
        .bind(m.reason)
        .bind(m.dedupe_key)
        .bind(m.mailbox_id)
        .bind(m.uid.map(i64::from))
        .bind(m.message_id)
        .bind(m.from_addr)
        .bind(&m.to_addrs)
        .bind(m.subject)
        .bind(m.body_text)
        .bind(m.raw)
        .bind(m.now)
        .bind(m.auth)
        .fetch_one(&mut *self.tx)
        .await
        .doing("store a message")?;
        row.try_get::<i64, _>(0).doing("store a message")
    }

    pub async fn insert_attachment(
        &mut self,
        message_row: i64,
        a: &NewAttachment<'_>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO attachments (message_id, name, content_type, size, sha256) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(message_row)
        .bind(a.name)
        .bind(a.content_type)
        .bind(a.size)
        .bind(a.sha256)
        .execute(&mut *self.tx)
        .await
        .doing("store an attachment's facts")?;
        Ok(())
    }

    /// Queue a stored outgoing message for the sender.
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
        let recipients = serde_json::to_string(recipients).unwrap_or_else(|_| "[]".into());
        sqlx::query(
            "INSERT INTO outbox \
             (message_id, envelope_from, recipients, state, attempts, next_attempt_at, lane, priority) \
             VALUES ($1, $2, $3, 'pending', 0, $4, $5, $6)",
        )
        .bind(message_row)
        .bind(envelope_from)
        .bind(recipients)
        .bind(now)
        .bind(Lane::of(disposition).as_str())
        .bind(Lane::priority_of(disposition))
        .execute(&mut *self.tx)
        .await
        .doing("queue outgoing mail")?;
        Ok(())
    }

    pub async fn set_mailbox_state(
        &mut self,
        mailbox: &str,
        state: MailboxState,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO mailboxes (id, uid_validity, last_uid, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET uid_validity = excluded.uid_validity, \
                 last_uid = excluded.last_uid, updated_at = excluded.updated_at",
        )
        .bind(mailbox)
        .bind(i64::from(state.uid_validity))
        .bind(i64::from(state.last_uid))
        .bind(now)
        .execute(&mut *self.tx)
        .await
        .doing("save the mailbox checkpoint")?;
        Ok(())
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await.doing("commit a batch")
    }
}

fn ticket_ref(row: &AnyRow) -> Result<TicketRef, StoreError> {
    fn get<T>(row: &AnyRow, i: usize) -> Result<T, StoreError>
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
    {
        row.try_get::<T, _>(i).doing("read a ticket")
    }
    Ok(TicketRef {
        id: get(row, 0)?,
        number: get(row, 1)?,
        reporter: get(row, 2)?,
        state: get(row, 3)?,
        language: get(row, 4)?,
        subject: get(row, 5)?,
        kind: get(row, 6)?,
        severity: get(row, 7)?,
        severity_source: get(row, 8)?,
        priority: get(row, 9)?,
        priority_source: get(row, 10)?,
        outcome: get(row, 11)?,
        customer_message: get(row, 12)?,
        triage_due_at: get(row, 13)?,
        triaged_at: get(row, 14)?,
        updated_at: get(row, 15)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn backend_is_chosen_by_url() {
        assert_eq!(Backend::from_url("sqlite://x.db").unwrap(), Backend::Sqlite);
        assert_eq!(
            Backend::from_url("postgresql://h/db").unwrap(),
            Backend::Postgres
        );
        assert!(Backend::from_url("mysql://h/db").is_err());
    }

    #[test]
    fn placeholders_are_numbered_from_start() {
        assert_eq!(placeholders(2, 3), "$2, $3, $4");
    }
}
