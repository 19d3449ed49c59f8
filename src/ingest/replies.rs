//! Outgoing mail of the pipeline: the template context every reply is
//! rendered over, building the bytes, and queueing them with their ticket.
//!
//! Replies are rendered and built before anything of the mail that caused
//! them is written, so a template that fails costs one quarantined mail and
//! never half a transaction.

use serde::Serialize;

use super::files::{FileView, Forwarding};
use super::problem::Problem;
use super::{DeskContext, IngestError, ReplyMode, addresses_json};
use crate::outbox::{self, AutoSubmitted, FileToSend, OutgoingMail};
use crate::report::{Language, Report};
use crate::store::{Batch, NewMessage, TicketRef};

/// What a template sees. Fields a template does not need stay empty.
#[derive(Debug, Serialize)]
pub(super) struct Context<'a> {
    pub number: &'a str,
    pub subject: &'a str,
    pub reporter: &'a str,
    pub language: &'a str,
    pub desk: DeskView<'a>,
    pub ticket: TicketView,
    /// The extracted report (new tickets only).
    pub report: Option<&'a Report>,
    /// The whole text of the report (staff notification of a new ticket).
    pub body: Option<&'a str>,
    /// The text that matters for this mail (a follow-up, a staff answer).
    pub text: Option<&'a str>,
    pub staff_member: Option<&'a str>,
    pub applied: Vec<String>,
    pub errors: Vec<String>,
    pub changes: Vec<&'static str>,
    pub sender: Option<&'a str>,
    pub reason: Option<&'a str>,
    /// Why a mail was quarantined (the notice to its sender).
    pub problem: Option<&'a Problem>,
    /// The attachments of the mail this one is about: attached or listed.
    pub attachments: Vec<FileView>,
    /// Whether some of them are only listed (the template names the command).
    pub files_listed: bool,
    /// Addresses that joined the conversation (`/cc-visible`).
    pub added: Vec<String>,
    /// A merge this mail is about.
    pub merge: Option<MergeView>,
    /// A colleague's copy: whether it was an internal note.
    pub internal: bool,
    /// Who a staff answer was relayed to.
    pub relayed_to: Vec<String>,
    /// The ticket list by mail.
    pub digest: Option<DigestView<'a>>,
    /// The mail goes to staff (a status answer then shows the owner).
    pub for_staff: bool,
    /// The report's whole text travels as `report.txt` (it is longer than
    /// the notification shows).
    pub text_attached: bool,
    /// Why the sender of the mail this one is about is not verified (no
    /// aligned DKIM, no DMARC pass), for staff; `None` when it is.
    pub unverified: Option<String>,
    /// What OpenPGP the mail this one is about carried (decrypted, signed
    /// by whom), for staff.
    pub pgp: Option<String>,
    /// The reporter's status page (acknowledgments and status answers to
    /// the reporter, with `[http]` on).
    pub status_url: Option<String>,
}

/// What the `tickets` digest shows.
#[derive(Debug, Serialize)]
pub(super) struct DigestView<'a> {
    pub filters: &'a str,
    pub tickets: &'a [DigestLine],
    pub limit: i64,
}

/// One line of the digest.
#[derive(Debug, Serialize)]
pub(super) struct DigestLine {
    pub number: String,
    pub state: String,
    pub severity: String,
    pub priority: i64,
    pub owner: String,
    pub subject: String,
    pub age: String,
}

/// What a merge notice says: `role` "merged" (this ticket went into
/// `other`) or "target" (`other` went into this one).
#[derive(Debug, Clone, Serialize)]
pub(super) struct MergeView {
    pub role: &'static str,
    pub other: String,
}

#[derive(Debug, Serialize)]
pub(super) struct DeskView<'a> {
    pub name: &'a str,
    pub address: &'a str,
}

#[derive(Debug, Default, Serialize)]
pub(super) struct TicketView {
    pub state: String,
    pub kind: String,
    pub severity: Option<String>,
    pub severity_source: Option<String>,
    pub priority: i64,
    pub priority_source: String,
    pub outcome: Option<String>,
    pub customer_message: Option<String>,
    pub triage_due: Option<String>,
    pub triaged: bool,
    pub created_at: String,
    pub updated_at: String,
    /// The staff member who owns the ticket.
    pub owner: Option<String>,
}

impl<'a> Context<'a> {
    /// The context of a ticket as it stands (after any change in `ticket`).
    pub fn for_ticket(desk: &'a DeskContext, ticket: &'a TicketRef) -> Context<'a> {
        Context {
            number: &ticket.number,
            ticket: TicketView {
                state: ticket.state.clone(),
                kind: ticket.kind.clone(),
                severity: ticket.severity.clone(),
                severity_source: ticket.severity_source.clone(),
                priority: ticket.priority,
                priority_source: ticket.priority_source.clone(),
                outcome: ticket.outcome.clone(),
                customer_message: ticket.customer_message.clone(),
                triage_due: ticket
                    .triage_due_at
                    .and_then(chrono::DateTime::from_timestamp_millis)
                    .map(|at| desk.calendar.local_text(at)),
                triaged: ticket.triaged_at.is_some(),
                created_at: String::new(),
                updated_at: chrono::DateTime::from_timestamp_millis(ticket.updated_at)
                    .map(|at| desk.calendar.local_text(at))
                    .unwrap_or_default(),
                owner: ticket.owner.clone(),
            },
            ..Context::blank(desk, &ticket.subject, &ticket.reporter, &ticket.language)
        }
    }

    /// The context of a mail that has no ticket (a quarantine notice): the
    /// ticket fields stay empty.
    pub fn without_ticket(
        desk: &'a DeskContext,
        subject: &'a str,
        reporter: &'a str,
        language: Language,
    ) -> Context<'a> {
        Context::blank(desk, subject, reporter, language.as_str())
    }

    /// Every field empty but the desk, the subject, the reporter and the language.
    fn blank(
        desk: &'a DeskContext,
        subject: &'a str,
        reporter: &'a str,
        language: &'a str,
    ) -> Context<'a> {
        Context {
            number: "",
            subject,
            reporter,
            language,
            desk: DeskView {
                name: &desk.name,
                address: &desk.address,
            },
            ticket: TicketView::default(),
            report: None,
            body: None,
            text: None,
            staff_member: None,
            applied: Vec::new(),
            errors: Vec::new(),
            changes: Vec::new(),
            sender: None,
            reason: None,
            problem: None,
            attachments: Vec::new(),
            files_listed: false,
            added: Vec::new(),
            merge: None,
            internal: false,
            relayed_to: Vec::new(),
            digest: None,
            for_staff: false,
            text_attached: false,
            unverified: None,
            pgp: None,
            status_url: None,
        }
    }

    /// Show the attachments of `forwarding` (what travels and what is listed).
    pub fn with_files(mut self, forwarding: &Forwarding<'_>) -> Context<'a> {
        self.attachments = forwarding.views.clone();
        self.files_listed = forwarding.any_listed();
        self
    }
}

/// The language of a ticket's reporter-facing mail.
pub(super) fn ticket_language(ticket: &TicketRef, fallback: Language) -> Language {
    match ticket.language.as_str() {
        "it" => Language::It,
        "en" => Language::En,
        _ => fallback,
    }
}

/// A built outgoing mail and why it is sent.
#[derive(Debug)]
pub(super) struct Reply {
    pub disposition: &'static str,
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
    pub built: outbox::BuiltMail,
}

/// Where in a thread a reply goes.
#[derive(Debug, Default, Clone)]
pub(super) struct Threading {
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
}

impl Threading {
    /// Answer the last message of `thread` (oldest first).
    pub fn after(thread: Vec<String>) -> Threading {
        Threading {
            in_reply_to: thread.last().cloned(),
            references: thread,
        }
    }
}

/// Render template `name` in `lang` and build the mail.
#[allow(clippy::too_many_arguments)]
pub(super) fn build(
    desk: &DeskContext,
    disposition: &'static str,
    name: &str,
    lang: Language,
    ctx: &Context<'_>,
    to: Vec<String>,
    threading: &Threading,
    auto_submitted: AutoSubmitted,
) -> Result<Reply, IngestError> {
    build_with_files(
        desk,
        disposition,
        name,
        lang,
        ctx,
        to,
        threading,
        auto_submitted,
        &[],
    )
}

/// [`build`], carrying `files` as attachments.
#[allow(clippy::too_many_arguments)]
pub(super) fn build_with_files(
    desk: &DeskContext,
    disposition: &'static str,
    name: &str,
    lang: Language,
    ctx: &Context<'_>,
    to: Vec<String>,
    threading: &Threading,
    auto_submitted: AutoSubmitted,
    files: &[FileToSend<'_>],
) -> Result<Reply, IngestError> {
    let text = desk.templates.render(name, lang, ctx)?;
    let built = outbox::compose(&OutgoingMail {
        from_name: &desk.name,
        from_address: &desk.address,
        to: &to,
        subject: &text.subject,
        body: &text.body,
        in_reply_to: threading.in_reply_to.as_deref(),
        references: &threading.references,
        auto_submitted,
        files,
    })
    .map_err(|source| IngestError::Compose {
        to: to.join(", "),
        source,
    })?;
    Ok(Reply {
        disposition,
        to,
        subject: text.subject,
        body: text.body,
        built,
    })
}

impl Reply {
    /// Its row on the ticket, under `disposition` (its own, or "suppressed").
    fn stored<'a>(
        &'a self,
        desk: &'a DeskContext,
        ticket_id: Option<i64>,
        disposition: &'a str,
        reason: Option<&'a str>,
        now: i64,
    ) -> NewMessage<'a> {
        NewMessage {
            ticket_id,
            direction: "out",
            disposition,
            reason,
            message_id: Some(&self.built.message_id),
            from_addr: Some(&desk.address),
            to_addrs: addresses_json(self.to.iter().cloned()),
            subject: &self.subject,
            body_text: Some(&self.body),
            raw: Some(&self.built.raw),
            now,
            ..NewMessage::default()
        }
    }
}

/// Store an outgoing mail on its ticket and put it in the outbox.
pub(super) async fn queue(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket_id: Option<i64>,
    reply: &Reply,
    now: i64,
) -> Result<(), IngestError> {
    if desk.replies == ReplyMode::RecordOnly {
        return record_unsent(batch, desk, ticket_id, reply, now).await;
    }
    // staff copies encrypted to each staff member: one mail per address,
    // each sealed for its own key (one with no key gets the clear copy)
    let one_each = desk.pgp.as_ref().is_some_and(|p| p.encrypt_staff_copies)
        && reply.to.len() > 1
        && reply.to.iter().all(|to| desk.staff.is_staff(to));
    if one_each {
        for to in &reply.to {
            queue_to(batch, desk, ticket_id, reply, std::slice::from_ref(to), now).await?;
        }
        return Ok(());
    }
    queue_to(batch, desk, ticket_id, reply, &reply.to, now).await
}

async fn queue_to(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket_id: Option<i64>,
    reply: &Reply,
    to: &[String],
    now: i64,
) -> Result<(), IngestError> {
    // the outbox sends the stored bytes: sealed ones when the recipient's
    // key is known (the clear text stays in body_text, inside the desk)
    let sealed = super::pgp::seal_for(batch, desk, to, &reply.subject, &reply.built.raw).await?;
    let mut stored = reply.stored(desk, ticket_id, reply.disposition, None, now);
    stored.to_addrs = addresses_json(to.iter().cloned());
    if let Some(sealed) = &sealed {
        stored.raw = Some(sealed);
    }
    let row = batch.insert_message(&stored).await?;
    batch
        .enqueue(row, &desk.address, to, reply.disposition, now)
        .await?;
    Ok(())
}

/// Keep a reply on its ticket as `suppressed`, out of the outbox
/// ([`ReplyMode::RecordOnly`]).
async fn record_unsent(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket_id: Option<i64>,
    reply: &Reply,
    now: i64,
) -> Result<(), IngestError> {
    batch
        .insert_message(&reply.stored(
            desk,
            ticket_id,
            "suppressed",
            Some(super::NOT_SENT_IMPORT),
            now,
        ))
        .await?;
    Ok(())
}

/// How far back the per-hour caps look.
pub(super) const HOUR_MILLIS: i64 = 3_600_000;

/// Queue an automatic answer (acknowledgment, status) to an outside
/// address, unless the hourly caps say no: then it is stored as
/// `suppressed` with the reason, and not sent. Staff addresses are never
/// capped. Returns whether it was queued.
pub(super) async fn queue_automatic(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket_id: Option<i64>,
    reply: &Reply,
    now: i64,
) -> Result<bool, IngestError> {
    // before the caps: mail that is never sent counts against no one's hour
    if desk.replies == ReplyMode::RecordOnly {
        record_unsent(batch, desk, ticket_id, reply, now).await?;
        return Ok(false);
    }
    let since = now - HOUR_MILLIS;
    let mut refusal = None;
    for to in reply.to.iter().filter(|to| !desk.staff.is_staff(to)) {
        let to_address = batch.rate_events(to, "auto", since).await?;
        let to_all = batch.rate_events_total("auto", since).await?;
        if to_address >= i64::from(desk.auto_replies_per_address_per_hour) {
            refusal = Some(format!(
                "suppressed: {to} already got {to_address} automatic answers this hour \
                 (limits.auto_replies_per_address_per_hour)"
            ));
        } else if to_all >= i64::from(desk.auto_replies_per_hour) {
            refusal = Some(format!(
                "suppressed: the desk sent {to_all} automatic answers this hour (limits.auto_replies_per_hour)"
            ));
        }
    }
    if let Some(reason) = refusal {
        tracing::warn!(to = ?reply.to, %reason, "automatic answer not sent");
        batch
            .insert_message(&reply.stored(desk, ticket_id, "suppressed", Some(&reason), now))
            .await?;
        return Ok(false);
    }
    for to in reply.to.iter().filter(|to| !desk.staff.is_staff(to)) {
        batch.record_rate_event(to, "auto", now).await?;
    }
    queue(batch, desk, ticket_id, reply, now).await?;
    Ok(true)
}

/// Queue every reply of a mail; acknowledgments and status answers go
/// through the hourly caps.
pub(super) async fn queue_all(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket_id: i64,
    replies: &[Reply],
    now: i64,
) -> Result<(), IngestError> {
    for reply in replies {
        if matches!(reply.disposition, "ack" | "status") {
            queue_automatic(batch, desk, Some(ticket_id), reply, now).await?;
        } else {
            queue(batch, desk, Some(ticket_id), reply, now).await?;
        }
    }
    Ok(())
}
