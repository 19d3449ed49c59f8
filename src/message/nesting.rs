//! Keeps mail-parser from parsing nested messages itself.
//!
//! mail-parser 0.11 parses a `message/rfc822` part (and the children of a
//! `multipart/digest`) as a nested message. When that part is base64 or
//! quoted-printable encoded, it parses the decoded bytes and then copies the
//! nested tree with a recursive `into_owned`, which also copies the whole
//! decoded buffer once per nesting level. A 116 KB mail of nested
//! `message/rfc822` headers, base64-encoded, took 260 MB; 40 KB of them
//! overflowed a 2 MB thread stack, which aborts the process (measured with
//! 0.11.9). That is a crash loop for a daemon that re-reads its mailbox.
//!
//! So before mail-parser sees the bytes, every `/` that could join the type
//! `message` to a subtype, or `multipart` to `digest`, is replaced by DEL
//! (0x7F), which mail-parser reads as part of the type name: the part becomes
//! an ordinary attachment, and `parse` parses forwarded messages itself, with
//! its own depth limit. The replacement keeps every offset; the texts built
//! from the bytes get the `/` back (`restore`), and attachment bytes are
//! taken from the original input where they are not transfer-encoded.
//!
//! The match is deliberately loose (it also catches `message/` in ordinary
//! text, which `restore` repairs): missing a real content type is the failure
//! that matters. mail-parser's content-type reader skips spaces, tabs, folded
//! line breaks, `"` and `\` between the type and the `/`, and parenthesised
//! comments anywhere; a `)` or `(` next to the `/` is treated as a possible
//! comment and the `/` is replaced.

use std::borrow::Cow;

/// What a hidden `/` becomes. It never occurs in real mail text.
pub(super) const HIDDEN_SLASH: u8 = 0x7f;

/// Longest run of skippable characters looked through next to a `/`; beyond
/// it the `/` is replaced anyway. Each scan stops at the previous or next `/`,
/// so the whole pass stays linear.
const MAX_GAP: usize = 256;

/// The input with every type-joining `/` of `message/...` and
/// `multipart/digest` hidden; borrowed when there is none.
pub(super) fn hide_nested_types(raw: &[u8]) -> Cow<'_, [u8]> {
    let mut hidden = Vec::new();
    let mut from = 0;
    while let Some(offset) = raw
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'/'))
    {
        let slash = from + offset;
        if joins_nested_type(raw, slash) {
            hidden.push(slash);
        }
        from = slash + 1;
    }
    if hidden.is_empty() {
        return Cow::Borrowed(raw);
    }
    let mut copy = raw.to_vec();
    for i in hidden {
        copy[i] = HIDDEN_SLASH;
    }
    Cow::Owned(copy)
}

/// Undoes the hiding in a text built from the parsed bytes.
pub(super) fn restore(text: &str) -> Cow<'_, str> {
    if text.contains(char::from(HIDDEN_SLASH)) {
        Cow::Owned(text.replace(char::from(HIDDEN_SLASH), "/"))
    } else {
        Cow::Borrowed(text)
    }
}

fn is_gap(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\\')
}

fn joins_nested_type(raw: &[u8], slash: usize) -> bool {
    let before = &raw[..slash];
    let gap = before
        .iter()
        .rev()
        .take(MAX_GAP)
        .take_while(|&&b| is_gap(b))
        .count();
    if gap == MAX_GAP {
        return true;
    }
    let type_end = slash - gap;
    let before_type = &raw[..type_end];
    if before_type.last() == Some(&b')') {
        return true;
    }
    if ends_with_ignore_case(before_type, b"message") {
        return true;
    }
    if !ends_with_ignore_case(before_type, b"multipart") {
        return false;
    }
    let after = &raw[slash + 1..];
    let gap = after
        .iter()
        .take(MAX_GAP)
        .take_while(|&&b| is_gap(b))
        .count();
    if gap == MAX_GAP {
        return true;
    }
    let subtype = &after[gap..];
    subtype.first() == Some(&b'(') || starts_with_ignore_case(subtype, b"digest")
}

fn ends_with_ignore_case(haystack: &[u8], word: &[u8]) -> bool {
    haystack.len() >= word.len()
        && haystack[haystack.len() - word.len()..].eq_ignore_ascii_case(word)
}

fn starts_with_ignore_case(haystack: &[u8], word: &[u8]) -> bool {
    haystack
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(text: &str) -> String {
        String::from_utf8_lossy(&hide_nested_types(text.as_bytes())).replace('\u{7f}', "#")
    }

    #[test]
    fn message_and_digest_types_are_hidden() {
        assert_eq!(
            hidden("Content-Type: message/rfc822"),
            "Content-Type: message#rfc822"
        );
        assert_eq!(
            hidden("Content-Type: MESSAGE/Global"),
            "Content-Type: MESSAGE#Global"
        );
        assert_eq!(
            hidden("content-type:message/delivery-status"),
            "content-type:message#delivery-status"
        );
        assert_eq!(
            hidden("Content-Type: multipart/digest; boundary=x"),
            "Content-Type: multipart#digest; boundary=x"
        );
    }

    #[test]
    fn what_mail_parser_skips_is_seen_through() {
        assert_eq!(hidden("message \r\n\t/ rfc822"), "message \r\n\t# rfc822");
        assert_eq!(hidden("message\"/rfc822"), "message\"#rfc822");
        assert_eq!(hidden("message(comment)/rfc822"), "message(comment)#rfc822");
        assert_eq!(hidden("multipart/ (c) digest"), "multipart# (c) digest");
        assert_eq!(hidden("multipart/\\digest"), "multipart#\\digest");
    }

    #[test]
    fn other_types_are_left_alone() {
        let text = "Content-Type: multipart/mixed; boundary=\"a/b\"\r\nContent-Type: text/plain\r\nhttp://x/y";
        assert!(matches!(
            hide_nested_types(text.as_bytes()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn restore_gives_the_slash_back() {
        let text = "see message/rfc822 and multipart/digest";
        let hidden = hide_nested_types(text.as_bytes());
        assert_ne!(hidden.as_ref(), text.as_bytes());
        assert_eq!(restore(&String::from_utf8_lossy(&hidden)), text);
    }

    #[test]
    fn long_gaps_are_hidden_and_the_pass_is_linear() {
        let spaces = " ".repeat(MAX_GAP + 1);
        assert_eq!(hidden(&format!("x{spaces}/y")), format!("x{spaces}#y"));
        let hostile = format!("{spaces}/").repeat(20_000);
        let start = std::time::Instant::now();
        let _ = hide_nested_types(hostile.as_bytes());
        assert!(start.elapsed() < std::time::Duration::from_secs(10));
    }
}
