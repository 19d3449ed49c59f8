//! From fetched bytes to committed tickets: the pipeline of one batch.
//!
//! 1. `analyse` (pure but for reading its thread's CPU clock, on a blocking
//!    thread): parse, detect automatic mail, find referenced numbers,
//!    extract the report; a mail over its CPU budget or its limits is
//!    refused, and its header alone read to see who may be told.
//! 2. `commit` (one transaction): dedupe, resolve references, route, then
//!    per route: a new ticket (`report`), a participant's follow-up or status
//!    request (`follow_up`), a staff answer with commands (`staff`); every
//!    message is stored, outgoing mail queued (`replies`), and the mailbox
//!    checkpoint moved, all or nothing.
//!
//! [`prepare_batch`] is step 1 and the DNS checks, [`commit_batch`] step 2;
//! the reader calls both through [`process_batch`], a backlog import
//! (`crate::import`) prepares batches ahead of their commits. Where the
//! outgoing mail goes is the desk's [`ReplyMode`]: the outbox, or for an
//! import without `--send-acks` nowhere but its ticket.

mod digest;
mod files;
mod follow_up;
mod history;
pub mod links;
mod pgp;
mod problem;
mod quarantine;
mod replies;
mod report;
mod sent;
pub mod staff;

pub use pgp::PgpDesk;
pub use quarantine::Refused;
pub use report::{TicketColumns, TriageTimes};

use std::sync::Arc;

use crate::authenticate::Verifier;
use crate::clock::Clock;
use crate::mailbox::Fetched;
use crate::message::authenticity::Authenticity;
use crate::message::{self, AutoReason, Budget, Limits, ParseError, ParsedMail};
use crate::outbox::{self, Templates};
use crate::report::{self as extraction, Language, Report, ReportInput};
use crate::route::{self, Route, StaffPolicy};
use crate::staff::auth::AuthPolicy;
use crate::store::{
    Batch, MailboxState, NewAttachment, NewEvent, NewMessage, Store, StoreError, TicketRef,
};
use crate::ticket::sla::BusinessCalendar;
use crate::ticket::{ConfirmationNumber, NumberPrefix};

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
    #[error("no quarantined mail with id {0} (see `secdesk quarantine list`)")]
    NotQuarantined(i64),
    #[error("the mail still cannot be processed: {0}")]
    StillFailing(String),
}

impl IngestError {
    /// The database was away: retry the batch later, quarantine nothing.
    pub fn is_transient(&self) -> bool {
        match self {
            IngestError::Store(e) => e.is_transient(),
            _ => false,
        }
    }
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
    /// How staff mail is proven to come from staff.
    pub auth: AuthPolicy,
    /// Checks every incoming mail's DKIM, SPF and DMARC against DNS.
    pub verifier: Arc<Verifier>,
    /// The desk's OpenPGP key and known keys; `None` when `[pgp]` is off.
    pub pgp: Option<Arc<PgpDesk>>,
    /// Business days and hours for the triage clock.
    pub calendar: BusinessCalendar,
    /// Business time before the triage deadline when staff are reminded.
    pub reminder_lead: chrono::TimeDelta,
    pub expose_staff_address: bool,
    pub status_requests_per_hour: u32,
    pub priority_rule_is_final: bool,
    /// A participant's follow-up reopens a closed ticket.
    pub reopen_on_follow_up: bool,
    /// Later mail on an owned ticket is told to `notify` too, not only the owner.
    pub notify_all_when_owned: bool,
    /// Caps on automatic answers to outside addresses, per address and in all, per hour.
    pub auto_replies_per_address_per_hour: u32,
    pub auto_replies_per_hour: u32,
    /// Attachment bytes one forwarded mail carries in all (`limits.forward_attachments_bytes`).
    pub forward_attachments_bytes: usize,
    /// Where reporters' status pages are (`[http]`); `None`: no links.
    pub status_links: Option<links::StatusLinks>,
    /// Whether the mail the pipeline writes is queued to be sent, or only
    /// recorded (`secdesk import` without `--send-acks`).
    pub replies: ReplyMode,
    pub clock: Arc<dyn Clock>,
}

/// What becomes of the mail the pipeline writes (acknowledgments, staff
/// notifications, relayed answers, quarantine notices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyMode {
    /// Queued in the outbox, in the transaction that caused it: the daemon.
    Send,
    /// Stored on its ticket as `suppressed`, with [`NOT_SENT_IMPORT`] as the
    /// reason, and never put in the outbox: a backlog import tells nobody.
    /// It is decided in the same transaction as the ticket, so no crash can
    /// leave mail behind that a sender would pick up. A new ticket's triage
    /// reminders count as told, too.
    RecordOnly,
}

/// The reason kept with every reply an import without `--send-acks` recorded.
pub const NOT_SENT_IMPORT: &str = "not sent: imported by `secdesk import` without --send-acks";

impl DeskContext {
    /// Who hears of later mail on `ticket`: its owner when it has one (and
    /// `notify` too when `desk.notify_all_when_owned`), else `notify`.
    pub fn staff_to_tell(&self, ticket: &TicketRef) -> Vec<String> {
        match &ticket.owner {
            Some(owner) if !self.notify_all_when_owned => vec![owner.clone()],
            Some(owner) => {
                let mut all = vec![owner.clone()];
                all.extend(
                    self.notify
                        .iter()
                        .filter(|a| !a.eq_ignore_ascii_case(owner))
                        .cloned(),
                );
                all
            }
            None => self.notify.clone(),
        }
    }
}

/// One fetched mail after the pure stage.
#[derive(Debug)]
pub struct Analysed {
    pub uid: u32,
    pub raw: Vec<u8>,
    pub dedupe_key: String,
    pub outcome: Result<Understood, Refused>,
}

/// A mail that parsed.
#[derive(Debug)]
pub struct Understood {
    pub mail: ParsedMail,
    pub automatic: Option<AutoReason>,
    pub numbers: Vec<ConfirmationNumber>,
    pub report: Report,
    /// What the desk's DKIM, SPF and DMARC checks found ([`verify_senders`]),
    /// and the mail's OpenPGP.
    pub authenticity: Authenticity,
    /// Public keys the mail offered for its sender: (fingerprint, armored).
    pub offered_keys: Vec<(String, String)>,
}

/// The pure stage for one mail: parse, recognise automatic mail, find the
/// numbers it quotes, extract the report — all on one CPU-time budget
/// (`limits.max_processing_ms`).
pub fn analyse(fetched: Fetched, desk: &DeskContext) -> Analysed {
    let Fetched {
        uid,
        size,
        raw,
        truncated,
    } = fetched;
    let content_key = |raw: &[u8]| {
        use sha2::Digest;
        format!("sha256:{}", hex::encode(sha2::Sha256::digest(raw)))
    };
    let refused = |error| Refused::new(error, &raw, desk);
    let outcome = if truncated {
        // only the header was fetched: the size is the server's
        Err(refused(ParseError::TooLarge {
            size,
            limit: desk.limits.max_message_bytes,
        }))
    } else {
        understand(&raw, desk).map_err(refused)
    };
    let dedupe_key = match &outcome {
        Ok(u) => u
            .mail
            .message_id
            .as_ref()
            .map(|id| format!("mid:{}", id.as_str())),
        Err(_) => None,
    }
    .unwrap_or_else(|| content_key(&raw));
    Analysed {
        uid,
        raw,
        dedupe_key,
        outcome,
    }
}

fn understand(raw: &[u8], desk: &DeskContext) -> Result<Understood, ParseError> {
    let budget = Budget::new(desk.limits.max_processing);
    let mut mail = message::parse_within(raw, &desk.limits, &budget)?;
    let mut opened = pgp::MailPgp::default();
    let mut automatic = message::detect_automatic(&mail, &desk.address);
    // our own mail (the Sent copy of an answer sealed for its reporter) is
    // never ours to open: it is recorded or filed, not read
    let own = automatic == Some(AutoReason::OwnMail);
    if let Some(keys) = desk.pgp.as_ref().filter(|_| !own) {
        let from = mail.from.as_ref().map(|a| a.email.as_str());
        opened = pgp::open_mail(keys, raw, from, &desk.limits, desk.clock.now().into())?;
        if let Some(decrypted) = &opened.decrypted {
            // the decrypted mail is read instead: outer headers, inner body
            mail = message::parse_within(decrypted, &desk.limits, &budget)?;
            automatic = message::detect_automatic(&mail, &desk.address);
        }
    }
    let numbers = ConfirmationNumber::find_all(&mail.subject, &desk.prefix);
    let report = report_of(&mail, &desk.address);
    // extraction reads a bounded prefix of the text; one look after it
    budget.check()?;
    Ok(Understood {
        mail,
        automatic,
        numbers,
        report,
        authenticity: Authenticity {
            pgp: opened.check,
            ..Authenticity::unchecked("not checked yet")
        },
        offered_keys: opened.offered,
    })
}

/// What the desk understands of a parsed mail (pure).
pub fn report_of(mail: &ParsedMail, desk_address: &str) -> Report {
    // To, Cc and Delivered-To: a plus tag (`security+incident@`) says the kind
    let recipients: Vec<String> = mail
        .to
        .iter()
        .chain(&mail.cc)
        .map(|a| a.email.clone())
        .chain(mail.delivered_to.iter().cloned())
        .collect();
    extraction::extract(&ReportInput {
        subject: &mail.subject,
        body: &mail.text,
        recipients: &recipients,
        desk_address,
    })
}

/// What a committed batch did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BatchOutcome {
    pub new_tickets: Vec<String>,
    /// Mail queued in answer to follow-ups and staff replies.
    pub replies: usize,
    pub follow_ups: usize,
    pub automatic: usize,
    pub strangers: usize,
    pub quarantined: usize,
    /// Why each of `quarantined` was (a short name, for `/metrics`).
    pub quarantine_reasons: Vec<&'static str>,
    pub duplicates: usize,
    /// UIDs of the desk's own copies of mail it sent, to be filed in the
    /// Sent folder; `confirmed` of their mails were not yet marked sent.
    pub sent_copies: Vec<u32>,
    pub confirmed: usize,
}

impl BatchOutcome {
    pub fn queued_mail(&self) -> bool {
        !self.new_tickets.is_empty() || self.replies > 0
    }

    fn absorb(&mut self, other: BatchOutcome) {
        self.new_tickets.extend(other.new_tickets);
        self.replies += other.replies;
        self.follow_ups += other.follow_ups;
        self.automatic += other.automatic;
        self.strangers += other.strangers;
        self.quarantined += other.quarantined;
        self.quarantine_reasons.extend(other.quarantine_reasons);
        self.duplicates += other.duplicates;
        self.sent_copies.extend(other.sent_copies);
        self.confirmed += other.confirmed;
    }
}

/// Analyse a batch off the async threads, then commit it in one transaction
/// together with the mailbox's new checkpoint: [`prepare_batch`], then
/// [`commit_batch`].
pub async fn process_batch(
    store: &Store,
    desk: &Arc<DeskContext>,
    mailbox_id: &str,
    checkpoint: MailboxState,
    fetched: Vec<Fetched>,
) -> Result<BatchOutcome, IngestError> {
    let prepared = prepare_batch(Arc::clone(desk), fetched).await?;
    commit_batch(store, desk, mailbox_id, checkpoint, &prepared).await
}

/// A batch through the pure stage and the DNS checks, not yet committed.
#[derive(Debug)]
pub struct Prepared(Vec<Analysed>);

impl Prepared {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The part of a batch that needs no database: each mail analysed on a
/// blocking thread, then its sender checked against DNS. Nothing in it
/// depends on what is stored, so batches may be prepared ahead of their
/// commit (a backlog import does) as long as they are committed in order.
pub async fn prepare_batch(
    desk: Arc<DeskContext>,
    fetched: Vec<Fetched>,
) -> Result<Prepared, IngestError> {
    let ctx = Arc::clone(&desk);
    let analysed = tokio::task::spawn_blocking(move || {
        fetched
            .into_iter()
            .map(|f| analyse(f, &ctx))
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|e| IngestError::Analysis(e.to_string()))?;
    Ok(Prepared(verify_senders(&desk, analysed).await))
}

/// Commit a prepared batch in one transaction with the mailbox's new
/// checkpoint.
///
/// If the batch cannot be committed because of a mail, each mail is tried in
/// a transaction of its own, and a mail that still fails is quarantined with
/// the error as its reason: one bad mail never blocks the mailbox. When the
/// database itself is away (connection lost, locked, shut down), nothing is
/// quarantined: the error is returned and the caller retries the batch later.
pub async fn commit_batch(
    store: &Store,
    desk: &DeskContext,
    mailbox_id: &str,
    checkpoint: MailboxState,
    prepared: &Prepared,
) -> Result<BatchOutcome, IngestError> {
    let analysed = &prepared.0;
    match commit(store, desk, mailbox_id, checkpoint, analysed).await {
        Ok(outcome) => Ok(outcome),
        Err(e) if e.is_transient() => Err(e),
        Err(e) if analysed.len() > 1 => {
            tracing::warn!(error = %e, mails = analysed.len(), "batch failed; committing its mails one by one");
            commit_each(store, desk, mailbox_id, checkpoint, analysed).await
        }
        Err(e) => match analysed.first() {
            Some(item) => {
                let notified =
                    quarantine::after_failure(store, desk, mailbox_id, checkpoint, item, &e)
                        .await?;
                Ok(BatchOutcome {
                    quarantined: 1,
                    quarantine_reasons: vec![quarantine::PROCESSING_FAILED],
                    replies: usize::from(notified),
                    ..BatchOutcome::default()
                })
            }
            None => Err(e),
        },
    }
}

/// Mails checked against DNS at once, at most this many together: DNS
/// waits, it does not compute, and a batch of a hundred reports from a
/// hundred domains should not take a hundred round trips in a row.
const CONCURRENT_CHECKS: usize = 16;

/// The DKIM, SPF and DMARC checks of every mail that parsed, kept with it.
/// Mail that was refused is not checked: it is quarantined whoever sent it.
/// The batch shares one budget (`Verifier::budget`): a resolver that does
/// not answer delays the batch once, then its mails are committed as "not
/// checked" (a staff command in one is refused, never delayed further).
async fn verify_senders(desk: &DeskContext, analysed: Vec<Analysed>) -> Vec<Analysed> {
    use futures::StreamExt;
    let deadline = tokio::time::Instant::now() + desk.verifier.budget();
    futures::stream::iter(analysed)
        .map(|mut item| async move {
            verify_sender(desk, &mut item, deadline).await;
            item
        })
        .buffered(CONCURRENT_CHECKS)
        .collect()
        .await
}

async fn verify_sender(desk: &DeskContext, item: &mut Analysed, deadline: tokio::time::Instant) {
    if let Ok(understood) = &mut item.outcome {
        // our own mail (the Sent copies) proves nothing and is answered by
        // nothing: no DNS spent on it
        if understood.automatic == Some(AutoReason::OwnMail) {
            return;
        }
        let from = understood.mail.from.as_ref().map(|a| a.email.as_str());
        // DKIM signs the mail as sent: the raw bytes, never the decrypted ones
        let pgp = understood.authenticity.pgp.take();
        understood.authenticity = desk.verifier.check_until(&item.raw, from, deadline).await;
        understood.authenticity.pgp = pgp;
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
        .set_mailbox_state(mailbox_id, checkpoint, desk.clock.now_millis())
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
            Err(e) if e.is_transient() => return Err(e),
            Err(e) => {
                if quarantine::after_failure(store, desk, mailbox_id, here, item, &e).await? {
                    total.replies += 1;
                }
                total.quarantined += 1;
                total.quarantine_reasons.push(quarantine::PROCESSING_FAILED);
            }
        }
    }
    Ok(total)
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

/// [`commit_one_in_span`] inside a span naming the mail (its UID and
/// Message-ID): every event about it carries them, in text and JSON logs.
async fn commit_one(
    batch: &mut Batch,
    desk: &DeskContext,
    mailbox_id: &str,
    item: &Analysed,
    outcome: &mut BatchOutcome,
) -> Result<(), IngestError> {
    use tracing::Instrument;
    let message_id = match &item.outcome {
        Ok(u) => u.mail.message_id.as_ref(),
        Err(r) => r.header.as_ref().and_then(|h| h.message_id.as_ref()),
    }
    .map(|id| id.as_str().to_string());
    let span = tracing::info_span!("mail", uid = item.uid, message_id = message_id.as_deref());
    commit_one_in_span(batch, desk, mailbox_id, item, outcome)
        .instrument(span)
        .await
}

async fn commit_one_in_span(
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
    let now = desk.clock.now_millis();
    let (header, automatic) = match &item.outcome {
        Ok(u) => (Some(&u.mail), u.automatic.as_ref()),
        Err(r) => (r.header.as_ref(), r.automatic.as_ref()),
    };
    match sent::recognise(batch, automatic, header, &item.raw, now).await? {
        sent::Copy::Sent { marked } => {
            outcome.sent_copies.push(item.uid);
            outcome.confirmed += marked;
            return Ok(());
        }
        sent::Copy::Altered => tracing::warn!(
            uid = item.uid,
            "a mail with the Message-ID of one the desk sent but other bytes: recorded, \
             not taken as proof that mail went out"
        ),
        sent::Copy::No => {}
    }
    let understood = match &item.outcome {
        Ok(u) => u,
        Err(refused) => {
            if quarantine::store_refused(batch, desk, mailbox_id, item, refused, now).await? {
                outcome.replies += 1;
            }
            outcome.quarantined += 1;
            outcome.quarantine_reasons.push(refused.error.kind());
            return Ok(());
        }
    };
    let mail = &understood.mail;
    let sender = mail.from.as_ref().map(|a| a.email.as_str());
    let referenced = find_referenced(batch, mail, &understood.numbers).await?;
    let participants = match &referenced {
        Some(ticket) => batch
            .participants(ticket.id)
            .await?
            .into_iter()
            .map(|p| p.address)
            .collect(),
        None => Vec::new(),
    };
    let route = route::route_with(
        sender,
        understood.automatic.clone(),
        referenced,
        &participants,
        &desk.staff,
    );
    // a staff member's `tickets` mail asks for the list; it opens no ticket
    let digest_asked = match (&route, sender) {
        (Route::NewReport, Some(from)) if desk.staff.is_staff(from) => {
            crate::staff::digest::digest_request(&mail.subject, &mail.text, now)
        }
        _ => None,
    };
    let subject = clean(&mail.subject);
    let text = clean(&mail.text);
    let authenticity = serde_json::to_string(&understood.authenticity).ok();
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
        authenticity: authenticity.as_deref(),
        now,
        ..NewMessage::default()
    };
    if let Some(request) = digest_asked {
        let sender = sender.unwrap_or_default();
        let (handled, auth) = digest::answer(batch, desk, understood, sender, request, now).await?;
        stored.disposition = handled.disposition;
        stored.reason = handled.reason.as_deref();
        stored.auth = auth.as_deref();
        let row = batch.insert_message(&stored).await?;
        store_attachments(batch, row, mail, now).await?;
        for reply in &handled.replies {
            replies::queue(batch, desk, None, reply, now).await?;
        }
        outcome.replies += handled.replies.len();
        return Ok(());
    }
    if let (Route::NewReport | Route::FollowUp { .. }, Some(from)) = (&route, sender) {
        pgp::remember_offered_key(batch, understood, from, now).await?;
    }
    match &route {
        Route::NewReport => {
            let (ticket_id, number, replies) = report::create(batch, desk, understood).await?;
            batch
                .record_event(
                    ticket_id,
                    &NewEvent {
                        actor: sender,
                        field: "created",
                        old_value: None,
                        new_value: Some(number.as_str()),
                        now,
                    },
                )
                .await?;
            stored.ticket_id = Some(ticket_id);
            let row = batch.insert_message(&stored).await?;
            store_attachments(batch, row, mail, now).await?;
            replies::queue_all(batch, desk, ticket_id, &replies, now).await?;
            if desk.replies == ReplyMode::RecordOnly {
                // nor do staff hear of it later: its triage reminder and
                // overdue notice count as told (`tickets list --overdue`
                // still shows it), so the next `secdesk run` does not
                // mail staff about every ticket of an imported backlog
                batch.mark_triage_told(ticket_id, false, now).await?;
            }
            outcome.new_tickets.push(number.to_string());
        }
        Route::FollowUp { ticket, from_staff } => {
            let sender = sender.unwrap_or_default();
            let (handled, auth) = if *from_staff {
                let s = staff::reply(batch, desk, ticket, understood, sender, now).await?;
                (s.handled, s.auth)
            } else {
                let h =
                    follow_up::from_reporter(batch, desk, ticket, understood, sender, now).await?;
                (h, None)
            };
            stored.ticket_id = Some(ticket.id);
            stored.disposition = handled.disposition;
            stored.reason = handled.reason.as_deref();
            stored.auth = auth.as_deref();
            let row = batch.insert_message(&stored).await?;
            store_attachments(batch, row, mail, now).await?;
            replies::queue_all(batch, desk, ticket.id, &handled.replies, now).await?;
            if !handled.replies.is_empty() {
                outcome.replies += handled.replies.len();
            }
            outcome.follow_ups += 1;
        }
        Route::Stranger { ticket } => {
            stored.claimed_ticket_id = Some(ticket.id);
            let row = batch.insert_message(&stored).await?;
            store_attachments(batch, row, mail, now).await?;
            tracing::warn!(number = %ticket.number, from = ?sender,
                "mail points at a ticket its sender may not write to; kept, not threaded");
            outcome.strangers += 1;
        }
        Route::Automatic { reason, ticket } => {
            stored.ticket_id = ticket.as_ref().map(|t| t.id);
            let row = batch.insert_message(&stored).await?;
            store_attachments(batch, row, mail, now).await?;
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

/// Every attachment of a stored mail, with its bytes (kept once per content).
async fn store_attachments(
    batch: &mut Batch,
    message_row: i64,
    mail: &ParsedMail,
    now: i64,
) -> Result<(), StoreError> {
    for a in &mail.attachments {
        let name = a.name.as_deref().map(clean);
        let held_back = a.held_back.as_deref().map(clean);
        batch
            .insert_attachment(
                message_row,
                &NewAttachment {
                    name: name.as_deref(),
                    content_type: &clean(&a.content_type),
                    detected_type: &clean(&a.detected_type),
                    held_back: held_back.as_deref(),
                    size: a.size as i64,
                    sha256: &a.sha256,
                    bytes: &a.bytes,
                    now,
                },
            )
            .await?;
    }
    Ok(())
}

/// Process a quarantined mail again (after a fix or a raised limit), in one
/// transaction: on success it leaves quarantine; on failure nothing changes.
pub async fn retry_quarantined(
    store: &Store,
    desk: &DeskContext,
    id: i64,
) -> Result<BatchOutcome, IngestError> {
    let Some(mail) = store.quarantined(id).await? else {
        return Err(IngestError::NotQuarantined(id));
    };
    let size = mail.raw.len();
    let mut item = analyse(
        Fetched {
            uid: mail.uid.and_then(|u| u32::try_from(u).ok()).unwrap_or(0),
            size,
            raw: mail.raw,
            truncated: false,
        },
        desk,
    );
    if let Err(refused) = &item.outcome {
        return Err(IngestError::StillFailing(refused.reason()));
    }
    let deadline = tokio::time::Instant::now() + desk.verifier.budget();
    verify_sender(desk, &mut item, deadline).await;
    let mut batch = store.begin().await?;
    batch.release_quarantined(id).await?;
    let mut outcome = BatchOutcome::default();
    let mailbox_id = mail.mailbox_id.unwrap_or_default();
    commit_one(&mut batch, desk, &mailbox_id, &item, &mut outcome).await?;
    batch.commit().await?;
    Ok(outcome)
}

/// Queue the triage reminders and overdue notices that are due now, in one
/// transaction with the marks that keep them from being sent twice.
/// Returns how many mails were queued.
pub async fn triage_reminders(store: &Store, desk: &DeskContext) -> Result<usize, IngestError> {
    let now = desk.clock.now_millis();
    let mut batch = store.begin().await?;
    let mut queued = 0;
    for (reminder, template) in [
        (false, "staff-triage-overdue"),
        (true, "staff-triage-reminder"),
    ] {
        for ticket in batch.triage_due(now, reminder).await? {
            if !desk.notify.is_empty() {
                let ctx = replies::Context::for_ticket(desk, &ticket);
                let mail = replies::build(
                    desk,
                    "staff-notification",
                    template,
                    desk.default_language,
                    &ctx,
                    desk.notify.clone(),
                    &replies::Threading::default(),
                    outbox::AutoSubmitted::Generated,
                )?;
                replies::queue(&mut batch, desk, Some(ticket.id), &mail, now).await?;
                queued += 1;
            }
            batch.mark_triage_told(ticket.id, reminder, now).await?;
        }
    }
    batch
        .prune_rate_events(now - 2 * replies::HOUR_MILLIS)
        .await?;
    batch.commit().await?;
    Ok(queued)
}

pub(crate) fn reporter_of(mail: &ParsedMail) -> String {
    mail.from
        .as_ref()
        .map(|a| a.email.clone())
        .unwrap_or_default()
}
