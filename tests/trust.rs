//! Staff mail proven by DKIM the desk checks itself, on the real stack:
//! OpenDKIM signs on the stack's signing ports, dnsmasq publishes the keys,
//! SPF and DMARC, and no test writes an authentication header. A command
//! applies only when signed by the staff's own domain with its published
//! key over the whole mail; unsigned, another domain's signature, a revoked
//! key and a body altered after signing apply nothing, and the sender is
//! told why. Reporters are never refused, but staff see who is unverified.

#[macro_use]
mod common;

use common::*;

on_both_backends!(
    staff_commands_apply_only_with_the_desks_own_dkim_pass,
    unverified_reporters_are_flagged_to_staff_not_refused,
);

/// The staff member's answer as a client writes it, with a Message-ID of
/// its own (the desk drops a second mail with the same one); sent by the
/// caller through one of the stack's ports.
fn answer(opened: &Opened, body: &str) -> String {
    let subject = format!("Re: {}", opened.notification.subject);
    Mail::new(STAFF, &subject, body)
        .replying_to(&opened.notification)
        .render()
}

/// Wait for the `n`th suspicious-mail notice on this ticket in STAFF's
/// INBOX (STAFF is both the notified staff and the claimed sender: one
/// mail), and return its body.
async fn nth_suspicious_notice(stack: &Stack, number: &str, n: usize) -> String {
    let notices = |mails: &[Received]| -> Vec<Received> {
        mails
            .iter()
            .filter(|r| r.subject.contains(number) && r.subject.contains("Suspicious"))
            .cloned()
            .collect()
    };
    let mails = wait_for_inbox(stack, STAFF, "the suspicious-mail notice", |m| {
        notices(m).len() >= n
    })
    .await;
    let found = notices(&mails);
    assert_eq!(found.len(), n, "one notice per forged mail");
    found[n - 1].body.clone()
}

async fn severity(app: &App, number: &str) -> Option<String> {
    app.store
        .ticket_detail(number)
        .await
        .unwrap()
        .unwrap()
        .severity
}

async fn staff_commands_apply_only_with_the_desks_own_dkim_pass(stack: &Stack, db: &TestDb) {
    let config = staff_config(stack, db);
    let app = spawn_app(config.clone()).await;
    let opened = open_ticket_with(stack, REPORTER, "Trust case", REPORT).await;
    let before = severity(&app, &opened.number).await;
    assert_ne!(before.as_deref(), Some("low"));
    let forged = || answer(&opened, "/severity low\n/internal\n\nDowngrading.\n");

    // unsigned, on the plain port: From alone proves nothing
    send_raw(stack, STAFF, &[DESK], &forged()).await;
    let notice = nth_suspicious_notice(stack, &opened.number, 1).await;
    assert!(notice.contains("no DKIM signature"), "{notice}");

    // signed, but by another domain (d=elsewhere.test)
    send_raw_via(stack.dkim_other_port, STAFF, &[DESK], &forged()).await;
    let notice = nth_suspicious_notice(stack, &opened.number, 2).await;
    assert!(notice.contains("elsewhere.test"), "{notice}");
    assert!(notice.contains("not aligned"), "{notice}");

    // signed by example.test with a key its DNS has revoked (p=)
    send_raw_via(stack.dkim_revoked_port, STAFF, &[DESK], &forged()).await;
    let notice = nth_suspicious_notice(stack, &opened.number, 3).await;
    assert!(notice.contains("revoked"), "{notice}");

    // signed properly, then the body changed on the way: the stack signs a
    // copy to another mailbox, the "attacker" edits it and sends it on
    send_raw_via(stack.dkim_port, STAFF, &["other@example.test"], &forged()).await;
    let signed = wait_for_inbox(stack, "other@example.test", "the signed copy", |m| {
        !m.is_empty()
    })
    .await;
    let raw = String::from_utf8(signed[0].raw.clone()).expect("the copy is text");
    assert!(
        raw.contains("DKIM-Signature:"),
        "the stack signed it: {raw}"
    );
    let altered = raw.replace("Downgrading.", "Downgrading now.");
    assert_ne!(altered, raw);
    send_raw(stack, STAFF, &[DESK], &altered).await;
    let notice = nth_suspicious_notice(stack, &opened.number, 4).await;
    assert!(notice.contains("body hash"), "{notice}");

    // none of them changed anything, and all are kept as suspicious
    assert_eq!(severity(&app, &opened.number).await, before);
    let ticket = app
        .store
        .ticket_detail(&opened.number)
        .await
        .unwrap()
        .unwrap();
    let suspicious = ticket
        .messages
        .iter()
        .filter(|m| m.disposition == "suspicious")
        .count();
    assert_eq!(suspicious, 4);

    // the same text signed by the staff's own server applies
    send_raw_via(stack.dkim_port, STAFF, &[DESK], &forged()).await;
    wait_for_store("the signed command applied", || async {
        severity(&app, &opened.number).await.as_deref() == Some("low")
    })
    .await;

    // tickets show says what was checked on each mail
    let shown = secdesk::cli::tickets_show(&config, &opened.number, false, false)
        .await
        .expect("tickets show");
    assert!(
        shown.contains("sender:  sender verified: dkim=pass (d=example.test s=mail, aligned)"),
        "{shown}"
    );
    assert!(shown.contains("spf=fail"), "SPF is checked too:\n{shown}");
    assert!(
        shown.contains("dmarc=pass (example.test, p=reject)"),
        "{shown}"
    );
    assert!(
        shown.contains("SENDER NOT VERIFIED: dkim=permerror (d=example.test s=revoked"),
        "{shown}"
    );
    assert!(
        shown.contains("staff:   dkim=pass header.d=example.test header.s=mail"),
        "{shown}"
    );
    let json = secdesk::cli::tickets_show(&config, &opened.number, true, false)
        .await
        .expect("tickets show --json");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let checked: Vec<&serde_json::Value> = json["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m.get("authenticity").filter(|a| !a.is_null()))
        .collect();
    assert!(
        checked
            .iter()
            .any(|a| a["dkim"][0]["result"] == "pass" && a["dmarc"]["result"] == "pass"),
        "{json}"
    );
    app.stop().await;
}

async fn unverified_reporters_are_flagged_to_staff_not_refused(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    // an unsigned report opens a ticket and is acknowledged as any other...
    let unsigned = open_ticket_with(stack, REPORTER, "Unsigned report", REPORT).await;
    // ...but staff read that its sender is not verified
    let body = &unsigned.notification.body;
    assert!(body.contains("SENDER NOT VERIFIED"), "{body}");
    assert!(body.contains("no DKIM signature"), "{body}");

    // a report signed by its domain carries no flag
    Mail::new(REPORTER, "Signed report", REPORT)
        .send_signed(stack)
        .await;
    let signed = wait_for_mail(stack, STAFF, "the signed report's notification", |r| {
        r.subject.contains("Signed report")
    })
    .await;
    assert!(!signed.body.contains("NOT VERIFIED"), "{}", signed.body);

    // a follow-up claiming the reporter's address, unsigned: threaded, flagged
    Mail::new(
        REPORTER,
        &format!("Re: [{}] Unsigned report", unsigned.number),
        "One more detail: the admin panel is affected too.",
    )
    .send(stack)
    .await;
    let follow_up = wait_for_mail(stack, STAFF, "the follow-up notification", |r| {
        r.subject.contains(&unsigned.number) && r.subject.contains("Follow-up")
    })
    .await;
    assert!(
        follow_up.body.contains("SENDER NOT VERIFIED"),
        "{}",
        follow_up.body
    );
    assert!(follow_up.body.contains("admin panel"), "{}", follow_up.body);
    let dispositions: Vec<String> = ticket_messages(&app.store, &unsigned.number)
        .await
        .into_iter()
        .map(|(_, disposition, _)| disposition)
        .collect();
    assert!(
        dispositions.iter().any(|d| d == "follow-up"),
        "threaded: {dispositions:?}"
    );
    app.stop().await;
}
