//! Read-only views for the CLI (`secdesk tickets ...`).

use serde::{Deserialize, Serialize};

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
    pub owner: Option<String>,
    /// Set on a ticket merged into another: that ticket's number.
    pub merged_into: Option<String>,
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
    /// The vector severity came from (the 4.0 one when there are several).
    pub cvss: Option<CvssView>,
    /// Every vector of the report, at most one per version, in the order
    /// found; `cvss` is one of them. Empty for tickets stored before the
    /// desk kept them (migration 0007), whose one vector is `cvss`.
    pub cvss_vectors: Vec<CvssView>,
    pub reported_score: Option<f64>,
    pub description: Option<String>,
    pub remediation: Option<String>,
    pub customer_message: Option<String>,
    pub missing: Vec<String>,
    /// The staff member who owns it.
    pub owner: Option<String>,
    /// Everyone on the ticket: the reporter, staff who wrote on it or own
    /// it, and third parties added with `/cc` (roles "reporter", "staff", "cc").
    pub participants: Vec<ParticipantView>,
    /// The ticket this one was merged into.
    pub merged_into: Option<String>,
    /// The tickets merged into this one.
    pub merged: Vec<String>,
    pub messages: Vec<MessageView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParticipantView {
    pub address: String,
    pub role: String,
}

/// One line of `tickets history`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventView {
    pub at: String,
    /// A staff address, a participant, or `None` for the desk itself.
    pub by: Option<String>,
    pub field: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// An event's columns as read.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub at: i64,
    pub actor: Option<String>,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

impl From<EventRow> for EventView {
    fn from(r: EventRow) -> EventView {
        EventView {
            at: crate::rfc3339(r.at),
            by: r.actor,
            field: r.field,
            from: r.old_value,
            to: r.new_value,
        }
    }
}

/// What `ticket_detail` reads besides the ticket row and its messages.
#[derive(Debug, Clone, Default)]
pub struct TicketRelations {
    pub participants: Vec<ParticipantView>,
    pub merged: Vec<String>,
}

/// Read back from the ticket's `cvss_*` columns, and from the JSON list in
/// `cvss_vectors` (a [`crate::StoredCvss`] each, hence `Deserialize`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CvssView {
    pub vector: String,
    pub version: String,
    pub base_score: f64,
    /// Filled by the caller, which knows the severity bands; never read
    /// from the store.
    #[serde(skip_deserializing)]
    pub severity: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MessageView {
    pub id: i64,
    pub direction: String,
    pub disposition: String,
    pub from: Option<String>,
    pub to: Vec<String>,
    pub subject: String,
    pub message_id: Option<String>,
    pub at: String,
    /// The text as stored: the whole text of an incoming mail (the caller
    /// strips the quotes of follow-ups unless asked for the raw text), the
    /// body of an outgoing one.
    pub body: Option<String>,
    pub attachments: Vec<AttachmentView>,
    /// How a staff mail was proven to be from staff (or why it was not).
    pub auth: Option<String>,
    /// The desk's DKIM, SPF and DMARC results for an incoming mail, as
    /// stored (JSON object; `None` for our own mail and for mail stored
    /// before the desk checked).
    pub authenticity: Option<serde_json::Value>,
}

/// One attachment as `tickets show` and `attachments get` describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentView {
    pub id: i64,
    pub name: Option<String>,
    /// As the sender declared it.
    pub content_type: String,
    /// As the bytes say; `None` for mail stored before the desk kept bytes.
    pub detected_type: Option<String>,
    pub size: i64,
    pub sha256: String,
    /// Why it is not attached to outgoing mail; `None` when it may be.
    pub held_back: Option<String>,
    /// Whether the bytes are in the store (mail stored before the desk kept
    /// bytes has only the facts).
    pub stored: bool,
}

/// An attachment's columns as read, with the message it belongs to.
#[derive(Debug, Clone)]
pub struct AttachmentRow {
    pub id: i64,
    pub message_id: i64,
    pub name: Option<String>,
    pub content_type: String,
    pub detected_type: Option<String>,
    pub size: i64,
    pub sha256: String,
    pub held_back: Option<String>,
    pub stored: bool,
}

impl From<AttachmentRow> for AttachmentView {
    fn from(r: AttachmentRow) -> AttachmentView {
        AttachmentView {
            id: r.id,
            name: r.name,
            content_type: r.content_type,
            detected_type: r.detected_type,
            size: r.size,
            sha256: r.sha256,
            held_back: r.held_back,
            stored: r.stored,
        }
    }
}

/// Which tickets `tickets list` (and the `tickets` digest by mail) shows:
/// every field that is set narrows the list; newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketQuery {
    /// Exactly this state.
    pub state: Option<String>,
    /// Not closed.
    pub open: bool,
    pub severity: Option<String>,
    pub priority: Option<i64>,
    /// Owned by this address (lower case).
    pub owner: Option<String>,
    /// Owned by nobody.
    pub unowned: bool,
    /// Reported by this address (lower case).
    pub reporter: Option<String>,
    /// Naming this CVE id (upper case).
    pub cve: Option<String>,
    pub kind: Option<String>,
    /// Created at or after this instant (ms).
    pub since: Option<i64>,
    /// Not triaged although triage was due before this instant (ms).
    pub overdue_at: Option<i64>,
    /// Words that the subject or the text of one of its incoming mails
    /// holds (full-text search: FTS5 on SQLite, tsvector on PostgreSQL).
    pub search: Option<String>,
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
    pub owner: Option<String>,
    pub merged_into: Option<String>,
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
            owner: r.owner,
            merged_into: r.merged_into,
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
    /// JSON list of [`crate::StoredCvss`].
    pub cvss_vectors: String,
    pub reported_score: Option<f64>,
    pub description: Option<String>,
    pub remediation: Option<String>,
    pub customer_message: Option<String>,
    pub missing: String,
    pub outcome: Option<String>,
    pub triage_due_at: Option<i64>,
    pub owner: Option<String>,
    /// The number of the ticket this one was merged into.
    pub merged_into: Option<String>,
}

impl TicketRow {
    pub fn into_detail(
        self,
        relations: TicketRelations,
        messages: Vec<MessageView>,
    ) -> TicketDetail {
        let cvss = match (self.cvss_vector, self.cvss_version, self.cvss_score) {
            (Some(vector), Some(version), Some(base_score)) => Some(CvssView {
                vector,
                version,
                base_score,
                severity: String::new(),
            }),
            _ => None,
        };
        // the column is ours: anything but a list means a damaged row, shown empty
        let cvss_vectors = serde_json::from_str(&self.cvss_vectors).unwrap_or_default();
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
            cvss_vectors,
            reported_score: self.reported_score,
            description: self.description,
            remediation: self.remediation,
            customer_message: self.customer_message,
            missing: crate::json_list(&self.missing),
            owner: self.owner,
            participants: relations.participants,
            merged_into: self.merged_into,
            merged: relations.merged,
            messages,
        }
    }
}

/// A message row as `tickets show` reads it.
#[derive(Debug, Clone)]
pub struct MessageRow {
    pub id: i64,
    pub direction: String,
    pub disposition: String,
    pub from_addr: Option<String>,
    pub to_addrs: String,
    pub subject: String,
    pub message_id: Option<String>,
    pub created_at: i64,
    pub body_text: Option<String>,
    pub auth: Option<String>,
    pub authenticity: Option<String>,
}

impl MessageRow {
    /// The view of this message with its attachments, taken from `all`
    /// (every attachment of the ticket).
    pub fn into_view(self, all: &[AttachmentRow]) -> MessageView {
        let attachments = all
            .iter()
            .filter(|a| a.message_id == self.id)
            .cloned()
            .map(AttachmentView::from)
            .collect();
        MessageView {
            id: self.id,
            direction: self.direction,
            disposition: self.disposition,
            from: self.from_addr,
            to: crate::json_list(&self.to_addrs),
            subject: self.subject,
            message_id: self.message_id,
            at: crate::rfc3339(self.created_at),
            body: self.body_text,
            attachments,
            auth: self.auth,
            authenticity: self
                .authenticity
                .and_then(|json| serde_json::from_str(&json).ok()),
        }
    }
}

/// A ticket's columns as `tickets export` streams them: those of
/// [`TicketRow`] and how many messages the ticket holds.
#[derive(Debug, Clone)]
pub struct TicketExportRow {
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
    pub cvss_vectors: String,
    pub reported_score: Option<f64>,
    pub description: Option<String>,
    pub remediation: Option<String>,
    pub customer_message: Option<String>,
    pub missing: String,
    pub outcome: Option<String>,
    pub triage_due_at: Option<i64>,
    pub owner: Option<String>,
    pub merged_into: Option<String>,
    pub message_count: i64,
}

/// One ticket of `secdesk tickets export`: every field `tickets show
/// --json` has at ticket level (no participants, no messages), and the
/// number of its messages.
#[derive(Debug, Clone, Serialize)]
pub struct TicketExport {
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
    pub cvss_vectors: Vec<CvssView>,
    pub reported_score: Option<f64>,
    pub description: Option<String>,
    pub remediation: Option<String>,
    pub customer_message: Option<String>,
    pub missing: Vec<String>,
    pub owner: Option<String>,
    pub merged_into: Option<String>,
    pub message_count: i64,
}

impl From<TicketExportRow> for TicketExport {
    fn from(r: TicketExportRow) -> TicketExport {
        let message_count = r.message_count;
        // read exactly as `tickets show` reads the same columns
        let t = TicketRow {
            id: r.id,
            number: r.number,
            state: r.state,
            kind: r.kind,
            severity: r.severity,
            priority: r.priority,
            reporter: r.reporter,
            subject: r.subject,
            language: r.language,
            created_at: r.created_at,
            cve_ids: r.cve_ids,
            cvss_vector: r.cvss_vector,
            cvss_version: r.cvss_version,
            cvss_score: r.cvss_score,
            cvss_vectors: r.cvss_vectors,
            reported_score: r.reported_score,
            description: r.description,
            remediation: r.remediation,
            customer_message: r.customer_message,
            missing: r.missing,
            outcome: r.outcome,
            triage_due_at: r.triage_due_at,
            owner: r.owner,
            merged_into: r.merged_into,
        }
        .into_detail(TicketRelations::default(), Vec::new());
        TicketExport {
            number: t.number,
            state: t.state,
            kind: t.kind,
            severity: t.severity,
            priority: t.priority,
            reporter: t.reporter,
            subject: t.subject,
            language: t.language,
            created_at: t.created_at,
            outcome: t.outcome,
            triage_due_at: t.triage_due_at,
            cve_ids: t.cve_ids,
            cvss: t.cvss,
            cvss_vectors: t.cvss_vectors,
            reported_score: t.reported_score,
            description: t.description,
            remediation: t.remediation,
            customer_message: t.customer_message,
            missing: t.missing,
            owner: t.owner,
            merged_into: t.merged_into,
            message_count,
        }
    }
}
