//! The desk's copies of its own mail (`smtp.sent_copy`): every mail it
//! sends also goes to its own address in the same SMTP transaction, and
//! comes back through the mailbox it reads. Such a copy is not a report nor
//! an auto-reply to record: it proves that its mail went out (the outbox
//! row is marked sent, so a crash between the server's `250` and our "sent"
//! mark sends nothing twice) and it is filed in `imap.sent_folder`, where
//! staff reading the shared mailbox expect it.
//!
//! A copy counts only when its bytes are the ones the desk sent (after the
//! trace headers servers put on top): a stranger who guessed a Message-ID
//! cannot make a pending acknowledgment look sent.

use crate::message::{AutoReason, ParsedMail};
use crate::store::Batch;

use super::IngestError;

/// What a mail in the mailbox is to the outbox.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Copy {
    /// Not a copy of ours.
    No,
    /// A true copy: its mail went out; `marked` outbox rows were not yet sent.
    Sent { marked: usize },
    /// It has the Message-ID of a mail we sent, but not its bytes.
    Altered,
}

/// Whether a fetched mail (`raw`, its parsed `mail` or header, and what
/// the loop detector said of it) is a copy of mail the desk sent, and if it
/// is, mark that mail sent. Asked before the mail is understood or refused:
/// a copy the desk could not read within its limits is still a copy.
pub(super) async fn recognise(
    batch: &mut Batch,
    automatic: Option<&AutoReason>,
    mail: Option<&ParsedMail>,
    raw: &[u8],
    now: i64,
) -> Result<Copy, IngestError> {
    // our copies carry our loop header; anything else is not one
    if automatic != Some(&AutoReason::OwnMail) {
        return Ok(Copy::No);
    }
    let Some(message_id) = mail.and_then(|m| m.message_id.as_ref()) else {
        return Ok(Copy::No);
    };
    let Some(sent) = batch.sent_raw(message_id.as_str()).await? else {
        return Ok(Copy::No);
    };
    if !is_copy_of(raw, &sent) {
        return Ok(Copy::Altered);
    }
    let marked = batch.confirm_sent(message_id.as_str(), now).await?.len();
    Ok(Copy::Sent { marked })
}

/// Whether `copy` is `sent` as delivered: the same bytes at its end, with
/// whatever trace headers (Return-Path, Delivered-To, Received, a DKIM
/// signature) servers added above them; line endings may have changed. A
/// copy fetched as its header only (over `limits.max_message_bytes`) is
/// held to the sent mail's header.
pub fn is_copy_of(copy: &[u8], sent: &[u8]) -> bool {
    let copy = normalized(copy);
    let mut sent = normalized(sent);
    let blank = |b: &[u8]| b.windows(2).position(|w| w == b"\n\n");
    if blank(&copy).is_none()
        && let Some(end) = blank(&sent)
    {
        sent.truncate(end);
    }
    !sent.is_empty() && copy.ends_with(&sent) && {
        // what comes before is whole header lines, not part of ours
        let head = &copy[..copy.len() - sent.len()];
        head.is_empty() || head.ends_with(b"\n")
    }
}

/// LF line endings, no trailing blank lines or spaces.
fn normalized(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            continue;
        }
        out.push(b);
    }
    while out.last().is_some_and(|b| b.is_ascii_whitespace()) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENT: &[u8] = b"From: <security@example.test>\r\nTo: <rita@example.test>\r\nMessage-ID: <a@example.test>\r\nX-Secdesk-Loop: 1\r\n\r\nReceived.\r\n";

    #[test]
    fn a_delivered_copy_with_trace_headers_and_lf_endings_is_a_copy() {
        let mut copy = b"Return-Path: <security@example.test>\nDelivered-To: security@example.test\nReceived: from localhost\n\tby mail.example.test;\n".to_vec();
        copy.extend(String::from_utf8_lossy(SENT).replace("\r\n", "\n").bytes());
        assert!(is_copy_of(&copy, SENT));
        assert!(is_copy_of(SENT, SENT));
    }

    #[test]
    fn a_copy_fetched_as_its_header_only_is_held_to_the_header() {
        let mut copy = b"Delivered-To: security@example.test\r\n".to_vec();
        copy.extend(&SENT[..SENT.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4]);
        assert!(is_copy_of(&copy, SENT));
        let forged = String::from_utf8_lossy(&copy).replace("rita@", "eve@");
        assert!(!is_copy_of(forged.as_bytes(), SENT));
    }

    #[test]
    fn other_bytes_under_the_same_message_id_are_not() {
        let forged = String::from_utf8_lossy(SENT).replace("Received.", "Received!");
        assert!(!is_copy_of(forged.as_bytes(), SENT));
        // our mail quoted inside another one's last line is not a copy either
        let mut glued = b"X-Other: 1".to_vec();
        glued.extend(SENT);
        assert!(!is_copy_of(&glued, SENT));
        assert!(!is_copy_of(SENT, b""));
        // a footer a server appended breaks it too: such a copy is not trusted
        let mut footer = SENT.to_vec();
        footer.extend(b"--\r\nScanned by AV\r\n");
        assert!(!is_copy_of(&footer, SENT));
    }
}
