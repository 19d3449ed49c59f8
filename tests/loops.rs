//! No loops, with real auto-responders: Pigeonhole's Sieve vacation on a
//! reporter's mailbox (the stack runs with `MAILSTACK_SIEVE=1`, so every
//! delivery goes through Dovecot's LMTP and the user's script, and what the
//! script sends travels over SMTP like any mail), a second secdesk whose desk
//! address is the first one's reporter, and an auto-responder that breaks
//! every rule, stopped by the hourly caps. Each scenario ends with "silence":
//! a marker mail to every desk, processed, every outbox and Postfix's queue
//! empty, and not one mail more than expected anywhere.

#[macro_use]
mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use common::*;
use secdesk::store::Store;

/// `on_both_backends!`, on a stack whose deliveries run Sieve.
macro_rules! on_both_backends_with_sieve {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let stack = super::sieve_stack();
                    let db = super::common::TestDb::sqlite();
                    super::$name(&stack, &db).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(db) = super::common::TestDb::postgres().await else { return };
                    let stack = super::sieve_stack();
                    super::$name(&stack, &db).await;
                    db.cleanup().await;
                }
            )*
        }
    };
}

on_both_backends_with_sieve!(
    vacation_responder_gets_one_answer_then_silence,
    two_desks_do_not_talk_forever,
    caps_stop_an_autoresponder_that_ignores_the_rules,
);

const OTHER: &str = "other@example.test";
const USERS: [&str; 5] = [DESK, REPORTER, STAFF, STRANGER, OTHER];

/// What a person on holiday sets up (RFC 5230).
const VACATION: &str =
    "require \"vacation\";\nvacation :days 1 :subject \"Out of office\" \"I am away\";\n";

const REPORT: &str = "Vulnerability: stored XSS in the profile page of ShopApp 4.2.\n\
CVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N\n\
Mitigation: upgrade to 4.2.1\n\nRegards,\nRita";

fn sieve_stack() -> Stack {
    Stack::start_with(&[("MAILSTACK_SIEVE", "1")])
}

fn mailstack_script() -> PathBuf {
    std::env::var_os("SECDESK_MAILSTACK")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/mailstack.sh"))
}

/// A mailstack.sh command, without stalling the runtime's other worker.
fn mailstack(stack: &Stack, args: &[&str]) {
    tokio::task::block_in_place(|| {
        let out = std::process::Command::new(mailstack_script())
            .args(args)
            .envs(&stack.env)
            .output()
            .expect("run scripts/mailstack.sh");
        assert!(
            out.status.success(),
            "mailstack {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    });
}

/// Make `script` the active Sieve script of `user` (`mailstack.sh sieve`).
fn install_sieve(stack: &Stack, user: &str, script: &str) {
    let file = stack.dir.join(format!("{user}.sieve"));
    std::fs::write(&file, script).expect("write the sieve script");
    mailstack(stack, &["sieve", user, &file.display().to_string()]);
}

/// Wait until Dovecot's log has a line containing `needle` (Pigeonhole logs
/// every vacation decision there).
async fn wait_for_log(stack: &Stack, needle: &str) {
    let path = stack.dir.join("log/dovecot.log");
    let start = Instant::now();
    loop {
        let log = std::fs::read_to_string(&path).unwrap_or_default();
        if log.contains(needle) {
            return;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "waited {PATIENCE:?} for {needle:?} in {}",
            path.display()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// A mail as a person's client would send it: no automatic headers.
fn raw_mail(from: &str, to: &str, subject: &str, extra: &[(&str, String)], body: &str) -> String {
    let mut out = format!(
        "From: <{from}>\nTo: <{to}>\nSubject: {subject}\nMessage-ID: <t{:016x}@client.example>\n\
         Date: Tue, 24 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\n\
         Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n",
        rand::random::<u64>()
    );
    for (name, value) in extra {
        out.push_str(&format!("{name}: {value}\n"));
    }
    out.push('\n');
    out.push_str(body);
    out.push('\n');
    out
}

/// How many mails every user of the stack holds in INBOX.
/// Mail delivered to each user's INBOX, without a desk's copies of its own
/// mail (they pass through its INBOX on their way to Sent): the mail the
/// parties exchanged.
async fn census(stack: &Stack) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for user in USERS {
        let mails = inbox(stack, user).await;
        let exchanged = mails.iter().filter(|m| !own_copy(m, user)).count();
        counts.insert(user, exchanged);
    }
    counts
}

/// A mail a desk sent that came back to that desk itself (its Sent copy).
fn own_copy(mail: &common::Received, user: &str) -> bool {
    let from = mail
        .headers
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("from:"))
        .unwrap_or_default();
    mail.headers.contains("X-Secdesk-Loop:") && from.contains(user)
}

fn total(counts: &BTreeMap<&'static str, usize>) -> usize {
    counts.values().sum()
}

/// Every desk has sent what it queued and Postfix has delivered it all
/// (Sieve runs inside the delivery, so a vacation reply is in the queue
/// before the mail that caused it leaves it).
async fn quiesce(stack: &Stack, stores: &[&Store]) {
    for store in stores {
        wait_for_store("the outbox sent", || async {
            store
                .counts()
                .await
                .map(|c| c.outbox_pending == 0)
                .unwrap_or(false)
        })
        .await;
    }
    mailstack(stack, &["drain", "30"]);
}

/// "Then silence": everything in flight delivered, then a marker (an
/// automatic mail, which gets no answer) to every desk, processed after
/// everything that arrived before it, and whatever that caused delivered.
async fn silence(stack: &Stack, desks: &[(&Store, &str)]) {
    let stores: Vec<&Store> = desks.iter().map(|(s, _)| *s).collect();
    quiesce(stack, &stores).await;
    for (store, address) in desks {
        let subject = format!("marker {:08x}", rand::random::<u32>());
        let raw = raw_mail(
            STRANGER,
            address,
            &subject,
            &[("Auto-Submitted", "auto-generated".into())],
            "marker",
        );
        send_raw(stack, STRANGER, &[address], &raw).await;
        wait_for_store("the marker processed", || async {
            store
                .unthreaded_messages(1000)
                .await
                .map(|m| m.iter().any(|m| m.subject == subject))
                .unwrap_or(false)
        })
        .await;
    }
    quiesce(stack, &stores).await;
}

async fn incoming(store: &Store) -> i64 {
    store.counts().await.expect("counts").incoming
}

async fn wait_for_incoming(store: &Store, what: &str, n: i64) {
    wait_for_store(what, || async { incoming(store).await >= n }).await;
}

/// One query on a test database, outside the daemon: the first two columns
/// of every row, as text.
async fn sql_pairs(db: &TestDb, sql: &'static str) -> Vec<(Option<String>, Option<String>)> {
    use sqlx::{Connection, Row};
    match db {
        TestDb::Sqlite { .. } => {
            let mut conn = sqlx::SqliteConnection::connect(db.url())
                .await
                .expect("open the SQLite test database");
            let rows = sqlx::query(sql).fetch_all(&mut conn).await.expect(sql);
            rows.iter().map(|r| (r.get(0), r.get(1))).collect()
        }
        TestDb::Postgres { .. } => {
            let mut conn = sqlx::PgConnection::connect(db.url())
                .await
                .expect("open the PostgreSQL test database");
            let rows = sqlx::query(sql).fetch_all(&mut conn).await.expect(sql);
            rows.iter().map(|r| (r.get(0), r.get(1))).collect()
        }
    }
}

/// A second database of the same kind as `db`, for a second desk.
async fn another_db(db: &TestDb) -> TestDb {
    match db {
        TestDb::Sqlite { .. } => TestDb::sqlite(),
        TestDb::Postgres { .. } => TestDb::postgres().await.expect("PostgreSQL is configured"),
    }
}

/// Pigeonhole's vacation follows RFC 3834 and RFC 5230: it never answers
/// mail with `Auto-Submitted`, and every mail the desk sends carries it. So
/// the reporter's vacation sees the acknowledgment and stays quiet (its log
/// says so). What it does answer is a mail a person writes from the desk's
/// shared mailbox with an ordinary client: that out-of-office reply reaches
/// the desk over SMTP, is recorded on the ticket as automatic, and gets no
/// answer. Mails: report, ack, staff notification, the hand-written mail,
/// the vacation reply, then nothing.
async fn vacation_responder_gets_one_answer_then_silence(stack: &Stack, db: &TestDb) {
    install_sieve(stack, REPORTER, VACATION);
    let app = spawn_app(test_config(stack, db)).await;

    let report = Mail::new(REPORTER, "Stored XSS in the profile page", REPORT);
    report.send(stack).await;
    let acks = wait_for_inbox(stack, REPORTER, "the acknowledgment", |m| !m.is_empty()).await;
    let ack = acks[0].clone();
    let number = number_in(&ack.subject);
    // the responder ran on the ack and, by the rules, said nothing
    wait_for_log(
        stack,
        "discarding vacation response to auto-submitted message from <security@example.test>",
    )
    .await;

    // someone at the desk answers by hand from the shared mailbox
    let by_hand = raw_mail(
        DESK,
        REPORTER,
        &format!("Re: {}", ack.subject),
        &[
            ("In-Reply-To", format!("<{}>", ack.message_id)),
            (
                "References",
                format!("<{}> <{}>", report.message_id, ack.message_id),
            ),
        ],
        "Thanks, we are looking into it.",
    );
    send_raw(stack, DESK, &[REPORTER], &by_hand).await;
    wait_for_log(
        stack,
        "vacation action: sent vacation response to <security@example.test>",
    )
    .await;
    wait_for_store("the vacation reply on the ticket", || async {
        ticket_messages(&app.store, &number)
            .await
            .iter()
            .any(|(dir, disp, from)| {
                dir == "in" && disp == "automatic" && from.as_deref() == Some(REPORTER)
            })
    })
    .await;
    quiesce(stack, &[&app.store]).await;
    let before = census(stack).await;

    silence(stack, &[(&app.store, DESK)]).await;
    let after = census(stack).await;
    let mut expected = before.clone();
    *expected.get_mut(DESK).unwrap() += 1; // the marker
    assert_eq!(after, expected, "nothing moved after the vacation reply");
    println!(
        "vacation: {} mails exchanged (plus 1 marker): {before:?}",
        total(&before)
    );

    // the vacation reply is Pigeonhole's, and the desk recorded it
    let desk_inbox = inbox(stack, DESK).await;
    let vacation = desk_inbox
        .iter()
        .find(|m| m.subject == "Out of office")
        .expect("the vacation reply reached the desk");
    assert!(
        vacation
            .headers
            .contains("Auto-Submitted: auto-replied (vacation)"),
        "{}",
        vacation.headers
    );
    assert!(vacation.headers.contains("Return-Path: <>"));
    let detail = app.store.ticket_detail(&number).await.unwrap().unwrap();
    let automatic: Vec<_> = detail
        .messages
        .iter()
        .filter(|m| m.disposition == "automatic")
        .collect();
    assert_eq!(automatic.len(), 1, "{:?}", detail.messages);
    assert_eq!(automatic[0].subject, "Out of office");
    let counts = app.store.counts().await.unwrap();
    assert_eq!(counts.tickets, 1, "exactly one ticket");
    assert_eq!(counts.incoming, 3, "report, vacation reply, marker");
    assert_eq!(counts.outbox_sent, 2, "the ack and the staff notification");
    assert_eq!(
        sql_i64(
            db,
            "SELECT COUNT(*) FROM messages WHERE direction = 'out' \
             AND to_addrs LIKE '%reporter@example.test%'"
        )
        .await,
        1,
        "the desk wrote to the reporter once: the ack"
    );

    // the reporter got exactly one mail from the desk (the daemon's carry its loop header)
    let reporter = inbox(stack, REPORTER).await;
    assert_eq!(
        reporter
            .iter()
            .filter(|m| m.headers.contains("X-Secdesk-Loop:"))
            .count(),
        1,
        "{:#?}",
        reporter.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert_eq!(
        after,
        BTreeMap::from([
            (DESK, 3),     // report, vacation reply, marker
            (REPORTER, 2), // ack, the hand-written mail
            (STAFF, 1),    // new-ticket notification
            (STRANGER, 0),
            (OTHER, 0),
        ])
    );
    app.stop().await;
}

/// Desk A is security@; desk B is a second secdesk whose desk address and
/// mailbox are reporter@ (with the vacation responder on it too), staff
/// other@, its own database. A person on B's side reports to A from B's
/// shared mailbox, and a person on A's side reports to B from A's: each desk
/// acknowledges into the other desk's mailbox, and the vacation answers the
/// hand-written report. Every one of those is recorded as automatic and
/// answered by nobody.
async fn two_desks_do_not_talk_forever(stack: &Stack, db: &TestDb) {
    install_sieve(stack, REPORTER, VACATION);
    let db_b = another_db(db).await;
    let a = spawn_app(test_config(stack, db)).await;
    let mut config_b = test_config(stack, &db_b);
    config_b.desk.address = REPORTER.into();
    config_b.desk.name = "Partner Security Desk".into();
    config_b.desk.staff = vec![OTHER.into()];
    config_b.desk.notify = vec![OTHER.into()];
    config_b.imap.username = REPORTER.into();
    let b = spawn_app(config_b).await;

    // B's side writes to A: A acknowledges to B's desk address
    let to_a = raw_mail(
        REPORTER,
        DESK,
        "SQL injection in your partner API",
        &[],
        REPORT,
    );
    send_raw(stack, REPORTER, &[DESK], &to_a).await;
    // A's side writes to B: B acknowledges to A's, the vacation answers too
    let to_b = raw_mail(
        DESK,
        REPORTER,
        "Open redirect in your login page",
        &[],
        REPORT,
    );
    send_raw(stack, DESK, &[REPORTER], &to_b).await;

    // A: the report, B's ack, the vacation reply; B: A's ack, the report
    wait_for_incoming(&a.store, "A's three mails", 3).await;
    wait_for_incoming(&b.store, "B's two mails", 2).await;
    quiesce(stack, &[&a.store, &b.store]).await;
    let before = census(stack).await;
    silence(stack, &[(&a.store, DESK), (&b.store, REPORTER)]).await;
    let after = census(stack).await;
    let mut expected = before.clone();
    *expected.get_mut(DESK).unwrap() += 1;
    *expected.get_mut(REPORTER).unwrap() += 1;
    assert_eq!(after, expected, "nothing moved after the first exchange");
    println!(
        "two desks: {} mails exchanged (plus 2 markers): {before:?}",
        total(&before)
    );
    assert_eq!(
        after,
        BTreeMap::from([
            (DESK, 4),     // report from B's side, B's ack, vacation reply, marker
            (REPORTER, 3), // A's ack, report from A's side, marker
            (STAFF, 1),    // A's new-ticket notification
            (STRANGER, 0),
            (OTHER, 1), // B's new-ticket notification
        ])
    );

    // each desk opened one ticket, sent its ack and its notification, and
    // recorded the other's mail as automatic
    for (name, app, db, peer) in [("A", &a, db, REPORTER), ("B", &b, &db_b, DESK)] {
        let counts = app.store.counts().await.unwrap();
        assert_eq!(counts.tickets, 1, "desk {name}: one ticket");
        assert_eq!(counts.outbox_sent, 2, "desk {name}: ack + notification");
        let automatic = sql_pairs(
            db,
            "SELECT from_addr, reason FROM messages WHERE direction = 'in' \
             AND disposition = 'automatic' AND subject NOT LIKE 'marker %' ORDER BY id",
        )
        .await;
        println!("desk {name} recorded as automatic: {automatic:?}");
        assert!(
            automatic
                .iter()
                .any(|(from, _)| from.as_deref() == Some(peer)),
            "desk {name} recorded its peer's mail as automatic: {automatic:?}"
        );
    }
    let peer_ack = inbox(stack, REPORTER)
        .await
        .into_iter()
        .find(|m| m.headers.contains("X-Secdesk-Loop: security@example.test"))
        .expect("A's ack in B's mailbox");
    assert!(
        peer_ack.headers.contains("Auto-Submitted: auto-replied"),
        "{}",
        peer_ack.headers
    );
    // A holds B's ack and the vacation reply, both automatic
    assert_eq!(
        sql_i64(
            db,
            "SELECT COUNT(*) FROM messages WHERE direction = 'in' AND disposition = 'automatic' \
             AND from_addr = 'reporter@example.test'"
        )
        .await,
        2
    );
    a.stop().await;
    b.stop().await;
    db_b.cleanup().await;
}

/// An auto-responder without any automatic header, that answers every mail
/// with a fresh one (no threading, new subject): to the desk each answer is
/// a new report. The test plays it. With 3 acknowledgments per address and
/// 5 in all per hour, reporter@ gets 3 and other@ (started afterwards) 2;
/// the next ones are stored as `suppressed`, with the reason, and not sent,
/// so each responder hears nothing more and stops.
async fn caps_stop_an_autoresponder_that_ignores_the_rules(stack: &Stack, db: &TestDb) {
    let mut config = test_config(stack, db);
    config.limits.auto_replies_per_address_per_hour = 3;
    config.limits.auto_replies_per_hour = 5;
    let app = spawn_app(config).await;

    let mut sent = 0;
    let reporter_rounds = bad_responder(stack, &app.store, REPORTER, &mut sent).await;
    let other_rounds = bad_responder(stack, &app.store, OTHER, &mut sent).await;
    let before = census(stack).await;
    silence(stack, &[(&app.store, DESK)]).await;
    let after = census(stack).await;
    let mut expected = before.clone();
    *expected.get_mut(DESK).unwrap() += 1;
    assert_eq!(after, expected, "nothing moved once the caps held");
    println!(
        "caps: {} mails exchanged (plus 1 marker), responder rounds: reporter {reporter_rounds}, \
         other {other_rounds}: {before:?}",
        total(&before)
    );

    assert_eq!(reporter_rounds, 4, "reporter@: the report and 3 answers");
    assert_eq!(other_rounds, 3, "other@: the report and 2 answers");
    assert_eq!(
        after,
        BTreeMap::from([
            (DESK, 8),     // 7 responder mails + marker
            (REPORTER, 3), // acks up to the per-address cap
            (STAFF, 7),    // a notification per ticket (staff are never capped)
            (STRANGER, 0),
            (OTHER, 2), // acks up to the global cap
        ])
    );
    let counts = app.store.counts().await.unwrap();
    assert_eq!(counts.tickets, 7);
    assert_eq!(
        sql_i64(
            db,
            "SELECT COUNT(*) FROM messages WHERE disposition = 'suppressed'"
        )
        .await,
        2
    );
    let suppressed = sql_pairs(
        db,
        "SELECT to_addrs, reason FROM messages WHERE disposition = 'suppressed' ORDER BY id",
    )
    .await;
    println!("suppressed: {suppressed:?}");
    let (to, reason) = &suppressed[0];
    assert!(to.as_deref().unwrap_or_default().contains(REPORTER));
    assert!(
        reason
            .as_deref()
            .unwrap_or_default()
            .contains("limits.auto_replies_per_address_per_hour"),
        "{reason:?}"
    );
    let (to, reason) = &suppressed[1];
    assert!(to.as_deref().unwrap_or_default().contains(OTHER));
    assert!(
        reason
            .as_deref()
            .unwrap_or_default()
            .contains("limits.auto_replies_per_hour"),
        "{reason:?}"
    );
    // nothing suppressed sits in the outbox
    assert_eq!(
        sql_i64(
            db,
            "SELECT COUNT(*) FROM outbox WHERE message_id IN \
             (SELECT id FROM messages WHERE disposition = 'suppressed')"
        )
        .await,
        0
    );
    app.stop().await;
}

/// Play a badly behaved auto-responder at `who`: send a first mail, then
/// answer every new mail in its INBOX with a fresh one, until nothing new
/// comes. `sent` counts the mails every responder sent the desk so far.
/// Returns how many mails this one sent.
async fn bad_responder(stack: &Stack, store: &Store, who: &str, sent: &mut i64) -> usize {
    const MAX_ROUNDS: usize = 10;
    let mut answered = 0;
    let mut mine = 0;
    let mut pending = 1;
    while pending > 0 {
        for _ in 0..pending {
            mine += 1;
            assert!(
                mine <= MAX_ROUNDS,
                "{who}'s responder still gets answers after {MAX_ROUNDS} rounds"
            );
            let subject = format!("Thank you for your message ({mine})");
            let raw = raw_mail(
                who,
                DESK,
                &subject,
                &[],
                "This is an automatic confirmation: we received your email.",
            );
            send_raw(stack, who, &[DESK], &raw).await;
            *sent += 1;
        }
        wait_for_incoming(store, "the responder's mails", *sent).await;
        quiesce(stack, &[store]).await;
        let now = inbox(stack, who).await.len();
        pending = now - answered;
        answered = now;
    }
    mine
}
