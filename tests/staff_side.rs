//! The staff side by mail, on the real stack: replies from ordinary clients
//! relayed without their quotes, commands applied all or nothing, forged
//! staff mail refused, internal notes kept, status on request, the triage
//! clock, and the reporter told of triage and outcome.

#[macro_use]
mod common;

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use common::*;

on_both_backends!(
    thunderbird_reply_reaches_the_reporter_without_its_quote,
    outlook_italian_reply_applies_commands_and_relays_only_the_new_text,
    outlook_english_reply_is_relayed_without_the_original_message,
    gmail_html_reply_is_relayed_without_the_gmail_quote,
    mutt_reply_loses_its_quote_and_signature,
    invalid_command_applies_nothing_and_explains,
    forged_staff_mail_executes_nothing,
    internal_note_is_not_relayed,
    status_is_answered_to_the_reporter_and_not_to_a_stranger,
    triage_reminder_and_overdue_follow_the_clock,
    reporter_is_told_of_triage_and_outcome,
);

const REPORT: &str = "Vulnerability: SQL injection in the search form of ShopApp 4.2.\n\
CVSS: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n\nRegards,\nRita";

async fn open_ticket(stack: &Stack, subject: &str) -> Opened {
    open_ticket_with(stack, REPORTER, subject, REPORT).await
}

async fn staff_reply(stack: &Stack, opened: &Opened, body: &str) {
    staff_reply_as(stack, STAFF, opened, body).await
}

/// The reporter's mail on this ticket other than the acknowledgment.
async fn reporter_mail_after_ack(
    stack: &Stack,
    number: &str,
    what: &str,
    count: usize,
) -> Vec<Received> {
    let mails = wait_for_inbox(stack, REPORTER, what, |m| {
        m.iter().filter(|r| r.subject.contains(number)).count() > count
    })
    .await;
    mails
        .into_iter()
        .filter(|r| r.subject.contains(number))
        .skip(1)
        .collect()
}

async fn thunderbird_reply_reaches_the_reporter_without_its_quote(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Thunderbird case").await;
    staff_reply(
        stack,
        &opened,
        "Thank you, we can reproduce it.\nA fix is planned for Friday.\n\n\
         On 24/11/2026 10:00, Security Desk wrote:\n> New ticket from reporter@example.test.\n> Kind: vulnerability\n",
    )
    .await;
    let relayed = reporter_mail_after_ack(stack, &opened.number, "the relayed answer", 1).await;
    let body = &relayed[0].body;
    assert!(
        body.contains("Thank you, we can reproduce it.\nA fix is planned for Friday."),
        "{body}"
    );
    assert!(!body.contains("wrote:"), "quote header relayed: {body}");
    assert!(!body.contains("> "), "quoted lines relayed: {body}");
    assert!(
        !relayed[0].headers.contains(STAFF),
        "staff address exposed: {}",
        relayed[0].headers
    );
    assert!(
        relayed[0]
            .headers
            .contains("From: \"Security Desk\" <security@example.test>")
            || relayed[0]
                .headers
                .contains("From: Security Desk <security@example.test>")
    );
    app.stop().await;
}

async fn outlook_italian_reply_applies_commands_and_relays_only_the_new_text(
    stack: &Stack,
    db: &TestDb,
) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Caso Outlook").await;
    staff_reply(
        stack,
        &opened,
        "/severity high\n/priority 1\n\nGrazie, stiamo verificando la segnalazione.\n\n\
         -----Messaggio originale-----\nDa: Security Desk <security@example.test>\n\
         Inviato: martedì 24 novembre 2026 10:00\nA: staff@example.test\n\
         Oggetto: [SEC] Nuova segnalazione\n\nNuovo ticket da reporter@example.test.\n",
    )
    .await;
    let confirmation = wait_for_inbox(stack, STAFF, "the confirmation", |m| {
        m.iter()
            .filter(|r| r.subject.contains(&opened.number))
            .count()
            >= 2
    })
    .await;
    let confirmation = confirmation
        .iter()
        .rfind(|r| r.subject.contains(&opened.number))
        .unwrap();
    assert!(
        confirmation.body.contains("/severity high"),
        "{}",
        confirmation.body
    );
    assert!(
        confirmation.body.contains("/priority 1"),
        "{}",
        confirmation.body
    );

    // the relay and the triage update
    let mails = reporter_mail_after_ack(stack, &opened.number, "relay and update", 2).await;
    let relay = mails
        .iter()
        .find(|r| {
            r.body
                .contains("Grazie, stiamo verificando la segnalazione.")
        })
        .expect("the new text is relayed");
    assert!(
        !relay.body.contains("Messaggio originale"),
        "{}",
        relay.body
    );
    assert!(!relay.body.contains("Inviato:"), "{}", relay.body);
    assert!(
        !relay.body.contains("/severity"),
        "commands are not relayed: {}",
        relay.body
    );

    let ticket = app
        .store
        .ticket_detail(&opened.number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ticket.severity.as_deref(), Some("high"));
    assert_eq!(ticket.priority, 1);
    assert_eq!(ticket.state, "triaged");
    app.stop().await;
}

async fn outlook_english_reply_is_relayed_without_the_original_message(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Outlook English case").await;
    staff_reply(
        stack,
        &opened,
        "We have asked the publisher for a patch.\n\n________________________________\n\
         From: Security Desk <security@example.test>\nSent: Tuesday, November 24, 2026 10:00 AM\n\
         To: staff@example.test\nSubject: [SEC] New vulnerability report\n\nNew ticket from reporter@example.test.\n",
    )
    .await;
    let relayed = reporter_mail_after_ack(stack, &opened.number, "the relayed answer", 1).await;
    let body = &relayed[0].body;
    assert!(
        body.contains("We have asked the publisher for a patch."),
        "{body}"
    );
    assert!(!body.contains("Sent:"), "{body}");
    assert!(!body.contains("New ticket from"), "{body}");
    app.stop().await;
}

async fn gmail_html_reply_is_relayed_without_the_gmail_quote(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Gmail case").await;
    Mail::new(
        STAFF,
        &format!("Re: {}", opened.notification.subject),
        "<div dir=\"ltr\">We have <b>confirmed</b> the issue.<div>Patch ETA: Monday.</div></div><br>\
         <div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Tue, Nov 24, 2026 at 10:00 AM \
         Security Desk &lt;security@example.test&gt; wrote:<br></div><blockquote class=\"gmail_quote\">\
         New ticket from reporter@example.test.</blockquote></div>",
    )
    .html()
    .replying_to(&opened.notification)
    .send_signed(stack)
    .await;
    let relayed = reporter_mail_after_ack(stack, &opened.number, "the relayed answer", 1).await;
    let body = &relayed[0].body;
    assert!(body.contains("We have confirmed the issue."), "{body}");
    assert!(body.contains("Patch ETA: Monday."), "{body}");
    assert!(!body.contains("wrote:"), "{body}");
    assert!(!body.contains("New ticket from"), "{body}");
    app.stop().await;
}

async fn mutt_reply_loses_its_quote_and_signature(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Mutt case").await;
    staff_reply(
        stack,
        &opened,
        "Hi,\n\nthe advisory goes out tomorrow.\n\n\
         On Tue, Nov 24, 2026 at 10:00:00AM +0000, Security Desk wrote:\n> New ticket\n> > nested\n\n\
         -- \nAlice, security team\n",
    )
    .await;
    let relayed = reporter_mail_after_ack(stack, &opened.number, "the relayed answer", 1).await;
    let body = &relayed[0].body;
    assert!(
        body.contains("Hi,\n\nthe advisory goes out tomorrow."),
        "{body}"
    );
    assert!(
        !body.contains("Alice, security team"),
        "signature relayed: {body}"
    );
    assert!(!body.contains("nested"), "{body}");
    app.stop().await;
}

async fn invalid_command_applies_nothing_and_explains(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Bad command case").await;
    let before = app
        .store
        .ticket_detail(&opened.number)
        .await
        .unwrap()
        .unwrap();
    staff_reply(
        stack,
        &opened,
        "/severity low\n/priority 9\n\nPlease see the attached log.\n",
    )
    .await;
    let staff = wait_for_inbox(stack, STAFF, "the error answer", |m| {
        m.iter()
            .filter(|r| r.subject.contains(&opened.number))
            .count()
            >= 2
    })
    .await;
    let answer = staff
        .iter()
        .rfind(|r| r.subject.contains(&opened.number))
        .unwrap();
    assert!(answer.body.contains("line 2"), "{}", answer.body);
    assert!(answer.body.contains("priority"), "{}", answer.body);

    let after = app
        .store
        .ticket_detail(&opened.number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        after.severity, before.severity,
        "the valid /severity was not applied either"
    );
    assert_eq!(after.priority, before.priority);
    // nothing relayed: a later public answer is the reporter's only new mail
    staff_reply(stack, &opened, "Public answer.\n").await;
    let mails = reporter_mail_after_ack(stack, &opened.number, "the public answer", 1).await;
    assert_eq!(
        mails.len(),
        1,
        "{:?}",
        mails.iter().map(|m| &m.body).collect::<Vec<_>>()
    );
    assert!(mails[0].body.contains("Public answer."));
    app.stop().await;
}

async fn forged_staff_mail_executes_nothing(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Forgery case").await;
    // From says staff, but our server did not authenticate it; a header an
    // attacker added below (or one from another server on top) proves nothing
    Mail::new(
        STAFF,
        &format!("Re: {}", opened.notification.subject),
        "/outcome offer-removed\n/status closed\n\nThe offer is removed.\n",
    )
    .replying_to(&opened.notification)
    .header(
        "Authentication-Results",
        "evil.example; dkim=pass header.d=example.test",
    )
    .send(stack)
    .await;
    let staff = wait_for_inbox(stack, STAFF, "the suspicious-mail notice", |m| {
        m.iter()
            .filter(|r| r.subject.contains(&opened.number))
            .count()
            >= 2
    })
    .await;
    assert!(
        staff
            .iter()
            .filter(|r| r.subject.contains(&opened.number))
            .count()
            == 2
    );
    let ticket = app
        .store
        .ticket_detail(&opened.number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ticket.state, "new");
    assert!(
        ticket
            .messages
            .iter()
            .any(|m| m.disposition == "suspicious"),
        "kept on the ticket as suspicious"
    );
    // nothing reached the reporter: the next real answer is their only new mail
    staff_reply(stack, &opened, "Real answer.\n").await;
    let mails = reporter_mail_after_ack(stack, &opened.number, "the real answer", 1).await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].body.contains("Real answer."));
    app.stop().await;
}

async fn internal_note_is_not_relayed(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Internal case").await;
    staff_reply(
        stack,
        &opened,
        "/internal\nProbably a duplicate; checking with the publisher.\n",
    )
    .await;
    staff_reply(stack, &opened, "We are looking into it.\n").await;
    let mails = reporter_mail_after_ack(stack, &opened.number, "the public answer", 1).await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].body.contains("We are looking into it."));
    assert!(!mails[0].body.contains("duplicate"));
    let ticket = app
        .store
        .ticket_detail(&opened.number)
        .await
        .unwrap()
        .unwrap();
    assert!(
        ticket
            .messages
            .iter()
            .any(|m| m.disposition == "internal-note")
    );
    app.stop().await;
}

async fn status_is_answered_to_the_reporter_and_not_to_a_stranger(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Status case").await;
    Mail::new(REPORTER, &format!("status {}", opened.number), "")
        .send(stack)
        .await;
    let mails = reporter_mail_after_ack(stack, &opened.number, "the status answer", 1).await;
    let status = &mails[0];
    assert!(status.body.contains("new"), "{}", status.body);
    assert!(status.body.contains("critical"), "{}", status.body);

    Mail::new(STRANGER, &format!("status {}", opened.number), "")
        .send(stack)
        .await;
    Mail::new(STRANGER, "A real report from the stranger", REPORT)
        .send(stack)
        .await;
    let inbox = wait_for_inbox(stack, STRANGER, "the stranger's own ack", |m| !m.is_empty()).await;
    assert_eq!(
        inbox.len(),
        1,
        "the stranger learns nothing about the ticket"
    );
    assert!(!inbox[0].subject.contains(&opened.number));
    app.stop().await;
}

async fn triage_reminder_and_overdue_follow_the_clock(stack: &Stack, db: &TestDb) {
    // Tuesday 24 November 2026, 10:00 in Rome: due Wednesday 10:00, reminder at 08:00... of
    // business time, i.e. Tuesday 16:00 + ... computed by the calendar; we only move the clock
    let received = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let clock = Arc::new(secdesk::clock::ManualClock::new(received));
    let app = spawn_app_with_clock(staff_config(stack, db), clock.clone()).await;
    let opened = open_ticket(stack, "Clock case").await;
    let staff_count = |m: &[Received], word: &str| {
        m.iter()
            .filter(|r| r.subject.contains(&opened.number) && r.body.to_lowercase().contains(word))
            .count()
    };

    // a day later, past the reminder time but before the deadline (Wed 10:00 CET = 09:00 UTC)
    clock.set(Utc.with_ymd_and_hms(2026, 11, 25, 8, 30, 0).unwrap());
    app.triage_wake.notify_one();
    wait_for_inbox(stack, STAFF, "the triage reminder", |m| {
        m.iter()
            .filter(|r| r.subject.contains(&opened.number))
            .count()
            >= 2
    })
    .await;
    assert!(
        app.store
            .overdue_tickets(clock_millis(&clock))
            .await
            .unwrap()
            .is_empty()
    );

    // past the deadline
    clock.set(Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap());
    app.triage_wake.notify_one();
    let staff = wait_for_inbox(stack, STAFF, "the overdue notice", |m| {
        m.iter()
            .filter(|r| r.subject.contains(&opened.number))
            .count()
            >= 3
    })
    .await;
    assert!(staff_count(&staff, "overdue") + staff_count(&staff, "scadut") >= 1);
    let overdue = app
        .store
        .overdue_tickets(clock_millis(&clock))
        .await
        .unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].number, opened.number);

    // triage clears it; poking again sends nothing more
    staff_reply(stack, &opened, "/severity critical\n/priority 1\n").await;
    wait_for_store("triage recorded", || async {
        app.store
            .overdue_tickets(clock_millis(&clock))
            .await
            .map(|o| o.is_empty())
            .unwrap_or(false)
    })
    .await;
    app.stop().await;
}

fn clock_millis(clock: &secdesk::clock::ManualClock) -> i64 {
    use secdesk::clock::Clock;
    clock.now_millis()
}

async fn reporter_is_told_of_triage_and_outcome(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket(stack, "Outcome case").await;
    staff_reply(stack, &opened, "/severity medium\n/priority 2\n").await;
    let mails = reporter_mail_after_ack(stack, &opened.number, "the triage update", 1).await;
    assert!(mails[0].body.contains("medium"), "{}", mails[0].body);
    assert!(mails[0].body.contains("P2"), "{}", mails[0].body);

    staff_reply(
        stack,
        &opened,
        "/outcome modification-requested\n/customer-message Please update ShopApp to 4.2.1.\n",
    )
    .await;
    let mails = reporter_mail_after_ack(stack, &opened.number, "the outcome update", 2).await;
    let outcome = &mails[1];
    assert!(
        outcome.body.to_lowercase().contains("modif"),
        "{}",
        outcome.body
    );
    assert!(
        outcome.body.contains("Please update ShopApp to 4.2.1."),
        "{}",
        outcome.body
    );
    let ticket = app
        .store
        .ticket_detail(&opened.number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ticket.outcome.as_deref(), Some("modification-requested"));

    staff_reply(stack, &opened, "/close\n").await;
    let mails = reporter_mail_after_ack(stack, &opened.number, "the closing update", 3).await;
    assert!(
        mails[2].body.to_lowercase().contains("closed"),
        "{}",
        mails[2].body
    );
    let ticket = app
        .store
        .ticket_detail(&opened.number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ticket.state, "closed");
    app.stop().await;
}
