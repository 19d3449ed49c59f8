//! The core loop on the real stack: reports in over IMAP, tickets,
//! acknowledgments out over SMTP, follow-ups threaded, strangers and
//! auto-replies kept out, restarts without duplicates. Every scenario runs
//! on SQLite and on PostgreSQL.

#[macro_use]
mod common;

use common::*;

on_both_backends!(
    report_is_acknowledged_with_a_valid_number,
    italian_report_is_acknowledged_in_italian,
    follow_up_by_subject_joins_the_ticket,
    follow_up_by_in_reply_to_joins_the_ticket,
    stranger_quoting_a_number_is_not_threaded,
    auto_reply_is_recorded_and_not_answered,
    restart_mid_stream_creates_no_duplicate_and_skips_nothing,
    unprocessable_mail_is_quarantined_and_can_be_retried,
    mail_over_the_time_bound_is_quarantined_and_only_people_are_told,
    processed_mail_is_moved_to_the_configured_folder,
);

/// Send a report and return (its ack, the number).
async fn report_and_ack(stack: &Stack, subject: &str) -> (Received, String) {
    Mail::new(REPORTER, subject, REPORT).send(stack).await;
    let inbox = wait_for_inbox(stack, REPORTER, "the acknowledgment", |m| {
        m.iter().any(|r| r.subject.contains(subject))
    })
    .await;
    let ack = inbox
        .into_iter()
        .find(|r| r.subject.contains(subject))
        .expect("ack present");
    let number = number_in(&ack.subject);
    (ack, number)
}

async fn report_is_acknowledged_with_a_valid_number(stack: &Stack, db: &TestDb) {
    let app = spawn_app(test_config(stack, db)).await;
    let mail = Mail::new(REPORTER, "Stored XSS in ShopApp", REPORT);
    mail.send(stack).await;

    let inbox = wait_for_inbox(stack, REPORTER, "the acknowledgment", |m| !m.is_empty()).await;
    let ack = &inbox[0];
    let number = number_in(&ack.subject);
    let prefix = secdesk::ticket::NumberPrefix::parse("SEC-").unwrap();
    assert!(
        secdesk::ticket::ConfirmationNumber::parse(&number, &prefix).is_ok(),
        "{number} is a valid confirmation number"
    );
    assert!(ack.subject.contains("Stored XSS in ShopApp"));
    assert_eq!(ack.in_reply_to, vec![mail.message_id.clone()]);
    assert!(ack.headers.contains("Auto-Submitted: auto-replied"));
    assert!(
        ack.headers
            .contains("X-Secdesk-Loop: security@example.test")
    );
    // what the desk understood is in the reply
    assert!(ack.body.contains("CVE-2024-12345"), "{}", ack.body);
    assert!(ack.body.contains("8.1"), "{}", ack.body);

    let ticket = app
        .store
        .ticket_detail(&number)
        .await
        .unwrap()
        .expect("the ticket exists");
    assert_eq!(ticket.reporter, REPORTER);
    assert_eq!(ticket.kind, "vulnerability");
    assert_eq!(ticket.severity.as_deref(), Some("high"));
    assert_eq!(ticket.cve_ids, vec!["CVE-2024-12345"]);
    let out: Vec<_> = ticket
        .messages
        .iter()
        .filter(|m| m.direction == "out")
        .collect();
    assert!(
        out.iter()
            .any(|m| m.message_id.as_deref() == Some(ack.message_id.as_str()))
    );

    // staff are notified of the new ticket
    wait_for_inbox(stack, STAFF, "the staff notification", |m| {
        m.iter().any(|r| r.subject.contains(&number))
    })
    .await;
    app.stop().await;
}

/// Also proves IMAPS (TLS from the first byte) and SMTP STARTTLS, both
/// verified against the stack's CA.
async fn italian_report_is_acknowledged_in_italian(stack: &Stack, db: &TestDb) {
    let app = spawn_app(test_config_with(stack, db, Security::Tls, NO_STAFF_AUTH)).await;
    Mail::new(
        REPORTER,
        "Segnalazione vulnerabilità",
        "Buongiorno,\n\ni. Vulnerabilità e/o problema riscontrato: il modulo di login non limita i tentativi, \
         ed è possibile un attacco di forza bruta.\nii. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n\
         iii. Eventuale risoluzione o mitigazione: limitare i tentativi per indirizzo.\n\nCordiali saluti",
    )
    .send(stack)
    .await;
    let inbox = wait_for_inbox(stack, REPORTER, "the acknowledgment", |m| !m.is_empty()).await;
    assert!(
        inbox[0].subject.contains("Ricevuto"),
        "{}",
        inbox[0].subject
    );
    assert!(
        inbox[0].body.contains("numero di conferma"),
        "{}",
        inbox[0].body
    );
    assert!(inbox[0].body.contains("9.8"), "{}", inbox[0].body);
    app.stop().await;
}

async fn follow_up_by_subject_joins_the_ticket(stack: &Stack, db: &TestDb) {
    let app = spawn_app(test_config(stack, db)).await;
    let (_, number) = report_and_ack(stack, "SQL injection in search").await;

    // an Italian Outlook reply that lost the threading headers
    let subject = format!(
        "R: RE: [{}] Ricevuto: SQL injection in search",
        number.to_lowercase()
    );
    Mail::new(REPORTER, &subject, "Here is the proof of concept.")
        .send(stack)
        .await;
    wait_for_store("the follow-up on the ticket", || async {
        ticket_messages(&app.store, &number)
            .await
            .iter()
            .any(|(dir, disp, _)| dir == "in" && disp == "follow-up")
    })
    .await;
    let detail = app.store.ticket_detail(&number).await.unwrap().unwrap();
    assert_eq!(
        detail
            .messages
            .iter()
            .filter(|m| m.disposition == "follow-up")
            .count(),
        1
    );
    assert_eq!(
        app.store.counts().await.unwrap().tickets,
        1,
        "no second ticket"
    );
    app.stop().await;
}

/// Also proves IMAP STARTTLS.
async fn follow_up_by_in_reply_to_joins_the_ticket(stack: &Stack, db: &TestDb) {
    let app = spawn_app(test_config_with(
        stack,
        db,
        Security::Starttls,
        NO_STAFF_AUTH,
    ))
    .await;
    let (ack, number) = report_and_ack(stack, "Open redirect").await;

    // the subject was rewritten; only the threading headers remain
    Mail::new(
        REPORTER,
        "more details",
        "The redirect also works on /logout.",
    )
    .header("In-Reply-To", format!("<{}>", ack.message_id))
    .header("References", format!("<{}>", ack.message_id))
    .send(stack)
    .await;
    wait_for_store("the follow-up on the ticket", || async {
        ticket_messages(&app.store, &number)
            .await
            .iter()
            .any(|(_, disp, _)| disp == "follow-up")
    })
    .await;
    assert_eq!(app.store.counts().await.unwrap().tickets, 1);
    app.stop().await;
}

async fn stranger_quoting_a_number_is_not_threaded(stack: &Stack, db: &TestDb) {
    let app = spawn_app(test_config(stack, db)).await;
    let (ack, number) = report_and_ack(stack, "Exposed admin panel").await;

    Mail::new(
        STRANGER,
        &format!("Re: [{number}] Exposed admin panel"),
        "status please",
    )
    .header("In-Reply-To", format!("<{}>", ack.message_id))
    .send(stack)
    .await;
    // a later report from the same stranger proves the first mail was handled
    Mail::new(STRANGER, "Unrelated finding", REPORT)
        .send(stack)
        .await;
    let inbox = wait_for_inbox(stack, STRANGER, "the stranger's own ack", |m| !m.is_empty()).await;
    assert_eq!(inbox.len(), 1, "only the ack of the stranger's own report");
    assert!(
        !inbox[0].subject.contains(&number),
        "nothing confirms the ticket"
    );
    assert!(inbox[0].subject.contains("Unrelated finding"));

    let messages = ticket_messages(&app.store, &number).await;
    assert!(
        messages
            .iter()
            .all(|(_, _, from)| from.as_deref() != Some(STRANGER)),
        "the stranger's mail is not on the ticket: {messages:?}"
    );
    let flagged = app.store.unthreaded_messages(10).await.unwrap();
    assert!(
        flagged
            .iter()
            .any(|m| m.disposition == "stranger" && m.from.as_deref() == Some(STRANGER)),
        "the stranger's mail is kept and flagged: {flagged:?}"
    );
    app.stop().await;
}

async fn auto_reply_is_recorded_and_not_answered(stack: &Stack, db: &TestDb) {
    let app = spawn_app(test_config(stack, db)).await;
    Mail::new(
        STRANGER,
        "Out of office: your report",
        "I am away until Monday.",
    )
    .header("Auto-Submitted", "auto-replied")
    .send(stack)
    .await;
    Mail::new(STRANGER, "Automatic reply", "Away.")
        .header("Precedence", "bulk")
        .send(stack)
        .await;
    Mail::new(STRANGER, "Real report after the auto-replies", REPORT)
        .send(stack)
        .await;
    let inbox = wait_for_inbox(stack, STRANGER, "the ack of the real report", |m| {
        !m.is_empty()
    })
    .await;
    assert_eq!(inbox.len(), 1, "auto-replies got no answer");
    assert!(inbox[0].subject.contains("Real report"));
    let counts = app.store.counts().await.unwrap();
    assert_eq!(counts.tickets, 1, "auto-replies opened no ticket");
    assert_eq!(counts.incoming, 3, "all three mails are recorded");
    let flagged = app.store.unthreaded_messages(10).await.unwrap();
    assert_eq!(
        flagged
            .iter()
            .filter(|m| m.disposition == "automatic")
            .count(),
        2
    );
    app.stop().await;
}

async fn restart_mid_stream_creates_no_duplicate_and_skips_nothing(stack: &Stack, db: &TestDb) {
    const N: usize = 40;
    let config = test_config(stack, db);
    // small batches, so the crash lands between commits
    let mut config = secdesk::config::Config {
        imap: secdesk::config::ImapConfig {
            fetch_batch: 3,
            ..config.imap.clone()
        },
        ..config
    };
    // one reporter sends them all: lift the per-address cap on acknowledgments
    config.limits.auto_replies_per_address_per_hour = 1000;
    for i in 0..N {
        Mail::new(REPORTER, &format!("Finding number {i:03}"), REPORT)
            .send(stack)
            .await;
    }
    let app = spawn_app(config.clone()).await;
    wait_for_store("some tickets before the crash", || async {
        app.store
            .counts()
            .await
            .map(|c| c.tickets >= 6)
            .unwrap_or(false)
    })
    .await;
    app.kill().await;

    let app = spawn_app(config.clone()).await;
    wait_for_store("every report as a ticket", || async {
        app.store
            .counts()
            .await
            .map(|c| c.tickets >= N as i64)
            .unwrap_or(false)
    })
    .await;
    // stop and start once more: nothing new may appear
    app.stop().await;
    let app = spawn_app(config).await;
    let inbox = wait_for_inbox(stack, REPORTER, "an ack for every report", |m| {
        (0..N).all(|i| {
            let tag = format!("Finding number {i:03}");
            m.iter().any(|r| r.subject.contains(&tag))
        })
    })
    .await;
    let counts = app.store.counts().await.unwrap();
    assert_eq!(counts.tickets, N as i64, "exactly one ticket per report");
    assert_eq!(counts.incoming, N as i64, "every report stored once");
    let tickets = app.store.newest_tickets(1000).await.unwrap();
    let mut subjects: Vec<_> = tickets.iter().map(|t| t.subject.clone()).collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), N, "no report twice, none skipped");
    // at-least-once delivery: a crash may resend an ack, at most the mail in flight (pool_size = 4)
    assert!(
        inbox.len() >= N && inbox.len() <= N + 4,
        "{} acks",
        inbox.len()
    );
    app.stop().await;
}

async fn processed_mail_is_moved_to_the_configured_folder(stack: &Stack, db: &TestDb) {
    let mut config = test_config(stack, db);
    config.imap.processed_folder = Some("Processed".into());
    let app = spawn_app(config).await;
    report_and_ack(stack, "Move me after commit").await;
    wait_for_store("the report committed", || async {
        app.store
            .counts()
            .await
            .map(|c| c.tickets == 1)
            .unwrap_or(false)
    })
    .await;
    let start = std::time::Instant::now();
    loop {
        let processed = folder(stack, DESK, "Processed").await;
        if processed.len() == 1 {
            assert!(processed[0].subject.contains("Move me after commit"));
            break;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "the mail never reached Processed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // the desk's copies of its acknowledgment and notification come back
    // through the INBOX too, and go to Sent, not to Processed
    let start = std::time::Instant::now();
    while !inbox(stack, DESK).await.is_empty() {
        assert!(start.elapsed() < PATIENCE, "the INBOX is never left empty");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let sent = folder(stack, DESK, "Sent").await;
    assert!(!sent.is_empty(), "the copies are filed in Sent");
    assert!(
        sent.iter().all(|m| m.headers.contains("X-Secdesk-Loop")),
        "only the desk's own mail is in Sent"
    );
    assert_eq!(folder(stack, DESK, "Processed").await.len(), 1);
    // a restart reads nothing twice from the moved mail
    app.stop().await;
    let app = spawn_app({
        let mut c = test_config(stack, db);
        c.imap.processed_folder = Some("Processed".into());
        c
    })
    .await;
    report_and_ack(stack, "Second report").await;
    assert_eq!(app.store.counts().await.unwrap().tickets, 2);
    app.stop().await;
}

async fn unprocessable_mail_is_quarantined_and_can_be_retried(stack: &Stack, db: &TestDb) {
    let mut config = test_config(stack, db);
    config.limits.max_parts = 4;
    let app = spawn_app(config.clone()).await;
    let mut parts = String::from(
        "From: <reporter@example.test>\nTo: <security@example.test>\nSubject: Report with many logs\n\
         Message-ID: <many-parts@client.example>\nMIME-Version: 1.0\n\
         Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n\
         Vulnerability: XSS in the login form.\n",
    );
    for i in 0..8 {
        parts.push_str(&format!(
            "--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=log{i}.txt\n\nline {i}\n"
        ));
    }
    parts.push_str("--b--\n");
    send_raw(stack, REPORTER, &[DESK], &parts).await;
    // the mailbox is not blocked: the next report is answered
    Mail::new(REPORTER, "After the big one", REPORT)
        .send(stack)
        .await;
    wait_for_inbox(stack, REPORTER, "the ack of the next report", |m| {
        m.iter().any(|r| r.subject.contains("After the big one"))
    })
    .await;
    let kept: Vec<_> = app
        .store
        .unthreaded_messages(10)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.disposition == "quarantined")
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        kept[0]
            .reason
            .as_deref()
            .unwrap_or_default()
            .contains("parts"),
        "{kept:?}"
    );
    // what its header said is kept with it
    assert_eq!(kept[0].from.as_deref(), Some(REPORTER));
    assert_eq!(kept[0].subject, "Report with many logs");
    assert_eq!(app.store.counts().await.unwrap().tickets, 1);
    // the sender is told, on the thread of the mail, what to do
    let inbox = wait_for_inbox(stack, REPORTER, "the quarantine notice", |m| {
        m.iter()
            .any(|r| r.subject == "Not processed: Report with many logs")
    })
    .await;
    let notice = inbox
        .iter()
        .find(|r| r.subject.starts_with("Not processed"))
        .unwrap();
    assert_eq!(notice.in_reply_to, ["many-parts@client.example"]);
    assert!(
        notice.body.contains("than the 4 the desk accepts"),
        "{}",
        notice.body
    );
    assert!(notice.headers.contains("Auto-Submitted: auto-replied"));
    assert!(
        !notice.subject.contains("SEC-"),
        "no ticket yet: {}",
        notice.subject
    );

    // raise the limit and retry: the mail becomes a ticket and leaves quarantine
    config.limits.max_parts = 100;
    let desk =
        secdesk::daemon::desk_context(&config, std::sync::Arc::new(secdesk::clock::SystemClock))
            .expect("desk context");
    let outcome = secdesk::ingest::retry_quarantined(&app.store, &desk, kept[0].id)
        .await
        .expect("retry succeeds");
    assert_eq!(outcome.new_tickets.len(), 1);
    assert_eq!(app.store.counts().await.unwrap().tickets, 2);
    assert!(app.store.quarantined(kept[0].id).await.unwrap().is_none());
    // queued by "another process": the daemon's sender finds it on its own
    wait_for_inbox(stack, REPORTER, "the ack of the retried mail", |m| {
        m.iter().any(|r| {
            r.subject.contains("Report with many logs") && !r.subject.starts_with("Not processed")
        })
    })
    .await;
    app.stop().await;
}

async fn mail_over_the_time_bound_is_quarantined_and_only_people_are_told(
    stack: &Stack,
    db: &TestDb,
) {
    let mut config = test_config(stack, db);
    // any mail of this size takes more than a millisecond of CPU to read
    config.limits.max_processing_ms = 1;
    let app = spawn_app(config).await;
    let mut html = String::from("<html><body><p>Vulnerability: SSRF in the image proxy.</p>");
    while html.len() < 2 * 1024 * 1024 {
        html.push_str("<div><span>log line</span> <b>with</b> markup &amp; entities</div>\n");
    }
    html.push_str("</body></html>");
    let person = Mail::new(REPORTER, "Huge HTML report", &html).html();
    person.send(stack).await;
    let robot = Mail::new(STRANGER, "Auto: Huge HTML report", &html)
        .html()
        .header("Auto-Submitted", "auto-replied");
    robot.send(stack).await;

    wait_for_store("both mails quarantined", || async {
        sql_i64(
            db,
            "SELECT COUNT(*) FROM messages WHERE disposition = 'quarantined'",
        )
        .await
            == 2
    })
    .await;
    let kept = app.store.unthreaded_messages(10).await.unwrap();
    for m in &kept {
        assert!(
            m.reason
                .as_deref()
                .unwrap_or_default()
                .contains("limits.max_processing_ms"),
            "{m:?}"
        );
    }
    assert_eq!(app.store.counts().await.unwrap().tickets, 0);
    // the person is told; the auto-responder is not (the notice is queued in
    // the quarantine's own transaction, so both decisions are visible now)
    assert_eq!(
        sql_i64(
            db,
            "SELECT COUNT(*) FROM messages WHERE direction = 'out' AND disposition = 'quarantine-notice'"
        )
        .await,
        1
    );
    let inbox = wait_for_inbox(stack, REPORTER, "the quarantine notice", |m| !m.is_empty()).await;
    assert_eq!(inbox[0].subject, "Not processed: Huge HTML report");
    assert_eq!(inbox[0].in_reply_to, vec![person.message_id.clone()]);
    assert!(
        inbox[0].body.contains("very large or unusual HTML"),
        "{}",
        inbox[0].body
    );
    assert!(inbox[0].body.contains("plain text"), "{}", inbox[0].body);
    app.stop().await;
}
