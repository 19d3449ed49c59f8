//! secdesk's store on SQLite.
//!
//! Every statement is a `query!`/`query_as!` checked against the schema
//! in `migrations/sqlite` (offline metadata in `.sqlx`, refreshed by
//! `scripts/sqlx-prepare.sh`). SQLite has no arrays: lists of ids go in as
//! JSON text and are read back with `json_each`.

use std::time::Duration;

use secdesk_store::{
    AttachmentRow, AttachmentView, BatchOps, Context, Counts, DaemonInfo, EventRow, EventView,
    Fence, FlaggedMessage, Lane, LeaseView, MailboxState, MessageRow, MigrationRow, NewAttachment,
    NewEvent, NewMessage, NewOutboxMail, NewTicket, OutboxItem, OutboxStats, Participant,
    ParticipantView, QuarantinedMail, SchemaHistory, StatusLink, StoreError, StoreOps, SummaryRow,
    TicketDetail, TicketExportRow, TicketQuery, TicketRef, TicketRelations, TicketRow,
    TicketSummary, TicketUpdate, dedupe_participants, fts5_query, json_list, json_text, redact_url,
    rfc3339,
};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::{ConnectOptions, Sqlite, Transaction};

/// The schema's migrations, compiled in.
static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");

#[derive(Clone, Debug)]
pub struct SqliteStore {
    pool: SqlitePool,
}

pub struct SqliteBatch {
    tx: Transaction<'static, Sqlite>,
}

/// The file of a `sqlite:` URL (`sqlite://dir/desk.db?mode=rwc` gives
/// `dir/desk.db`); `None` for other URLs and an in-memory database.
pub fn database_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

fn create_parent_dir(url: &str) {
    let Some(path) = database_file(url) else {
        return;
    };
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        // a failure shows up as a clear connect error right after
        let _ = std::fs::create_dir_all(parent);
    }
}

impl StoreOps for SqliteStore {
    type Batch = SqliteBatch;

    async fn connect(url: &str, max_connections: u32) -> Result<SqliteStore, StoreError> {
        let connect_error = |source| StoreError::Connect {
            url: redact_url(url),
            source,
        };
        create_parent_dir(url);
        // WAL lets readers (CLI, outbox) run beside the writer; NORMAL is
        // durable across process crashes in WAL mode. A 1 MiB page cache
        // per connection (SQLite's default is 2 MiB): the hot pages are the
        // indexes' ends, and eight idle connections' caches were a fifth of
        // the daemon's memory with 10,000 tickets.
        let options = url
            .parse::<SqliteConnectOptions>()
            .map_err(connect_error)?
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("cache_size", "-1024")
            .disable_statement_logging();
        let pool = SqlitePoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options)
            .await
            .map_err(connect_error)?;
        Ok(SqliteStore { pool })
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATIONS.run(&self.pool).await?;
        Ok(())
    }

    async fn schema_history(&self) -> Result<SchemaHistory, StoreError> {
        // sqlx's own table, which the migrations do not create and so the
        // database the macros are checked against lacks: plain queries
        let exists = sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
        )
        .fetch_one(&self.pool)
        .await
        .doing("look for the migrations table")?
            > 0;
        let rows = if exists {
            let rows = sqlx::query_as::<_, MigrationRow>(
                "SELECT version, description, checksum, success FROM _sqlx_migrations
                 ORDER BY version",
            )
            .fetch_all(&self.pool)
            .await
            .doing("read the applied migrations")?;
            Some(rows)
        } else {
            None
        };
        Ok(SchemaHistory::new(&MIGRATIONS, rows))
    }

    async fn begin(&self) -> Result<SqliteBatch, StoreError> {
        // take the write lock up front: a deferred transaction that read
        // first fails with SQLITE_BUSY_SNAPSHOT (no waiting) when the
        // sender wrote in between
        let tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .doing("begin a transaction")?;
        Ok(SqliteBatch { tx })
    }

    async fn mark_sent(&self, ids: &[i64], now: i64) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let ids = ids.iter().map(i64::to_string).collect::<Vec<_>>();
        let ids = format!("[{}]", ids.join(","));
        sqlx::query!(
            "UPDATE outbox SET state = 'sent', sent_at = $1, attempts = attempts + 1,
                 claimed_by = NULL, claimed_until = NULL, doubt_until = NULL
             WHERE id IN (SELECT value FROM json_each($2))",
            now,
            ids
        )
        .execute(&self.pool)
        .await
        .doing("mark mail as sent")?;
        Ok(())
    }

    async fn claim_outbox(
        &self,
        now: i64,
        lane: Lane,
        limit: i64,
        holder: &str,
        claim_ms: i64,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let lane = lane.as_str();
        // one statement: SQLite runs one writer at a time, so the rows
        // chosen are claimed before anyone else can choose them
        let mut claimed = sqlx::query!(
            r#"UPDATE outbox SET claimed_by = $4,
                   claimed_until = (SELECT now_ms FROM db_clock) + $5, doubt_until = NULL
                WHERE id IN (
                  SELECT o.id FROM outbox o
                   WHERE o.state = 'pending' AND o.lane = $1 AND o.next_attempt_at <= $2
                     AND (o.claimed_by IS NULL OR o.claimed_by = $4)
                     AND (o.doubt_until IS NULL OR o.doubt_until < (SELECT now_ms FROM db_clock))
                     ORDER BY o.priority, o.next_attempt_at, o.id LIMIT $3)
               RETURNING id AS "id!", envelope_from, recipients, attempts, message_id,
                         priority, next_attempt_at"#,
            lane,
            now,
            limit,
            holder,
            claim_ms
        )
        .fetch_all(&self.pool)
        .await
        .doing("claim due mail")?;
        if claimed.is_empty() {
            return Ok(Vec::new());
        }
        claimed.sort_by_key(|r| (r.priority, r.next_attempt_at, r.id));
        let message_ids = claimed
            .iter()
            .map(|r| r.message_id.to_string())
            .collect::<Vec<_>>();
        let message_ids = format!("[{}]", message_ids.join(","));
        let mut bodies: std::collections::HashMap<i64, (Vec<u8>, String, i64)> = sqlx::query!(
            r#"SELECT id AS "id!", raw AS "raw!", disposition, created_at FROM messages
                WHERE id IN (SELECT value FROM json_each($1))"#,
            message_ids
        )
        .fetch_all(&self.pool)
        .await
        .doing("read claimed mail")?
        .into_iter()
        .map(|m| (m.id, (m.raw, m.disposition, m.created_at)))
        .collect();
        Ok(claimed
            .into_iter()
            .filter_map(|r| {
                let (raw, disposition, queued_at) = bodies.remove(&r.message_id)?;
                Some(OutboxItem {
                    id: r.id,
                    envelope_from: r.envelope_from,
                    recipients: json_list(&r.recipients),
                    attempts: r.attempts,
                    raw,
                    disposition,
                    queued_at,
                })
            })
            .collect())
    }

    async fn list_tickets(
        &self,
        q: &TicketQuery,
        limit: i64,
    ) -> Result<Vec<TicketSummary>, StoreError> {
        list_tickets(&self.pool, q, limit).await
    }

    async fn export_tickets(
        &self,
        q: &TicketQuery,
        each: &mut dyn FnMut(TicketExportRow) -> std::ops::ControlFlow<()>,
    ) -> Result<u64, StoreError> {
        use futures_util::TryStreamExt;
        let search = q
            .search
            .as_deref()
            .map(fts5_query)
            .filter(|s| !s.is_empty());
        // the same filters as `tickets list`, oldest first, no limit
        let mut rows = sqlx::query_as!(
            TicketExportRow,
            r#"SELECT t.id AS "id!", t.number, t.state, t.kind, t.severity, t.priority, t.reporter,
                 t.subject, t.language, t.created_at, t.cve_ids, t.cvss_vector, t.cvss_version,
                 t.cvss_score, t.cvss_vectors, t.reported_score, t.description, t.remediation,
                 t.customer_message, t.missing, t.outcome, t.triage_due_at, t.owner,
                 p.number AS "merged_into?",
                 (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id) AS "message_count!: i64"
             FROM tickets t LEFT JOIN tickets p ON p.id = t.merged_into
             WHERE ($1 IS NULL OR t.state = $1)
               AND ($2 = 0 OR t.state <> 'closed')
               AND ($3 IS NULL OR t.severity = $3)
               AND ($4 IS NULL OR t.priority = $4)
               AND ($5 IS NULL OR lower(t.owner) = $5)
               AND ($6 = 0 OR t.owner IS NULL)
               AND ($7 IS NULL OR lower(t.reporter) = $7)
               AND ($8 IS NULL OR t.cve_ids LIKE '%"' || $8 || '"%')
               AND ($9 IS NULL OR t.kind = $9)
               AND ($10 IS NULL OR t.created_at >= $10)
               AND ($11 IS NULL OR (t.triaged_at IS NULL AND t.state <> 'closed'
                                    AND t.triage_due_at <= $11))
               AND ($12 IS NULL OR t.id IN (
                     SELECT m.ticket_id FROM messages m WHERE m.id IN (
                       SELECT rowid FROM message_search WHERE message_search MATCH $12)))
             ORDER BY t.created_at, t.id"#,
            q.state,
            q.open,
            q.severity,
            q.priority,
            q.owner,
            q.unowned,
            q.reporter,
            q.cve,
            q.kind,
            q.since,
            q.overdue_at,
            search
        )
        .fetch(&self.pool);
        let mut handed = 0;
        while let Some(row) = rows.try_next().await.doing("export tickets")? {
            handed += 1;
            if each(row).is_break() {
                break;
            }
        }
        Ok(handed)
    }

    secdesk_store::store_ops_shared!();
}

impl BatchOps for SqliteBatch {
    async fn fence_holds(&mut self, fence: &Fence) -> Result<bool, StoreError> {
        // SQLite has no row locks; its one writer at a time does the same
        let token = sqlx::query_scalar!(
            "SELECT token FROM leases WHERE name = $1 AND holder = $2",
            fence.name,
            fence.holder
        )
        .fetch_optional(&mut *self.tx)
        .await
        .doing("check the reader lease")?;
        Ok(token == Some(fence.token))
    }

    async fn seen(&mut self, dedupe_key: &str) -> Result<bool, StoreError> {
        let row = sqlx::query!(
            r#"SELECT 1 AS "one: i64" FROM messages WHERE dedupe_key = $1"#,
            dedupe_key
        )
        .fetch_optional(&mut *self.tx)
        .await
        .doing("look for a duplicate mail")?;
        Ok(row.is_some())
    }

    async fn ticket_by_message_ids(
        &mut self,
        message_ids: &[&str],
    ) -> Result<Option<TicketRef>, StoreError> {
        if message_ids.is_empty() {
            return Ok(None);
        }
        let ids = json_text(
            &message_ids
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        );
        sqlx::query_as!(
            TicketRef,
            r#"SELECT t.id AS "id!", t.number, t.reporter, t.state, t.language, t.subject,
                 t.kind, t.severity, t.severity_source, t.priority, t.priority_source, t.outcome,
                 t.customer_message, t.triage_due_at, t.triaged_at, t.updated_at, t.owner, t.merged_into
             FROM messages m JOIN tickets t ON t.id = m.ticket_id
             WHERE m.message_id IN (SELECT value FROM json_each($1)) ORDER BY m.id DESC LIMIT 1"#,
            ids
        )
        .fetch_optional(&mut *self.tx)
        .await
        .doing("find a ticket by message id")
    }

    async fn list_tickets(
        &mut self,
        q: &TicketQuery,
        limit: i64,
    ) -> Result<Vec<TicketSummary>, StoreError> {
        list_tickets(&mut *self.tx, q, limit).await
    }

    secdesk_store::batch_ops_shared!();
}

/// `tickets list` and the digest by mail, on the pool or inside a batch.
async fn list_tickets<'e, E>(
    executor: E,
    q: &TicketQuery,
    limit: i64,
) -> Result<Vec<TicketSummary>, StoreError>
where
    E: sqlx::Executor<'e, Database = Sqlite>,
{
    let search = q
        .search
        .as_deref()
        .map(fts5_query)
        .filter(|s| !s.is_empty());
    sqlx::query_as!(
        SummaryRow,
        r#"SELECT t.number, t.state, t.kind, t.severity, t.priority, t.reporter, t.subject,
             t.created_at, t.owner, p.number AS "merged_into?"
         FROM tickets t LEFT JOIN tickets p ON p.id = t.merged_into
         WHERE ($1 IS NULL OR t.state = $1)
           AND ($2 = 0 OR t.state <> 'closed')
           AND ($3 IS NULL OR t.severity = $3)
           AND ($4 IS NULL OR t.priority = $4)
           AND ($5 IS NULL OR lower(t.owner) = $5)
           AND ($6 = 0 OR t.owner IS NULL)
           AND ($7 IS NULL OR lower(t.reporter) = $7)
           AND ($8 IS NULL OR t.cve_ids LIKE '%"' || $8 || '"%')
           AND ($9 IS NULL OR t.kind = $9)
           AND ($10 IS NULL OR t.created_at >= $10)
           AND ($11 IS NULL OR (t.triaged_at IS NULL AND t.state <> 'closed'
                                AND t.triage_due_at <= $11))
           AND ($12 IS NULL OR t.id IN (
                 SELECT m.ticket_id FROM messages m WHERE m.id IN (
                   SELECT rowid FROM message_search WHERE message_search MATCH $12)))
         ORDER BY t.created_at DESC, t.id DESC LIMIT $13"#,
        q.state,
        q.open,
        q.severity,
        q.priority,
        q.owner,
        q.unowned,
        q.reporter,
        q.cve,
        q.kind,
        q.since,
        q.overdue_at,
        search,
        limit
    )
    .map(TicketSummary::from)
    .fetch_all(executor)
    .await
    .doing("list tickets")
}
