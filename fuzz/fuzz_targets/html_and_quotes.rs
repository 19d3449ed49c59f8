//! Arbitrary text (lossy UTF-8) through the staff-reply and follow-up path:
//! HTML to text, HTML quote stripping, plain-text quote stripping, command
//! parsing and status-request detection.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use secdesk::message::html_to_text;
use secdesk::staff::{is_status_request, new_text, parse_reply, strip_html_quote};
use secdesk::ticket::number::NumberPrefix;

static PREFIX: LazyLock<NumberPrefix> =
    LazyLock::new(|| NumberPrefix::parse("SEC-").expect("a valid prefix"));

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);

    // As HTML: the reply's own part, converted, then read as a plain reply.
    let own_html = strip_html_quote(&input);
    assert!(
        input.starts_with(own_html),
        "strip_html_quote returned no prefix"
    );
    let from_html = html_to_text(own_html);
    let _ = html_to_text(&input);
    let reply = new_text(&from_html);
    let _ = parse_reply(&reply);

    // As plain text: the first line as the subject, the rest as the body.
    let (subject, body) = input.split_once('\n').unwrap_or((&input, ""));
    let fresh = new_text(body);
    let _ = parse_reply(&fresh);
    let _ = is_status_request(subject, &fresh, &PREFIX);
    let _ = is_status_request(subject, body, &PREFIX);
});
