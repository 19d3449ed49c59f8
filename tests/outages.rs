//! Servers come and go: Dovecot restarted during IDLE and during a fetch,
//! Postfix away while acknowledgments are due, a permanent refusal, the
//! database locked or its connections killed, the INBOX recreated with a new
//! UIDVALIDITY. Every report still becomes exactly one ticket, every
//! acknowledgment leaves (exactly once where the outage cannot race a commit),
//! and an outage is logged once, not once per attempt. Every scenario runs on
//! SQLite and on PostgreSQL.
//!
//! The outages are short by default (CI). `SECDESK_TEST_OUTAGE_FULL=1` makes
//! them long: Postfix away for a minute, the SQLite lock held past the
//! daemon's `busy_timeout`, 300 reports in the fetch test. (The variable has
//! the `SECDESK_TEST_` prefix because the daemon's config refuses any other
//! unknown `SECDESK_*` variable, and tests elsewhere run the binary with the
//! test's environment; `SECDESK_OUTAGE_FULL=1` works too, for
//! `cargo test --test outages` alone.)
//! `cargo test --test outages -- --nocapture` prints the time each catch-up
//! took.

#[macro_use]
mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::*;
use secdesk::config::Config;
use secdesk::store::{Counts, Store};

on_both_backends!(
    dovecot_restart_during_idle_loses_nothing,
    dovecot_restart_during_a_fetch_loses_nothing,
    dovecot_hanging_mid_fetch_is_timed_out,
    postfix_down_keeps_mail_in_the_outbox_until_it_returns,
    permanently_refused_mail_is_recorded_with_the_servers_answer,
    database_briefly_unreachable_is_survived,
    recreated_mailbox_new_uidvalidity_does_not_duplicate_tickets,
    outages_are_logged_once_not_per_attempt,
);

/// An address of the stack's domain that is no mailbox: Postfix answers
/// `550 5.1.1 ... User unknown in virtual mailbox table` at RCPT.
const UNKNOWN_USER: &str = "nobody@example.test";

/// Outgoing rows per new ticket: the acknowledgment and the staff notification.
const MAILS_PER_TICKET: i64 = 2;

/// Long outages (`SECDESK_TEST_OUTAGE_FULL=1`, or `SECDESK_OUTAGE_FULL=1`
/// when only this file runs) instead of the CI ones.
fn full() -> bool {
    ["SECDESK_TEST_OUTAGE_FULL", "SECDESK_OUTAGE_FULL"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0"))
}

/// The test config, with what every scenario here needs: one reporter sends
/// many reports (lift the per-address cap on answers), and failed mail is
/// retried after 1 s (doubling).
fn config(stack: &Stack, db: &TestDb) -> Config {
    let mut config = test_config(stack, db);
    config.limits.auto_replies_per_address_per_hour = 10_000;
    config.smtp.retry_initial_secs = 1;
    config
}

/// Run a mailstack.sh command without stalling the runtime's other worker
/// (the daemon runs on it).
fn mailstack(stack: &Stack, cmd: &str) {
    tokio::task::block_in_place(|| stack.command(cmd));
}

/// Await `check` (Ok = done, Err = the state so far, for the failure
/// message) for at most `limit`; returns how long it took.
async fn until<F, Fut>(what: &str, limit: Duration, mut check: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let start = Instant::now();
    loop {
        match check().await {
            Ok(()) => return start.elapsed(),
            Err(state) => assert!(
                start.elapsed() < limit,
                "waited {limit:?} for {what}; state: {state}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn counts(store: &Store) -> Counts {
    store.counts().await.expect("count rows")
}

/// Wait until `n` tickets exist and nothing is left to send.
async fn until_tickets_and_sent(store: &Store, what: &str, n: i64, limit: Duration) -> Duration {
    until(what, limit, || async {
        let c = counts(store).await;
        if c.tickets == n && c.outbox_pending == 0 {
            Ok(())
        } else {
            Err(format!("{c:?}"))
        }
    })
    .await
}

fn subject(tag: &str, i: usize) -> String {
    format!("Outage {tag} report {i:03}")
}

async fn send_reports(stack: &Stack, tag: &str, range: std::ops::Range<usize>) {
    for i in range {
        Mail::new(REPORTER, &subject(tag, i), REPORT)
            .send(stack)
            .await;
    }
}

/// Wait until the reporter holds an acknowledgment for every subject, let
/// Postfix deliver whatever else is queued, and return how many
/// acknowledgments each subject got.
async fn acks_per_subject(stack: &Stack, subjects: &[String]) -> Vec<(String, usize)> {
    wait_for_inbox(stack, REPORTER, "an acknowledgment of every report", |m| {
        subjects
            .iter()
            .all(|s| m.iter().any(|r| r.subject.ends_with(s.as_str())))
    })
    .await;
    // a duplicate would be in the queue right behind: let it land before counting
    mailstack(stack, "drain");
    let inbox = inbox(stack, REPORTER).await;
    subjects
        .iter()
        .map(|s| {
            let n = inbox
                .iter()
                .filter(|r| r.subject.ends_with(s.as_str()))
                .count();
            (s.clone(), n)
        })
        .collect()
}

fn assert_each_once(acks: &[(String, usize)]) {
    let wrong: Vec<_> = acks.iter().filter(|(_, n)| *n != 1).collect();
    assert!(
        wrong.is_empty(),
        "every report gets exactly one acknowledgment: {wrong:?}"
    );
}

/// Every ticket's subject once, and only those of `subjects`.
async fn assert_one_ticket_per_subject(store: &Store, subjects: &[String]) {
    let tickets = store.newest_tickets(100_000).await.expect("list tickets");
    let mut got: Vec<String> = tickets.into_iter().map(|t| t.subject).collect();
    got.sort();
    let mut want = subjects.to_vec();
    want.sort();
    assert_eq!(got, want, "exactly one ticket per report");
}

/// The desk's INBOX as files, for mail put there without SMTP.
fn desk_maildir(stack: &Stack) -> PathBuf {
    stack.dir.join("mail/example.test/security/Maildir")
}

/// Deliver a mail the way virtual(8) does (write in tmp/, rename into
/// new/, owned by the mail uid): instant, and keeps the exact bytes (Postfix
/// would add a Message-ID to a mail without one).
fn drop_into_maildir(stack: &Stack, raw: &str) {
    use std::os::unix::fs::MetadataExt;
    let maildir = desk_maildir(stack);
    let root = stack.dir.join("mail");
    let owner = std::fs::metadata(&root).expect("the mail root exists");
    // as virtual(8) or Dovecot would make them, if neither has yet
    for dir in [
        "example.test",
        "example.test/security",
        "example.test/security/Maildir",
        "example.test/security/Maildir/tmp",
        "example.test/security/Maildir/new",
        "example.test/security/Maildir/cur",
    ] {
        let dir = root.join(dir);
        if !dir.exists() {
            std::fs::create_dir(&dir).expect("create the Maildir");
            std::os::unix::fs::chown(&dir, Some(owner.uid()), Some(owner.gid()))
                .expect("chown the Maildir");
        }
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    let name = format!(
        "{}.M{:06}P{}R{:08x}.sdt",
        now.as_secs(),
        now.subsec_micros(),
        std::process::id(),
        rand::random::<u32>()
    );
    let tmp = maildir.join("tmp").join(&name);
    std::fs::write(&tmp, raw).expect("write the mail");
    std::os::unix::fs::chown(&tmp, Some(owner.uid()), Some(owner.gid())).expect("chown the mail");
    std::fs::rename(&tmp, maildir.join("new").join(&name)).expect("move the mail into new/");
}

/// This stack's imap processes serving the desk: (pid, process title).
/// `verbose_proctitle = yes` puts the user and the running command in the
/// title (`dovecot-<instance>/imap [security@example.test 127.0.0.1 IDLE]`).
/// The pid file is under `$MAILSTACK_DIR/run`, as the harness's stack
/// directories are short.
fn desk_imap_processes(stack: &Stack) -> Vec<(String, String)> {
    let Ok(pid) = std::fs::read_to_string(stack.dir.join("run/dovecot/master.pid")) else {
        return Vec::new();
    };
    let pid = pid.trim();
    let children =
        std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
    children
        .split_whitespace()
        .filter_map(|child| {
            let title = std::fs::read(format!("/proc/{child}/cmdline")).ok()?;
            let title = String::from_utf8_lossy(&title).to_string();
            (title.contains("/imap [") && title.contains(DESK)).then(|| (child.to_string(), title))
        })
        .collect()
}

fn desk_session_in_idle(stack: &Stack) -> bool {
    desk_imap_processes(stack)
        .iter()
        .any(|(_, title)| title.contains("IDLE"))
}

async fn until_desk_idles(stack: &Stack) {
    until("the daemon in IDLE", Duration::from_secs(20), || async {
        if desk_session_in_idle(stack) {
            Ok(())
        } else {
            Err("no IDLE session of the desk in Dovecot".into())
        }
    })
    .await;
}

/// One query on the test database, outside the daemon: the first column of
/// every row, as text.
async fn sql_texts(db: &TestDb, sql: &'static str) -> Vec<Option<String>> {
    use sqlx::{Connection, Row};
    match db {
        TestDb::Sqlite { .. } => {
            let mut conn = sqlx::SqliteConnection::connect(db.url())
                .await
                .expect("open the SQLite test database");
            let rows = sqlx::query(sql).fetch_all(&mut conn).await.expect(sql);
            rows.iter().map(|r| r.get::<Option<String>, _>(0)).collect()
        }
        TestDb::Postgres { .. } => {
            let mut conn = sqlx::PgConnection::connect(db.url())
                .await
                .expect("open the PostgreSQL test database");
            let rows = sqlx::query(sql).fetch_all(&mut conn).await.expect(sql);
            rows.iter().map(|r| r.get::<Option<String>, _>(0)).collect()
        }
    }
}

async fn quarantined(store: &Store) -> usize {
    store
        .unthreaded_messages(1000)
        .await
        .expect("read flagged mail")
        .iter()
        .filter(|m| m.disposition == "quarantined")
        .count()
}

// ---------------------------------------------------------------- Dovecot

async fn dovecot_restart_during_idle_loses_nothing(stack: &Stack, db: &TestDb) {
    let app = spawn_app(config(stack, db)).await;
    // the loop runs; then the daemon sits in IDLE
    send_reports(stack, "idle", 0..1).await;
    until_tickets_and_sent(&app.store, "the first ticket", 1, PATIENCE).await;
    until_desk_idles(stack).await;

    // Dovecot goes away under the IDLE; reports keep arriving (Postfix's
    // virtual(8) writes the Maildir without Dovecot)
    mailstack(stack, "stop-dovecot");
    let down = Instant::now();
    send_reports(stack, "idle", 1..4).await;
    mailstack(stack, "drain");
    assert_eq!(counts(&app.store).await.tickets, 1, "Dovecot is away");
    mailstack(stack, "start-dovecot");
    let up = Instant::now();
    send_reports(stack, "idle", 4..7).await;
    let subjects: Vec<String> = (0..7).map(|i| subject("idle", i)).collect();
    until_tickets_and_sent(&app.store, "every report's ticket", 7, PATIENCE).await;
    let caught_up = up.elapsed();
    println!(
        "[{}] Dovecot restart during IDLE: down {:.1} s (3 reports delivered meanwhile); \
         every ticket and reply {:.2} s after Dovecot was back",
        db_kind(db),
        (up - down).as_secs_f64(),
        caught_up.as_secs_f64()
    );
    assert!(
        caught_up < Duration::from_secs(20),
        "caught up within 20 s of Dovecot's return"
    );
    assert_one_ticket_per_subject(&app.store, &subjects).await;
    assert_each_once(&acks_per_subject(stack, &subjects).await);
    let c = counts(&app.store).await;
    assert_eq!(c.incoming, 7, "every report stored once: {c:?}");
    // and the daemon is back in IDLE, not polling
    until_desk_idles(stack).await;
    app.stop().await;
}

fn db_kind(db: &TestDb) -> &'static str {
    match db {
        TestDb::Sqlite { .. } => "sqlite",
        TestDb::Postgres { .. } => "postgres",
    }
}

async fn dovecot_restart_during_a_fetch_loses_nothing(stack: &Stack, db: &TestDb) {
    let n: usize = if full() { 300 } else { 150 };
    let mut config = config(stack, db);
    config.imap.fetch_batch = 5;
    // a full INBOX before the daemon starts
    let subjects: Vec<String> = (0..n).map(|i| subject("fetch", i)).collect();
    for s in &subjects {
        drop_into_maildir(stack, &Mail::new(REPORTER, s, REPORT).render());
    }
    let app = spawn_app(config).await;
    let started = Instant::now();
    // restart Dovecot twice while the daemon works through the INBOX
    let mut at_restart = Vec::new();
    for threshold in [n as i64 / 5, n as i64 / 2] {
        until("progress through the INBOX", PATIENCE * 2, || async {
            let c = counts(&app.store).await;
            if c.tickets >= threshold {
                Ok(())
            } else {
                Err(format!("{c:?}"))
            }
        })
        .await;
        mailstack(stack, "stop-dovecot");
        at_restart.push(counts(&app.store).await.tickets);
        mailstack(stack, "start-dovecot");
    }
    let up = Instant::now();
    assert!(
        at_restart.iter().all(|t| *t < n as i64),
        "Dovecot went away in the middle of the work ({at_restart:?} of {n} done)"
    );
    until("every report's ticket", PATIENCE * 3, || async {
        let c = counts(&app.store).await;
        if c.tickets >= n as i64 {
            Ok(())
        } else {
            Err(format!("{c:?}"))
        }
    })
    .await;
    println!(
        "[{}] Dovecot restarted twice during a fetch of {n} reports (batch 5; restarts at {at_restart:?} tickets): \
         all tickets {:.1} s after the second restart, {:.1} s after start",
        db_kind(db),
        up.elapsed().as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    assert_one_ticket_per_subject(&app.store, &subjects).await;
    let c = counts(&app.store).await;
    assert_eq!(c.incoming, n as i64, "every report stored once: {c:?}");
    assert_eq!(
        c.outbox_pending + c.outbox_sent + c.outbox_failed,
        MAILS_PER_TICKET * n as i64,
        "one acknowledgment and one notification queued per report: {c:?}"
    );
    assert_eq!(quarantined(&app.store).await, 0, "nothing quarantined");
    app.stop().await;
}

/// Processes frozen with SIGSTOP, thawed (SIGCONT) when dropped, also when
/// the test fails: a stopped child would outlive the stack's `wipe`.
struct Frozen(Vec<String>);

impl Frozen {
    fn freeze(pids: Vec<String>) -> Frozen {
        signal("-STOP", &pids);
        Frozen(pids)
    }
}

impl Drop for Frozen {
    fn drop(&mut self) {
        signal("-CONT", &self.0);
    }
}

fn signal(sig: &str, pids: &[String]) {
    if pids.is_empty() {
        return;
    }
    let _ = std::process::Command::new("kill")
        .arg(sig)
        .args(pids)
        .status();
}

/// Dovecot still holds the connection but answers nothing (a hung server, a
/// network path that drops packets): `imap.timeout_secs` bounds every
/// command, so the reader gives up on that session and goes on in a new one.
async fn dovecot_hanging_mid_fetch_is_timed_out(stack: &Stack, db: &TestDb) {
    const N: usize = 60;
    let mut config = config(stack, db);
    config.imap.fetch_batch = 5;
    config.imap.timeout_secs = 2;
    let subjects: Vec<String> = (0..N).map(|i| subject("hang", i)).collect();
    for s in &subjects {
        drop_into_maildir(stack, &Mail::new(REPORTER, s, REPORT).render());
    }
    let app = spawn_app(config).await;
    until("progress through the INBOX", PATIENCE, || async {
        let c = counts(&app.store).await;
        if c.tickets >= 5 {
            Ok(())
        } else {
            Err(format!("{c:?}"))
        }
    })
    .await;
    // the daemon's session freezes in the middle of its work
    let frozen = Frozen::freeze(
        desk_imap_processes(stack)
            .into_iter()
            .map(|(pid, _)| pid)
            .collect(),
    );
    assert!(!frozen.0.is_empty(), "found the desk's imap process");
    let at_freeze = counts(&app.store).await.tickets;
    assert!(
        at_freeze < N as i64 - 5,
        "the session froze in the middle of the work ({at_freeze} of {N} done)"
    );
    let hung = Instant::now();
    until(
        "every report's ticket while the first session hangs",
        Duration::from_secs(20),
        || async {
            let c = counts(&app.store).await;
            if c.tickets == N as i64 {
                Ok(())
            } else {
                Err(format!(
                    "{c:?} (the reader seems stuck in the frozen session)"
                ))
            }
        },
    )
    .await;
    println!(
        "[{}] desk's imap process frozen at {at_freeze} of {N} tickets: all done {:.1} s later (timeout_secs = 2)",
        db_kind(db),
        hung.elapsed().as_secs_f64()
    );
    drop(frozen);
    assert_one_ticket_per_subject(&app.store, &subjects).await;
    app.stop().await;
}

// ---------------------------------------------------------------- Postfix

async fn postfix_down_keeps_mail_in_the_outbox_until_it_returns(stack: &Stack, db: &TestDb) {
    const N: usize = 5;
    let outage = if full() {
        Duration::from_secs(60)
    } else {
        Duration::from_secs(5)
    };
    let subjects: Vec<String> = (0..N).map(|i| subject("postfix", i)).collect();
    // the reports are in the desk's Maildir before Postfix goes away
    send_reports(stack, "postfix", 0..N).await;
    mailstack(stack, "drain");
    mailstack(stack, "stop-postfix");
    let app = spawn_app(config(stack, db)).await;
    let expected = MAILS_PER_TICKET * N as i64;
    until("tickets whose replies failed once", PATIENCE, || async {
        let c = counts(&app.store).await;
        let tried = sql_i64(
            db,
            "SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND attempts > 0",
        )
        .await;
        if c.tickets == N as i64 && c.outbox_pending == expected && tried == expected {
            Ok(())
        } else {
            Err(format!("{c:?}, {tried} tried"))
        }
    })
    .await;
    let down_since = Instant::now();
    tokio::time::sleep(outage).await;
    let c = counts(&app.store).await;
    assert_eq!(
        (c.outbox_pending, c.outbox_sent, c.outbox_failed),
        (expected, 0, 0),
        "while Postfix is away everything waits in the outbox: {c:?}"
    );
    let attempts = sql_i64(db, "SELECT MAX(attempts) FROM outbox").await;
    let errors = sql_texts(db, "SELECT last_error FROM outbox WHERE state = 'pending'").await;
    assert!(
        errors
            .iter()
            .all(|e| e.as_deref().is_some_and(|e| !e.is_empty())),
        "each failed attempt is recorded: {errors:?}"
    );
    // doubling from 1 s: about log2(outage) attempts, not one per second
    let max_attempts = (outage.as_secs_f64().log2().ceil() as i64) + 2;
    assert!(
        (2..=max_attempts).contains(&attempts),
        "retried with backoff: {attempts} attempts in {outage:?}"
    );

    mailstack(stack, "start-postfix");
    let up = Instant::now();
    until_tickets_and_sent(
        &app.store,
        "the outbox to drain",
        N as i64,
        // the next retry is due at most ~outage/2 * 1.25 after Postfix is back
        outage + PATIENCE,
    )
    .await;
    let caught_up = up.elapsed();
    let acks = acks_per_subject(stack, &subjects).await;
    println!(
        "[{}] Postfix down {:.0} s with {expected} mails due: {attempts} attempts each at most, \
         outbox empty {:.2} s after Postfix was back",
        db_kind(db),
        down_since.elapsed().as_secs_f64() - up.elapsed().as_secs_f64(),
        caught_up.as_secs_f64()
    );
    assert_each_once(&acks);
    let c = counts(&app.store).await;
    assert_eq!((c.outbox_sent, c.outbox_failed), (expected, 0), "{c:?}");
    app.stop().await;
}

async fn permanently_refused_mail_is_recorded_with_the_servers_answer(stack: &Stack, db: &TestDb) {
    let app = spawn_app(config(stack, db)).await;
    Mail::new(
        UNKNOWN_USER,
        "Report from a mailbox that does not exist",
        REPORT,
    )
    .send(stack)
    .await;
    until("the refused acknowledgment to fail", PATIENCE, || async {
        let c = counts(&app.store).await;
        if c.outbox_failed == 1 && c.outbox_pending == 0 && c.outbox_sent == 1 {
            Ok(())
        } else {
            Err(format!("{c:?}"))
        }
    })
    .await;
    let answers = sql_texts(db, "SELECT last_error FROM outbox WHERE state = 'failed'").await;
    let attempts = sql_i64(db, "SELECT attempts FROM outbox WHERE state = 'failed'").await;
    println!(
        "[{}] permanent refusal kept after {attempts} attempt(s): {answers:?}",
        db_kind(db)
    );
    assert_eq!(answers.len(), 1);
    let answer = answers[0].clone().unwrap_or_default();
    assert!(
        answer.contains("550") && answer.contains("User unknown"),
        "the server's answer is kept: {answer:?}"
    );
    assert_eq!(attempts, 1, "a permanent refusal is not retried");
    // the failed mail blocks nothing: the next report is answered
    send_reports(stack, "refused", 0..1).await;
    assert_each_once(&acks_per_subject(stack, &[subject("refused", 0)]).await);
    assert_eq!(counts(&app.store).await.outbox_failed, 1);
    app.stop().await;
}

// ---------------------------------------------------------------- database

async fn database_briefly_unreachable_is_survived(stack: &Stack, db: &TestDb) {
    let app = spawn_app(config(stack, db)).await;
    send_reports(stack, "db", 0..1).await;
    until_tickets_and_sent(&app.store, "the first ticket", 1, PATIENCE).await;
    const N: usize = 7;
    let subjects: Vec<String> = (0..N).map(|i| subject("db", i)).collect();
    let released = match db {
        TestDb::Sqlite { .. } => sqlite_locked_while_reports_arrive(stack, db).await,
        TestDb::Postgres { .. } => {
            postgres_connections_killed_while_reports_arrive(stack, db).await
        }
    };
    // done = every report stored and answered, or quarantined (a failure, below)
    until("every report handled", PATIENCE, || async {
        let c = counts(&app.store).await;
        let q = quarantined(&app.store).await as i64;
        if c.incoming == N as i64 && c.tickets + q == N as i64 && c.outbox_pending == 0 {
            Ok(())
        } else {
            Err(format!("{c:?}, {q} quarantined"))
        }
    })
    .await;
    println!(
        "[{}] database outage: every ticket and reply {:.2} s after it ended",
        db_kind(db),
        released.elapsed().as_secs_f64()
    );
    let kept: Vec<_> = app
        .store
        .unthreaded_messages(100)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.disposition == "quarantined")
        .map(|m| (m.subject, m.reason))
        .collect();
    assert!(
        kept.is_empty(),
        "healthy reports quarantined because the database was away: {kept:#?}"
    );
    assert_one_ticket_per_subject(&app.store, &subjects).await;
    let acks = acks_per_subject(stack, &subjects).await;
    // the sender marks a mail sent after SMTP took it: when that write fails
    // the mail is sent again (at least once, documented); say so if it happened
    let twice: Vec<_> = acks.iter().filter(|(_, n)| *n > 1).collect();
    if !twice.is_empty() {
        println!("[{}] acknowledgments sent twice: {twice:?}", db_kind(db));
    }
    assert!(acks.iter().all(|(_, n)| *n >= 1), "{acks:?}");
    let c = counts(&app.store).await;
    assert_eq!(c.incoming, N as i64, "every report stored once: {c:?}");
    app.stop().await;
}

/// Hold SQLite's write lock from a second connection while reports 1..7
/// arrive; returns when the lock was released.
async fn sqlite_locked_while_reports_arrive(stack: &Stack, db: &TestDb) -> Instant {
    use sqlx::Connection;
    // The daemon waits busy_timeout = 10 s for the lock. The full run holds
    // it 25 s: the batch's commit gives up at ~10 s, the one-by-one fallback's
    // first commit at ~20 s, and the quarantine write that follows gets the
    // lock when it is released.
    let hold = if full() {
        Duration::from_secs(25)
    } else {
        Duration::from_secs(4)
    };
    let mut conn = sqlx::SqliteConnection::connect(db.url())
        .await
        .expect("open the SQLite test database");
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut conn)
        .await
        .expect("take the write lock");
    let locked = Instant::now();
    send_reports(stack, "db", 1..7).await;
    mailstack(stack, "drain");
    tokio::time::sleep(hold.saturating_sub(locked.elapsed())).await;
    let c = counts(&open_store(db).await).await;
    assert_eq!(
        c.tickets, 1,
        "nothing committed while the lock is held: {c:?}"
    );
    sqlx::query("COMMIT")
        .execute(&mut conn)
        .await
        .expect("release the lock");
    println!(
        "[sqlite] write lock held {:.1} s while 6 reports arrived",
        locked.elapsed().as_secs_f64()
    );
    Instant::now()
}

/// The test database, opened apart from the daemon (in WAL mode SQLite
/// readers pass the write lock).
async fn open_store(db: &TestDb) -> Store {
    Store::connect(&secdesk::config::Secret::new(db.url()), 1)
        .await
        .expect("open the store")
}

/// Kill the daemon's connections to its database while reports 1..7
/// arrive; returns when the killing stopped.
///
/// First once where it surely hurts, inside a batch's transaction: the test
/// holds a lock on `tickets` (as a long migration or a VACUUM FULL would), so
/// the batch of report 1 waits in its transaction, and its connection is
/// killed right there (a failover or a restart of PostgreSQL does the same
/// to every open transaction). Then again and again, every 150 ms, while
/// reports 2..7 arrive.
async fn postgres_connections_killed_while_reports_arrive(stack: &Stack, db: &TestDb) -> Instant {
    use sqlx::{Connection, Row};
    const KILL: &str = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                        WHERE datname = current_database() AND pid <> pg_backend_pid()";
    let connect = || async {
        sqlx::PgConnection::connect(db.url())
            .await
            .expect("open the PostgreSQL test database")
    };
    let mut locker = connect().await;
    let locker_pid: i32 = sqlx::query("SELECT pg_backend_pid()")
        .fetch_one(&mut locker)
        .await
        .unwrap()
        .get(0);
    sqlx::query("BEGIN").execute(&mut locker).await.unwrap();
    sqlx::query("LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE")
        .execute(&mut locker)
        .await
        .expect("lock the tickets table");
    send_reports(stack, "db", 1..2).await;
    let watcher = std::sync::Arc::new(tokio::sync::Mutex::new(connect().await));
    until(
        "the daemon's batch waiting for the lock",
        PATIENCE,
        || async {
            let waiting: i64 = sqlx::query(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
                 AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query ILIKE '%tickets%'",
            )
            .fetch_one(&mut *watcher.lock().await)
            .await
            .unwrap()
            .get(0);
            if waiting > 0 {
                Ok(())
            } else {
                Err("no daemon transaction waiting".into())
            }
        },
    )
    .await;
    let killed_in_batch = sqlx::query(sqlx::AssertSqlSafe(format!("{KILL} AND pid <> $1")))
        .bind(locker_pid)
        .fetch_all(&mut *watcher.lock().await)
        .await
        .expect("terminate the daemon's connections")
        .iter()
        .filter(|r| r.get::<bool, _>(0))
        .count();
    tokio::time::sleep(Duration::from_millis(300)).await;
    sqlx::query("COMMIT").execute(&mut locker).await.unwrap();
    drop(locker);

    let url = db.url().to_string();
    let (stop_tx, mut stop_rx) = tokio::sync::oneshot::channel::<()>();
    let killer = tokio::spawn(async move {
        let mut conn = sqlx::PgConnection::connect(&url).await.unwrap();
        let (mut rounds, mut killed) = (0usize, 0usize);
        loop {
            let rows = sqlx::query(KILL)
                .fetch_all(&mut conn)
                .await
                .expect("terminate the daemon's connections");
            killed += rows.iter().filter(|r| r.get::<bool, _>(0)).count();
            rounds += 1;
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(150)) => {}
                _ = &mut stop_rx => break,
            }
        }
        (rounds, killed)
    });
    let started = Instant::now();
    for i in 2..7 {
        send_reports(stack, "db", i..i + 1).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    // keep killing until the last report is surely being worked on
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let _ = stop_tx.send(());
    let (rounds, killed) = killer.await.expect("the killer task");
    println!(
        "[postgres] {killed_in_batch} connection(s) killed inside a batch's transaction; \
         then {killed} in {rounds} rounds over {:.1} s while 5 more reports arrived",
        started.elapsed().as_secs_f64()
    );
    assert!(killed_in_batch > 0, "the daemon's batch was killed");
    Instant::now()
}

// ---------------------------------------------------------------- UIDVALIDITY

async fn recreated_mailbox_new_uidvalidity_does_not_duplicate_tickets(stack: &Stack, db: &TestDb) {
    let mut config = config(stack, db);
    // the INBOX's exact UIDs are the point here: no Sent copies coming
    // through it (they have tests of their own, tests/exactly_once.rs)
    config.smtp.sent_copy = secdesk::config::SentCopy::Off;
    let mailbox = secdesk::mailbox::mailbox_id(&config.imap);
    let app = spawn_app(config.clone()).await;
    // four reports over SMTP (UIDs 1-4), and one without a Message-ID put
    // straight into the Maildir (UID 5; Postfix would have added one), which
    // only the content hash can recognise later
    send_reports(stack, "uidv", 0..4).await;
    mailstack(stack, "drain");
    let no_id_subject = subject("uidv", 90);
    let no_id = format!(
        "From: <{REPORTER}>\nTo: <{DESK}>\nSubject: {no_id_subject}\nDate: Tue, 24 Nov 2026 10:00:00 +0000\n\
         MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{REPORT}\n"
    );
    drop_into_maildir(stack, &no_id);
    let mut subjects: Vec<String> = (0..4).map(|i| subject("uidv", i)).collect();
    subjects.push(no_id_subject);
    until_tickets_and_sent(&app.store, "the first five tickets", 5, PATIENCE).await;
    app.stop().await;
    let before = counts(&open_store(db).await).await;
    let old = open_store(db)
        .await
        .mailbox_state(&mailbox)
        .await
        .unwrap()
        .expect("a checkpoint");
    assert_eq!(old.last_uid, 5, "{old:?}");

    // While the daemon is away: two old mails are deleted and a new report
    // arrives (UID 6). Then the INBOX is "recreated": with Dovecot stopped,
    // its dovecot-uidlist (the UID of each file, the UIDVALIDITY, the next
    // UID) and its index (which also holds the UIDVALIDITY) are deleted.
    // Dovecot then rebuilds both from the files: a new UIDVALIDITY (the next
    // value of the dovecot-uidvalidity counter) and UIDs from 1 again, in
    // file-name order. Deleting only dovecot-uidlist is not enough: Dovecot
    // keeps the UIDVALIDITY from the index and only renumbers (tried).
    // `doveadm mailbox delete INBOX` is refused, and `doveadm mailbox update
    // --uid-validity` changes the number but keeps the UIDs.
    // Result: the three old mails get UIDs 1-3 and the new report UID 4,
    // below the old checkpoint (5): a reader that ignored UIDVALIDITY would
    // skip it; one that did not dedupe would make tickets again.
    let doveadm = |args: &[&str]| {
        let conf = stack.dir.join("etc/dovecot/dovecot.conf");
        let out = std::process::Command::new("doveadm")
            .arg("-c")
            .arg(&conf)
            .args(args)
            .output()
            .expect("run doveadm");
        assert!(
            out.status.success(),
            "doveadm {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    doveadm(&["expunge", "-u", DESK, "mailbox", "INBOX", "uid", "1:2"]);
    send_reports(stack, "uidv", 4..5).await;
    mailstack(stack, "drain");
    subjects.push(subject("uidv", 4));
    mailstack(stack, "stop-dovecot");
    let maildir = desk_maildir(stack);
    for entry in std::fs::read_dir(&maildir).expect("read the Maildir") {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        if name == "dovecot-uidlist" || name.starts_with("dovecot.index") {
            std::fs::remove_file(entry.path()).expect("delete Dovecot's UID state");
        }
    }
    mailstack(stack, "start-dovecot");
    let status = doveadm(&[
        "mailbox",
        "status",
        "-u",
        DESK,
        "uidvalidity messages",
        "INBOX",
    ]);
    let listing = doveadm(&["fetch", "-u", DESK, "uid hdr.subject", "mailbox", "INBOX"]);
    assert!(
        !status.contains(&format!("uidvalidity={} ", old.uid_validity))
            && !status
                .trim_end()
                .ends_with(&format!("uidvalidity={}", old.uid_validity)),
        "Dovecot gave the INBOX a new UIDVALIDITY: {status}"
    );
    assert!(status.contains("messages=4"), "{status}");
    assert!(
        listing.contains(&format!("uid: 4\nhdr.subject: {}", subject("uidv", 4))),
        "the new report has UID 4, below the old checkpoint:\n{listing}"
    );

    let app = spawn_app(config).await;
    let up = Instant::now();
    until_tickets_and_sent(&app.store, "the new report's ticket", 6, PATIENCE).await;
    let new = app.store.mailbox_state(&mailbox).await.unwrap().unwrap();
    assert_ne!(
        new.uid_validity, old.uid_validity,
        "the new UIDVALIDITY is recorded"
    );
    // and mail after that still gets its ticket
    send_reports(stack, "uidv", 5..6).await;
    subjects.push(subject("uidv", 5));
    until_tickets_and_sent(&app.store, "the next report's ticket", 7, PATIENCE).await;
    println!(
        "[{}] INBOX recreated (UIDVALIDITY {} -> {}): re-read and caught up in {:.2} s",
        db_kind(db),
        old.uid_validity,
        new.uid_validity,
        up.elapsed().as_secs_f64()
    );
    let c = counts(&app.store).await;
    assert_eq!(
        c.incoming,
        before.incoming + 2,
        "the three old mails were not stored again: {before:?} -> {c:?}"
    );
    assert_one_ticket_per_subject(&app.store, &subjects).await;
    assert_each_once(&acks_per_subject(stack, &subjects).await);
    app.stop().await;
}

// ---------------------------------------------------------------- the log

/// The daemon as a process of its own (its log is its stderr): both mail
/// servers away for a while, with mail to read and to send. The outage is
/// logged when it starts and when it ends, not once per attempt.
async fn outages_are_logged_once_not_per_attempt(stack: &Stack, db: &TestDb) {
    let outage = if full() {
        Duration::from_secs(60)
    } else {
        Duration::from_secs(8)
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let config_file = dir.path().join("secdesk.toml");
    let log_file = dir.path().join("secdesk.log");
    std::fs::write(
        &config_file,
        format!(
            r#"
[desk]
address = "{DESK}"
staff = ["{STAFF}"]
templates_dir = "{templates}"
authentication = "none"

[calendar]
time_zone = "Europe/Rome"

[imap]
host = "127.0.0.1"
port = {imap}
encryption = "none"
username = "{DESK}"
password = "{PASSWORD}"

[smtp]
host = "127.0.0.1"
port = {smtp}
encryption = "none"
retry_initial_secs = 1

[limits]
auto_replies_per_address_per_hour = 1000

[database]
url = "{url}"

{dns}
"#,
            templates = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("templates")
                .display(),
            imap = stack.imap_port,
            smtp = stack.smtp_port,
            url = db.url(),
            dns = stack.dns_section(),
        ),
    )
    .expect("write the config");
    let mut daemon = std::process::Command::new(env!("CARGO_BIN_EXE_secdesk"))
        .arg("--config")
        .arg(&config_file)
        .arg("run")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("SECDESK_LOG", "secdesk=info,warn")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&log_file).expect("create the log file"))
        .spawn()
        .expect("start secdesk run");
    let store = {
        // the daemon migrates the database; wait until it has
        let start = Instant::now();
        loop {
            let store = open_store(db).await;
            if store.counts().await.is_ok() {
                break store;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the daemon migrates the database"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    send_reports(stack, "log", 0..1).await;
    until_tickets_and_sent(&store, "the first ticket", 1, PATIENCE).await;

    // Postfix goes first, with three reports already in the Maildir: their
    // replies cannot leave; then Dovecot goes too
    send_reports(stack, "log", 1..4).await;
    mailstack(stack, "drain");
    mailstack(stack, "stop-postfix");
    until("three tickets with replies waiting", PATIENCE, || async {
        let c = counts(&store).await;
        let tried = sql_i64(
            db,
            "SELECT COUNT(*) FROM outbox WHERE attempts > 0 AND state = 'pending'",
        )
        .await;
        if c.tickets == 4 && tried == 6 {
            Ok(())
        } else {
            Err(format!("{c:?}, {tried} tried"))
        }
    })
    .await;
    mailstack(stack, "stop-dovecot");
    tokio::time::sleep(outage).await;
    mailstack(stack, "start-dovecot");
    mailstack(stack, "start-postfix");
    let up = Instant::now();
    send_reports(stack, "log", 4..5).await;
    until_tickets_and_sent(&store, "every ticket and reply", 5, outage + PATIENCE).await;
    let caught_up = up.elapsed();
    let subjects: Vec<String> = (0..5).map(|i| subject("log", i)).collect();
    assert_each_once(&acks_per_subject(stack, &subjects).await);

    // a graceful stop (SIGTERM to the process this test started)
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &daemon.id().to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = daemon.try_wait().expect("wait for the daemon") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = daemon.kill();
            panic!("the daemon did not stop within {PATIENCE:?} of SIGTERM");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "the daemon exits cleanly: {status}");

    let log = std::fs::read_to_string(&log_file).expect("read the log");
    let lines: Vec<String> = log.lines().map(strip_ansi).collect();
    let with = |text: &str| lines.iter().filter(|l| l.contains(text)).count();
    let loud: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains(" WARN ") || l.contains(" ERROR "))
        .collect();
    println!(
        "[{}] Dovecot and Postfix away {:.0} s: caught up {:.2} s after; {} warning/error lines:\n  {}",
        db_kind(db),
        outage.as_secs_f64(),
        caught_up.as_secs_f64(),
        loud.len(),
        loud.iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join("\n  ")
    );
    assert_eq!(
        with("mailbox reader failed"),
        1,
        "the reader's outage is logged once:\n{log}"
    );
    assert_eq!(
        with("mailbox reader working again"),
        1,
        "and its end once:\n{log}"
    );
    // the sender: once when SMTP stops taking mail (not once per mail or
    // per retry), once when it takes mail again
    let sender_loud = loud
        .iter()
        .filter(|l| l.contains("secdesk::outbox"))
        .count();
    assert_eq!(
        sender_loud, 1,
        "the SMTP outage is logged once, not per mail or per retry:\n{log}"
    );
    assert_eq!(with("SMTP takes mail again"), 1, "and its end once:\n{log}");
    // the rest: the warning about desk.authentication = "none" at start
    assert!(loud.len() <= 3, "no flood of warnings:\n{log}");
}

fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
