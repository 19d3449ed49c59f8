//! A new report: a ticket under a fresh number, the acknowledgment to the
//! reporter and the notification to staff.

use super::files;
use super::replies::{self, Context, Reply, Threading};
use super::{DeskContext, IngestError, Understood, clean, reporter_of};
use crate::outbox::{AutoSubmitted, FileToSend};
use crate::report::Report;
use crate::store::{Batch, NewTicket, StoredCvss, TicketRef};
use crate::ticket::{ConfirmationNumber, Priority, Severity, TicketState};

/// Insert the ticket of a new report, with its replies already rendered
/// and built (a template that fails to render fails the mail before
/// anything is written for it). Returns the ticket's id, number and replies.
pub(super) async fn create(
    batch: &mut Batch,
    desk: &DeskContext,
    understood: &Understood,
) -> Result<(i64, ConfirmationNumber, Vec<Reply>), IngestError> {
    let mail = &understood.mail;
    let report = &understood.report;
    let received = desk.clock.now();
    let now = received.timestamp_millis();
    let reporter = reporter_of(mail);
    let columns = TicketColumns::of(report, &mail.subject);
    // the rule's priority counts as assigned only when the config says so
    let triaged = desk.priority_rule_is_final && columns.severity.is_some();
    let due = desk.calendar.triage_due(received);
    // an encrypted report is never answered in clear: without a key for
    // the reporter the acknowledgment says only the number
    let encrypted = understood
        .authenticity
        .pgp
        .as_ref()
        .is_some_and(|p| p.encrypted);
    let ack = if encrypted && !super::pgp::can_encrypt_to(batch, desk, &reporter).await? {
        "ack-encrypted"
    } else {
        "ack"
    };
    let times = TriageTimes {
        due: due.timestamp_millis(),
        remind: desk
            .calendar
            .reminder_at(due, desk.reminder_lead)
            .timestamp_millis(),
        triaged: triaged.then_some(now),
    };
    // an acknowledgment in clear of an encrypted report carries no link:
    // the page would show what the reporter chose to encrypt
    let link = match (&desk.status_links, ack) {
        (Some(links), "ack") if !reporter.is_empty() => Some(links.draw(now)),
        _ => None,
    };
    loop {
        let number = ConfirmationNumber::generate(&desk.prefix, &mut rand::rng());
        let row = columns.row(&desk.address, number.as_str(), &reporter, times, now);
        let ticket = TicketRef {
            number: number.to_string(),
            reporter: reporter.clone(),
            state: row.state.into(),
            language: row.language.into(),
            subject: row.subject.into(),
            kind: row.kind.into(),
            severity: row.severity.map(Into::into),
            severity_source: row.severity_source.map(Into::into),
            priority: row.priority,
            priority_source: "rule".into(),
            customer_message: row.customer_message.map(Into::into),
            triage_due_at: row.triage_due_at,
            triaged_at: row.triaged_at,
            updated_at: now,
            ..TicketRef::default()
        };
        let url = link.as_ref().map(|l| l.url.as_str());
        let replies = acknowledgments(desk, understood, &ticket, ack, url)?;
        // a taken number (one in billions) simply draws again
        if let Some(id) = batch.insert_ticket(&row).await? {
            if let Some(link) = &link {
                super::links::keep(batch, id, link, now).await?;
            }
            tracing::info!(%number, %reporter, kind = report.kind.as_str(), "ticket created");
            return Ok((id, number, replies));
        }
    }
}

/// What a new ticket's row takes from its report, worked out once for
/// every number drawn. Pure: the text is cleaned for the database (no NUL,
/// which PostgreSQL's `TEXT` refuses), the lists become JSON, severity and
/// the rule's priority are decided.
#[derive(Debug, Clone)]
pub struct TicketColumns<'r> {
    report: &'r Report,
    subject: String,
    description: Option<String>,
    remediation: Option<String>,
    customer_message: Option<String>,
    cve_ids: String,
    /// Every vector of the report, as `tickets.cvss_vectors` keeps them.
    cvss_vectors: String,
    missing: String,
    pub severity: Option<Severity>,
    /// "cvss" (a vector), "score" (a bare score), or `None` while unknown.
    pub severity_source: Option<&'static str>,
    pub priority: Priority,
}

/// A new ticket's triage clock (unix milliseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriageTimes {
    pub due: i64,
    pub remind: i64,
    /// Set when the rule's priority is final and the severity known.
    pub triaged: Option<i64>,
}

impl<'r> TicketColumns<'r> {
    pub fn of(report: &'r Report, subject: &str) -> TicketColumns<'r> {
        let severity = report.severity();
        let severity_source = match (&report.cvss, report.reported_score) {
            (Some(_), _) => Some("cvss"),
            (None, Some(_)) => Some("score"),
            (None, None) => None,
        };
        let owned = |text: &Option<String>| text.as_deref().map(|t| clean(t).into_owned());
        TicketColumns {
            report,
            subject: clean(subject).into_owned(),
            description: owned(&report.description),
            remediation: owned(&report.remediation),
            customer_message: owned(&report.customer_message),
            cve_ids: serde_json::to_string(&report.cve_ids).unwrap_or_else(|_| "[]".into()),
            cvss_vectors: StoredCvss::json_list(
                &report
                    .cvss_vectors
                    .iter()
                    .map(|c| StoredCvss {
                        vector: &c.vector,
                        version: &c.version,
                        base_score: c.base_score,
                    })
                    .collect::<Vec<_>>(),
            ),
            missing: serde_json::to_string(&report.missing).unwrap_or_else(|_| "[]".into()),
            severity,
            severity_source,
            priority: Priority::by_rule(report.kind, severity),
        }
    }

    /// The row of a new ticket under `number`.
    pub fn row<'a>(
        &'a self,
        desk: &'a str,
        number: &'a str,
        reporter: &'a str,
        times: TriageTimes,
        now: i64,
    ) -> NewTicket<'a> {
        let cvss = self.report.cvss.as_ref();
        NewTicket {
            desk,
            number,
            state: TicketState::New.as_str(),
            kind: self.report.kind.as_str(),
            language: self.report.language.as_str(),
            severity: self.severity.map(Severity::as_str),
            priority: i64::from(self.priority.level()),
            reporter,
            subject: &self.subject,
            description: self.description.as_deref(),
            remediation: self.remediation.as_deref(),
            customer_message: self.customer_message.as_deref(),
            cve_ids: self.cve_ids.clone(),
            cvss_vector: cvss.map(|c| c.vector.as_str()),
            cvss_version: cvss.map(|c| c.version.as_str()),
            cvss_score: cvss.map(|c| c.base_score),
            cvss_vectors: self.cvss_vectors.clone(),
            reported_score: self.report.reported_score,
            missing: self.missing.clone(),
            severity_source: self.severity_source,
            triage_due_at: Some(times.due),
            triage_remind_at: Some(times.remind),
            triaged_at: times.triaged,
            now,
        }
    }
}

/// How much of the report the new-ticket notification shows in its body
/// (the templates' `truncate(8000)`).
const NOTIFIED_TEXT_CHARS: usize = 8000;

/// The acknowledgment (threaded under the report, in its language) and the
/// staff notification (in the desk's language).
fn acknowledgments(
    desk: &DeskContext,
    understood: &Understood,
    ticket: &TicketRef,
    ack: &str,
    status_url: Option<&str>,
) -> Result<Vec<Reply>, IngestError> {
    let mail = &understood.mail;
    let text = clean(&mail.text);
    let mut ctx = Context::for_ticket(desk, ticket);
    ctx.report = Some(&understood.report);
    ctx.body = Some(&text);
    let parent = mail.message_id.as_ref().map(|m| m.as_str().to_string());
    let threading = Threading {
        in_reply_to: parent.clone(),
        references: mail
            .references
            .iter()
            .map(|m| m.as_str().to_string())
            .chain(parent)
            .collect(),
    };
    let mut out = Vec::with_capacity(2);
    if !ticket.reporter.is_empty() {
        // the link is the reporter's alone: staff work from their mail
        ctx.status_url = status_url.map(str::to_owned);
        out.push(replies::build(
            desk,
            "ack",
            ack,
            understood.report.language,
            &ctx,
            vec![ticket.reporter.clone()],
            &threading,
            AutoSubmitted::Replied,
        )?);
        ctx.status_url = None;
    }
    if !desk.notify.is_empty() {
        // the proof-of-concept, logs and screenshots reach staff with the report
        let forwarding = files::forwarding(&mail.attachments, desk.forward_attachments_bytes);
        let mut carried = forwarding.files.clone();
        // the notification shows the first NOTIFIED_TEXT_CHARS characters;
        // a longer report travels whole beside it, so staff read it all
        let long = text.chars().nth(NOTIFIED_TEXT_CHARS).is_some();
        if long {
            carried.push(FileToSend {
                name: Some("report.txt"),
                content_type: "text/plain; charset=utf-8",
                bytes: text.as_bytes(),
            });
        }
        let mut ctx = ctx.with_files(&forwarding);
        ctx.text_attached = long;
        ctx.unverified = understood.authenticity.why_not_verified();
        ctx.pgp = understood.authenticity.pgp.as_ref().map(|p| p.summary());
        out.push(replies::build_with_files(
            desk,
            "staff-notification",
            "staff-new-ticket",
            desk.default_language,
            &ctx,
            desk.notify.clone(),
            &Threading::default(),
            AutoSubmitted::Generated,
            &carried,
        )?);
    }
    Ok(out)
}
