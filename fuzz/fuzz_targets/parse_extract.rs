//! Raw mail bytes through the incoming path: parse, the loop detector, then
//! report extraction over the parsed subject and text. Also checks what
//! `ParsedMail` documents: bounded text and subject, no NUL in any string.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secdesk::message::{self, Limits, MAX_SUBJECT_BYTES, MAX_TEXT_BYTES, ParsedMail};
use secdesk::report::{ReportInput, extract};

const DESK: &str = "security@desk.example";

fuzz_target!(|data: &[u8]| {
    // The daemon's default size and part limits (25 MB, 1000 parts), but
    // no CPU-time budget: a slow input must show up as a libFuzzer timeout
    // here, not hide behind the daemon's quarantine.
    let limits = Limits {
        max_processing: std::time::Duration::from_secs(3600),
        ..Limits::default()
    };
    if let Ok(mail) = message::parse(data, &limits) {
        check_invariants(&mail);
        let _ = message::detect_automatic(&mail, DESK);
        // the daemon's own entry: recipients (plus tags) and extraction
        let report = secdesk::ingest::report_of(&mail);
        let _ = report.severity();
    }
    // Extraction on its own, on text no parser has cleaned: first line as
    // the subject, the rest as the body.
    let text = String::from_utf8_lossy(data);
    let (subject, body) = text.split_once('\n').unwrap_or((&text, ""));
    let recipients = ["security+incident@desk.example".to_string()];
    let _ = extract(&ReportInput {
        subject,
        body,
        recipients: &recipients,
    });
});

fn no_nul(what: &str, s: &str) {
    assert!(!s.contains('\0'), "{what} contains NUL: {s:?}");
}

fn check_invariants(mail: &ParsedMail) {
    assert!(mail.text.len() <= MAX_TEXT_BYTES, "text over the cap");
    assert!(
        mail.subject.len() <= MAX_SUBJECT_BYTES,
        "subject over the cap"
    );
    no_nul("subject", &mail.subject);
    no_nul("text", &mail.text);
    if let Some(html) = &mail.html {
        assert!(html.len() <= MAX_TEXT_BYTES, "html over the cap");
    }
    for id in mail
        .message_id
        .iter()
        .chain(&mail.in_reply_to)
        .chain(&mail.references)
    {
        no_nul("message id", id.as_str());
    }
    for address in mail
        .from
        .iter()
        .chain(&mail.reply_to)
        .chain(&mail.to)
        .chain(&mail.cc)
    {
        no_nul("address", &address.email);
        if let Some(name) = &address.name {
            no_nul("display name", name);
        }
    }
    for value in mail.delivered_to.iter().chain(&mail.authentication_results) {
        no_nul("header value", value);
    }
    for attachment in &mail.attachments {
        no_nul("content type", &attachment.content_type);
        if let Some(name) = &attachment.name {
            no_nul("attachment name", name);
        }
    }
}
