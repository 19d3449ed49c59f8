//! Attachments on the real stack: a report's proof-of-concept reaches staff
//! with the same name and bytes, dangerous files are listed and not
//! attached, files over the limit are listed, `attachments get` writes the
//! exact bytes, a staff answer's patch reaches the reporter, a follow-up's
//! log reaches staff.

#[macro_use]
mod common;

use base64::Engine;
use common::*;
use secdesk::store::AttachmentView;

on_both_backends!(
    a_proof_of_concept_reaches_staff_with_its_name_and_bytes,
    dangerous_files_are_listed_not_attached_and_fetched_on_purpose,
    files_over_the_limit_are_listed_with_the_command,
    a_staff_answer_carries_its_patch_to_the_reporter,
    a_follow_up_carries_its_log_to_staff,
    a_report_longer_than_the_notification_shows_travels_whole,
);

/// One file of a multipart mail.
struct Part<'a> {
    /// The Content-Disposition parameter as a client writes it.
    filename_param: &'a str,
    content_type: &'a str,
    bytes: &'a [u8],
}

/// A multipart/mixed mail with `text` and `parts`, base64 as clients send files.
fn multipart(from: &str, subject: &str, text: &str, parts: &[Part<'_>], extra: &str) -> String {
    let boundary = "=_secdesk_test_boundary";
    let mut out = format!(
        "From: <{from}>\nTo: <{DESK}>\nSubject: {subject}\nMessage-ID: <t{:016x}@client.example>\n\
         Date: Tue, 24 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\n{extra}\
         Content-Type: multipart/mixed; boundary=\"{boundary}\"\n\n\
         --{boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{text}\n",
        rand::random::<u64>()
    );
    for part in parts {
        let encoded = base64::engine::general_purpose::STANDARD.encode(part.bytes);
        let lines: Vec<&str> = encoded
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).expect("base64 is ASCII"))
            .collect();
        out.push_str(&format!(
            "--{boundary}\nContent-Type: {}\nContent-Disposition: attachment; {}\n\
             Content-Transfer-Encoding: base64\n\n{}\n",
            part.content_type,
            part.filename_param,
            lines.join("\n")
        ));
    }
    out.push_str(&format!("--{boundary}--\n"));
    out
}

/// Bytes no text codec leaves alone: every byte value, many times.
fn binary_poc() -> Vec<u8> {
    (0..=255u8).cycle().take(40_000).collect()
}

/// A minimal Windows executable: MZ header pointing at a PE signature.
fn windows_executable() -> Vec<u8> {
    let mut bytes = vec![0u8; 512];
    bytes[0] = b'M';
    bytes[1] = b'Z';
    bytes[0x3c] = 0x80;
    bytes[0x80..0x84].copy_from_slice(b"PE\0\0");
    bytes[0x84] = 0x4c;
    bytes[0x85] = 0x01;
    bytes
}

/// A Word document with macros: an OOXML zip holding `word/vbaProject.bin`.
fn macro_document() -> Vec<u8> {
    use std::io::Write;
    let mut cursor = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut cursor);
        let options = zip::write::SimpleFileOptions::default();
        for (name, body) in [
            ("[Content_Types].xml", &b"<Types/>"[..]),
            ("word/document.xml", b"<w:document/>"),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro project"),
        ] {
            zip.start_file(name, options).expect("zip entry");
            zip.write_all(body).expect("zip bytes");
        }
        zip.finish().expect("zip finishes");
    }
    cursor.into_inner()
}

/// A PNG header: an image, harmless.
fn screenshot() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0".to_vec();
    bytes.resize(2_000, 0x42);
    bytes
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// The attachments of a delivered mail: (name, bytes).
fn files_of(mail: &Received) -> Vec<(String, Vec<u8>)> {
    use mail_parser::MimeHeaders;
    let parsed = mail_parser::MessageParser::default()
        .parse(&mail.raw)
        .expect("delivered mail parses");
    parsed
        .attachments()
        .map(|a| {
            (
                a.attachment_name().unwrap_or_default().to_string(),
                a.contents().to_vec(),
            )
        })
        .collect()
}

/// Send a report, wait for its staff notification; returns it and the number.
async fn report_with(stack: &Stack, subject: &str, parts: &[Part<'_>]) -> (Received, String) {
    let raw = multipart(REPORTER, subject, REPORT, parts, "");
    send_raw(stack, REPORTER, &[DESK], &raw).await;
    let staff = wait_for_inbox(stack, STAFF, "the new-ticket notification", |m| {
        m.iter().any(|r| r.subject.contains(subject))
    })
    .await;
    let notification = staff
        .into_iter()
        .find(|r| r.subject.contains(subject))
        .expect("notification");
    let number = number_in(&notification.subject);
    (notification, number)
}

/// Every attachment the store lists on the ticket, in order.
async fn stored_attachments(store: &secdesk::store::Store, number: &str) -> Vec<AttachmentView> {
    store
        .ticket_detail(number)
        .await
        .expect("read the ticket")
        .expect("the ticket exists")
        .messages
        .into_iter()
        .flat_map(|m| m.attachments)
        .collect()
}

/// `secdesk attachments get` into a fresh file; returns the bytes written.
async fn get_attachment(config: &secdesk::Config, which: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.bin");
    secdesk::cli::attachments_get(config, which, Some(&path))
        .await
        .unwrap_or_else(|e| panic!("attachments get {which}: {e}"));
    std::fs::read(&path).expect("the file was written")
}

async fn a_proof_of_concept_reaches_staff_with_its_name_and_bytes(stack: &Stack, db: &TestDb) {
    let config = test_config(stack, db);
    let app = spawn_app(config.clone()).await;
    let poc = binary_poc();
    // RFC 2231: a non-ASCII name as Thunderbird and Apple Mail write it
    let (notification, number) = report_with(
        stack,
        "PoC attached",
        &[Part {
            filename_param: "filename*=UTF-8''prova-%C3%A8-%E2%9C%93.bin",
            content_type: "application/octet-stream",
            bytes: &poc,
        }],
    )
    .await;
    let files = files_of(&notification);
    assert_eq!(files.len(), 1, "{:?}", notification.body);
    assert_eq!(files[0].0, "prova-è-✓.bin");
    assert!(files[0].1 == poc, "the forwarded bytes differ");
    assert!(
        notification.body.contains(&sha256(&poc)),
        "{}",
        notification.body
    );

    let stored = stored_attachments(&app.store, &number).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].name.as_deref(), Some("prova-è-✓.bin"));
    assert_eq!(stored[0].size, poc.len() as i64);
    assert_eq!(stored[0].sha256, sha256(&poc));
    assert!(stored[0].stored && stored[0].held_back.is_none());
    // by id as `tickets show` lists it, and by content as notifications do
    assert!(get_attachment(&config, &stored[0].id.to_string()).await == poc);
    assert!(get_attachment(&config, &sha256(&poc)).await == poc);
    // `tickets show --json` describes it, with the report's text
    let json = secdesk::cli::tickets_show(&config, &number, true, false)
        .await
        .expect("tickets show");
    let shown: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let report = &shown["messages"][0];
    assert_eq!(report["disposition"], "report");
    assert!(
        report["body"].as_str().unwrap().contains("stored XSS"),
        "{report}"
    );
    let file = &report["attachments"][0];
    assert_eq!(file["id"], stored[0].id);
    assert_eq!(file["name"], "prova-è-✓.bin");
    assert_eq!(file["content_type"], "application/octet-stream");
    assert_eq!(file["size"], poc.len());
    assert_eq!(file["sha256"], sha256(&poc));
    assert_eq!(shown["participants"][0]["role"], "reporter");
    let human = secdesk::cli::tickets_show(&config, &number, false, false)
        .await
        .expect("tickets show");
    assert!(
        human.contains(&format!("attachment {}: prova-è-✓.bin", stored[0].id)),
        "{human}"
    );
    app.stop().await;
}

async fn dangerous_files_are_listed_not_attached_and_fetched_on_purpose(
    stack: &Stack,
    db: &TestDb,
) {
    let config = test_config(stack, db);
    let app = spawn_app(config.clone()).await;
    let exe = windows_executable();
    let docm = macro_document();
    let png = screenshot();
    // the names lie: the bytes decide
    let (notification, number) = report_with(
        stack,
        "Three files",
        &[
            Part {
                filename_param: "filename=\"notes.txt\"",
                content_type: "text/plain",
                bytes: &exe,
            },
            Part {
                filename_param: "filename=\"advisory.docx\"",
                content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                bytes: &docm,
            },
            Part {
                filename_param: "filename=\"screen.png\"",
                content_type: "image/png",
                bytes: &png,
            },
        ],
    )
    .await;
    let files = files_of(&notification);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["screen.png"], "{}", notification.body);
    assert!(files[0].1 == png);
    let body = &notification.body;
    for (name, bytes) in [("notes.txt", &exe), ("advisory.docx", &docm)] {
        let line = body
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} is not listed: {body}"));
        assert!(line.contains("held back"), "{line}");
        assert!(
            body.contains(&sha256(bytes)),
            "{name}'s SHA-256 not listed: {body}"
        );
    }
    assert!(body.contains("secdesk attachments get"), "{body}");

    let stored = stored_attachments(&app.store, &number).await;
    assert_eq!(stored.len(), 3);
    assert!(
        stored[0]
            .held_back
            .as_deref()
            .is_some_and(|w| w.contains("executable"))
    );
    assert!(
        stored[1]
            .held_back
            .as_deref()
            .is_some_and(|w| w.contains("macro"))
    );
    assert_eq!(stored[2].held_back, None);
    assert_eq!(stored[2].detected_type.as_deref(), Some("image/png"));
    // held back is not lost: fetched on purpose, the exact bytes
    assert!(get_attachment(&config, &sha256(&exe)).await == exe);
    app.stop().await;
}

async fn files_over_the_limit_are_listed_with_the_command(stack: &Stack, db: &TestDb) {
    let mut config = test_config(stack, db);
    config.limits.forward_attachments_bytes = 3_000;
    let app = spawn_app(config).await;
    let first: Vec<u8> = vec![b'a'; 2_000];
    let second: Vec<u8> = vec![b'b'; 2_000];
    let (notification, _) = report_with(
        stack,
        "Two logs",
        &[
            Part {
                filename_param: "filename=\"first.log\"",
                content_type: "text/plain",
                bytes: &first,
            },
            Part {
                filename_param: "filename=\"second.log\"",
                content_type: "text/plain",
                bytes: &second,
            },
        ],
    )
    .await;
    let files = files_of(&notification);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "first.log");
    let body = &notification.body;
    let line = body
        .lines()
        .find(|l| l.contains("second.log"))
        .unwrap_or_else(|| panic!("second.log not listed: {body}"));
    assert!(line.contains("limits.forward_attachments_bytes"), "{line}");
    assert!(body.contains(&sha256(&second)));
    assert!(body.contains("secdesk attachments get"));
    app.stop().await;
}

async fn a_staff_answer_carries_its_patch_to_the_reporter(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let (notification, number) = report_with(stack, "Patch please", &[]).await;
    let patch = b"--- a/search.php\n+++ b/search.php\n@@ -1 +1 @@\n-$q = $_GET['q'];\n+$q = escape($_GET['q']);\n".to_vec();
    let raw = multipart(
        STAFF,
        &format!("Re: {}", notification.subject),
        "Here is the fix we will ship; does it close it for you?",
        &[Part {
            filename_param: "filename=\"fix.diff\"",
            content_type: "text/x-diff",
            bytes: &patch,
        }],
        &format!(
            "In-Reply-To: <{id}>\nReferences: <{id}>\n",
            id = notification.message_id
        ),
    );
    send_raw_via(stack.dkim_port, STAFF, &[DESK], &raw).await;
    let mails = wait_for_inbox(stack, REPORTER, "the relayed answer", |m| {
        m.iter()
            .any(|r| r.subject.contains(&number) && r.body.contains("does it close it"))
    })
    .await;
    let relayed = mails
        .iter()
        .find(|r| r.body.contains("does it close it"))
        .expect("relayed");
    let files = files_of(relayed);
    assert_eq!(files.len(), 1, "{}", relayed.body);
    assert_eq!(files[0].0, "fix.diff");
    assert!(files[0].1 == patch);
    app.stop().await;
}

async fn a_follow_up_carries_its_log_to_staff(stack: &Stack, db: &TestDb) {
    let app = spawn_app(test_config(stack, db)).await;
    let (notification, number) = report_with(stack, "Log later", &[]).await;
    let log = b"2026-11-24T10:00:00Z GET /search?q=' OR 1=1-- 200\n".repeat(50);
    let raw = multipart(
        REPORTER,
        &format!("Re: [{number}] Log later"),
        "The server log you asked for.",
        &[Part {
            filename_param: "filename=\"access.log\"",
            content_type: "text/plain",
            bytes: &log,
        }],
        "",
    );
    send_raw(stack, REPORTER, &[DESK], &raw).await;
    let staff = wait_for_inbox(stack, STAFF, "the follow-up notification", |m| {
        m.iter()
            .any(|r| r.subject.contains(&number) && r.message_id != notification.message_id)
    })
    .await;
    let follow_up = staff
        .iter()
        .find(|r| r.subject.contains(&number) && r.message_id != notification.message_id)
        .expect("follow-up notification");
    let files = files_of(follow_up);
    assert_eq!(files.len(), 1, "{}", follow_up.body);
    assert_eq!(files[0].0, "access.log");
    assert!(files[0].1 == log);
    let stored = stored_attachments(&app.store, &number).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].sha256, sha256(&log));
    app.stop().await;
}

async fn a_report_longer_than_the_notification_shows_travels_whole(stack: &Stack, db: &TestDb) {
    let app = spawn_app(test_config(stack, db)).await;
    let mut long = String::from(REPORT);
    long.push_str("\n\nSteps, in full:\n");
    for step in 1..=400 {
        long.push_str(&format!(
            "{step}. request /search?q=probe-{step} and compare the timing\n"
        ));
    }
    long.push_str("The last line: END-OF-REPORT.");
    let opened = open_ticket_with(stack, REPORTER, "Long report", &long).await;
    let body = &opened.notification.body;
    assert!(!body.contains("END-OF-REPORT"), "the body is cut");
    assert!(body.contains("attached as report.txt"), "{body}");
    let files = files_of(&opened.notification);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "report.txt");
    let text = String::from_utf8(files[0].1.clone()).expect("UTF-8 text");
    assert!(
        text.contains("400. request") && text.ends_with("END-OF-REPORT."),
        "{text}"
    );
    app.stop().await;
}
