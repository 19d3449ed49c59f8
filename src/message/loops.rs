//! Recognising automatic mail, so the desk never answers a machine.
//!
//! Answering bounces, out-of-office replies, mailing lists or other ticket
//! systems is how mail loops start (osTicket 1041, 1467). [`parse`] records the
//! header facts in [`LoopSignals`]; [`detect_automatic`] applies the rules and
//! says why. An automatic mail is still processed (nothing is dropped): it
//! only gets no automatic answer.
//!
//! The rules, in the order they are checked:
//! - our own mail: our loop header [`LOOP_HEADER`] is present, or From is the
//!   desk address;
//! - a delivery or other automatic report: `multipart/report` (RFC 6522:
//!   bounces, read receipts, abuse feedback), a `message/delivery-status` or
//!   `message/disposition-notification` part, or `X-Failed-Recipients`;
//! - an empty Return-Path (`<>`), which RFC 5321 gives to bounces and
//!   RFC 3834 asks of automatic replies;
//! - a sender whose local part is `mailer-daemon` or `postmaster`;
//! - `Auto-Submitted` with any value but `no` (RFC 3834);
//! - `X-Autoreply`, `X-Autorespond`, or `X-Auto-Response-Suppress` with `All`,
//!   `OOF` or `AutoReply` (Exchange sets it on its own automatic replies);
//! - `Precedence: bulk`, `junk`, `list` or `auto_reply`;
//! - `List-Id` (RFC 2919): mail from a mailing list.
//!
//! Deliberately not rules: a `noreply@` sender (the answer bounces, and the
//! bounce is caught by the rules above, so there is no loop; and real reports
//! come from such senders, e.g. platform notifications), and
//! `List-Unsubscribe` alone (transactional senders add it to one-to-one mail).
//!
//! [`parse`]: super::parse

use std::fmt;

use super::{ParsedMail, normalize_address};

/// The header we put on every mail we send; its value names the desk. Seeing
/// it on incoming mail means the mail is ours, come back.
pub const LOOP_HEADER: &str = "X-Secdesk-Loop";

/// Header facts about automatic mail, as found in the top-level headers.
/// Values are trimmed and lower case; each list holds every instance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoopSignals {
    /// `Auto-Submitted` values without parameters (`auto-replied`, `no`, ...).
    pub auto_submitted: Vec<String>,
    /// `Precedence` values.
    pub precedence: Vec<String>,
    /// A non-empty `List-Id` is present.
    pub list_id: bool,
    /// A `List-Unsubscribe` is present (recorded, not a rule on its own).
    pub list_unsubscribe: bool,
    /// The first `Return-Path`, normalised; `Some("")` for `<>`.
    pub return_path: Option<String>,
    /// An `X-Autoreply`, `X-Autorespond` or `X-Autoresponder` header is
    /// present with a value other than `no`/`false`/`0`.
    pub x_autoreply: bool,
    /// The `X-Auto-Response-Suppress` tokens (`all`, `oof`, `dr`, ...).
    pub x_auto_response_suppress: Vec<String>,
    /// Values of our own [`LOOP_HEADER`].
    pub loop_markers: Vec<String>,
    /// A delivery status notification or another RFC 6522 report: the mail
    /// is `multipart/report`, has a `message/delivery-status` or
    /// `message/disposition-notification` part, or an `X-Failed-Recipients`
    /// header (Exim bounces).
    pub is_delivery_report: bool,
}

/// Why a mail is automatic. `Display` gives a short reason for logs and for
/// the staff notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AutoReason {
    /// The `Auto-Submitted` value.
    AutoSubmitted(String),
    /// The `Precedence` value.
    Precedence(String),
    MailingList,
    NullReturnPath,
    /// The sender address.
    DaemonSender(String),
    AutoReplyHeader,
    DeliveryReport,
    OwnMail,
}

impl fmt::Display for AutoReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AutoReason::AutoSubmitted(value) => {
                write!(f, "automatic mail (Auto-Submitted: {value})")
            }
            AutoReason::Precedence(value) => write!(f, "bulk mail (Precedence: {value})"),
            AutoReason::MailingList => f.write_str("mailing list mail (List-Id)"),
            AutoReason::NullReturnPath => {
                f.write_str("empty Return-Path (a bounce or automatic reply)")
            }
            AutoReason::DaemonSender(sender) => write!(f, "sent by a mail system ({sender})"),
            AutoReason::AutoReplyHeader => f.write_str("automatic reply (auto-reply header)"),
            AutoReason::DeliveryReport => f.write_str("delivery or read report"),
            AutoReason::OwnMail => {
                f.write_str("sent by a secdesk desk (X-Secdesk-Loop header or our own address)")
            }
        }
    }
}

/// Local parts of the mail system's own senders.
const DAEMON_LOCAL_PARTS: &[&str] = &["mailer-daemon", "postmaster"];
const BULK_PRECEDENCE: &[&str] = &["bulk", "junk", "list", "auto_reply"];
const SUPPRESS_TOKENS: &[&str] = &["all", "oof", "autoreply"];

/// Why `mail` must not get an automatic answer, or `None` for mail a person
/// sent. `desk_address` is the desk's own address.
pub fn detect_automatic(mail: &ParsedMail, desk_address: &str) -> Option<AutoReason> {
    let signals = &mail.loop_signals;
    let from = mail.from.as_ref().map(|a| a.email.as_str());
    let desk = normalize_address(desk_address);

    if !signals.loop_markers.is_empty() || (!desk.is_empty() && from == Some(desk.as_str())) {
        return Some(AutoReason::OwnMail);
    }
    if signals.is_delivery_report {
        return Some(AutoReason::DeliveryReport);
    }
    if signals.return_path.as_deref() == Some("") {
        return Some(AutoReason::NullReturnPath);
    }
    let daemon = [from, signals.return_path.as_deref()]
        .into_iter()
        .flatten()
        .find(|address| is_daemon_address(address));
    if let Some(address) = daemon {
        return Some(AutoReason::DaemonSender(address.to_string()));
    }
    if let Some(value) = signals.auto_submitted.iter().find(|v| v.as_str() != "no") {
        return Some(AutoReason::AutoSubmitted(value.clone()));
    }
    let suppress = signals
        .x_auto_response_suppress
        .iter()
        .any(|token| SUPPRESS_TOKENS.contains(&token.as_str()));
    if signals.x_autoreply || suppress {
        return Some(AutoReason::AutoReplyHeader);
    }
    if let Some(value) = signals
        .precedence
        .iter()
        .find(|v| BULK_PRECEDENCE.contains(&v.as_str()))
    {
        return Some(AutoReason::Precedence(value.clone()));
    }
    if signals.list_id {
        return Some(AutoReason::MailingList);
    }
    None
}

fn is_daemon_address(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or(address);
    DAEMON_LOCAL_PARTS.contains(&local)
}

/// Collects [`LoopSignals`] from top-level header values.
#[derive(Default)]
pub(super) struct SignalsBuilder {
    signals: LoopSignals,
}

impl SignalsBuilder {
    /// Records one header; `name` in any case, `value` unfolded.
    pub(super) fn header(&mut self, name: &str, value: &str) {
        let lower = |v: &str| v.trim().to_lowercase();
        // Parameters (`auto-replied; owner-email=...`) are not part of the value.
        let first_token = |v: &str| lower(v.split(';').next().unwrap_or(v));
        let s = &mut self.signals;
        match name.to_ascii_lowercase().as_str() {
            "auto-submitted" => s.auto_submitted.push(first_token(value)),
            "precedence" => s.precedence.push(first_token(value)),
            "list-id" => s.list_id |= !value.trim().is_empty(),
            "list-unsubscribe" => s.list_unsubscribe = true,
            "return-path" if s.return_path.is_none() => {
                s.return_path = Some(normalize_address(value))
            }
            "x-autoreply" | "x-autorespond" | "x-autoresponder" => {
                s.x_autoreply |= !matches!(lower(value).as_str(), "no" | "false" | "0");
            }
            "x-auto-response-suppress" => s.x_auto_response_suppress.extend(
                value
                    .split([',', ' ', '\t'])
                    .map(lower)
                    .filter(|token| !token.is_empty()),
            ),
            "x-failed-recipients" => s.is_delivery_report = true,
            _ if name.eq_ignore_ascii_case(LOOP_HEADER) => {
                s.loop_markers.push(value.trim().to_string())
            }
            _ => {}
        }
    }

    /// Records a content type met anywhere in the mail (`type/subtype`).
    pub(super) fn content_type(&mut self, content_type: &str) {
        if matches!(
            content_type,
            "multipart/report" | "message/delivery-status" | "message/disposition-notification"
        ) {
            self.signals.is_delivery_report = true;
        }
    }

    pub(super) fn finish(self) -> LoopSignals {
        self.signals
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Limits, parse};

    const DESK: &str = "Security@Desk.example";

    fn reason(headers: &str) -> Option<AutoReason> {
        reason_with_body(headers, "Content-Type: text/plain\n\nhello\n")
    }

    fn reason_with_body(headers: &str, rest: &str) -> Option<AutoReason> {
        let raw = format!(
            "From: Alice <alice@example.com>\nTo: security@desk.example\nSubject: hi\n{headers}{rest}"
        );
        let limits = Limits {
            max_message_bytes: 1 << 20,
            max_parts: 100,
            ..Limits::default()
        };
        let mail = parse(raw.as_bytes(), &limits).expect("parses");
        detect_automatic(&mail, DESK)
    }

    #[test]
    fn mail_from_a_person_is_not_automatic() {
        assert_eq!(
            reason(
                "Return-Path: <alice@example.com>\nAuto-Submitted: no\nPrecedence: first-class\n\
                 X-Auto-Response-Suppress: DR, RN\nList-Unsubscribe: <mailto:u@example.com>\nX-Autoreply: no\n"
            ),
            None
        );
    }

    #[test]
    fn auto_submitted_other_than_no_is_automatic() {
        assert_eq!(
            reason("Auto-Submitted: auto-replied; owner-email=\"a@example.com\"\n"),
            Some(AutoReason::AutoSubmitted("auto-replied".into()))
        );
        assert_eq!(
            reason("auto-submitted: Auto-Generated\n"),
            Some(AutoReason::AutoSubmitted("auto-generated".into()))
        );
        // Any instance counts, not only the first.
        assert_eq!(
            reason("Auto-Submitted: no\nAUTO-SUBMITTED: auto-notified\n"),
            Some(AutoReason::AutoSubmitted("auto-notified".into()))
        );
    }

    #[test]
    fn bulk_precedence_is_automatic() {
        for value in ["bulk", "Junk", "LIST", "auto_reply"] {
            assert_eq!(
                reason(&format!("Precedence: {value}\n")),
                Some(AutoReason::Precedence(value.to_lowercase()))
            );
        }
    }

    #[test]
    fn mailing_list_mail_is_automatic() {
        assert_eq!(
            reason("List-Id: Security list <sec.lists.example.org>\n"),
            Some(AutoReason::MailingList)
        );
        assert_eq!(
            reason("list-id: <x.example.org>\n"),
            Some(AutoReason::MailingList)
        );
    }

    #[test]
    fn an_empty_return_path_is_a_bounce() {
        assert_eq!(
            reason("Return-Path: <>\n"),
            Some(AutoReason::NullReturnPath)
        );
        assert_eq!(
            reason("Return-Path: < >\n"),
            Some(AutoReason::NullReturnPath)
        );
    }

    #[test]
    fn mail_system_senders_are_automatic() {
        let raw = "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\nSubject: Undelivered\n\nsorry\n";
        let mail = parse(
            raw.as_bytes(),
            &Limits {
                max_message_bytes: 1 << 20,
                max_parts: 10,
                ..Limits::default()
            },
        )
        .expect("parses");
        assert_eq!(
            detect_automatic(&mail, DESK),
            Some(AutoReason::DaemonSender(
                "mailer-daemon@mx.example.com".into()
            ))
        );
        assert_eq!(
            reason("Return-Path: <postmaster@example.com>\n"),
            Some(AutoReason::DaemonSender("postmaster@example.com".into()))
        );
    }

    #[test]
    fn auto_reply_headers_are_automatic() {
        assert_eq!(
            reason("X-Autoreply: yes\n"),
            Some(AutoReason::AutoReplyHeader)
        );
        assert_eq!(
            reason("X-Autorespond: vacation\n"),
            Some(AutoReason::AutoReplyHeader)
        );
        for value in ["All", "OOF", "DR, AutoReply", "oof,rn"] {
            assert_eq!(
                reason(&format!("X-Auto-Response-Suppress: {value}\n")),
                Some(AutoReason::AutoReplyHeader),
                "{value}"
            );
        }
    }

    #[test]
    fn delivery_reports_are_automatic() {
        let report = "Content-Type: multipart/report; report-type=delivery-status; boundary=r\n\n\
                      --r\nContent-Type: text/plain\n\nDelivery failed.\n\
                      --r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\
                      --r--\n";
        assert_eq!(
            reason_with_body("", report),
            Some(AutoReason::DeliveryReport)
        );
        let read_receipt = "Content-Type: multipart/mixed; boundary=r\n\n\
                            --r\nContent-Type: message/disposition-notification\n\nFinal-Recipient: x\n--r--\n";
        assert_eq!(
            reason_with_body("", read_receipt),
            Some(AutoReason::DeliveryReport)
        );
        assert_eq!(
            reason("X-Failed-Recipients: gone@example.com\n"),
            Some(AutoReason::DeliveryReport)
        );
    }

    #[test]
    fn our_own_mail_is_recognised() {
        assert_eq!(
            reason("X-Secdesk-Loop: security@desk.example\n"),
            Some(AutoReason::OwnMail)
        );
        assert_eq!(reason("x-secdesk-loop: 1\n"), Some(AutoReason::OwnMail));
        let raw = "From: <SECURITY@desk.example>\nSubject: Re: [SEC-7KQ3-M9PX]\n\nours\n";
        let mail = parse(
            raw.as_bytes(),
            &Limits {
                max_message_bytes: 1 << 20,
                max_parts: 10,
                ..Limits::default()
            },
        )
        .expect("parses");
        assert_eq!(detect_automatic(&mail, DESK), Some(AutoReason::OwnMail));
        // Our own mark wins over everything else.
        assert_eq!(
            reason("Precedence: bulk\nX-Secdesk-Loop: a\n"),
            Some(AutoReason::OwnMail)
        );
    }

    #[test]
    fn reasons_read_well() {
        assert_eq!(
            AutoReason::AutoSubmitted("auto-replied".into()).to_string(),
            "automatic mail (Auto-Submitted: auto-replied)"
        );
        assert_eq!(
            AutoReason::NullReturnPath.to_string(),
            "empty Return-Path (a bounce or automatic reply)"
        );
    }
}
