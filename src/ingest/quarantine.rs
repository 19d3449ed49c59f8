//! Mail the pipeline cannot take in: kept with its reason, never dropped,
//! and its sender told — where that is safe.
//!
//! "Safe" means: the header names a sender, the mail is not automatic (no
//! bounce, auto-reply, list mail or our own mail: the loop detector reads
//! the header alone just as well), and the hourly caps on automatic answers
//! allow it. The notice goes through the same caps as acknowledgments, so a
//! flood of oversized mail cannot make the desk a mail cannon.

use std::time::Duration;

use super::problem::Problem;
use super::replies::{self, Context, Threading};
use super::{Analysed, DeskContext, IngestError, addresses_json, clean};
use crate::message::{self, AutoReason, Limits, ParseError, ParsedMail};
use crate::outbox::AutoSubmitted;
use crate::store::{Batch, MailboxState, NewMessage, Store};

/// Header bytes read to learn who sent a refused mail. A header beyond it
/// is hostile; what fits is enough to find From and the loop signals.
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// The short reason of mail quarantined because processing it failed (a
/// mail that could not be read has its [`ParseError::kind`]).
pub const PROCESSING_FAILED: &str = "processing-failed";

/// A mail that could not be read, and what its header still tells.
#[derive(Debug)]
pub struct Refused {
    pub error: ParseError,
    /// The header alone, parsed: who sent it, its subject, its Message-ID.
    pub header: Option<ParsedMail>,
    /// Why the header says it is automatic mail, if it does.
    pub automatic: Option<AutoReason>,
}

impl Refused {
    pub(super) fn new(error: ParseError, raw: &[u8], desk: &DeskContext) -> Refused {
        let header = header_of(raw);
        let automatic = header
            .as_ref()
            .and_then(|h| message::detect_automatic(h, &desk.address));
        Refused {
            error,
            header,
            automatic,
        }
    }

    /// The reason stored with the quarantined mail.
    pub fn reason(&self) -> String {
        self.error.to_string()
    }
}

/// Parses the header part of `raw` only (up to the first empty line).
fn header_of(raw: &[u8]) -> Option<ParsedMail> {
    let head = &raw[..raw.len().min(MAX_HEADER_BYTES)];
    let end = find_blank_line(head).unwrap_or(head.len());
    let mut header = head[..end].to_vec();
    header.extend_from_slice(b"\r\n\r\n");
    let limits = Limits {
        max_message_bytes: MAX_HEADER_BYTES + 4,
        max_parts: 16,
        max_processing: Duration::from_secs(1),
    };
    message::parse(&header, &limits).ok()
}

fn find_blank_line(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = bytes.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Who gets told that `header`'s mail was quarantined, if anyone (pure).
pub(super) fn notice_recipient(
    header: Option<&ParsedMail>,
    automatic: Option<&AutoReason>,
) -> Option<String> {
    if automatic.is_some() {
        return None;
    }
    let from = header?.from.as_ref()?;
    // an address we could not read in full is no one to write to
    (from.email.contains('@') && !from.email.starts_with('@')).then(|| from.email.clone())
}

/// Store a refused mail as quarantined and queue the notice to its sender
/// where safe. Part of the batch's transaction. Returns whether a notice
/// was queued.
pub(super) async fn store_refused(
    batch: &mut Batch,
    desk: &DeskContext,
    mailbox_id: &str,
    item: &Analysed,
    refused: &Refused,
    now: i64,
) -> Result<bool, IngestError> {
    let reason = refused.reason();
    tracing::warn!(uid = item.uid, %reason, "mail quarantined");
    let header = refused.header.as_ref();
    keep(batch, mailbox_id, item, header, &reason, now).await?;
    let to = notice_recipient(header, refused.automatic.as_ref());
    notify_sender(batch, desk, header, to, &Problem::of(&refused.error), now).await
}

/// Keep a mail that could be read but not committed (its own transaction
/// failed for a reason that is not the database being away), and move the
/// mailbox past it. The sender is told where safe; if even that fails, the
/// mail is kept without a notice. Returns whether a notice was queued.
pub(super) async fn after_failure(
    store: &Store,
    desk: &DeskContext,
    mailbox_id: &str,
    checkpoint: MailboxState,
    item: &Analysed,
    error: &IngestError,
) -> Result<bool, IngestError> {
    let reason = format!("processing failed: {error}");
    tracing::error!(uid = item.uid, %reason, "mail quarantined");
    let (header, automatic) = match &item.outcome {
        Ok(u) => (Some(&u.mail), u.automatic.as_ref()),
        Err(r) => (r.header.as_ref(), r.automatic.as_ref()),
    };
    let to = notice_recipient(header, automatic);
    for with_notice in [true, false] {
        let mut batch = store.begin().await?;
        let now = desk.clock.now_millis();
        let kept = async {
            let mut notified = false;
            if !batch.seen(&item.dedupe_key).await? {
                keep(&mut batch, mailbox_id, item, header, &reason, now).await?;
                if with_notice {
                    notified = notify_sender(
                        &mut batch,
                        desk,
                        header,
                        to.clone(),
                        &Problem::failed(),
                        now,
                    )
                    .await?;
                }
            }
            batch.set_mailbox_state(mailbox_id, checkpoint, now).await?;
            Ok::<_, IngestError>(notified)
        }
        .await;
        match kept {
            Ok(notified) => {
                batch.commit().await?;
                return Ok(notified);
            }
            Err(e) if e.is_transient() || !with_notice => return Err(e),
            Err(e) => {
                tracing::warn!(error = %e, "cannot queue the quarantine notice; keeping the mail without it");
            }
        }
    }
    Ok(false)
}

async fn keep(
    batch: &mut Batch,
    mailbox_id: &str,
    item: &Analysed,
    header: Option<&ParsedMail>,
    reason: &str,
    now: i64,
) -> Result<(), IngestError> {
    let subject = header.map(|h| clean(&h.subject)).unwrap_or_default();
    batch
        .insert_message(&NewMessage {
            direction: "in",
            disposition: "quarantined",
            reason: Some(reason),
            dedupe_key: Some(&item.dedupe_key),
            mailbox_id: Some(mailbox_id),
            uid: Some(item.uid),
            message_id: header
                .and_then(|h| h.message_id.as_ref())
                .map(|m| m.as_str()),
            from_addr: header
                .and_then(|h| h.from.as_ref())
                .map(|a| a.email.as_str()),
            to_addrs: addresses_json(
                header
                    .into_iter()
                    .flat_map(|h| h.to.iter().chain(&h.cc))
                    .map(|a| a.email.clone()),
            ),
            subject: &subject,
            raw: Some(&item.raw),
            now,
            ..NewMessage::default()
        })
        .await?;
    Ok(())
}

/// Queue the notice to `to`, threaded on the refused mail, through the
/// hourly caps. A template that cannot render costs the notice, not the
/// quarantine. Returns whether it was queued.
async fn notify_sender(
    batch: &mut Batch,
    desk: &DeskContext,
    header: Option<&ParsedMail>,
    to: Option<String>,
    problem: &Problem,
    now: i64,
) -> Result<bool, IngestError> {
    let Some(to) = to else {
        return Ok(false);
    };
    let subject = header.map(|h| clean(&h.subject)).unwrap_or_default();
    let mut ctx = Context::without_ticket(desk, &subject, &to, desk.default_language);
    ctx.problem = Some(problem);
    let threading = Threading::after(
        header
            .and_then(|h| h.message_id.as_ref())
            .map(|m| vec![m.as_str().to_string()])
            .unwrap_or_default(),
    );
    let notice = match replies::build(
        desk,
        "quarantine-notice",
        "quarantined",
        desk.default_language,
        &ctx,
        vec![to.clone()],
        &threading,
        AutoSubmitted::Replied,
    ) {
        Ok(notice) => notice,
        Err(e) => {
            tracing::warn!(error = %e, "cannot build the quarantine notice; the mail is kept without it");
            return Ok(false);
        }
    };
    replies::queue_automatic(batch, desk, None, &notice, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(raw: &str) -> Option<ParsedMail> {
        header_of(raw.as_bytes())
    }

    #[test]
    fn the_header_of_a_mail_is_read_without_its_body() {
        let raw = "From: Ann <ann@example.org>\r\nSubject: Report\r\nMessage-ID: <a@b>\r\n\r\n\
                   --this body would not parse--";
        let h = header(raw).expect("a header");
        assert_eq!(h.from.unwrap().email, "ann@example.org");
        assert_eq!(h.subject, "Report");
        assert_eq!(h.message_id.unwrap().as_str(), "a@b");
        assert!(h.text.is_empty());
    }

    #[test]
    fn a_header_only_mail_without_a_blank_line_is_read_too() {
        let h = header("From: ann@example.org\nSubject: only a header").expect("a header");
        assert_eq!(h.subject, "only a header");
    }

    #[test]
    fn a_person_is_told_and_automatic_mail_is_not() {
        let person = header("From: ann@example.org\n\n").unwrap();
        assert_eq!(
            notice_recipient(Some(&person), None),
            Some("ann@example.org".to_string())
        );
        let bounce = "From: MAILER-DAEMON@mx.example.org\nContent-Type: multipart/report; \
                      report-type=delivery-status; boundary=x\n\n";
        let bounce = header(bounce).unwrap();
        let reason = message::detect_automatic(&bounce, "security@desk.example");
        assert!(reason.is_some());
        assert_eq!(notice_recipient(Some(&bounce), reason.as_ref()), None);
    }

    #[test]
    fn no_sender_no_notice() {
        assert_eq!(notice_recipient(None, None), None);
        let anonymous = header("Subject: who?\n\n").unwrap();
        assert_eq!(notice_recipient(Some(&anonymous), None), None);
    }
}
