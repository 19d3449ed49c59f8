//! The MIME byte work PGP/MIME needs and mail-parser does not give: exact
//! slices of entities and multipart bodies (a detached signature covers the
//! first part byte for byte, RFC 3156 §5), raw header fields to copy into a
//! rebuilt mail, and header blocks put back together.
//!
//! Header *values* (content types, subjects, addresses) are read by
//! mail-parser, but only ever from a header block: [`header_view`] never hands
//! it a body, so none of the nested-message costs `message::nesting` guards
//! against can arise here.

use std::borrow::Cow;
use std::ops::Range;

use mail_parser::decoders::base64::base64_decode;
use mail_parser::decoders::quoted_printable::quoted_printable_decode;
use mail_parser::{HeaderName, MessageParser};

use super::PgpError;

/// How deep multiparts are walked when looking for keys or inline armor.
pub(super) const MAX_DEPTH: usize = 8;
/// Parts looked at across one walk; the message parser's default limit.
pub(super) const MAX_PARTS: usize = 1000;

/// The line ending a mail uses, taken from its first line; what is added to
/// it uses the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Eol {
    Crlf,
    Lf,
}

impl Eol {
    pub(super) fn of(raw: &[u8]) -> Eol {
        match raw.iter().position(|&b| b == b'\n') {
            Some(i) if i > 0 && raw[i - 1] == b'\r' => Eol::Crlf,
            Some(_) => Eol::Lf,
            None => Eol::Crlf,
        }
    }

    pub(super) fn as_str(self) -> &'static str {
        match self {
            Eol::Crlf => "\r\n",
            Eol::Lf => "\n",
        }
    }

    /// `text` with every line ending (`\r\n`, `\n` or a lone `\r`) made this one.
    pub(super) fn apply(self, text: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + text.len() / 32);
        let mut i = 0;
        while i < text.len() {
            match text[i] {
                b'\r' => {
                    out.extend_from_slice(self.as_str().as_bytes());
                    if text.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                }
                b'\n' => out.extend_from_slice(self.as_str().as_bytes()),
                b => out.push(b),
            }
            i += 1;
        }
        out
    }
}

/// One line of `text` with its position: `content` without the line end,
/// `end` just after it.
struct Line<'a> {
    start: usize,
    content: &'a [u8],
    end: usize,
}

fn lines(text: &[u8]) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let rest = &text[start..];
        let (content_len, end) = match rest.iter().position(|&b| b == b'\n') {
            Some(nl) => {
                let content_len = if nl > 0 && rest[nl - 1] == b'\r' {
                    nl - 1
                } else {
                    nl
                };
                (content_len, start + nl + 1)
            }
            None => (rest.len(), text.len()),
        };
        let line = Line {
            start,
            content: &rest[..content_len],
            end,
        };
        start = end;
        Some(line)
    })
}

/// An entity (a whole mail or one body part) cut at the blank line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entity<'a> {
    /// The header fields, each with its line end; no blank line.
    pub header: &'a [u8],
    pub body: &'a [u8],
}

/// Cuts `raw` at its first empty line. A part that starts with the empty
/// line has no header; one without any has no body.
pub(super) fn split_entity(raw: &[u8]) -> Entity<'_> {
    for line in lines(raw) {
        if line.content.is_empty() {
            return Entity {
                header: &raw[..line.start],
                body: &raw[line.end..],
            };
        }
    }
    Entity {
        header: raw,
        body: &[],
    }
}

/// One header field as it was written: its name and all its lines.
#[derive(Debug, Clone, Copy)]
pub(super) struct Field<'a> {
    pub name: &'a str,
    /// The field, folded lines and final line end included.
    pub raw: &'a [u8],
}

impl Field<'_> {
    pub(super) fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// `Content-*` and `MIME-Version`: what describes the body rather than
    /// the message, and so moves with the body.
    pub(super) fn describes_body(&self) -> bool {
        self.is("MIME-Version")
            || self
                .name
                .get(..8)
                .is_some_and(|p| p.eq_ignore_ascii_case("content-"))
    }

    /// The value unfolded: continuation line ends removed, trimmed.
    pub(super) fn value(&self) -> String {
        let after_colon = self
            .raw
            .iter()
            .position(|&b| b == b':')
            .map_or(&[][..], |i| &self.raw[i + 1..]);
        let unfolded: Vec<u8> = after_colon
            .iter()
            .copied()
            .filter(|&b| b != b'\r' && b != b'\n')
            .collect();
        String::from_utf8_lossy(&unfolded).trim().to_string()
    }
}

/// The fields of a header block in order. Lines that are neither a field
/// nor a continuation (garbage a sender put there) are left out.
pub(super) fn fields(header: &[u8]) -> Vec<Field<'_>> {
    let mut fields: Vec<Field<'_>> = Vec::new();
    let mut current: Option<(usize, &str)> = None;
    for line in lines(header) {
        if matches!(line.content.first(), Some(b' ' | b'\t')) {
            continue;
        }
        if let Some((start, name)) = current.take() {
            fields.push(Field {
                name,
                raw: &header[start..line.start],
            });
        }
        // a garbage line's continuations belong to nothing
        current = field_name(line.content).map(|name| (line.start, name));
    }
    if let Some((start, name)) = current {
        fields.push(Field {
            name,
            raw: &header[start..],
        });
    }
    fields
}

/// The name of a field line: printable ASCII without space up to the colon.
fn field_name(line: &[u8]) -> Option<&str> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = std::str::from_utf8(&line[..colon]).ok()?.trim_end();
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic())).then_some(name)
}

/// A content type, lower case, with its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ContentType {
    /// `type/subtype`; `text/plain` when absent or unreadable (RFC 2045 §5.2).
    pub mime: String,
    /// Names lower case, values as given.
    params: Vec<(String, String)>,
}

impl ContentType {
    pub(super) fn is(&self, mime: &str) -> bool {
        self.mime == mime
    }

    pub(super) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the `protocol` parameter names `protocol` (any case).
    pub(super) fn protocol_is(&self, protocol: &str) -> bool {
        self.param("protocol")
            .is_some_and(|p| p.trim().eq_ignore_ascii_case(protocol))
    }
}

/// What the desk reads from one header block.
#[derive(Debug, Clone)]
pub(super) struct HeaderView {
    pub content_type: ContentType,
    /// `Content-Transfer-Encoding`, lower case; `None` means 7bit.
    pub transfer_encoding: Option<String>,
    /// Decoded (RFC 2047), whitespace collapsed.
    pub subject: Option<String>,
    /// The first From address, normalised.
    pub from: Option<String>,
}

pub(super) fn header_view(header: &[u8]) -> HeaderView {
    // mail-parser stops reading a header block at its end; a last line
    // without a line end would be lost
    let block: Cow<'_, [u8]> = if header.ends_with(b"\n") {
        Cow::Borrowed(header)
    } else {
        let mut owned = header.to_vec();
        owned.extend_from_slice(b"\r\n");
        Cow::Owned(owned)
    };
    let parsed = MessageParser::default().parse_headers(block.as_ref());
    let header_value = |name: HeaderName<'static>| {
        parsed
            .as_ref()
            .and_then(|m| m.root_part().headers.iter().find(|h| h.name == name))
            .map(|h| h.value().clone())
    };
    let content_type = header_value(HeaderName::ContentType)
        .and_then(|v| v.into_content_type())
        .map(|ct| ContentType {
            mime: match &ct.c_subtype {
                Some(sub) => format!("{}/{}", ct.c_type, sub).to_ascii_lowercase(),
                None => ct.c_type.to_ascii_lowercase(),
            },
            params: ct
                .attributes
                .unwrap_or_default()
                .into_iter()
                .map(|a| (a.name.to_ascii_lowercase(), a.value.into_owned()))
                .collect(),
        })
        .filter(|ct| ct.mime.contains('/'))
        .unwrap_or_else(|| ContentType {
            mime: "text/plain".to_string(),
            params: Vec::new(),
        });
    HeaderView {
        content_type,
        transfer_encoding: header_value(HeaderName::ContentTransferEncoding)
            .and_then(|v| v.into_text())
            .map(|t| t.trim().to_ascii_lowercase()),
        subject: header_value(HeaderName::Subject)
            .and_then(|v| v.into_text())
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
        from: header_value(HeaderName::From)
            .and_then(|v| v.into_address())
            .and_then(|a| a.first().and_then(|a| a.address()).map(str::to_string))
            .map(|a| crate::message::normalize_address(&a)),
    }
}

/// The parts of a multipart body, as ranges of `body`. A part ends before
/// the line end that precedes the next delimiter, which belongs to the
/// delimiter (RFC 2046 §5.1.1) — so a signed part's range is exactly the
/// signed bytes. `None` when no delimiter line is found.
pub(super) fn multipart_parts(body: &[u8], boundary: &str) -> Option<Vec<Range<usize>>> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut parts = Vec::new();
    let mut open: Option<usize> = None;
    for line in lines(body) {
        let Some(rest) = line.content.strip_prefix(delimiter) else {
            continue;
        };
        let closing = rest.starts_with(b"--");
        let tail = if closing { &rest[2..] } else { rest };
        // transport padding may follow a delimiter; anything else means the
        // line only starts like one
        if !tail.iter().all(|&b| b == b' ' || b == b'\t') {
            continue;
        }
        if let Some(start) = open.take() {
            let end = preceding_eol_start(body, line.start).max(start);
            parts.push(start..end);
            if parts.len() > MAX_PARTS {
                return Some(parts);
            }
        }
        if closing {
            return Some(parts);
        }
        open = Some(line.end);
    }
    // a missing closing delimiter is common in truncated mail; what was
    // there is still the last part
    if let Some(start) = open {
        parts.push(start..body.len());
    }
    (!parts.is_empty()).then_some(parts)
}

/// Where the line end just before `at` starts (`at` itself at the start).
fn preceding_eol_start(text: &[u8], at: usize) -> usize {
    if at >= 2 && &text[at - 2..at] == b"\r\n" {
        at - 2
    } else if at >= 1 && text[at - 1] == b'\n' {
        at - 1
    } else {
        at
    }
}

/// A body with its transfer encoding undone.
pub(super) fn decode_body<'a>(
    body: &'a [u8],
    transfer_encoding: Option<&str>,
) -> Result<Cow<'a, [u8]>, PgpError> {
    match transfer_encoding {
        None | Some("7bit" | "8bit" | "binary" | "") => Ok(Cow::Borrowed(body)),
        Some("base64") => base64_decode(body)
            .map(Cow::Owned)
            .ok_or_else(|| PgpError::Corrupt("the part's base64 cannot be decoded".to_string())),
        Some("quoted-printable") => {
            quoted_printable_decode(body)
                .map(Cow::Owned)
                .ok_or_else(|| {
                    PgpError::Corrupt("the part's quoted-printable cannot be decoded".to_string())
                })
        }
        Some(other) => Err(PgpError::Unsupported(format!(
            "the transfer encoding {other:?}"
        ))),
    }
}

/// RFC 3156 §5: the signed part is hashed with CRLF line ends, whatever the
/// mail store or the IMAP server made of them.
pub(super) fn canonical_crlf(text: &[u8]) -> Vec<u8> {
    Eol::Crlf.apply(text)
}

/// A header block made of `fields` in order, each with its line ends turned
/// into `eol`, so a rebuilt mail does not mix them.
pub(super) fn join_fields<'a>(fields: impl IntoIterator<Item = &'a [u8]>, eol: Eol) -> Vec<u8> {
    let mut out = Vec::new();
    for raw in fields {
        out.extend_from_slice(&eol.apply(raw));
        if !raw.ends_with(b"\n") {
            out.extend_from_slice(eol.as_str().as_bytes());
        }
    }
    out
}

/// A body part that is not a multipart, with where it lies in the mail.
#[derive(Debug)]
pub(super) struct Leaf<'a> {
    /// The part, header included, as a range of the whole mail.
    pub range: Range<usize>,
    pub entity: Entity<'a>,
    pub view: HeaderView,
}

/// The leaf parts of a mail in order (the mail itself when it is not a
/// multipart), at most [`MAX_PARTS`] looked at and [`MAX_DEPTH`] deep.
/// Forwarded messages are leaves: what they contain is not the sender's.
pub(super) fn leaves(raw: &[u8]) -> Vec<Leaf<'_>> {
    let mut out = Vec::new();
    let mut seen = 0;
    collect_leaves(raw, 0..raw.len(), 0, &mut seen, &mut out);
    out
}

fn collect_leaves<'a>(
    raw: &'a [u8],
    range: Range<usize>,
    depth: usize,
    seen: &mut usize,
    out: &mut Vec<Leaf<'a>>,
) {
    *seen += 1;
    if *seen > MAX_PARTS {
        return;
    }
    let part = &raw[range.clone()];
    let entity = split_entity(part);
    let view = header_view(entity.header);
    if !view.content_type.mime.starts_with("multipart/") {
        out.push(Leaf {
            range,
            entity,
            view,
        });
        return;
    }
    let Some(boundary) = view.content_type.param("boundary") else {
        return;
    };
    if depth >= MAX_DEPTH {
        return;
    }
    let body_start = range.start + (part.len() - entity.body.len());
    for sub in multipart_parts(entity.body, boundary).unwrap_or_default() {
        collect_leaves(
            raw,
            body_start + sub.start..body_start + sub.end,
            depth + 1,
            seen,
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_part_ends_before_the_line_end_of_the_next_delimiter() {
        let body = b"preamble\r\n--b\r\nContent-Type: text/plain\r\n\r\nsigned\r\n\r\n--b\r\nsig\r\n--b--\r\n";
        let parts = multipart_parts(body, "b").expect("parts");
        assert_eq!(parts.len(), 2);
        assert_eq!(
            &body[parts[0].clone()],
            b"Content-Type: text/plain\r\n\r\nsigned\r\n"
        );
        assert_eq!(&body[parts[1].clone()], b"sig");
    }

    #[test]
    fn a_line_that_only_starts_like_a_delimiter_is_content() {
        let body = b"--b\nfirst\n--bx\n--b \nsecond\n--b--\n";
        let parts = multipart_parts(body, "b").expect("parts");
        assert_eq!(
            parts.iter().map(|r| &body[r.clone()]).collect::<Vec<_>>(),
            vec![&b"first\n--bx"[..], &b"second"[..]]
        );
        assert!(multipart_parts(b"no delimiter here\n", "b").is_none());
    }

    #[test]
    fn folded_fields_stay_whole_and_garbage_lines_are_dropped() {
        let header = b"Subject: one\r\n two\r\nnot a field\r\n continued garbage\r\nTo: a@b\r\n";
        let fields = fields(header);
        assert_eq!(
            fields.iter().map(|f| f.name).collect::<Vec<_>>(),
            ["Subject", "To"]
        );
        assert_eq!(fields[0].raw, b"Subject: one\r\n two\r\n");
        assert_eq!(fields[0].value(), "one two");
    }

    #[test]
    fn line_ends_are_made_consistent() {
        assert_eq!(Eol::Crlf.apply(b"a\nb\r\nc\rd"), b"a\r\nb\r\nc\r\nd");
        assert_eq!(Eol::Lf.apply(b"a\r\nb\n"), b"a\nb\n");
        assert_eq!(Eol::of(b"From: x\r\n"), Eol::Crlf);
        assert_eq!(Eol::of(b"From: x\n"), Eol::Lf);
    }
}
