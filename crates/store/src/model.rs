//! The rows the daemon writes and the references it reads back.

use serde::Serialize;

/// Which database a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend, crate::StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(crate::StoreError::UnknownBackend(crate::redact_url(url)))
        }
    }
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

/// Counts used by tests and the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub tickets: i64,
    pub incoming: i64,
    pub outbox_pending: i64,
    pub outbox_sent: i64,
    pub outbox_failed: i64,
}

/// What the outbox holds now, for `/metrics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxStats {
    /// Mail waiting to be sent (or retried).
    pub pending: i64,
    /// When the oldest of it was queued (unix ms).
    pub oldest_queued_at: Option<i64>,
}

/// A status link as stored: the caller decides whether it still works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLink {
    /// The ticket it shows.
    pub number: String,
    /// The SHA-256 of the token (lower-case hex), as stored.
    pub token_hash: String,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
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
    /// When it was queued (unix ms): with the mail it answers, in the same
    /// transaction.
    pub queued_at: i64,
}

/// A daemon serving the desk, as it registers itself (several on one
/// PostgreSQL database).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaemonInfo {
    /// Unique per process start: host, pid and a random part.
    pub id: String,
    pub host: String,
    pub pid: i64,
    /// The kernel boot and PID namespace `pid` means something in.
    pub pid_space: String,
    pub started_at: i64,
}

/// Who holds a lease now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaseView {
    pub holder: String,
    pub token: i64,
    /// Negative once it has expired (by the database's clock).
    pub expires_in_ms: i64,
}

/// A lease as its holder took it: what every commit of the holder checks,
/// so that after a takeover (a new token) an old holder commits nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fence {
    pub name: String,
    pub holder: String,
    pub token: i64,
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

/// A stored outgoing message to queue for the sender.
#[derive(Debug, Clone)]
pub struct NewOutboxMail<'a> {
    pub message_row: i64,
    pub envelope_from: &'a str,
    /// JSON list of addresses.
    pub recipients: String,
    pub lane: Lane,
    pub priority: i64,
    pub now: i64,
}

impl<'a> NewOutboxMail<'a> {
    /// `disposition` (why it is sent) decides its lane and its place in it.
    pub fn new(
        message_row: i64,
        envelope_from: &'a str,
        recipients: &[String],
        disposition: &str,
        now: i64,
    ) -> NewOutboxMail<'a> {
        NewOutboxMail {
            message_row,
            envelope_from,
            recipients: crate::json_text(recipients),
            lane: Lane::of(disposition),
            priority: Lane::priority_of(disposition),
            now,
        }
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
    /// The staff member who owns it.
    pub owner: Option<String>,
    /// Set on a ticket merged into another: that ticket's id.
    pub merged_into: Option<i64>,
}

/// Someone other than the reporter and staff who takes part in a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub address: String,
    /// "cc" (added by staff) or "reporter" (of a ticket merged into this one).
    pub role: String,
    pub added_by: Option<String>,
    pub added_at: i64,
}

/// One entry of a ticket's audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent<'a> {
    /// Who made the change: a staff address, a participant, or `None` for the desk.
    pub actor: Option<&'a str>,
    /// "created", "state", "severity", "priority", "owner", "outcome",
    /// "customer-message", "participant", "merged", "merged-from".
    pub field: &'a str,
    pub old_value: Option<&'a str>,
    pub new_value: Option<&'a str>,
    pub now: i64,
}

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
    /// JSON list.
    pub cve_ids: String,
    /// The vector severity came from (one of `cvss_vectors`).
    pub cvss_vector: Option<&'a str>,
    pub cvss_version: Option<&'a str>,
    pub cvss_score: Option<f64>,
    /// Every vector of the report, at most one per version: a JSON list of
    /// [`StoredCvss`] (see [`StoredCvss::json_list`]).
    pub cvss_vectors: String,
    pub reported_score: Option<f64>,
    /// JSON list.
    pub missing: String,
    pub severity_source: Option<&'a str>,
    pub triage_due_at: Option<i64>,
    pub triage_remind_at: Option<i64>,
    /// Set at creation when the rule's priority is final and the severity known.
    pub triaged_at: Option<i64>,
    pub now: i64,
}

/// One CVSS vector of a ticket as the column `tickets.cvss_vectors` keeps
/// it, in a JSON list. Its severity is not kept: like the ticket's main
/// vector, the reader works it out from the score (see [`CvssView`]).
///
/// [`CvssView`]: crate::CvssView
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StoredCvss<'a> {
    pub vector: &'a str,
    /// "3.0", "3.1" or "4.0".
    pub version: &'a str,
    pub base_score: f64,
}

impl StoredCvss<'_> {
    /// The JSON text a ticket's vectors are kept as.
    pub fn json_list(vectors: &[StoredCvss<'_>]) -> String {
        // a score is always finite, so this never falls back
        serde_json::to_string(vectors).unwrap_or_else(|_| "[]".into())
    }
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
    /// JSON list.
    pub to_addrs: String,
    pub subject: &'a str,
    pub body_text: Option<&'a str>,
    pub raw: Option<&'a [u8]>,
    /// How the sender was proven (staff mail), for the record.
    pub auth: Option<&'a str>,
    /// The desk's DKIM, SPF and DMARC results for an incoming mail (JSON).
    pub authenticity: Option<&'a str>,
    pub now: i64,
}

/// An attachment of a stored message: its facts on the message, its bytes
/// once per content (by SHA-256).
#[derive(Debug, Clone)]
pub struct NewAttachment<'a> {
    pub name: Option<&'a str>,
    /// As the sender declared it.
    pub content_type: &'a str,
    /// As the bytes say.
    pub detected_type: &'a str,
    /// Why it is not attached to outgoing mail; `None` when it may be.
    pub held_back: Option<&'a str>,
    pub size: i64,
    /// Lower-case hex of the SHA-256 of `bytes`.
    pub sha256: &'a str,
    pub bytes: &'a [u8],
    pub now: i64,
}
