//! Read-only views for the CLI (`secdesk tickets ...`).

use serde::Serialize;

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
    /// Filled by the caller, which knows the severity bands.
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

/// Which tickets `tickets list` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketFilter {
    All,
    /// Not triaged although triage was due before this instant (ms).
    OverdueAt(i64),
}

/// A ticket's columns as `tickets list` reads them.
#[derive(Debug, Clone)]
pub struct SummaryRow {
    pub number: String,
    pub state: String,
    pub kind: String,
    pub severity: Option<String>,
    pub priority: i64,
    pub reporter: String,
    pub subject: String,
    pub created_at: i64,
}

impl From<SummaryRow> for TicketSummary {
    fn from(r: SummaryRow) -> TicketSummary {
        TicketSummary {
            number: r.number,
            state: r.state,
            kind: r.kind,
            severity: r.severity,
            priority: r.priority,
            reporter: r.reporter,
            subject: r.subject,
            created_at: crate::rfc3339(r.created_at),
        }
    }
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

/// The ticket columns `tickets show` reads, as stored; [`TicketDetail`]
/// is built from it by [`TicketRow::into_detail`].
#[derive(Debug, Clone)]
pub struct TicketRow {
    pub id: i64,
    pub number: String,
    pub state: String,
    pub kind: String,
    pub severity: Option<String>,
    pub priority: i64,
    pub reporter: String,
    pub subject: String,
    pub language: String,
    pub created_at: i64,
    pub cve_ids: String,
    pub cvss_vector: Option<String>,
    pub cvss_version: Option<String>,
    pub cvss_score: Option<f64>,
    pub reported_score: Option<f64>,
    pub description: Option<String>,
    pub remediation: Option<String>,
    pub customer_message: Option<String>,
    pub missing: String,
    pub outcome: Option<String>,
    pub triage_due_at: Option<i64>,
}

impl TicketRow {
    pub fn into_detail(self, messages: Vec<MessageView>) -> TicketDetail {
        let cvss = match (self.cvss_vector, self.cvss_version, self.cvss_score) {
            (Some(vector), Some(version), Some(base_score)) => Some(CvssView {
                vector,
                version,
                base_score,
                severity: String::new(),
            }),
            _ => None,
        };
        TicketDetail {
            number: self.number,
            state: self.state,
            kind: self.kind,
            severity: self.severity,
            priority: self.priority,
            reporter: self.reporter,
            subject: self.subject,
            language: self.language,
            created_at: crate::rfc3339(self.created_at),
            outcome: self.outcome,
            triage_due_at: self.triage_due_at.map(crate::rfc3339),
            cve_ids: crate::json_list(&self.cve_ids),
            cvss,
            reported_score: self.reported_score,
            description: self.description,
            remediation: self.remediation,
            customer_message: self.customer_message,
            missing: crate::json_list(&self.missing),
            messages,
        }
    }
}

/// A message row as `tickets show` reads it.
#[derive(Debug, Clone)]
pub struct MessageRow {
    pub direction: String,
    pub disposition: String,
    pub from_addr: Option<String>,
    pub to_addrs: String,
    pub subject: String,
    pub message_id: Option<String>,
    pub created_at: i64,
}

impl From<MessageRow> for MessageView {
    fn from(r: MessageRow) -> MessageView {
        MessageView {
            direction: r.direction,
            disposition: r.disposition,
            from: r.from_addr,
            to: crate::json_list(&r.to_addrs),
            subject: r.subject,
            message_id: r.message_id,
            at: crate::rfc3339(r.created_at),
        }
    }
}
