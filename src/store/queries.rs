//! Read-only views for the CLI (`secdesk tickets ...`).

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use super::{Context, StoreError};

/// One line of `secdesk tickets list`.
#[derive(Debug, Clone, Serialize)]
pub struct TicketSummary {
    pub number: String,
    pub state: String,
    pub kind: String,
    pub severity: Option<String>,
    pub priority: i64,
    pub reporter: String,
    pub subject: String,
    pub created_at: String,
}

/// `secdesk tickets show NUMBER --json`.
#[derive(Debug, Clone, Serialize)]
pub struct TicketDetail {
    pub number: String,
    pub state: String,
    pub kind: String,
    pub severity: Option<String>,
    pub priority: i64,
    pub reporter: String,
    pub subject: String,
    pub language: String,
    pub created_at: String,
    pub outcome: Option<String>,
    pub triage_due_at: Option<String>,
    pub cve_ids: Vec<String>,
    pub cvss: Option<CvssView>,
    pub reported_score: Option<f64>,
    pub description: Option<String>,
    pub remediation: Option<String>,
    pub customer_message: Option<String>,
    pub missing: Vec<String>,
    pub messages: Vec<MessageView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CvssView {
    pub vector: String,
    pub version: String,
    pub base_score: f64,
    pub severity: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MessageView {
    pub direction: String,
    pub disposition: String,
    pub from: Option<String>,
    pub to: Vec<String>,
    pub subject: String,
    pub message_id: Option<String>,
    pub at: String,
}

pub(crate) fn rfc3339(millis: i64) -> String {
    chrono::DateTime::from_timestamp_millis(millis)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// Which tickets `tickets list` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketFilter {
    All,
    /// Not triaged although triage was due before this instant (ms).
    OverdueAt(i64),
}

pub(super) async fn list_tickets(
    pool: &AnyPool,
    filter: TicketFilter,
    limit: i64,
) -> Result<Vec<TicketSummary>, StoreError> {
    let (condition, at) = match filter {
        TicketFilter::All => ("$1 = $1", 0),
        TicketFilter::OverdueAt(at) => (
            "triaged_at IS NULL AND state <> 'closed' AND triage_due_at <= $1",
            at,
        ),
    };
    let sql = format!(
        "SELECT number, state, kind, severity, priority, reporter, subject, created_at \
         FROM tickets WHERE {condition} ORDER BY created_at DESC, id DESC LIMIT $2"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(at)
        .bind(limit)
        .fetch_all(pool)
        .await
        .doing("list tickets")?;
    rows.iter()
        .map(|r| {
            Ok(TicketSummary {
                number: r.try_get(0).doing("list tickets")?,
                state: r.try_get(1).doing("list tickets")?,
                kind: r.try_get(2).doing("list tickets")?,
                severity: r.try_get(3).doing("list tickets")?,
                priority: r.try_get(4).doing("list tickets")?,
                reporter: r.try_get(5).doing("list tickets")?,
                subject: r.try_get(6).doing("list tickets")?,
                created_at: rfc3339(r.try_get(7).doing("list tickets")?),
            })
        })
        .collect()
}

pub(super) async fn ticket_detail(
    pool: &AnyPool,
    number: &str,
) -> Result<Option<TicketDetail>, StoreError> {
    let Some(t) = sqlx::query(
        "SELECT id, number, state, kind, severity, priority, reporter, subject, language, \
             created_at, cve_ids, cvss_vector, cvss_version, cvss_score, reported_score, \
             description, remediation, customer_message, missing, outcome, triage_due_at \
         FROM tickets WHERE number = $1",
    )
    .bind(number)
    .fetch_optional(pool)
    .await
    .doing("read a ticket")?
    else {
        return Ok(None);
    };
    let id: i64 = t.try_get(0).doing("read a ticket")?;
    let messages = sqlx::query(
        "SELECT direction, disposition, from_addr, to_addrs, subject, message_id, created_at \
         FROM messages WHERE ticket_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(pool)
    .await
    .doing("read a ticket's messages")?
    .iter()
    .map(message_view)
    .collect::<Result<Vec<_>, _>>()?;
    detail_from_row(&t, messages).map(Some)
}

fn detail_from_row(t: &AnyRow, messages: Vec<MessageView>) -> Result<TicketDetail, StoreError> {
    let get_json = |i| -> Result<Vec<String>, StoreError> {
        let text: String = t.try_get(i).doing("read a ticket")?;
        Ok(serde_json::from_str(&text).unwrap_or_default())
    };
    let vector: Option<String> = t.try_get(11).doing("read a ticket")?;
    let version: Option<String> = t.try_get(12).doing("read a ticket")?;
    let score: Option<f64> = t.try_get(13).doing("read a ticket")?;
    let cvss = match (vector, version, score) {
        (Some(vector), Some(version), Some(base_score)) => Some(CvssView {
            vector,
            version,
            base_score,
            severity: crate::ticket::Severity::from_cvss_score(base_score).to_string(),
        }),
        _ => None,
    };
    Ok(TicketDetail {
        number: t.try_get(1).doing("read a ticket")?,
        state: t.try_get(2).doing("read a ticket")?,
        kind: t.try_get(3).doing("read a ticket")?,
        severity: t.try_get(4).doing("read a ticket")?,
        priority: t.try_get(5).doing("read a ticket")?,
        reporter: t.try_get(6).doing("read a ticket")?,
        subject: t.try_get(7).doing("read a ticket")?,
        language: t.try_get(8).doing("read a ticket")?,
        created_at: rfc3339(t.try_get(9).doing("read a ticket")?),
        cve_ids: get_json(10)?,
        cvss,
        reported_score: t.try_get(14).doing("read a ticket")?,
        description: t.try_get(15).doing("read a ticket")?,
        remediation: t.try_get(16).doing("read a ticket")?,
        customer_message: t.try_get(17).doing("read a ticket")?,
        missing: get_json(18)?,
        outcome: t.try_get(19).doing("read a ticket")?,
        triage_due_at: t
            .try_get::<Option<i64>, _>(20)
            .doing("read a ticket")?
            .map(rfc3339),
        messages,
    })
}

fn message_view(r: &AnyRow) -> Result<MessageView, StoreError> {
    let to: String = r.try_get(3).doing("read a message")?;
    Ok(MessageView {
        direction: r.try_get(0).doing("read a message")?,
        disposition: r.try_get(1).doing("read a message")?,
        from: r.try_get(2).doing("read a message")?,
        to: serde_json::from_str(&to).unwrap_or_default(),
        subject: r.try_get(4).doing("read a message")?,
        message_id: r.try_get(5).doing("read a message")?,
        at: rfc3339(r.try_get(6).doing("read a message")?),
    })
}

/// An incoming mail that is on no ticket, and why.
#[derive(Debug, Clone, Serialize)]
pub struct FlaggedMessage {
    pub id: i64,
    pub disposition: String,
    pub reason: Option<String>,
    pub from: Option<String>,
    pub subject: String,
    /// The ticket a stranger's mail pointed at.
    pub claimed_ticket: Option<String>,
    pub at: String,
}

pub(super) async fn unthreaded_messages(
    pool: &AnyPool,
    limit: i64,
) -> Result<Vec<FlaggedMessage>, StoreError> {
    let rows = sqlx::query(
        "SELECT m.disposition, m.reason, m.from_addr, m.subject, t.number, m.created_at, m.id \
         FROM messages m LEFT JOIN tickets t ON t.id = m.claimed_ticket_id \
         WHERE m.direction = 'in' AND m.ticket_id IS NULL ORDER BY m.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await
    .doing("list unthreaded mail")?;
    rows.iter()
        .map(|r| {
            Ok(FlaggedMessage {
                id: r.try_get(6).doing("list unthreaded mail")?,
                disposition: r.try_get(0).doing("list unthreaded mail")?,
                reason: r.try_get(1).doing("list unthreaded mail")?,
                from: r.try_get(2).doing("list unthreaded mail")?,
                subject: r.try_get(3).doing("list unthreaded mail")?,
                claimed_ticket: r.try_get(4).doing("list unthreaded mail")?,
                at: rfc3339(r.try_get(5).doing("list unthreaded mail")?),
            })
        })
        .collect()
}
