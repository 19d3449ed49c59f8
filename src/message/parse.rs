//! From raw bytes to [`ParsedMail`], with mail-parser doing the MIME work.

use std::borrow::Cow;
use std::collections::HashSet;

use mail_parser::decoders::base64::base64_decode;
use mail_parser::decoders::quoted_printable::quoted_printable_decode;
use mail_parser::{
    Addr, Encoding, Header, HeaderName, HeaderValue, Message, MessageParser, MessagePart,
    MimeHeaders, PartType,
};
use sha2::{Digest, Sha256};

use super::budget::Budget;
use super::html::html_to_text_within;
use super::loops::SignalsBuilder;
use super::nesting::{self, hide_nested_types, restore};
use super::{
    Address, Attachment, Limits, MAX_FORWARD_DEPTH, MAX_SUBJECT_BYTES, MAX_TEXT_BYTES, MessageId,
    ParseError, ParsedMail, normalize_address,
};

/// Longest attachment name kept, in bytes.
const MAX_NAME_BYTES: usize = 255;
const FORWARD_SEPARATOR: &str = "---------- Forwarded message ----------";

/// Parses one raw mail. Refuses mail over `limits` and input with no header
/// at all; anything else gives a result, however broken the mail.
pub fn parse(raw: &[u8], limits: &Limits) -> Result<ParsedMail, ParseError> {
    parse_within(raw, limits, &Budget::new(limits.max_processing))
}

/// [`parse`] on a budget the caller also spends on what comes next
/// (extraction), so the limit covers the whole mail.
pub fn parse_within(
    raw: &[u8],
    limits: &Limits,
    budget: &Budget,
) -> Result<ParsedMail, ParseError> {
    if raw.len() > limits.max_message_bytes {
        return Err(ParseError::TooLarge {
            size: raw.len(),
            limit: limits.max_message_bytes,
        });
    }
    // mail-parser promises never to panic. If that promise breaks on some
    // hostile mail, the cost must be one quarantined mail, not the daemon.
    // a last header line without its line break would be dropped
    let raw: Cow<'_, [u8]> = if raw.is_empty() || raw.ends_with(b"\n") {
        Cow::Borrowed(raw)
    } else {
        let mut owned = raw.to_vec();
        owned.extend_from_slice(b"\r\n");
        Cow::Owned(owned)
    };
    std::panic::catch_unwind(|| {
        let mut parts = PartCounter {
            seen: 0,
            limit: limits.max_parts,
        };
        parse_level(&raw, 0, &mut parts, budget)
    })
    .unwrap_or_else(|_| {
        Err(ParseError::NotAMessage(
            "the MIME parser failed on this mail".to_string(),
        ))
    })
}

/// Counts MIME parts across a mail and the messages forwarded in it.
struct PartCounter {
    seen: usize,
    limit: usize,
}

impl PartCounter {
    fn add(&mut self, parts: usize) -> Result<(), ParseError> {
        self.seen = self.seen.saturating_add(parts);
        if self.seen > self.limit {
            return Err(ParseError::TooManyParts {
                parts: self.seen,
                limit: self.limit,
            });
        }
        Ok(())
    }
}

/// Parses a mail, or a message forwarded `depth` levels down in one.
fn parse_level(
    raw: &[u8],
    depth: usize,
    parts: &mut PartCounter,
    budget: &Budget,
) -> Result<ParsedMail, ParseError> {
    let guarded = hide_nested_types(raw);
    let message = MessageParser::default()
        .parse(guarded.as_ref())
        .ok_or_else(|| ParseError::NotAMessage("it has no header lines".to_string()))?;
    budget.check()?;
    parts.add(message.parts.len())?;
    let root_headers: &[Header<'_>] = message.parts.first().map_or(&[], |p| &p.headers);

    let mut signals = SignalsBuilder::default();
    let mut delivered_to = Vec::new();
    // Repeats are found in sets, here and in `message_ids`: searching the
    // list is quadratic in the number of headers, which a sender chooses.
    let mut delivered_seen = HashSet::new();
    let mut authentication_results = Vec::new();
    for header in root_headers {
        let name = header.name.as_str();
        let value = raw_value(raw, header);
        if name.eq_ignore_ascii_case("Authentication-Results")
            && authentication_results.len() < MAX_AUTH_RESULTS
        {
            authentication_results.push(value.to_string());
        }
        if name.eq_ignore_ascii_case("Delivered-To") || name.eq_ignore_ascii_case("X-Original-To") {
            let address = normalize_address(&value);
            if !address.is_empty() && delivered_seen.insert(address.clone()) {
                delivered_to.push(address);
            }
        }
        signals.header(name, &value);
    }
    for part in &message.parts {
        signals.content_type(&content_type_of(part));
    }

    let mut text = TextBuilder::default();
    for part in body_parts(&message, &message.text_body) {
        text.push_part(&part_text(part, budget)?);
    }
    let mut html = None;
    if text.is_blank() {
        text = TextBuilder::default();
        let html_only: Vec<u32> = message
            .html_body
            .iter()
            .filter(|id| !message.text_body.contains(id))
            .copied()
            .collect();
        for part in body_parts(&message, &html_only) {
            text.push_part(&part_text(part, budget)?);
            if let (None, PartType::Html(source)) = (&html, &part.body) {
                html = Some(truncate_at_char(source, MAX_TEXT_BYTES).to_string());
            }
        }
    }

    let mut attachments = Vec::new();
    let mut forwards = Vec::new();
    for part in body_parts(&message, &message.attachments) {
        budget.check()?;
        let content_type = content_type_of(part);
        let bytes = transfer_decoded(raw, part).into_owned();
        let name = part
            .attachment_name()
            .map(|name| clean_line(name, MAX_NAME_BYTES))
            .filter(|name| !name.is_empty());
        let inspection = super::inspect::inspect(name.as_deref(), &content_type, &bytes);
        attachments.push(Attachment {
            name,
            content_type: content_type.clone(),
            size: bytes.len(),
            sha256: hex::encode(Sha256::digest(&bytes)),
            detected_type: inspection.detected_type,
            held_back: inspection.held_back,
            bytes,
        });
        let is_forward = matches!(content_type.as_str(), "message/rfc822" | "message/global");
        if is_forward && depth < MAX_FORWARD_DEPTH {
            let forward = attachments
                .last()
                .map(|a| a.bytes.as_slice())
                .unwrap_or_default();
            match parse_level(forward, depth + 1, parts, budget) {
                Ok(mut forwarded) => {
                    attachments.append(&mut forwarded.attachments);
                    forwards.push(forwarded);
                }
                Err(error @ (ParseError::TooManyParts { .. } | ParseError::TooSlow { .. })) => {
                    return Err(error);
                }
                // An unreadable forward stays a plain attachment.
                Err(_) => {}
            }
        }
    }
    for forwarded in &forwards {
        text.push_forward(forwarded);
    }

    let subject = message
        .subject()
        .map(|s| clean_line(s, MAX_SUBJECT_BYTES))
        .unwrap_or_default();
    let (text, text_truncated) = text.finish();
    Ok(ParsedMail {
        message_id: message_ids(&message, HeaderName::MessageId)
            .into_iter()
            .next(),
        in_reply_to: message_ids(&message, HeaderName::InReplyTo),
        references: message_ids(&message, HeaderName::References),
        from: first_from(root_headers),
        reply_to: message
            .reply_to()
            .and_then(|a| a.iter().find_map(to_address)),
        to: message
            .all_to()
            .flat_map(|a| a.iter())
            .filter_map(to_address)
            .collect(),
        cc: message
            .all_cc()
            .flat_map(|a| a.iter())
            .filter_map(to_address)
            .collect(),
        delivered_to,
        subject,
        date: message
            .date()
            .filter(|date| date.is_valid())
            .map(|date| date.to_timestamp()),
        text,
        text_truncated,
        html,
        authentication_results,
        attachments,
        loop_signals: signals.finish(),
    })
}

/// Authentication-Results headers kept per mail: only the topmost counts,
/// the rest is for the record.
const MAX_AUTH_RESULTS: usize = 16;

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn truncate_at_char(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn body_parts<'m>(
    message: &'m Message<'m>,
    ids: &'m [u32],
) -> impl Iterator<Item = &'m MessagePart<'m>> {
    ids.iter()
        .filter_map(|&id| usize::try_from(id).ok())
        .filter_map(|id| message.parts.get(id))
}

/// The readable text of a body part; empty for non-text parts.
fn part_text<'a>(part: &'a MessagePart<'a>, budget: &Budget) -> Result<Cow<'a, str>, ParseError> {
    budget.check()?;
    Ok(match &part.body {
        PartType::Text(text) => Cow::Borrowed(text.as_ref()),
        PartType::Html(html) => Cow::Owned(html_to_text_within(html, budget)?),
        _ => Cow::Borrowed(""),
    })
}

/// A header's value as written, unfolded and trimmed: for headers where
/// mail-parser's interpretation would lose what we need (`Return-Path: <>`).
fn raw_value(raw: &[u8], header: &Header<'_>) -> String {
    let start = usize::try_from(header.offset_start).unwrap_or(usize::MAX);
    let end = usize::try_from(header.offset_end).unwrap_or(usize::MAX);
    let bytes = raw.get(start..end).unwrap_or_default();
    clean_line(&String::from_utf8_lossy(bytes), usize::MAX)
}

/// `type/subtype` in lower case, whitespace removed, with the `/` hidden by
/// `nesting` restored; a default by body kind when the part has none.
fn content_type_of(part: &MessagePart<'_>) -> String {
    let Some(content_type) = part.content_type() else {
        return match part.body {
            PartType::Html(_) => "text/html",
            PartType::Text(_) => "text/plain",
            PartType::Message(_) => "message/rfc822",
            PartType::Multipart(_) => "multipart/mixed",
            PartType::Binary(_) | PartType::InlineBinary(_) => "application/octet-stream",
        }
        .to_string();
    };
    let joined = match content_type.subtype() {
        Some(subtype) => format!("{}/{subtype}", content_type.ctype()),
        None => content_type.ctype().to_string(),
    };
    restore(&joined)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '"' | '\\'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The bytes of a part after transfer decoding, as the sender's file had
/// them: decoded from the original input rather than from mail-parser's
/// result, which for text parts is already converted from its charset, and
/// which `nesting` may have touched.
fn transfer_decoded<'a>(raw: &'a [u8], part: &'a MessagePart<'a>) -> Cow<'a, [u8]> {
    let start = usize::try_from(part.offset_body).unwrap_or(usize::MAX);
    let end = usize::try_from(part.offset_end).unwrap_or(usize::MAX);
    let original = raw.get(start..end);
    let decoded = match (&part.encoding, original) {
        (Encoding::None, Some(body)) => Some(Cow::Borrowed(body)),
        (Encoding::Base64, Some(body)) => base64_decode(body).map(Cow::Owned),
        (Encoding::QuotedPrintable, Some(body)) => quoted_printable_decode(body).map(Cow::Owned),
        (_, None) => None,
    };
    decoded.unwrap_or_else(|| Cow::Borrowed(part.contents()))
}

fn message_ids(message: &Message<'_>, header: HeaderName<'static>) -> Vec<MessageId> {
    let mut ids: Vec<MessageId> = Vec::new();
    let mut seen: HashSet<MessageId> = HashSet::new();
    for value in message.header_values(header) {
        let texts: &[Cow<'_, str>] = match value {
            HeaderValue::Text(text) => std::slice::from_ref(text),
            HeaderValue::TextList(list) => list,
            _ => &[],
        };
        for text in texts {
            for piece in restore(text).split_whitespace() {
                if let Ok(id) = MessageId::parse(piece)
                    && seen.insert(id.clone())
                {
                    ids.push(id);
                }
            }
        }
    }
    ids
}

/// The address of the FIRST From header. mail-parser answers with the
/// last one; a mail with two From headers is malformed, and the first is
/// what mail clients show, so that is whose ticket it may touch.
fn first_from(headers: &[Header<'_>]) -> Option<Address> {
    headers
        .iter()
        .find(|h| h.name == HeaderName::From)
        .and_then(|h| match &h.value {
            HeaderValue::Address(a) => a.iter().find_map(to_address),
            _ => None,
        })
}

fn to_address(addr: &Addr<'_>) -> Option<Address> {
    let email = normalize_address(&restore(addr.address.as_deref()?));
    if email.is_empty() {
        return None;
    }
    let name = addr
        .name
        .as_deref()
        .map(|name| clean_line(name, MAX_NAME_BYTES))
        .filter(|name| !name.is_empty());
    Some(Address { email, name })
}

/// One line of text from a header: control characters and runs of
/// whitespace become one space, trimmed, cut at `max_bytes`.
fn clean_line(text: &str, max_bytes: usize) -> String {
    let restored = restore(text);
    let mut line = String::with_capacity(restored.len().min(max_bytes));
    for word in restored.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        let separator = usize::from(!line.is_empty());
        if line.len() + separator + word.len() > max_bytes {
            if !line.is_empty() {
                line.push(' ');
            }
            for c in word.chars() {
                if line.len() + c.len_utf8() > max_bytes {
                    break;
                }
                line.push(c);
            }
            break;
        }
        if separator == 1 {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

/// The body text being assembled, capped at [`MAX_TEXT_BYTES`].
#[derive(Default)]
struct TextBuilder {
    text: String,
    truncated: bool,
}

impl TextBuilder {
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Appends one body part on a new line.
    fn push_part(&mut self, part: &str) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push_clean("\n");
        }
        self.push_clean(part);
    }

    /// Appends a forwarded message the way a mail client shows a forward.
    fn push_forward(&mut self, forwarded: &ParsedMail) {
        let mut header = format!("\n\n{FORWARD_SEPARATOR}\n");
        if let Some(from) = &forwarded.from {
            header.push_str(&format!("From: {}\n", display_address(from)));
        }
        if let Some(date) = forwarded
            .date
            .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
        {
            header.push_str(&format!("Date: {}\n", date.to_rfc2822()));
        }
        header.push_str(&format!("Subject: {}\n", forwarded.subject));
        if !forwarded.to.is_empty() {
            let to: Vec<String> = forwarded.to.iter().map(display_address).collect();
            header.push_str(&format!("To: {}\n", to.join(", ")));
        }
        header.push('\n');
        let start = if self.text.is_empty() {
            header.trim_start()
        } else {
            header.as_str()
        };
        self.push_clean(start);
        self.push_clean(&forwarded.text);
    }

    /// Appends with `\n` line ends, the hidden `/` restored, and control
    /// characters other than tab and newline dropped (NUL cannot be stored).
    /// Works on bytes and copies clean spans whole: this runs over every
    /// byte of every body.
    fn push_clean(&mut self, piece: &str) {
        let bytes = piece.as_bytes();
        let mut span_start = 0;
        let mut i = 0;
        while i < bytes.len() && !self.truncated {
            let (width, replacement) = match bytes[i] {
                b'\n' | b'\t' => {
                    i += 1;
                    continue;
                }
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => (1, ""),
                b'\r' => (1, "\n"),
                nesting::HIDDEN_SLASH => (1, "/"),
                0x00..=0x1f => (1, ""),
                // C1 controls, U+0080 to U+009F.
                0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => (2, ""),
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.append(&piece[span_start..i]);
            self.append(replacement);
            i += width;
            span_start = i;
        }
        self.append(&piece[span_start..]);
    }

    /// Appends as much of `s` as fits under [`MAX_TEXT_BYTES`].
    fn append(&mut self, s: &str) {
        if self.truncated {
            return;
        }
        let room = MAX_TEXT_BYTES.saturating_sub(self.text.len());
        if s.len() <= room {
            self.text.push_str(s);
            return;
        }
        let mut cut = room;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        self.text.push_str(&s[..cut]);
        self.truncated = true;
    }

    fn finish(self) -> (String, bool) {
        (self.text.trim_end().to_string(), self.truncated)
    }
}

fn display_address(address: &Address) -> String {
    match &address.name {
        Some(name) => format!("{name} <{}>", address.email),
        None => address.email.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn limits() -> Limits {
        Limits {
            max_message_bytes: 10 * 1024 * 1024,
            max_parts: 100,
            ..Limits::default()
        }
    }

    fn parsed(raw: &str) -> ParsedMail {
        parse(raw.as_bytes(), &limits()).expect("the mail parses")
    }

    fn ids(list: &[MessageId]) -> Vec<&str> {
        list.iter().map(MessageId::as_str).collect()
    }

    #[test]
    fn the_first_of_two_from_headers_counts() {
        let mail =
            parsed("From: reporter@example.com\nFrom: attacker@evil.example\nSubject: s\n\nbody\n");
        assert_eq!(mail.from.unwrap().email, "reporter@example.com");
    }

    #[test]
    fn a_last_header_without_line_break_is_kept() {
        let mail = parsed("From: r@example.com\nSubject: kept");
        assert_eq!(mail.subject, "kept");
    }

    #[test]
    fn plain_text_mail_gives_headers_and_text() {
        let mail = parsed(
            "Return-Path: <alice@example.com>\r\n\
             Delivered-To: Security@Desk.example\r\n\
             X-Original-To: security@desk.example\r\n\
             Message-ID:   <CAF1234@mail.example.com>  \r\n\
             Date: Tue, 04 Mar 2025 10:15:00 +0100\r\n\
             From: \"Alice Example\" <Alice@Example.COM>\r\n\
             Reply-To: alice.reports@example.com\r\n\
             To: Security Desk <security@desk.example>, other@example.org\r\n\
             Cc: boss@example.com\r\n\
             Subject: Vulnerability in\r\n the login form\r\n\
             \r\n\
             Vulnerability: SQL injection\r\n\
             CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\r\n",
        );
        assert_eq!(
            mail.message_id.as_ref().map(MessageId::as_str),
            Some("CAF1234@mail.example.com")
        );
        assert_eq!(
            mail.from,
            Some(Address {
                email: "alice@example.com".into(),
                name: Some("Alice Example".into())
            })
        );
        assert_eq!(
            mail.reply_to.map(|a| a.email),
            Some("alice.reports@example.com".into())
        );
        let to: Vec<_> = mail.to.iter().map(|a| a.email.as_str()).collect();
        assert_eq!(to, ["security@desk.example", "other@example.org"]);
        assert_eq!(mail.cc.len(), 1);
        assert_eq!(mail.delivered_to, ["security@desk.example"]);
        assert_eq!(mail.subject, "Vulnerability in the login form");
        assert_eq!(mail.date, Some(1_741_079_700));
        assert_eq!(
            mail.text,
            "Vulnerability: SQL injection\nCVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
        );
        assert!(!mail.text_truncated);
        assert!(mail.attachments.is_empty());
        assert_eq!(
            mail.loop_signals.return_path.as_deref(),
            Some("alice@example.com")
        );
    }

    #[test]
    fn missing_headers_give_empty_values() {
        let mail = parsed("X-Nothing: here\n\nbody\n");
        assert_eq!(mail.subject, "");
        assert_eq!((mail.message_id, mail.from, mail.date), (None, None, None));
        assert_eq!(mail.text, "body");
    }

    #[test]
    fn html_only_mail_keeps_a_split_cvss_vector_whole() {
        let mail = parsed(
            "From: r@example.com\nSubject: html\nContent-Type: text/html; charset=utf-8\n\n\
             <html><head><style>b{}</style></head><body><div>Problema riscontrato: XSS</div>\
             <div>CVSS:3.1/AV:N/AC:<b>L</b>/PR:N/UI:<span style=\"x\">R</span>/S:U/C:L/I:L/A:N</div>\
             <p>Grazie &amp; saluti</p></body></html>\n",
        );
        assert_eq!(
            mail.text,
            "Problema riscontrato: XSS\nCVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N\n\nGrazie & saluti"
        );
    }

    #[test]
    fn multipart_alternative_prefers_the_plain_part() {
        let mail = parsed(
            "From: r@example.com\nContent-Type: multipart/alternative; boundary=\"alt\"\n\n\
             --alt\nContent-Type: text/plain; charset=utf-8\n\nplain version\n\
             --alt\nContent-Type: text/html; charset=utf-8\n\n<p>html version</p>\n\
             --alt--\n",
        );
        assert_eq!(mail.text, "plain version");
        assert!(mail.attachments.is_empty());
    }

    #[test]
    fn an_empty_plain_part_falls_back_to_the_html() {
        let mail = parsed(
            "From: r@example.com\nContent-Type: multipart/alternative; boundary=\"alt\"\n\n\
             --alt\nContent-Type: text/plain\n\n \n\
             --alt\nContent-Type: text/html\n\n<p>the real text</p>\n\
             --alt--\n",
        );
        assert_eq!(mail.text, "the real text");
    }

    #[test]
    fn quoted_printable_soft_breaks_are_joined() {
        let mail = parsed(
            "From: r@example.com\nContent-Type: text/plain; charset=utf-8\n\
             Content-Transfer-Encoding: quoted-printable\n\n\
             CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I=\n:H/A:H\nperch=C3=A9 =3D ok\n",
        );
        assert_eq!(
            mail.text,
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\nperché = ok"
        );
    }

    #[test]
    fn encoded_word_subjects_are_decoded() {
        let subject = |header: &str| {
            parsed(&format!("From: r@example.com\nSubject: {header}\n\nx\n")).subject
        };
        assert_eq!(
            subject("=?UTF-8?B?UmU6IFtTRUMtN0tRMy1NOVBYXSBWdWxuZXJhYmlsaXTDoA==?="),
            "Re: [SEC-7KQ3-M9PX] Vulnerabilità"
        );
        assert_eq!(
            subject("=?utf-8?q?R=3A_problema_di_sicurezza_=E2=80=93_urgente?="),
            "R: problema di sicurezza – urgente"
        );
        assert_eq!(
            subject("=?ISO-8859-1?Q?Vulnerabilit=E0_nel_modulo?="),
            "Vulnerabilità nel modulo"
        );
        // Multi-byte Asian charsets need mail-parser's `full_encoding` feature;
        // without it the text is decoded lossily, but the rest survives.
        assert!(subject("=?gb2312?B?u9i4tDogW1BBVENIXQ==?=").ends_with(": [PATCH]"));
        assert_eq!(
            subject("Re: [oss-security] a long subject\n  continued [SEC-7KQ3-M9PX]"),
            "Re: [oss-security] a long subject continued [SEC-7KQ3-M9PX]"
        );
    }

    #[test]
    fn italian_latin1_body_is_decoded() {
        let mut raw = b"From: mario@example.it\nSubject: segnalazione\n\
                        Content-Type: text/plain; charset=ISO-8859-1\n\
                        Content-Transfer-Encoding: 8bit\n\n"
            .to_vec();
        raw.extend_from_slice(b"Perch\xe9 la vulnerabilit\xe0 \xe8 grave: citt\xe0, pi\xf9.\n");
        let mail = parse(&raw, &limits()).expect("parses");
        assert_eq!(mail.text, "Perché la vulnerabilità è grave: città, più.");
    }

    #[test]
    fn an_unknown_charset_still_gives_text() {
        let mut raw =
            b"From: r@example.com\nContent-Type: text/plain; charset=x-klingon-42\n\n".to_vec();
        raw.extend_from_slice(b"CVE-2024-12345 affects \xff\xfe the parser\n");
        let mail = parse(&raw, &limits()).expect("parses");
        assert!(
            mail.text.starts_with("CVE-2024-12345 affects "),
            "{}",
            mail.text
        );
        assert!(mail.text.ends_with(" the parser"));
    }

    #[test]
    fn forwarded_messages_are_included_like_a_forward() {
        let mail = parsed(
            "From: staff@desk.example\nSubject: Fwd: report\n\
             Content-Type: multipart/mixed; boundary=\"outer\"\n\n\
             --outer\nContent-Type: text/plain\n\nSee the report below.\n\
             --outer\nContent-Type: message/rfc822\n\n\
             From: Mario Rossi <mario@example.it>\nTo: sales@example.com\n\
             Date: Mon, 03 Mar 2025 09:00:00 +0000\nSubject: Problema di sicurezza\n\n\
             Problema riscontrato: password in chiaro.\n\
             --outer--\n",
        );
        assert_eq!(
            mail.text,
            "See the report below.\n\n---------- Forwarded message ----------\n\
             From: Mario Rossi <mario@example.it>\nDate: Mon, 3 Mar 2025 09:00:00 +0000\n\
             Subject: Problema di sicurezza\nTo: sales@example.com\n\n\
             Problema riscontrato: password in chiaro."
        );
        assert_eq!(mail.attachments.len(), 1);
        assert_eq!(mail.attachments[0].content_type, "message/rfc822");
        assert_eq!(
            mail.from.map(|a| a.email),
            Some("staff@desk.example".into())
        );
    }

    #[test]
    fn base64_forwarded_messages_and_their_attachments_are_read() {
        let inner = "From: a@example.com\nSubject: inner\nContent-Type: multipart/mixed; boundary=in\n\n\
                     --in\nContent-Type: text/plain\n\ninner text\n\
                     --in\nContent-Type: application/pdf; name=poc.pdf\nContent-Transfer-Encoding: base64\n\n\
                     JVBERi0xLjQgZmFrZSBwZGYK\n--in--\n";
        let encoded = mail_parser_free_base64(inner.as_bytes());
        let mail = parsed(&format!(
            "From: b@example.com\nContent-Type: multipart/mixed; boundary=out\n\n\
             --out\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n{encoded}\n--out--\n"
        ));
        assert!(
            mail.text.contains("Subject: inner\n\ninner text"),
            "{}",
            mail.text
        );
        let types: Vec<_> = mail
            .attachments
            .iter()
            .map(|a| a.content_type.as_str())
            .collect();
        assert_eq!(types, ["message/rfc822", "application/pdf"]);
        assert_eq!(mail.attachments[0].size, inner.len());
        assert_eq!(mail.attachments[1].name.as_deref(), Some("poc.pdf"));
    }

    #[test]
    fn attachments_have_name_type_size_and_hash() {
        let mail = parsed(
            "From: r@example.com\nContent-Type: multipart/mixed; boundary=\"b\"\n\n\
             --b\nContent-Type: text/plain\n\nsee attachments\n\
             --b\nContent-Type: application/pdf; name=\"report.pdf\"\n\
             Content-Disposition: attachment; filename=\"report.pdf\"\n\
             Content-Transfer-Encoding: base64\n\nJVBERi0xLjQg\nZmFrZSBwZGYK\n\
             --b\nContent-Type: text/plain; charset=utf-8\n\
             Content-Disposition: attachment; filename*=utf-8''caf%C3%A9.txt\n\
             Content-Transfer-Encoding: quoted-printable\n\ncaf=C3=A9 =3D 1\n\n\
             --b\nContent-Type: text/x-log; charset=iso-8859-1\n\
             Content-Disposition: attachment; filename=app.log\n\nplain attachment\nline 2\n\
             --b--\n",
        );
        assert_eq!(mail.text, "see attachments");
        let pdf = &mail.attachments[0];
        assert_eq!(pdf.name.as_deref(), Some("report.pdf"));
        assert_eq!(pdf.content_type, "application/pdf");
        assert_eq!(pdf.size, 18);
        assert_eq!(
            pdf.sha256,
            "32037e384dca5b72f1d0b001299cffe9894da9bca6931ab62656760943b2e1a5"
        );
        let txt = &mail.attachments[1];
        assert_eq!(txt.name.as_deref(), Some("café.txt"));
        assert_eq!(txt.content_type, "text/plain");
        assert_eq!(
            txt.sha256,
            "2650c3a22e22e53fa34539d29d17e87bb6a3dd252bccc731965b62f4ca9eb55a"
        );
        let log = &mail.attachments[2];
        assert_eq!(
            (log.name.as_deref(), log.content_type.as_str()),
            (Some("app.log"), "text/x-log")
        );
        assert_eq!(
            log.sha256,
            "23839afbf4bf76b3151baa3ce0798f49cc41fba6ee0da9f3c3c4717e3bf556b4"
        );
        assert_eq!(mail.attachments.len(), 3);
    }

    #[test]
    fn threading_ids_are_normalised() {
        let mail = parsed(
            "From: r@example.com\nMessage-ID: <  abc@x.example >\n\
             In-Reply-To: <one@desk.example> <two@desk.example>\n\
             References: <root@desk.example>\n <one@desk.example>\n\t<one@desk.example>\n\n.\n",
        );
        assert_eq!(
            mail.message_id.as_ref().map(MessageId::as_str),
            Some("abc@x.example")
        );
        assert_eq!(
            ids(&mail.in_reply_to),
            ["one@desk.example", "two@desk.example"]
        );
        assert_eq!(
            ids(&mail.references),
            ["root@desk.example", "one@desk.example"]
        );

        let broken =
            parsed("From: r@example.com\nMessage-ID: bare-id@x.example\nIn-Reply-To: <>\n\n.\n");
        assert_eq!(
            broken.message_id.as_ref().map(MessageId::as_str),
            Some("bare-id@x.example")
        );
        assert!(broken.in_reply_to.is_empty());
    }

    #[test]
    fn display_names_are_decoded() {
        let mail = parsed("From: =?utf-8?q?Jos=C3=A9_Garc=C3=ADa?= <JOSE@Example.es>\n\nx\n");
        assert_eq!(
            mail.from,
            Some(Address {
                email: "jose@example.es".into(),
                name: Some("José García".into())
            })
        );
    }

    #[test]
    fn mail_over_the_size_limit_is_refused() {
        let raw = format!("From: r@example.com\n\n{}\n", "x".repeat(2000));
        let tight = Limits {
            max_message_bytes: 1024,
            max_parts: 100,
            ..Limits::default()
        };
        let error = parse(raw.as_bytes(), &tight).expect_err("too large");
        assert_eq!(
            error,
            ParseError::TooLarge {
                size: raw.len(),
                limit: 1024
            }
        );
        assert!(error.to_string().contains("limits.max_message_bytes"));
    }

    #[test]
    fn mail_over_the_cpu_budget_is_refused_and_the_same_mail_parses_with_room() {
        let mut raw = String::from("From: r@example.com\nContent-Type: text/html\n\n<html><body>");
        while raw.len() < 4 * 1024 * 1024 {
            raw.push_str("<div><span>log line</span> <b>with</b> markup &amp; entities</div>\n");
        }
        let tight = Limits {
            max_processing: Duration::from_millis(1),
            ..limits()
        };
        let error = parse(raw.as_bytes(), &tight).expect_err("over the budget");
        assert_eq!(
            error,
            ParseError::TooSlow {
                limit: Duration::from_millis(1)
            }
        );
        assert!(
            error.to_string().contains("limits.max_processing_ms"),
            "{error}"
        );
        let roomy = Limits {
            max_processing: Duration::from_secs(600),
            ..limits()
        };
        let mail = parse(raw.as_bytes(), &roomy).expect("parses with room");
        assert!(mail.text.contains("log line with markup & entities"));
    }

    #[test]
    fn mail_with_too_many_parts_is_refused() {
        let mut raw =
            String::from("From: r@example.com\nContent-Type: multipart/mixed; boundary=b\n\n");
        for i in 0..5 {
            raw.push_str(&format!("--b\nContent-Type: text/plain\n\npart {i}\n"));
        }
        raw.push_str("--b--\n");
        let limits = |max_parts| Limits {
            max_message_bytes: 1 << 20,
            max_parts,
            ..Limits::default()
        };
        assert!(parse(raw.as_bytes(), &limits(6)).is_ok());
        assert!(matches!(
            parse(raw.as_bytes(), &limits(5)),
            Err(ParseError::TooManyParts { parts: 6, limit: 5 })
        ));
    }

    #[test]
    fn parts_of_forwarded_messages_count_too() {
        let raw = "From: r@example.com\nContent-Type: multipart/mixed; boundary=b\n\n\
                   --b\nContent-Type: message/rfc822\n\n\
                   From: x@example.com\nContent-Type: multipart/mixed; boundary=c\n\n\
                   --c\n\none\n--c\n\ntwo\n--c\n\nthree\n--c--\n\
                   --b--\n";
        let limits = |max_parts| Limits {
            max_message_bytes: 1 << 20,
            max_parts,
            ..Limits::default()
        };
        assert!(parse(raw.as_bytes(), &limits(6)).is_ok());
        assert!(matches!(
            parse(raw.as_bytes(), &limits(5)),
            Err(ParseError::TooManyParts { .. })
        ));
    }

    #[test]
    fn input_without_headers_is_not_a_message() {
        assert!(matches!(
            parse(b"", &limits()),
            Err(ParseError::NotAMessage(_))
        ));
    }

    #[test]
    fn literal_content_types_in_text_survive() {
        let mail = parsed(
            "From: r@example.com\nSubject: bug in message/rfc822 handling\n\n\
             A part with Content-Type: message/rfc822 or multipart/digest crashes it.\n",
        );
        assert_eq!(mail.subject, "bug in message/rfc822 handling");
        assert_eq!(
            mail.text,
            "A part with Content-Type: message/rfc822 or multipart/digest crashes it."
        );
    }

    #[test]
    fn control_characters_and_nul_are_removed() {
        let mail = parse(
            b"From: r@example.com\nSubject: a\x00b\x07c\n\nte\x00xt\r\nline\rnext\x0c.\n",
            &limits(),
        )
        .expect("parses");
        assert_eq!(mail.subject, "a b c");
        assert_eq!(mail.text, "text\nline\nnext.");
    }

    #[test]
    fn many_references_and_delivered_to_headers_are_cheap() {
        // Found by fuzzing (parse_extract): repeats were found by searching
        // the list kept so far, so 10,000 References or Delivered-To headers
        // took seconds, and a mail at the 25 MB limit would take hours.
        let mut raw = String::from("From: r@example.com\n");
        for i in 0..40_000 {
            raw.push_str(&format!(
                "References: <r{i}@x> <r0@x>\nDelivered-To: d{i}@x\n"
            ));
        }
        raw.push_str("\nbody\n");
        let start = Instant::now();
        let mail = parsed(&raw);
        assert!(start.elapsed() < Duration::from_secs(5));
        assert_eq!(mail.references.len(), 40_000);
        assert_eq!(mail.references[1].as_str(), "r1@x");
        assert_eq!(mail.delivered_to.len(), 40_000);
    }

    #[test]
    fn addresses_never_keep_a_nul() {
        // Found by fuzzing (parse_extract): mail-parser keeps the NUL in the
        // address, which PostgreSQL refuses to store.
        let mail = parse(
            b"From: \"Secu iyts erDk\" \x00security@example.t-st>\nTo: a\x00b@example.com\n\nx\n",
            &limits(),
        )
        .expect("parses");
        let from = mail.from.expect("a sender").email;
        assert!(from.starts_with("security@example.t-st"), "{from:?}");
        assert!(!from.contains('\0'), "{from:?}");
        let to: Vec<_> = mail.to.iter().map(|a| a.email.as_str()).collect();
        assert_eq!(to, ["ab@example.com"]);
    }

    #[test]
    fn text_is_capped() {
        let raw = format!("From: r@example.com\n\n{}", "é".repeat(MAX_TEXT_BYTES));
        let mail = parsed(&raw);
        assert!(mail.text_truncated);
        assert!(mail.text.len() <= MAX_TEXT_BYTES && mail.text.len() > MAX_TEXT_BYTES - 4);
    }

    #[test]
    fn deeply_nested_messages_are_cheap_and_bounded() {
        let nested = "Content-Type: message/rfc822\n\nSubject: level\n".repeat(5000) + "\nbottom\n";
        let encoded = mail_parser_free_base64(nested.as_bytes());
        for raw in [
            format!("From: r@example.com\n{nested}"),
            format!(
                "From: r@example.com\nContent-Type: message/rfc822\n\
                 Content-Transfer-Encoding: base64\n\n{encoded}\n"
            ),
        ] {
            let start = Instant::now();
            let result = parse(raw.as_bytes(), &limits());
            assert!(start.elapsed() < Duration::from_secs(10));
            let mail = result.expect("parses");
            assert_eq!(
                mail.text.matches(FORWARD_SEPARATOR).count(),
                MAX_FORWARD_DEPTH
            );
        }
    }

    /// Standard base64 with 76-character lines, written out here so the test
    /// does not trust the decoder it checks.
    fn mail_parser_free_base64(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for (i, chunk) in bytes.chunks(3).enumerate() {
            if i > 0 && i % 19 == 0 {
                out.push('\n');
            }
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for j in 0..4 {
                if j <= chunk.len() {
                    out.push(char::from(ALPHABET[((n >> (18 - 6 * j)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
}
