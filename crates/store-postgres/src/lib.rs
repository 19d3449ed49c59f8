//! secdesk's store on PostgreSQL.
//!
//! Every statement is a `query!`/`query_as!` checked against the schema
//! in `migrations/postgres` (offline metadata in `.sqlx`, refreshed by
//! `scripts/sqlx-prepare.sh`): the Rust type bound to each parameter is the
//! column's type, so a statement prepared once on a connection accepts
//! every later value. Lists of ids go in as arrays (`= ANY($n)`).

use std::time::Duration;

use secdesk_store::{
    AttachmentRow, AttachmentView, BatchOps, Context, Counts, DaemonInfo, EventRow, EventView,
    Fence, FlaggedMessage, Lane, LeaseView, MailboxState, MessageRow, MigrationRow, NewAttachment,
    NewEvent, NewMessage, NewOutboxMail, NewTicket, OutboxItem, OutboxStats, Participant,
    ParticipantView, QuarantinedMail, SchemaHistory, StatusLink, StoreError, StoreOps, SummaryRow,
    TicketDetail, TicketExportRow, TicketQuery, TicketRef, TicketRelations, TicketRow,
    TicketSummary, TicketUpdate, dedupe_participants, json_list, redact_url, rfc3339,
};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{ConnectOptions, Postgres, Transaction};

/// The schema's migrations, compiled in.
static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

#[derive(Clone, Debug)]
pub struct PgStore {
    pool: PgPool,
}

pub struct PgBatch {
    tx: Transaction<'static, Postgres>,
}

impl PgStore {
    /// One connection, opened and closed: the pool retries a refused
    /// connection until its acquire timeout, as if the server were still
    /// starting, where `secdesk doctor` wants the refusal itself.
    pub async fn connect_once(url: &str) -> Result<(), StoreError> {
        let connect_error = |source| StoreError::Connect {
            url: redact_url(url),
            source,
        };
        let options = url.parse::<PgConnectOptions>().map_err(connect_error)?;
        let conn = options.connect().await.map_err(connect_error)?;
        let _ = sqlx::Connection::close(conn).await;
        Ok(())
    }
}

impl StoreOps for PgStore {
    type Batch = PgBatch;

    async fn connect(url: &str, max_connections: u32) -> Result<PgStore, StoreError> {
        let connect_error = |source| StoreError::Connect {
            url: redact_url(url),
            source,
        };
        let options = url
            .parse::<PgConnectOptions>()
            .map_err(connect_error)?
            .disable_statement_logging();
        let pool = PgPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options)
            .await
            .map_err(connect_error)?;
        Ok(PgStore { pool })
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATIONS.run(&self.pool).await?;
        Ok(())
    }

    async fn schema_history(&self) -> Result<SchemaHistory, StoreError> {
        // sqlx's own table, which the migrations do not create and so the
        // database the macros are checked against lacks: plain queries
        let exists =
            sqlx::query_scalar::<_, bool>("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
                .fetch_one(&self.pool)
                .await
                .doing("look for the migrations table")?;
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

    async fn begin(&self) -> Result<PgBatch, StoreError> {
        let tx = self.pool.begin().await.doing("begin a transaction")?;
        Ok(PgBatch { tx })
    }

    async fn mark_sent(&self, ids: &[i64], now: i64) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        sqlx::query!(
            "UPDATE outbox SET state = 'sent', sent_at = $1, attempts = attempts + 1,
                 claimed_by = NULL, claimed_until = NULL, doubt_until = NULL
             WHERE id = ANY($2)",
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
        // rows another daemon is claiming this instant are skipped, not
        // waited for; the claim commits with this one statement
        let rows = sqlx::query!(
            r#"WITH due AS (
                 SELECT o.id FROM outbox o
                  WHERE o.state = 'pending' AND o.lane = $1 AND o.next_attempt_at <= $2
                    AND (o.claimed_by IS NULL OR o.claimed_by = $4)
                    AND (o.doubt_until IS NULL OR o.doubt_until < (SELECT now_ms FROM db_clock))
                    ORDER BY o.priority, o.next_attempt_at, o.id LIMIT $3
                  FOR UPDATE OF o SKIP LOCKED
               ), claimed AS (
                 UPDATE outbox o SET claimed_by = $4,
                        claimed_until = (SELECT now_ms FROM db_clock) + $5, doubt_until = NULL
                   FROM due WHERE o.id = due.id
                 RETURNING o.id, o.envelope_from, o.recipients, o.attempts, o.message_id,
                           o.priority, o.next_attempt_at
               )
               SELECT c.id AS "id!", c.envelope_from AS "envelope_from!", c.recipients AS "recipients!",
                      c.attempts AS "attempts!", m.raw AS "raw!", m.disposition,
                      m.created_at AS "queued_at!"
                 FROM claimed c JOIN messages m ON m.id = c.message_id
                ORDER BY c.priority, c.next_attempt_at, c.id"#,
            lane,
            now,
            limit,
            holder,
            claim_ms
        )
        .fetch_all(&self.pool)
        .await
        .doing("claim due mail")?;
        Ok(rows
            .into_iter()
            .map(|r| OutboxItem {
                id: r.id,
                envelope_from: r.envelope_from,
                recipients: json_list(&r.recipients),
                attempts: r.attempts,
                raw: r.raw,
                disposition: r.disposition,
                queued_at: r.queued_at,
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
        let search = q.search.as_deref().filter(|s| !s.trim().is_empty());
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
             WHERE ($1::text IS NULL OR t.state = $1)
               AND (NOT $2::boolean OR t.state <> 'closed')
               AND ($3::text IS NULL OR t.severity = $3)
               AND ($4::bigint IS NULL OR t.priority = $4)
               AND ($5::text IS NULL OR lower(t.owner) = $5)
               AND (NOT $6::boolean OR t.owner IS NULL)
               AND ($7::text IS NULL OR lower(t.reporter) = $7)
               AND ($8::text IS NULL OR t.cve_ids LIKE '%"' || $8 || '"%')
               AND ($9::text IS NULL OR t.kind = $9)
               AND ($10::bigint IS NULL OR t.created_at >= $10)
               AND ($11::bigint IS NULL OR (t.triaged_at IS NULL AND t.state <> 'closed'
                                            AND t.triage_due_at <= $11))
               AND ($12::text IS NULL OR t.id IN (
                     SELECT m.ticket_id FROM messages m
                      WHERE m.search @@ websearch_to_tsquery('simple', $12)))
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

impl BatchOps for PgBatch {
    async fn fence_holds(&mut self, fence: &Fence) -> Result<bool, StoreError> {
        // locked until this transaction ends: a takeover waits for it
        let token = sqlx::query_scalar!(
            "SELECT token FROM leases WHERE name = $1 AND holder = $2 FOR UPDATE",
            fence.name,
            fence.holder
        )
        .fetch_optional(&mut *self.tx)
        .await
        .doing("check the reader lease")?;
        Ok(token == Some(fence.token))
    }

    async fn seen(&mut self, dedupe_key: &str) -> Result<bool, StoreError> {
        sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM messages WHERE dedupe_key = $1) AS "seen!""#,
            dedupe_key
        )
        .fetch_one(&mut *self.tx)
        .await
        .doing("look for a duplicate mail")
    }

    async fn ticket_by_message_ids(
        &mut self,
        message_ids: &[&str],
    ) -> Result<Option<TicketRef>, StoreError> {
        if message_ids.is_empty() {
            return Ok(None);
        }
        let ids = message_ids
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>();
        sqlx::query_as!(
            TicketRef,
            r#"SELECT t.id AS "id!", t.number, t.reporter, t.state, t.language, t.subject,
                 t.kind, t.severity, t.severity_source, t.priority, t.priority_source, t.outcome,
                 t.customer_message, t.triage_due_at, t.triaged_at, t.updated_at, t.owner, t.merged_into
             FROM messages m JOIN tickets t ON t.id = m.ticket_id
             WHERE m.message_id = ANY($1) ORDER BY m.id DESC LIMIT 1"#,
            &ids
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
    E: sqlx::Executor<'e, Database = Postgres>,
{
    let search = q.search.as_deref().filter(|s| !s.trim().is_empty());
    sqlx::query_as!(
        SummaryRow,
        r#"SELECT t.number, t.state, t.kind, t.severity, t.priority, t.reporter, t.subject,
             t.created_at, t.owner, p.number AS "merged_into?"
         FROM tickets t LEFT JOIN tickets p ON p.id = t.merged_into
         WHERE ($1::text IS NULL OR t.state = $1)
           AND (NOT $2::boolean OR t.state <> 'closed')
           AND ($3::text IS NULL OR t.severity = $3)
           AND ($4::bigint IS NULL OR t.priority = $4)
           AND ($5::text IS NULL OR lower(t.owner) = $5)
           AND (NOT $6::boolean OR t.owner IS NULL)
           AND ($7::text IS NULL OR lower(t.reporter) = $7)
           AND ($8::text IS NULL OR t.cve_ids LIKE '%"' || $8 || '"%')
           AND ($9::text IS NULL OR t.kind = $9)
           AND ($10::bigint IS NULL OR t.created_at >= $10)
           AND ($11::bigint IS NULL OR (t.triaged_at IS NULL AND t.state <> 'closed'
                                        AND t.triage_due_at <= $11))
           AND ($12::text IS NULL OR t.id IN (
                 SELECT m.ticket_id FROM messages m
                  WHERE m.search @@ websearch_to_tsquery('simple', $12)))
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
