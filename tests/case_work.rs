//! Working a case by mail, on the real stack and both databases: owning a
//! ticket, bringing a vendor in, merging a duplicate, reopening, colleagues
//! seeing each other's answers, the ticket list by mail, full-text search,
//! and the audit trail.

#[macro_use]
mod common;

use common::*;
use secdesk::config::Config;
use secdesk::store::{MessageView, TicketQuery};

on_both_backends!(
    ownership_sends_later_mail_to_the_owner_and_is_in_the_history,
    a_vendor_brought_in_with_cc_gets_answers_and_writes_back_but_a_stranger_cannot,
    a_merged_report_moves_into_the_first_and_its_number_threads_there,
    a_follow_up_on_a_closed_ticket_reopens_it,
    colleagues_get_a_copy_of_answers_and_internal_notes,
    the_ticket_list_by_mail_applies_its_filters,
    search_finds_tickets_by_the_words_of_their_mail,
);

/// Two staff members, both told of new tickets.
fn team_config(stack: &Stack, db: &TestDb) -> Config {
    let mut config = staff_config(stack, db);
    config.desk.staff = vec![STAFF.into(), COLLEAGUE.into()];
    config.desk.notify = vec![STAFF.into(), COLLEAGUE.into()];
    config
}

async fn messages(app: &App, number: &str) -> Vec<MessageView> {
    app.store
        .ticket_detail(number)
        .await
        .expect("read the ticket")
        .expect("the ticket exists")
        .messages
}

/// Wait until the ticket holds a message for which `done` holds; return it.
async fn wait_for_message(
    app: &App,
    number: &str,
    what: &str,
    done: impl Fn(&MessageView) -> bool,
) -> MessageView {
    let start = std::time::Instant::now();
    loop {
        if let Some(found) = messages(app, number).await.into_iter().find(|m| done(m)) {
            return found;
        }
        assert!(start.elapsed() < PATIENCE, "waited {PATIENCE:?} for {what}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// One change as `changes_of` lists it: `(by, from, to)`.
type Change = (Option<String>, Option<String>, Option<String>);

/// A [`Change`] written with string slices.
fn change(by: Option<&str>, from: Option<&str>, to: Option<&str>) -> Change {
    let owned = |v: Option<&str>| v.map(str::to_string);
    (owned(by), owned(from), owned(to))
}

/// `(by, from, to)` of every `field` change in the ticket's history.
async fn changes_of(app: &App, number: &str, field: &str) -> Vec<Change> {
    app.store
        .ticket_history(number)
        .await
        .expect("read the history")
        .expect("the ticket exists")
        .into_iter()
        .filter(|e| e.field == field)
        .map(|e| (e.by, e.from, e.to))
        .collect()
}

/// A follow-up from `from` on `opened`'s ticket, by its number in the subject.
async fn write_on(stack: &Stack, from: &str, opened: &Opened, body: &str) {
    Mail::new(from, &format!("Re: [{}] more", opened.number), body)
        .send(stack)
        .await;
}

async fn ownership_sends_later_mail_to_the_owner_and_is_in_the_history(stack: &Stack, db: &TestDb) {
    let app = spawn_app(team_config(stack, db)).await;
    let opened = open_ticket_with(stack, REPORTER, "Owner case", REPORT).await;
    staff_reply_as(stack, STAFF, &opened, "/assign colleague@example.test\n").await;
    wait_for_store("the owner", || async {
        app.store
            .ticket_detail(&opened.number)
            .await
            .unwrap()
            .is_some_and(|t| t.owner.as_deref() == Some(COLLEAGUE))
    })
    .await;
    // the reporter writes again: only the owner is told
    write_on(
        stack,
        REPORTER,
        &opened,
        "One more detail: it also works logged out.",
    )
    .await;
    let told = wait_for_message(&app, &opened.number, "the follow-up notification", |m| {
        m.direction == "out"
            && m.disposition == "staff-notification"
            && m.body.as_deref().is_some_and(|b| b.contains("logged out"))
    })
    .await;
    assert_eq!(told.to, [COLLEAGUE]);
    assert!(
        told.body
            .as_deref()
            .unwrap()
            .contains("Owner: colleague@example.test")
    );

    // the owner is the desk's business: staff see it in a status answer,
    // the reporter does not
    write_on(stack, REPORTER, &opened, "status").await;
    staff_reply_as(stack, STAFF, &opened, "status").await;
    let status_of = |m: &MessageView| m.disposition == "status";
    wait_for_store("two status answers", || async {
        messages(&app, &opened.number)
            .await
            .iter()
            .filter(|m| status_of(m))
            .count()
            == 2
    })
    .await;
    for m in messages(&app, &opened.number)
        .await
        .iter()
        .filter(|m| status_of(m))
    {
        let body = m.body.as_deref().unwrap_or_default();
        if m.to == [STAFF] {
            assert!(
                body.contains("Owner:        colleague@example.test"),
                "{body}"
            );
        } else {
            assert_eq!(m.to, [REPORTER]);
            assert!(
                !body.contains(COLLEAGUE),
                "the reporter learns the owner: {body}"
            );
        }
    }

    // a stranger cannot own it; the staff member is told why, nothing changes
    staff_reply_as(
        stack,
        STAFF,
        &opened,
        "/assign stranger@example.test\n/priority 1\n",
    )
    .await;
    let refused = wait_for_inbox(stack, STAFF, "the command error", |m| {
        m.iter().any(|r| r.body.contains("is not a staff address"))
    })
    .await;
    assert!(refused.iter().any(|r| {
        r.body
            .contains("stranger@example.test is not a staff address")
    }));
    staff_reply_as(stack, COLLEAGUE, &opened, "/take\n").await;
    staff_reply_as(stack, STAFF, &opened, "/unassign\n").await;
    wait_for_store("the history", || async {
        let history = app
            .store
            .ticket_history(&opened.number)
            .await
            .unwrap()
            .unwrap();
        history.iter().filter(|e| e.field == "owner").count() == 2
    })
    .await;
    let owners = changes_of(&app, &opened.number, "owner").await;
    assert_eq!(
        owners,
        [
            change(Some(STAFF), None, Some(COLLEAGUE)),
            change(Some(STAFF), Some(COLLEAGUE), None),
        ],
        "the /take by the owner changed nothing; the refused /assign left no trace"
    );
    assert_eq!(
        changes_of(&app, &opened.number, "created").await,
        [change(Some(REPORTER), None, Some(&opened.number))]
    );
    let ticket = app
        .store
        .ticket_detail(&opened.number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ticket.owner, None);
    assert_ne!(ticket.priority, 1, "the refused mail changed the priority");
    app.stop().await;
}

async fn a_vendor_brought_in_with_cc_gets_answers_and_writes_back_but_a_stranger_cannot(
    stack: &Stack,
    db: &TestDb,
) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket_with(stack, REPORTER, "Vendor case", REPORT).await;
    staff_reply_as(
        stack,
        STAFF,
        &opened,
        "/cc vendor@example.test\n\nWe asked the vendor to look at it.",
    )
    .await;
    let vendor_mail = wait_for_inbox(stack, VENDOR, "the relayed answer", |m| {
        m.iter().any(|r| r.body.contains("asked the vendor"))
    })
    .await;
    let relayed = vendor_mail
        .iter()
        .find(|r| r.body.contains("asked the vendor"))
        .unwrap()
        .clone();
    assert!(
        !relayed.headers.contains(REPORTER),
        "the vendor sees the reporter's address: {}",
        relayed.headers
    );
    let reporter_mail = wait_for_inbox(stack, REPORTER, "the relayed answer", |m| {
        m.iter().any(|r| r.body.contains("asked the vendor"))
    })
    .await;
    assert!(
        !reporter_mail
            .iter()
            .any(|r| r.raw.windows(VENDOR.len()).any(|w| w == VENDOR.as_bytes())),
        "the reporter was told about the vendor without /cc-visible"
    );
    // the vendor answers: threaded, and staff are told
    Mail::new(
        VENDOR,
        &format!("Re: {}", relayed.subject),
        "Confirmed, patch next week.",
    )
    .replying_to(&relayed)
    .send(stack)
    .await;
    wait_for_message(
        &app,
        &opened.number,
        "the vendor's answer on the ticket",
        |m| {
            m.direction == "in" && m.disposition == "follow-up" && m.from.as_deref() == Some(VENDOR)
        },
    )
    .await;
    let staff = wait_for_inbox(stack, STAFF, "the vendor's answer", |m| {
        m.iter().any(|r| r.body.contains("patch next week"))
    })
    .await;
    assert!(
        staff
            .iter()
            .any(|r| r.body.contains("vendor@example.test (a participant"))
    );
    // a stranger replying to the same mail is not let in
    Mail::new(STRANGER, &format!("Re: {}", relayed.subject), "Let me in.")
        .replying_to(&relayed)
        .send(stack)
        .await;
    wait_for_store("the stranger's mail", || async {
        app.store
            .unthreaded_messages(10)
            .await
            .unwrap()
            .iter()
            .any(|m| m.disposition == "stranger" && m.from.as_deref() == Some(STRANGER))
    })
    .await;
    // /cc-visible tells the reporter who joined
    staff_reply_as(stack, STAFF, &opened, "/cc-visible other@example.test\n").await;
    let told = wait_for_inbox(stack, REPORTER, "who joined", |m| {
        m.iter().any(|r| {
            r.body
                .contains("other@example.test joined the conversation")
        })
    })
    .await;
    assert!(
        !told
            .iter()
            .any(|r| r.raw.windows(VENDOR.len()).any(|w| w == VENDOR.as_bytes()))
    );
    // after /uncc the vendor is a stranger too
    staff_reply_as(stack, STAFF, &opened, "/uncc vendor@example.test\n").await;
    wait_for_store("the vendor removed", || async {
        let t = app
            .store
            .ticket_detail(&opened.number)
            .await
            .unwrap()
            .unwrap();
        !t.participants.iter().any(|p| p.address == VENDOR)
    })
    .await;
    Mail::new(
        VENDOR,
        &format!("Re: {}", relayed.subject),
        "One more thing.",
    )
    .replying_to(&relayed)
    .send(stack)
    .await;
    wait_for_store("the removed vendor's mail", || async {
        app.store
            .unthreaded_messages(10)
            .await
            .unwrap()
            .iter()
            .any(|m| m.disposition == "stranger" && m.from.as_deref() == Some(VENDOR))
    })
    .await;
    let history = app
        .store
        .ticket_history(&opened.number)
        .await
        .unwrap()
        .unwrap();
    let participants: Vec<(Option<&str>, Option<&str>)> = history
        .iter()
        .filter(|e| e.field == "participant")
        .map(|e| (e.from.as_deref(), e.to.as_deref()))
        .collect();
    assert_eq!(
        participants,
        [
            (None, Some(VENDOR)),
            (None, Some("other@example.test")),
            (Some(VENDOR), None)
        ]
    );
    app.stop().await;
}

async fn a_merged_report_moves_into_the_first_and_its_number_threads_there(
    stack: &Stack,
    db: &TestDb,
) {
    let app = spawn_app(staff_config(stack, db)).await;
    let first = open_ticket_with(stack, REPORTER, "First report", REPORT).await;
    let second = open_ticket_with(stack, "other@example.test", "Second report", REPORT).await;
    staff_reply_as(stack, STAFF, &second, &format!("/merge {}\n", first.number)).await;
    // both reporters are told, each once
    for (who, number) in [
        ("other@example.test", &second.number),
        (REPORTER, &first.number),
    ] {
        let mails = wait_for_inbox(stack, who, "the merge notice", |m| {
            m.iter()
                .any(|r| r.subject.contains(number.as_str()) && r.subject.contains("joined"))
        })
        .await;
        assert_eq!(
            mails
                .iter()
                .filter(|r| r.subject.contains("joined"))
                .count(),
            1,
            "{who}"
        );
    }
    let merged = app
        .store
        .ticket_detail(&second.number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(merged.merged_into.as_deref(), Some(first.number.as_str()));
    assert_eq!(merged.state, "closed");
    let target = app
        .store
        .ticket_detail(&first.number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(target.merged, [second.number.as_str()]);
    assert!(
        target
            .messages
            .iter()
            .any(|m| m.disposition == "report" && m.from.as_deref() == Some("other@example.test")),
        "the second report's mail did not move"
    );
    assert!(
        target
            .participants
            .iter()
            .any(|p| p.address == "other@example.test" && p.role == "reporter")
    );
    // the merged number threads into the target, for good
    Mail::new(
        "other@example.test",
        &format!("[{}] still there?", second.number),
        "Any news?",
    )
    .send(stack)
    .await;
    wait_for_message(
        &app,
        &first.number,
        "the mail under the merged number",
        |m| {
            m.direction == "in"
                && m.from.as_deref() == Some("other@example.test")
                && m.subject.contains("still there")
        },
    )
    .await;
    let history = app
        .store
        .ticket_history(&first.number)
        .await
        .unwrap()
        .unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.field == "merged-from" && e.to.as_deref() == Some(second.number.as_str()))
    );
    app.stop().await;
}

async fn a_follow_up_on_a_closed_ticket_reopens_it(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let opened = open_ticket_with(stack, REPORTER, "Reopen case", REPORT).await;
    staff_reply_as(stack, STAFF, &opened, "/close\n").await;
    wait_for_store("closed", || async {
        app.store
            .ticket_detail(&opened.number)
            .await
            .unwrap()
            .unwrap()
            .state
            == "closed"
    })
    .await;
    write_on(stack, REPORTER, &opened, "It is back after your update.").await;
    wait_for_store("reopened", || async {
        app.store
            .ticket_detail(&opened.number)
            .await
            .unwrap()
            .unwrap()
            .state
            == "reopened"
    })
    .await;
    let staff = wait_for_inbox(stack, STAFF, "the follow-up", |m| {
        m.iter().any(|r| r.body.contains("It is back"))
    })
    .await;
    let told = staff
        .iter()
        .find(|r| r.body.contains("It is back"))
        .unwrap();
    assert!(told.body.contains("this mail reopened it"), "{}", told.body);
    let states = changes_of(&app, &opened.number, "state").await;
    assert_eq!(
        states,
        [
            change(Some(STAFF), Some("new"), Some("closed")),
            change(Some(REPORTER), Some("closed"), Some("reopened")),
        ]
    );
    app.stop().await;
}

async fn colleagues_get_a_copy_of_answers_and_internal_notes(stack: &Stack, db: &TestDb) {
    let app = spawn_app(team_config(stack, db)).await;
    let opened = open_ticket_with(stack, REPORTER, "Team case", REPORT).await;
    staff_reply_as(stack, STAFF, &opened, "We reproduced it, fix on Friday.").await;
    staff_reply_as(
        stack,
        STAFF,
        &opened,
        "/internal\nThe publisher is slow; chase Monday.",
    )
    .await;
    let colleague = wait_for_inbox(stack, COLLEAGUE, "both copies", |m| {
        m.iter()
            .filter(|r| r.subject.contains("by staff@example.test"))
            .count()
            == 2
    })
    .await;
    let answer = colleague
        .iter()
        .find(|r| r.body.contains("fix on Friday"))
        .expect("the answer's copy");
    assert!(
        answer.subject.contains("Answer by staff@example.test"),
        "{}",
        answer.subject
    );
    assert!(
        answer.body.contains(REPORTER),
        "says who got it: {}",
        answer.body
    );
    let note = colleague
        .iter()
        .find(|r| r.body.contains("chase Monday"))
        .expect("the note's copy");
    assert!(
        note.subject.contains("Internal note by staff@example.test"),
        "{}",
        note.subject
    );
    // the reporter never sees the note, the author gets no copy of their own
    let copies = messages(&app, &opened.number)
        .await
        .into_iter()
        .filter(|m| m.subject.contains("by staff@example.test"))
        .collect::<Vec<_>>();
    assert_eq!(copies.len(), 2);
    assert!(copies.iter().all(|m| m.to == [COLLEAGUE]));
    let reporter = inbox(stack, REPORTER).await;
    assert!(!reporter.iter().any(|r| r.body.contains("chase Monday")));
    app.stop().await;
}

async fn the_ticket_list_by_mail_applies_its_filters(stack: &Stack, db: &TestDb) {
    let app = spawn_app(staff_config(stack, db)).await;
    let with_cve = open_ticket_with(stack, REPORTER, "OpenSSH regression", REPORT).await;
    let other = open_ticket_with(
        stack,
        REPORTER,
        "Phishing wave",
        "Incident: phishing mails to our customers since Monday.",
    )
    .await;
    staff_reply_as(stack, STAFF, &other, "/close\n").await;
    wait_for_store("closed", || async {
        app.store
            .ticket_detail(&other.number)
            .await
            .unwrap()
            .unwrap()
            .state
            == "closed"
    })
    .await;
    Mail::new(STAFF, "tickets open cve:CVE-2024-12345", "")
        .send_signed(stack)
        .await;
    Mail::new(STAFF, "tickets", "phishing")
        .send_signed(stack)
        .await;
    let staff = wait_for_inbox(stack, STAFF, "two digests", |m| {
        m.iter()
            .filter(|r| r.subject.starts_with("Tickets"))
            .count()
            == 2
    })
    .await;
    let open_cve = staff
        .iter()
        .find(|r| r.subject.contains("cve:CVE-2024-12345"))
        .expect("the first digest");
    assert!(
        open_cve.body.contains(&with_cve.number),
        "{}",
        open_cve.body
    );
    assert!(!open_cve.body.contains(&other.number), "{}", open_cve.body);
    assert!(open_cve.body.contains("1 ticket(s)"), "{}", open_cve.body);
    let phishing = staff
        .iter()
        .find(|r| r.subject == "Tickets: phishing")
        .expect("the second digest");
    assert!(phishing.body.contains(&other.number), "{}", phishing.body);
    assert!(
        !phishing.body.contains(&with_cve.number),
        "{}",
        phishing.body
    );
    // no ticket was opened for the requests, and a forged one gets nothing
    Mail::new(STAFF, "tickets", "").send(stack).await;
    wait_for_store("the forged request", || async {
        app.store
            .unthreaded_messages(20)
            .await
            .unwrap()
            .iter()
            .any(|m| m.disposition == "suspicious")
    })
    .await;
    assert_eq!(app.store.newest_tickets(100).await.unwrap().len(), 2);
    // the same filters on the CLI, as CSV
    let filters = secdesk::cli::ListFilters {
        state: Some("open".into()),
        cve: Some("CVE-2024-12345".into()),
        ..Default::default()
    };
    let config = staff_config(stack, db);
    let csv = secdesk::cli::tickets_list(&config, &filters, secdesk::cli::ListFormat::Csv, 100)
        .await
        .expect("tickets list");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(
        rows[1].starts_with(&format!("{},new,", with_cve.number)),
        "{csv}"
    );
    assert_eq!(
        inbox(stack, STAFF)
            .await
            .iter()
            .filter(|r| r.subject.starts_with("Tickets"))
            .count(),
        2
    );
    app.stop().await;
}

async fn search_finds_tickets_by_the_words_of_their_mail(stack: &Stack, db: &TestDb) {
    let app = spawn_app(test_config(stack, db)).await;
    let ssrf = open_ticket_with(
        stack,
        REPORTER,
        "Server-side request forgery",
        "The image proxy fetches internal metadata endpoints when given a redirect.",
    )
    .await;
    let xss = open_ticket_with(stack, REPORTER, "Stored XSS", REPORT).await;
    // a follow-up's words find its ticket too
    write_on(
        stack,
        REPORTER,
        &xss,
        "Also reachable through the newsletter archive.",
    )
    .await;
    wait_for_message(&app, &xss.number, "the follow-up", |m| {
        m.disposition == "follow-up"
    })
    .await;
    let search = |words: &str| {
        let store = app.store.clone();
        let query = TicketQuery {
            search: Some(words.to_string()),
            ..TicketQuery::default()
        };
        async move {
            store
                .list_tickets(&query, 100)
                .await
                .expect("search")
                .into_iter()
                .map(|t| t.number)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(search("metadata redirect").await, [ssrf.number.as_str()]);
    assert_eq!(search("newsletter").await, [xss.number.as_str()]);
    assert_eq!(
        search("forgery").await,
        [ssrf.number.as_str()],
        "the subject is searched"
    );
    assert!(
        search("metadata newsletter").await.is_empty(),
        "all words must match"
    );
    assert!(
        search("\"OR 1=1 --").await.is_empty(),
        "query syntax is not interpreted"
    );
    app.stop().await;
}
