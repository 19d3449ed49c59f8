//! A new report: a ticket under a fresh number, the acknowledgment to the
//! reporter and the notification to staff.

use super::replies::{self, Context, Reply, Threading};
use super::{DeskContext, IngestError, Understood, clean, reporter_of};
use crate::outbox::AutoSubmitted;
use crate::store::{Batch, NewTicket, TicketRef};
use crate::ticket::{ConfirmationNumber, Priority, TicketState};

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
    let severity = report.severity();
    let severity_source = match (&report.cvss, report.reported_score) {
        (Some(_), _) => Some("cvss"),
        (None, Some(_)) => Some("score"),
        (None, None) => None,
    };
    let priority = Priority::by_rule(report.kind, severity);
    // the rule's priority counts as assigned only when the config says so
    let triaged = desk.priority_rule_is_final && severity.is_some();
    let due = desk.calendar.triage_due(received);
    let remind = desk.calendar.reminder_at(due, desk.reminder_lead);
    let subject = clean(&mail.subject);
    let cve_ids = serde_json::to_string(&report.cve_ids).unwrap_or_else(|_| "[]".into());
    let missing = serde_json::to_string(&report.missing).unwrap_or_else(|_| "[]".into());
    let description = report.description.as_deref().map(clean);
    let remediation = report.remediation.as_deref().map(clean);
    let customer_message = report.customer_message.as_deref().map(clean);
    loop {
        let number = ConfirmationNumber::generate(&desk.prefix, &mut rand::rng());
        let ticket = TicketRef {
            number: number.to_string(),
            reporter: reporter.clone(),
            state: TicketState::New.as_str().into(),
            language: report.language.as_str().into(),
            subject: subject.to_string(),
            kind: report.kind.as_str().into(),
            severity: severity.map(|s| s.as_str().into()),
            severity_source: severity_source.map(Into::into),
            priority: i64::from(priority.level()),
            priority_source: "rule".into(),
            customer_message: customer_message.as_deref().map(Into::into),
            triage_due_at: Some(due.timestamp_millis()),
            triaged_at: triaged.then_some(now),
            updated_at: now,
            ..TicketRef::default()
        };
        let replies = acknowledgments(desk, understood, &ticket)?;
        let inserted = batch
            .insert_ticket(&NewTicket {
                desk: &desk.address,
                number: number.as_str(),
                state: &ticket.state,
                kind: &ticket.kind,
                language: &ticket.language,
                severity: ticket.severity.as_deref(),
                priority: ticket.priority,
                reporter: &reporter,
                subject: &subject,
                description: description.as_deref(),
                remediation: remediation.as_deref(),
                customer_message: customer_message.as_deref(),
                cve_ids: cve_ids.clone(),
                cvss_vector: report.cvss.as_ref().map(|c| c.vector.as_str()),
                cvss_version: report.cvss.as_ref().map(|c| c.version.as_str()),
                cvss_score: report.cvss.as_ref().map(|c| c.base_score),
                reported_score: report.reported_score,
                missing: missing.clone(),
                severity_source,
                triage_due_at: Some(due.timestamp_millis()),
                triage_remind_at: Some(remind.timestamp_millis()),
                triaged_at: ticket.triaged_at,
                now,
            })
            .await?;
        // a taken number (one in billions) simply draws again
        if let Some(id) = inserted {
            tracing::info!(%number, %reporter, kind = report.kind.as_str(), "ticket created");
            return Ok((id, number, replies));
        }
    }
}

/// The acknowledgment (threaded under the report, in its language) and the
/// staff notification (in the desk's language).
fn acknowledgments(
    desk: &DeskContext,
    understood: &Understood,
    ticket: &TicketRef,
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
        out.push(replies::build(
            desk,
            "ack",
            "ack",
            understood.report.language,
            &ctx,
            vec![ticket.reporter.clone()],
            &threading,
            AutoSubmitted::Replied,
        )?);
    }
    if !desk.notify.is_empty() {
        out.push(replies::build(
            desk,
            "staff-notification",
            "staff-new-ticket",
            desk.default_language,
            &ctx,
            desk.notify.clone(),
            &Threading::default(),
            AutoSubmitted::Generated,
        )?);
    }
    Ok(out)
}
