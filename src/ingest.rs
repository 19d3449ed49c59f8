//! From fetched bytes to committed tickets: the pipeline of one batch.
//!
//! 1. `analyse` (pure, on a blocking thread): parse, detect automatic mail,
//!    find referenced numbers, extract the report.
//! 2. `commit_batch` (one transaction): dedupe, resolve references, route,
//!    create or update tickets, store every message, queue outgoing mail,
//!    and move the mailbox checkpoint, all or nothing.

use std::sync::Arc;

use serde::Serialize;

use crate::mailbox::Fetched;
use crate::message::{self, AutoReason, Limits, ParsedMail};
use crate::outbox::{self, AutoSubmitted, OutgoingMail, Templates};
use crate::report::{self, Language, Report, ReportInput};
use crate::route::{self, Route, StaffPolicy};
use crate::store::{
    Batch, MailboxState, NewAttachment, NewMessage, NewTicket, Store, StoreError, TicketRef,
    now_millis,
};
use crate::ticket::{ConfirmationNumber, NumberPrefix, Priority, TicketState};

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot render a reply: {0}")]
    Template(#[from] outbox::TemplateError),
    #[error("cannot build a reply to {to}: {source}")]
    Compose {
        to: String,
        source: outbox::ComposeError,
    },
    #[error("the analysis task failed: {0}")]
    Analysis(String),
}

/// What the pipeline needs to know about the desk.
#[derive(Debug)]
pub struct DeskContext {
    pub address: String,
    pub name: String,
    pub prefix: NumberPrefix,
    pub staff: StaffPolicy,
    /// Who gets staff notifications.
    pub notify: Vec<String>,
    pub default_language: Language,
    pub limits: Limits,
    pub templates: Templates,
}

/// One fetched mail after the pure stage.
#[derive(Debug)]
pub struct Analysed {
    pub uid: u32,
    pub raw: Vec<u8>,
    pub dedupe_key: String,
    pub outcome: Result<Understood, String>,
}

/// A mail that parsed.
#[derive(Debug)]
pub struct Understood {
    pub mail: ParsedMail,
    pub automatic: Option<AutoReason>,
    pub numbers: Vec<ConfirmationNumber>,
    pub report: Report,
}

/// The pure stage for one mail.
pub fn analyse(fetched: Fetched, desk: &DeskContext) -> Analysed {
    let Fetched {
        uid,
        size,
        raw,
        truncated,
    } = fetched;
    let content_key = || {
        use sha2::Digest;
        format!("sha256:{}", hex::encode(sha2::Sha256::digest(&raw)))
    };
    if truncated {
        return Analysed {
            uid,
            dedupe_key: content_key(),
            outcome: Err(format!(
                "larger than limits.max_message_bytes ({size} > {} bytes); only the header was kept",
                desk.limits.max_message_bytes
            )),
            raw,
        };
    }
    match message::parse(&raw, &desk.limits) {
        Err(e) => Analysed {
            uid,
            dedupe_key: content_key(),
            outcome: Err(e.to_string()),
            raw,
        },
        Ok(mail) => {
            let dedupe_key = match &mail.message_id {
                Some(id) => format!("mid:{}", id.as_str()),
                None => content_key(),
            };
            let automatic = message::detect_automatic(&mail, &desk.address);
            let numbers = ConfirmationNumber::find_all(&mail.subject, &desk.prefix);
            let recipients: Vec<String> = mail
                .to
                .iter()
                .chain(&mail.cc)
                .map(|a| a.email.clone())
                .chain(mail.delivered_to.iter().cloned())
                .collect();
            let report = report::extract(&ReportInput {
                subject: &mail.subject,
                body: &mail.text,
                recipients: &recipients,
            });
            Analysed {
                uid,
                raw,
                dedupe_key,
                outcome: Ok(Understood {
                    mail,
                    automatic,
                    numbers,
                    report,
                }),
            }
        }
    }
}

/// What a committed batch did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BatchOutcome {
    pub new_tickets: Vec<String>,
    pub follow_ups: usize,
    pub automatic: usize,
    pub strangers: usize,
    pub quarantined: usize,
    pub duplicates: usize,
}

impl BatchOutcome {
    pub fn queued_mail(&self) -> bool {
        !self.new_tickets.is_empty()
    }

    fn absorb(&mut self, other: BatchOutcome) {
        self.new_tickets.extend(other.new_tickets);
        self.follow_ups += other.follow_ups;
        self.automatic += other.automatic;
        self.strangers += other.strangers;
        self.quarantined += other.quarantined;
        self.duplicates += other.duplicates;
    }
}

/// Analyse a batch off the async threads, then commit it in one transaction
/// together with the mailbox's new checkpoint.
///
/// If the batch cannot be committed, each mail is tried in a transaction of
/// its own, and a mail that still fails is quarantined with the error as its
/// reason: one bad mail never blocks the mailbox. When even the quarantine
/// cannot be written (the database is away), the error is returned and the
/// caller retries the whole batch later.
pub async fn process_batch(
    store: &Store,
    desk: &Arc<DeskContext>,
    mailbox_id: &str,
    checkpoint: MailboxState,
    fetched: Vec<Fetched>,
) -> Result<BatchOutcome, IngestError> {
    let ctx = Arc::clone(desk);
    let analysed = tokio::task::spawn_blocking(move || {
        fetched
            .into_iter()
            .map(|f| analyse(f, &ctx))
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|e| IngestError::Analysis(e.to_string()))?;
    match commit(store, desk, mailbox_id, checkpoint, &analysed).await {
        Ok(outcome) => Ok(outcome),
        Err(e) if analysed.len() > 1 => {
            tracing::warn!(error = %e, mails = analysed.len(), "batch failed; committing its mails one by one");
            commit_each(store, desk, mailbox_id, checkpoint, &analysed).await
        }
        Err(e) => match analysed.first() {
            Some(item) => {
                quarantine(store, mailbox_id, checkpoint, item, &e).await?;
                Ok(BatchOutcome {
                    quarantined: 1,
                    ..BatchOutcome::default()
                })
            }
            None => Err(e),
        },
    }
}

async fn commit(
    store: &Store,
    desk: &DeskContext,
    mailbox_id: &str,
    checkpoint: MailboxState,
    analysed: &[Analysed],
) -> Result<BatchOutcome, IngestError> {
    let mut batch = store.begin().await?;
    let mut outcome = BatchOutcome::default();
    for item in analysed {
        commit_one(&mut batch, desk, mailbox_id, item, &mut outcome).await?;
    }
    batch
        .set_mailbox_state(mailbox_id, checkpoint, now_millis())
        .await?;
    batch.commit().await?;
    Ok(outcome)
}

async fn commit_each(
    store: &Store,
    desk: &DeskContext,
    mailbox_id: &str,
    checkpoint: MailboxState,
    analysed: &[Analysed],
) -> Result<BatchOutcome, IngestError> {
    let mut total = BatchOutcome::default();
    for (i, item) in analysed.iter().enumerate() {
        // the last mail carries the batch's checkpoint (UIDs that vanished count too)
        let here = if i + 1 == analysed.len() {
            checkpoint
        } else {
            MailboxState {
                last_uid: item.uid,
                ..checkpoint
            }
        };
        match commit(store, desk, mailbox_id, here, std::slice::from_ref(item)).await {
            Ok(outcome) => total.absorb(outcome),
            Err(e) => {
                quarantine(store, mailbox_id, here, item, &e).await?;
                total.quarantined += 1;
            }
        }
    }
    Ok(total)
}

/// Keep a mail that could not be processed, with why, and move past it.
async fn quarantine(
    store: &Store,
    mailbox_id: &str,
    checkpoint: MailboxState,
    item: &Analysed,
    error: &IngestError,
) -> Result<(), IngestError> {
    let reason = format!("processing failed: {error}");
    tracing::error!(uid = item.uid, %reason, "mail quarantined");
    let subject = item
        .outcome
        .as_ref()
        .map(|u| clean(&u.mail.subject).into_owned())
        .unwrap_or_default();
    let from = item
        .outcome
        .as_ref()
        .ok()
        .and_then(|u| u.mail.from.as_ref())
        .map(|a| a.email.clone());
    let mut batch = store.begin().await?;
    if !batch.seen(&item.dedupe_key).await? {
        batch
            .insert_message(&NewMessage {
                direction: "in",
                disposition: "quarantined",
                reason: Some(&reason),
                dedupe_key: Some(&item.dedupe_key),
                mailbox_id: Some(mailbox_id),
                uid: Some(item.uid),
                from_addr: from.as_deref(),
                to_addrs: "[]".into(),
                subject: &subject,
                raw: Some(&item.raw),
                now: now_millis(),
                ..NewMessage::default()
            })
            .await?;
    }
    batch
        .set_mailbox_state(mailbox_id, checkpoint, now_millis())
        .await?;
    batch.commit().await?;
    Ok(())
}

/// PostgreSQL refuses NUL in text; mail may carry it.
fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\0') {
        text.replace('\0', "").into()
    } else {
        text.into()
    }
}

fn addresses_json(addresses: impl Iterator<Item = String>) -> String {
    serde_json::to_string(&addresses.collect::<Vec<_>>()).unwrap_or_else(|_| "[]".into())
}

async fn commit_one(
    batch: &mut Batch,
    desk: &DeskContext,
    mailbox_id: &str,
    item: &Analysed,
    outcome: &mut BatchOutcome,
) -> Result<(), IngestError> {
    if batch.seen(&item.dedupe_key).await? {
        outcome.duplicates += 1;
        return Ok(());
    }
    let now = now_millis();
    let understood = match &item.outcome {
        Ok(u) => u,
        Err(reason) => {
            tracing::warn!(uid = item.uid, %reason, "mail quarantined");
            outcome.quarantined += 1;
            batch
                .insert_message(&NewMessage {
                    direction: "in",
                    disposition: "quarantined",
                    reason: Some(reason),
                    dedupe_key: Some(&item.dedupe_key),
                    mailbox_id: Some(mailbox_id),
                    uid: Some(item.uid),
                    to_addrs: "[]".into(),
                    raw: Some(&item.raw),
                    now,
                    ..NewMessage::default()
                })
                .await?;
            return Ok(());
        }
    };
    let mail = &understood.mail;
    let sender = mail.from.as_ref().map(|a| a.email.as_str());
    let referenced = find_referenced(batch, mail, &understood.numbers).await?;
    let route = route::route(
        sender,
        understood.automatic.clone(),
        referenced,
        &desk.staff,
    );
    let subject = clean(&mail.subject);
    let text = clean(&mail.text);
    let reason = match &route {
        Route::Automatic { reason, .. } => Some(reason.to_string()),
        Route::Stranger { .. } => Some(format!(
            "{} may not write to this ticket",
            sender.unwrap_or("an unknown sender")
        )),
        _ => None,
    };
    let mut stored = NewMessage {
        direction: "in",
        disposition: route.disposition(),
        reason: reason.as_deref(),
        dedupe_key: Some(&item.dedupe_key),
        mailbox_id: Some(mailbox_id),
        uid: Some(item.uid),
        message_id: mail.message_id.as_ref().map(|m| m.as_str()),
        from_addr: sender,
        to_addrs: addresses_json(mail.to.iter().chain(&mail.cc).map(|a| a.email.clone())),
        subject: &subject,
        body_text: Some(&text),
        raw: Some(&item.raw),
        now,
        ..NewMessage::default()
    };
    match &route {
        Route::NewReport => {
            let (ticket_id, number, replies) = insert_ticket(batch, desk, understood, now).await?;
            stored.ticket_id = Some(ticket_id);
            let row = batch.insert_message(&stored).await?;
            store_attachments(batch, row, mail).await?;
            for reply in &replies {
                queue(batch, desk, ticket_id, reply, now).await?;
            }
            outcome.new_tickets.push(number.to_string());
        }
        Route::FollowUp { ticket, from_staff } => {
            stored.ticket_id = Some(ticket.id);
            let row = batch.insert_message(&stored).await?;
            store_attachments(batch, row, mail).await?;
            if !from_staff && let Ok(state) = ticket.state.parse::<TicketState>() {
                let next = state.after_reporter_follow_up();
                if next != state {
                    batch
                        .set_ticket_state(ticket.id, next.as_str(), now)
                        .await?;
                }
            }
            tracing::info!(number = %ticket.number, from = ?sender, "follow-up threaded");
            outcome.follow_ups += 1;
        }
        Route::Stranger { ticket } => {
            stored.claimed_ticket_id = Some(ticket.id);
            let row = batch.insert_message(&stored).await?;
            store_attachments(batch, row, mail).await?;
            tracing::warn!(number = %ticket.number, from = ?sender,
                "mail points at a ticket its sender may not write to; kept, not threaded");
            outcome.strangers += 1;
        }
        Route::Automatic { reason, ticket } => {
            stored.ticket_id = ticket.as_ref().map(|t| t.id);
            let row = batch.insert_message(&stored).await?;
            store_attachments(batch, row, mail).await?;
            tracing::info!(%reason, from = ?sender, "automatic mail recorded, not answered");
            outcome.automatic += 1;
        }
    }
    Ok(())
}

/// The ticket a mail points at: a thread of ours first (In-Reply-To, then
/// References), then a valid number in the subject.
async fn find_referenced(
    batch: &mut Batch,
    mail: &ParsedMail,
    numbers: &[ConfirmationNumber],
) -> Result<Option<TicketRef>, StoreError> {
    let ids: Vec<&str> = mail
        .in_reply_to
        .iter()
        .chain(mail.references.iter().rev())
        .map(|m| m.as_str())
        .take(50)
        .collect();
    if let Some(ticket) = batch.ticket_by_message_ids(&ids).await? {
        return Ok(Some(ticket));
    }
    for number in numbers {
        if let Some(ticket) = batch.ticket_by_number(number.as_str()).await? {
            return Ok(Some(ticket));
        }
    }
    Ok(None)
}

async fn store_attachments(
    batch: &mut Batch,
    message_row: i64,
    mail: &ParsedMail,
) -> Result<(), StoreError> {
    for a in &mail.attachments {
        let name = a.name.as_deref().map(clean);
        batch
            .insert_attachment(
                message_row,
                &NewAttachment {
                    name: name.as_deref(),
                    content_type: &clean(&a.content_type),
                    size: a.size as i64,
                    sha256: &a.sha256,
                },
            )
            .await?;
    }
    Ok(())
}

/// What templates see about the report.
#[derive(Serialize)]
struct TemplateContext<'a> {
    number: &'a str,
    subject: &'a str,
    reporter: &'a str,
    language: &'a str,
    body: &'a str,
    desk: DeskView<'a>,
    report: &'a Report,
    ticket: TicketView<'a>,
}

#[derive(Serialize)]
struct DeskView<'a> {
    name: &'a str,
    address: &'a str,
}

#[derive(Serialize)]
struct TicketView<'a> {
    state: &'a str,
    severity: Option<&'a str>,
    priority: u8,
}

/// Insert the ticket of a new report under a fresh number, with its
/// replies already rendered and built (a template that fails to render
/// fails the mail before anything is written for it).
async fn insert_ticket(
    batch: &mut Batch,
    desk: &DeskContext,
    understood: &Understood,
    now: i64,
) -> Result<(i64, ConfirmationNumber, Vec<Reply>), IngestError> {
    let mail = &understood.mail;
    let report = &understood.report;
    let reporter = reporter_of(mail);
    let severity = report.severity();
    let priority = Priority::by_rule(report.kind, severity);
    let subject = clean(&mail.subject);
    let cve_ids = serde_json::to_string(&report.cve_ids).unwrap_or_else(|_| "[]".into());
    let missing = serde_json::to_string(&report.missing).unwrap_or_else(|_| "[]".into());
    let description = report.description.as_deref().map(clean);
    let remediation = report.remediation.as_deref().map(clean);
    let customer_message = report.customer_message.as_deref().map(clean);
    loop {
        let number = ConfirmationNumber::generate(&desk.prefix, &mut rand::rng());
        let replies = acknowledgments(desk, understood, &number, priority)?;
        let inserted = batch
            .insert_ticket(&NewTicket {
                desk: &desk.address,
                number: number.as_str(),
                state: TicketState::New.as_str(),
                kind: report.kind.as_str(),
                language: report.language.as_str(),
                severity: severity.map(|s| s.as_str()),
                priority: i64::from(priority.level()),
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

fn reporter_of(mail: &ParsedMail) -> String {
    mail.from
        .as_ref()
        .map(|a| a.email.clone())
        .unwrap_or_default()
}

/// A built outgoing mail and why it is sent.
#[derive(Debug)]
struct Reply {
    disposition: &'static str,
    to: Vec<String>,
    subject: String,
    body: String,
    built: outbox::BuiltMail,
}

/// The acknowledgment to the reporter (threaded under the report) and the
/// notification to staff, rendered and built. Pure but for randomness.
fn acknowledgments(
    desk: &DeskContext,
    understood: &Understood,
    number: &ConfirmationNumber,
    priority: Priority,
) -> Result<Vec<Reply>, IngestError> {
    let mail = &understood.mail;
    let report = &understood.report;
    let reporter = reporter_of(mail);
    let subject = clean(&mail.subject);
    let text = clean(&mail.text);
    let ctx = TemplateContext {
        number: number.as_str(),
        subject: &subject,
        reporter: &reporter,
        language: report.language.as_str(),
        body: &text,
        desk: DeskView {
            name: &desk.name,
            address: &desk.address,
        },
        report,
        ticket: TicketView {
            state: TicketState::New.as_str(),
            severity: report.severity().map(|s| s.as_str()),
            priority: priority.level(),
        },
    };
    let parent = mail.message_id.as_ref().map(|m| m.as_str().to_string());
    let references: Vec<String> = mail
        .references
        .iter()
        .map(|m| m.as_str().to_string())
        .chain(parent.clone())
        .collect();
    let mut replies = Vec::with_capacity(2);
    if !reporter.is_empty() {
        let ack = desk.templates.render("ack", report.language, &ctx)?;
        replies.push(build(
            desk,
            "ack",
            vec![reporter.clone()],
            ack,
            parent.as_deref(),
            &references,
            AutoSubmitted::Replied,
        )?);
    }
    if !desk.notify.is_empty() {
        let note = desk
            .templates
            .render("staff-new-ticket", desk.default_language, &ctx)?;
        replies.push(build(
            desk,
            "staff-notification",
            desk.notify.clone(),
            note,
            None,
            &[],
            AutoSubmitted::Generated,
        )?);
    }
    Ok(replies)
}

fn build(
    desk: &DeskContext,
    disposition: &'static str,
    to: Vec<String>,
    text: outbox::Rendered,
    in_reply_to: Option<&str>,
    references: &[String],
    auto_submitted: AutoSubmitted,
) -> Result<Reply, IngestError> {
    let built = outbox::compose(&OutgoingMail {
        from_name: &desk.name,
        from_address: &desk.address,
        to: &to,
        subject: &text.subject,
        body: &text.body,
        in_reply_to,
        references,
        auto_submitted,
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

/// Store an outgoing mail on its ticket and put it in the outbox.
async fn queue(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket_id: i64,
    reply: &Reply,
    now: i64,
) -> Result<(), IngestError> {
    let row = batch
        .insert_message(&NewMessage {
            ticket_id: Some(ticket_id),
            direction: "out",
            disposition: reply.disposition,
            message_id: Some(&reply.built.message_id),
            from_addr: Some(&desk.address),
            to_addrs: addresses_json(reply.to.iter().cloned()),
            subject: &reply.subject,
            body_text: Some(&reply.body),
            raw: Some(&reply.built.raw),
            now,
            ..NewMessage::default()
        })
        .await?;
    batch.enqueue(row, &desk.address, &reply.to, now).await?;
    Ok(())
}
