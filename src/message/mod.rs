//! Parsing: raw RFC 5322 bytes to the plain data the rest of the pipeline reads.
//!
//! [`parse`] turns one raw mail into a [`ParsedMail`]: threading ids,
//! addresses, the decoded subject, the best plain text of the body (HTML-only
//! mail converted by [`html_to_text`], forwarded messages included), the
//! attachments' names, types, sizes and hashes, and the header facts that
//! [`loops::detect_automatic`] needs to recognise automatic mail. It is pure:
//! no I/O, no clock, and it never panics on what a sender can put in a mail.
//! Every input that can be parsed at all gives a result; unknown charsets are
//! decoded lossily. What is refused ([`ParseError`]) is quarantined by the
//! caller with the error as reason.
//!
//! mail-parser does the MIME work; `nesting` keeps it from parsing nested
//! messages, which this module does itself with a depth limit.

pub mod authenticity;
pub mod budget;
mod html;
pub mod inspect;
pub mod loops;
mod nesting;
mod parse;

use std::fmt;
use std::time::Duration;

use serde::Serialize;

pub use budget::{Budget, OverBudget};
pub use html::html_to_text;
pub use loops::{AutoReason, LOOP_HEADER, LoopSignals, detect_automatic};
pub use parse::{parse, parse_within};

/// Longest body text kept, in bytes (1 MiB): far more than any report, and a
/// bound on what later stages (extraction, storage, replies) must handle.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// Longest subject kept, in bytes.
pub const MAX_SUBJECT_BYTES: usize = 4096;
/// How deep forwarded messages inside forwarded messages are read. Deeper
/// ones are listed as attachments only.
pub const MAX_FORWARD_DEPTH: usize = 8;

/// What a mail may cost before it is refused; from the `[limits]` config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Larger raw mail is refused before any parsing.
    pub max_message_bytes: usize,
    /// Mail with more MIME parts, counted across forwarded messages, is refused.
    pub max_parts: usize,
    /// CPU time one mail may take to parse and read (see [`budget`]).
    pub max_processing: Duration,
}

/// Default of `limits.max_processing_ms`.
pub const DEFAULT_MAX_PROCESSING_MS: u64 = 500;

impl Default for Limits {
    /// The defaults of the `[limits]` config section.
    fn default() -> Limits {
        Limits {
            max_message_bytes: 25 * 1024 * 1024,
            max_parts: 1000,
            max_processing: Duration::from_millis(DEFAULT_MAX_PROCESSING_MS),
        }
    }
}

/// Why a mail could not be parsed. The caller quarantines it with this reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error(
        "cannot parse a mail of {size} bytes: the limit is {limit} bytes (limits.max_message_bytes)"
    )]
    TooLarge { size: usize, limit: usize },
    #[error(
        "cannot parse a mail with more than {limit} MIME parts (found at least {parts}; limits.max_parts)"
    )]
    TooManyParts { parts: usize, limit: usize },
    #[error("cannot parse the mail: {0}")]
    NotAMessage(String),
    #[error(
        "reading the mail took more than {} ms of CPU time (limits.max_processing_ms)",
        limit.as_millis()
    )]
    TooSlow { limit: Duration },
    /// Encrypted to the desk (or claiming to be) but cannot be opened.
    #[error("cannot open the encrypted mail: {0}")]
    Encrypted(String),
}

impl ParseError {
    /// A short name of the reason, the same for every mail refused so
    /// (a metric's label; the message says the rest).
    pub fn kind(&self) -> &'static str {
        match self {
            ParseError::TooLarge { .. } => "too-large",
            ParseError::TooManyParts { .. } => "too-many-parts",
            ParseError::NotAMessage(_) => "not-a-message",
            ParseError::TooSlow { .. } => "too-slow",
            ParseError::Encrypted(_) => "encrypted",
        }
    }
}

impl From<OverBudget> for ParseError {
    fn from(over: OverBudget) -> ParseError {
        ParseError::TooSlow { limit: over.limit }
    }
}

/// A Message-ID, In-Reply-To or References entry, without angle brackets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct MessageId(String);

impl MessageId {
    /// Longest id accepted: the RFC 5322 line limit.
    const MAX_LEN: usize = 998;

    /// Reads `<id@host>` or `id@host`; surrounding whitespace and one pair of
    /// angle brackets are removed. Case is kept: ids compare exactly.
    pub fn parse(text: &str) -> Result<MessageId, String> {
        let trimmed = text.trim();
        let inner = trimmed
            .strip_prefix('<')
            .and_then(|t| t.strip_suffix('>'))
            .unwrap_or(trimmed)
            .trim();
        if inner.is_empty() {
            return Err(format!("the message id {text:?} is empty"));
        }
        if inner.len() > Self::MAX_LEN {
            return Err(format!(
                "the message id is {} bytes long; at most {} are allowed",
                inner.len(),
                Self::MAX_LEN
            ));
        }
        if let Some(bad) = inner
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>'))
        {
            return Err(format!("the message id {inner:?} contains {bad:?}"));
        }
        Ok(MessageId(inner.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A mailbox from an address header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Address {
    /// Lower-cased (see [`normalize_address`]); may lack a domain in broken
    /// or local mail, such as `MAILER-DAEMON` in some bounces.
    pub email: String,
    /// The display name, decoded; `None` when absent or blank.
    pub name: Option<String>,
}

/// A file attached to the mail, or to a message forwarded in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// The file name the sender gave, decoded. Untrusted: never use it as a path.
    pub name: Option<String>,
    /// `type/subtype`, lower case, without parameters.
    pub content_type: String,
    /// Size in bytes after transfer decoding.
    pub size: usize,
    /// SHA-256 of the transfer-decoded bytes, lower-case hex, so staff can
    /// match a file against what the reporter holds.
    pub sha256: String,
    /// What the bytes are, whatever the name and the declared type say.
    pub detected_type: String,
    /// Why the file must not be attached to mail we send (an executable, a
    /// script, macros, an archive holding those); `None` when it may be.
    pub held_back: Option<String>,
    /// The transfer-decoded bytes, so the desk stores and forwards them
    /// without parsing the raw mail again.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// The plain data of one mail. Strings are valid UTF-8 with no NUL, so they
/// can be stored as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedMail {
    /// For de-duplication and threading; `None` if absent or unusable.
    pub message_id: Option<MessageId>,
    /// The message(s) this one answers: threads a follow-up to our mail.
    pub in_reply_to: Vec<MessageId>,
    /// The thread's ancestors, oldest first: threads when In-Reply-To is lost.
    pub references: Vec<MessageId>,
    /// The first address of the first From header.
    pub from: Option<Address>,
    /// Where the sender wants answers; the first address only.
    pub reply_to: Option<Address>,
    pub to: Vec<Address>,
    pub cc: Vec<Address>,
    /// `Delivered-To` and `X-Original-To` addresses, lower case, in header
    /// order without repeats: which of our addresses the mail came in by.
    pub delivered_to: Vec<String>,
    /// Decoded (RFC 2047), unfolded, whitespace collapsed; `""` when absent.
    /// At most [`MAX_SUBJECT_BYTES`].
    pub subject: String,
    /// The Date header as Unix seconds; `None` when absent or invalid.
    pub date: Option<i64>,
    /// The best plain text: the text/plain body parts joined, or the HTML
    /// converted when there is no usable plain text; then each forwarded
    /// message with a `---------- Forwarded message ----------` header, as a
    /// mail client shows a forward. Line ends are `\n`. At most
    /// [`MAX_TEXT_BYTES`].
    pub text: String,
    /// Whether `text` was cut at [`MAX_TEXT_BYTES`].
    pub text_truncated: bool,
    /// The HTML source the text came from, when the mail had no plain text
    /// (staff replies from HTML clients mark their quotes in the markup).
    pub html: Option<String>,
    /// Authentication-Results header values, topmost (newest) first.
    pub authentication_results: Vec<String>,
    /// Attached files, those of forwarded messages included, in order.
    pub attachments: Vec<Attachment>,
    /// Header facts for [`detect_automatic`].
    pub loop_signals: LoopSignals,
}

/// An address as we compare and store it: trimmed, without angle brackets or
/// a `mailto:` prefix, lower case. Lower-casing the local part is not what
/// RFC 5321 allows, but it is what every mail system a desk meets does.
/// Control characters are dropped: no address has them, and NUL cannot be
/// stored.
pub fn normalize_address(address: &str) -> String {
    let visible: String = address.chars().filter(|c| !c.is_control()).collect();
    let trimmed = visible.trim();
    let inner = trimmed
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(trimmed)
        .trim();
    let without_scheme = match inner.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &inner[7..],
        _ => inner,
    };
    without_scheme.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_normalised() {
        for text in [
            "<abc@example.com>",
            "  <abc@example.com>  ",
            "abc@example.com",
            "< abc@example.com >",
        ] {
            assert_eq!(
                MessageId::parse(text).map(|id| id.as_str().to_string()),
                Ok("abc@example.com".into())
            );
        }
        assert_eq!(
            MessageId::parse("<Case@Example.COM>").map(|id| id.to_string()),
            Ok("Case@Example.COM".into())
        );
        assert!(MessageId::parse("<>").is_err());
        assert!(MessageId::parse("   ").is_err());
        assert!(MessageId::parse("<a b@c>").is_err());
        assert!(MessageId::parse("<a<b@c>").is_err());
        assert!(MessageId::parse(&"x".repeat(1000)).is_err());
    }

    #[test]
    fn addresses_are_normalised() {
        assert_eq!(
            normalize_address("  <Alice@Example.COM> "),
            "alice@example.com"
        );
        assert_eq!(
            normalize_address("mailto:Bob@Example.org"),
            "bob@example.org"
        );
        assert_eq!(normalize_address("MAILER-DAEMON"), "mailer-daemon");
        assert_eq!(normalize_address("<>"), "");
        assert_eq!(normalize_address("ÉLODIE@example.fr"), "élodie@example.fr");
        // Found by fuzzing: a NUL from a From header reached the stored address.
        assert_eq!(
            normalize_address("\0<Security@Example.t-st\u{85}>\x07"),
            "security@example.t-st"
        );
    }
}
