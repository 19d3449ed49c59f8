//! Reliability of the real `secdesk` binary on the real stack (issue 4):
//! kill -9 at random moments loses and duplicates nothing (item 1), floods
//! leave the desk responsive with bounded memory (item 5), SIGTERM stops
//! cleanly and the next start continues where it stopped (item 6).
//!
//! Short versions run in CI. `SECDESK_CRASH_FULL=1` runs the full ones
//! (2,000 reports with 20 kills; 10,000 + 2,000 flood); `SECDESK_CRASH_SEED`
//! repeats a run's kill timing. See RELIABILITY.md.

#[macro_use]
mod common;

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::process::*;
use common::*;
use futures::StreamExt;
use lettre::AsyncTransport;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use secdesk::store::{Counts, Store};

on_both_backends!(
    crash_anywhere_loses_nothing,
    sigterm_stops_cleanly_and_the_next_start_continues,
);

const OTHER: &str = "other@example.test";
/// Who reports in the crash and SIGTERM tests (staff@ is staff).
const REPORTERS: [&str; 3] = [REPORTER, STRANGER, OTHER];

/// The caps on automatic answers are lifted: these tests send hundreds of
/// reports from three addresses and expect every one acknowledged.
const NO_REPLY_CAPS: &str = "[limits]\n\
auto_replies_per_address_per_hour = 1000000\n\
auto_replies_per_hour = 1000000\n";

/// The full versions (minutes, release build) instead of the CI ones.
fn full() -> bool {
    std::env::var("SECDESK_CRASH_FULL").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// A number from the environment (the crash test's sizes can be set by hand).
fn env_number(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

fn seed() -> u64 {
    std::env::var("SECDESK_CRASH_SEED")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(rand::random)
}

fn backend(db: &TestDb) -> &'static str {
    match db {
        TestDb::Sqlite { .. } => "sqlite",
        TestDb::Postgres { .. } => "postgres",
    }
}

/// A Message-ID without its angle brackets.
fn bare(id: &str) -> &str {
    id.trim().trim_start_matches('<').trim_end_matches('>')
}

/// One report the test pushes, and the follow-up it sends once acknowledged.
#[derive(Debug, Clone)]
struct Pushed {
    from: String,
    subject: String,
    message_id: String,
    follow_up_id: String,
}

impl Pushed {
    fn new(from: &str, subject: String, tag: &str) -> Pushed {
        let r = rand::random::<u64>();
        Pushed {
            from: from.to_string(),
            subject,
            message_id: format!("{tag}-r-{r:016x}@client.example"),
            follow_up_id: format!("{tag}-f-{r:016x}@client.example"),
        }
    }

    fn report(&self) -> String {
        let mut mail = Mail::new(&self.from, &self.subject, REPORT);
        mail.message_id = self.message_id.clone();
        mail.render()
    }

    /// The reporter's answer to the acknowledgment: number in the subject,
    /// threaded under the ack.
    fn follow_up(&self, ack: &Header) -> String {
        let subject = format!("Re: {}", ack.subject);
        let body = format!(
            "Here is the proof of concept for \"{}\": the payload is stored and runs for every visitor.\n",
            self.subject
        );
        let mut mail = Mail::new(&self.from, &subject, &body)
            .header("In-Reply-To", format!("<{}>", ack.message_id))
            .header(
                "References",
                format!("<{}> <{}>", self.message_id, ack.message_id),
            );
        mail.message_id = self.follow_up_id.clone();
        mail.render()
    }
}

/// Submit every mail over `connections` parallel SMTP sessions, counting.
async fn push_all(
    stack: &Stack,
    mails: &[(String, String)],
    connections: usize,
    pushed: &AtomicUsize,
) {
    let smtp = smtp(stack, connections as u32);
    futures::stream::iter(mails)
        .map(|(from, raw)| {
            let smtp = &smtp;
            async move {
                submit(smtp, from, raw).await;
                pushed.fetch_add(1, Ordering::SeqCst);
            }
        })
        .buffer_unordered(connections)
        .collect::<Vec<()>>()
        .await;
    // QUIT now: no session of the test's is left when the daemon's are counted
    smtp.shutdown().await;
}

/// Poll the store until `done` holds; fail on timeout or when the daemon
/// exits on its own.
async fn wait_for_counts(
    store: &Store,
    daemon: &mut Daemon,
    what: &str,
    within: Duration,
    mut done: impl FnMut(&Counts) -> bool,
) -> Counts {
    let start = Instant::now();
    loop {
        if let Some(status) = daemon.exited() {
            panic!(
                "the daemon exited on its own ({status}) while waiting for {what}; log {}:\n{}",
                daemon.log.display(),
                daemon.log_tail(40)
            );
        }
        let counts = store.counts().await.expect("read the counts");
        if done(&counts) {
            return counts;
        }
        assert!(
            start.elapsed() < within,
            "waited {within:?} for {what}; counts {counts:?}; log {}:\n{}",
            daemon.log.display(),
            daemon.log_tail(40)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Every acknowledgment in the reporters' INBOXes, by the report it answers.
async fn acks_by_report(
    stack: &Stack,
    users: &[&str],
    by_mid: &HashMap<String, usize>,
) -> HashMap<usize, Vec<Header>> {
    let mut acks: HashMap<usize, Vec<Header>> = HashMap::new();
    for user in users {
        for h in headers_since(stack, user, 0).await {
            if let Some(&i) = h.in_reply_to.iter().find_map(|id| by_mid.get(bare(id))) {
                acks.entry(i).or_default().push(h);
            }
        }
    }
    acks
}

// ---------------------------------------------------------------- item 1

/// Push reports and follow-ups while the daemon is killed with SIGKILL at
/// random moments and restarted; then every report is exactly one ticket,
/// every follow-up on its ticket exactly once, every ticket acknowledged,
/// duplicates bounded by the kills, and nothing in the INBOX left behind.
async fn crash_anywhere_loses_nothing(stack: &Stack, db: &TestDb) {
    let (n, kills) = if full() { (2000, 20) } else { (150, 5) };
    let n = env_number("SECDESK_CRASH_REPORTS").unwrap_or(n);
    let kills = env_number("SECDESK_CRASH_KILLS").unwrap_or(kills);
    let total = 2 * n;
    let seed = seed();
    let backend = backend(db);
    let patience = Duration::from_secs(if full() { 900 } else { 150 });
    println!(
        "[crash/{backend}] {n} reports + {n} follow-ups, {kills} kills, seed {seed} \
         (SECDESK_CRASH_SEED={seed} repeats the kill timing)"
    );
    let mut rng = StdRng::seed_from_u64(seed);
    let work = WorkDir::new(&format!("crash-{backend}"));
    // small batches: more commits, so kills also land between a commit and its sends
    let config = write_config(
        stack,
        db,
        &work.0,
        "fetch_batch = 20",
        &[
            env_number("SECDESK_CRASH_SMTP_POOL").map(|n| format!("pool_size = {n}")),
            env_number("SECDESK_CRASH_REPORTER_CONNECTIONS")
                .map(|n| format!("reporter_connections = {n}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n"),
        NO_REPLY_CAPS,
    );
    let mut daemon = Daemon::new(&config, &work.0.join("daemon.log"));
    let started = Instant::now();
    daemon.start();
    let store = open_store(db, Duration::from_secs(60)).await;

    let reports: Vec<Pushed> = (0..n)
        .map(|i| {
            Pushed::new(
                REPORTERS[i % REPORTERS.len()],
                format!("Crash run {seed:x} report {i:05}: stored XSS in module {i}"),
                "crash",
            )
        })
        .collect();
    let by_mid: HashMap<String, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.message_id.clone(), i))
        .collect();
    let report_mails: Vec<(String, String)> = reports
        .iter()
        .map(|r| (r.from.clone(), r.report()))
        .collect();

    let pushed = AtomicUsize::new(0);
    let follow_ups_sent = AtomicUsize::new(0);
    // when the watcher saw each copy of each report's ack
    let acked: Mutex<Vec<Vec<Instant>>> = Mutex::new(vec![Vec::new(); n]);
    let done = AtomicBool::new(false);
    let (follow_up_tx, mut follow_up_rx) =
        tokio::sync::mpsc::unbounded_channel::<(usize, Header)>();

    let pusher = push_all(stack, &report_mails, 4, &pushed);

    // watch the reporters' INBOXes; answer each first ack with a follow-up
    let watcher = async {
        let follow_up_tx = follow_up_tx;
        let mut after: HashMap<&str, u32> = HashMap::new();
        loop {
            let finishing = done.load(Ordering::SeqCst);
            for user in REPORTERS {
                let new = headers_since(stack, user, after.get(user).copied().unwrap_or(0)).await;
                if let Some(last) = new.last() {
                    after.insert(user, last.uid);
                }
                for h in new {
                    let Some(&i) = h.in_reply_to.iter().find_map(|id| by_mid.get(bare(id))) else {
                        continue;
                    };
                    let first = {
                        let mut acked = acked.lock().unwrap();
                        acked[i].push(Instant::now());
                        acked[i].len() == 1
                    };
                    if first {
                        follow_up_tx
                            .send((i, h))
                            .expect("the follow-up sender runs");
                    }
                }
            }
            if finishing {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    };

    let follow_ups = async {
        let smtp = smtp(stack, 4);
        let smtp = &smtp;
        futures::stream::poll_fn(|cx| follow_up_rx.poll_recv(cx))
            .map(|(i, ack)| {
                let report = &reports[i];
                let follow_ups_sent = &follow_ups_sent;
                async move {
                    submit(smtp, &report.from, &report.follow_up(&ack)).await;
                    follow_ups_sent.fetch_add(1, Ordering::SeqCst);
                }
            })
            .buffer_unordered(4)
            .collect::<Vec<()>>()
            .await;
    };

    // kill k comes once k/(kills+1) of the mail is committed, after a random
    // 50-800 ms more: the kills spread over the whole run, each at a random point
    let killer = async {
        let mut kill_log: Vec<(u64, i64, Instant)> = Vec::new();
        for k in 1..=kills {
            let target = (total * k / (kills + 1)) as i64;
            wait_for_counts(
                &store,
                &mut daemon,
                "progress before the next kill",
                patience,
                |c| c.incoming >= target,
            )
            .await;
            let delay = rng.random_range(50..=800u64);
            tokio::time::sleep(Duration::from_millis(delay)).await;
            let at = store.counts().await.map_or(-1, |c| c.incoming);
            daemon.kill();
            let killed = Instant::now();
            daemon.start();
            kill_log.push((delay, at, killed));
        }
        let last_restart = Instant::now();
        let all_acked = || acked.lock().unwrap().iter().all(|c| !c.is_empty());
        let start = Instant::now();
        loop {
            let c = wait_for_counts(&store, &mut daemon, "the drain", patience, |c| {
                c.incoming >= total as i64 && c.outbox_pending == 0
            })
            .await;
            if pushed.load(Ordering::SeqCst) == n
                && follow_ups_sent.load(Ordering::SeqCst) == n
                && c.incoming == total as i64
                && all_acked()
            {
                break;
            }
            assert!(
                start.elapsed() < patience,
                "not drained after {patience:?}: pushed {}, follow-ups {}, acked {}, counts {c:?}",
                pushed.load(Ordering::SeqCst),
                follow_ups_sent.load(Ordering::SeqCst),
                acked
                    .lock()
                    .unwrap()
                    .iter()
                    .filter(|c| !c.is_empty())
                    .count()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let drained = last_restart.elapsed();
        done.store(true, Ordering::SeqCst);
        (kill_log, drained)
    };

    let ((), (), (), (kill_log, drained)) = tokio::join!(pusher, watcher, follow_ups, killer);

    // stop cleanly, let Postfix deliver what it holds, then count from scratch
    let (status, stop_took) = daemon.terminate(Duration::from_secs(20)).await;
    stack.command("drain");
    let counts = store.counts().await.unwrap();
    let elapsed = started.elapsed();

    // the figures first (printed even when an invariant fails below)
    let tickets = store.newest_tickets(n as i64 + 100).await.unwrap();
    let mut by_subject: HashMap<&str, Vec<&secdesk::store::TicketSummary>> = HashMap::new();
    for t in &tickets {
        by_subject.entry(t.subject.as_str()).or_default().push(t);
    }
    let acks = acks_by_report(stack, &REPORTERS, &by_mid).await;
    let acks_delivered: usize = acks.values().map(Vec::len).sum();
    let duplicates: usize = acks.values().map(|a| a.len() - 1).sum();
    let all_desk = headers_since(stack, DESK, 0).await;
    // the desk's Sent copies come through its INBOX too; one whose mail was
    // committed just before a kill stays there (it was not yet filed)
    // (the last ones may arrive after the last batch: the checkpoint need
    // not have reached them, only every mail someone else sent)
    let highest = all_desk
        .iter()
        .filter(|h| !h.own)
        .map(|h| h.uid)
        .max()
        .unwrap_or(0);
    let copies_left = all_desk.iter().filter(|h| h.own).count();
    let desk: Vec<_> = all_desk.into_iter().filter(|h| !h.own).collect();
    let desk_ids: HashSet<&str> = desk.iter().map(|h| bare(&h.message_id)).collect();
    let staff = headers_since(stack, STAFF, 0).await;
    let staff_ids: HashSet<&str> = staff.iter().map(|h| bare(&h.message_id)).collect();
    // (from_toml_str: Config::load would read the SECDESK_CRASH_* variables as keys)
    let loaded =
        secdesk::config::Config::from_toml_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    let checkpoint = store
        .mailbox_state(&secdesk::mailbox::mailbox_id(&loaded.imap))
        .await
        .unwrap()
        .expect("a checkpoint");
    // which kill each duplicate followed (by when the watcher saw it)
    let mut per_kill = vec![0usize; kills + 1];
    for seen in acked.lock().unwrap().iter() {
        for t in seen.iter().skip(1) {
            per_kill[kill_log.iter().filter(|(_, _, k)| k < t).count()] += 1;
        }
    }
    let kill_text: Vec<String> = kill_log
        .iter()
        .zip(per_kill.iter().skip(1))
        .map(|((delay, at, _), dups)| format!("{delay} ms/{at} committed/{dups} dup"))
        .collect();
    println!(
        "[crash/{backend}] RESULT seed {seed}: pushed {n} reports + {n} follow-ups = {total} mails; \
         {kills} kills [delay after progress mark / mail committed at the kill / duplicate acks seen after it: {}]; \
         {} tickets, {} distinct subjects; acks: {}/{n} reports acknowledged, {acks_delivered} delivered, \
         {duplicates} duplicate(s) (invariant: <= {kills} kills); staff notifications: {} delivered, {} distinct, \
         {} duplicate(s); desk INBOX {} mails ({} Message-IDs; and {copies_left} Sent copies not yet filed), {} committed, checkpoint UID {} of {}; \
         outbox pending {} failed {}; drained {:.1} s after the last restart; SIGTERM exit in {} ms; whole run {:.1} s",
        kill_text.join(", "),
        counts.tickets,
        by_subject.len(),
        acks.len(),
        staff.len(),
        staff_ids.len(),
        staff.len() - staff_ids.len(),
        desk.len(),
        desk_ids.len(),
        counts.incoming,
        checkpoint.last_uid,
        highest,
        counts.outbox_pending,
        counts.outbox_failed,
        drained.as_secs_f64(),
        stop_took.as_millis(),
        elapsed.as_secs_f64(),
    );

    assert!(status.success(), "exit after SIGTERM: {status}");

    // every report is exactly one ticket, by the right reporter
    assert_eq!(
        counts.tickets, n as i64,
        "one ticket per report: {counts:?}"
    );
    for r in &reports {
        let found = by_subject.get(r.subject.as_str()).map_or(0, Vec::len);
        assert_eq!(found, 1, "report {:?} has {found} tickets", r.subject);
        assert_eq!(by_subject[r.subject.as_str()][0].reporter, r.from);
    }

    // every follow-up is on its ticket exactly once; nothing else came in
    for r in &reports {
        let number = &by_subject[r.subject.as_str()][0].number;
        let detail = store
            .ticket_detail(number)
            .await
            .unwrap()
            .expect("the ticket");
        let incoming: Vec<_> = detail
            .messages
            .iter()
            .filter(|m| m.direction == "in")
            .collect();
        let with_id = |id: &str, disposition: &str| {
            incoming
                .iter()
                .filter(|m| {
                    m.disposition == disposition && m.message_id.as_deref().map(bare) == Some(id)
                })
                .count()
        };
        assert_eq!(
            with_id(&r.message_id, "report"),
            1,
            "{number}: {incoming:?}"
        );
        assert_eq!(
            with_id(&r.follow_up_id, "follow-up"),
            1,
            "{number}: {incoming:?}"
        );
        assert_eq!(incoming.len(), 2, "{number}: {incoming:?}");
    }
    let flagged = store.unthreaded_messages(10).await.unwrap();
    assert!(flagged.is_empty(), "mail outside tickets: {flagged:?}");

    // every ticket's acknowledgment reached its reporter, with its number
    for (i, r) in reports.iter().enumerate() {
        let got = acks.get(&i).map_or(&[][..], Vec::as_slice);
        assert!(!got.is_empty(), "no ack for {:?}", r.subject);
        let number = &by_subject[r.subject.as_str()][0].number;
        assert!(
            got.iter().all(|a| number_in(&a.subject) == *number),
            "ack of {number} carries another number: {got:?}"
        );
    }

    // no mail left unprocessed: everything the desk received is committed
    assert_eq!(desk_ids.len(), total, "the desk received every mail once");
    assert_eq!(
        counts.incoming,
        desk_ids.len() as i64,
        "every received mail is committed"
    );
    // copies filed in Sent leave their UIDs behind: at or past the last
    // mail someone else sent
    assert!(
        checkpoint.last_uid >= highest,
        "the checkpoint {} is past the last mail {highest}",
        checkpoint.last_uid
    );
    assert_eq!(counts.outbox_pending, 0, "{counts:?}");
    assert_eq!(counts.outbox_failed, 0, "{counts:?}");

    // staff: every notification (new ticket, follow-up) arrived
    assert_eq!(
        staff_ids.len(),
        total,
        "one staff notification per report and per follow-up"
    );

    // at-least-once costs at most one duplicate acknowledgment per kill
    assert!(
        duplicates <= kills,
        "{duplicates} duplicate acks after {kills} kills (per kill: {:?})",
        &per_kill[1..]
    );
    store.close().await;
    work.remove();
}

// ---------------------------------------------------------------- item 6

/// SIGTERM mid-stream: the daemon commits the batch in hand, flushes the
/// outbox and exits 0 in bounded time; mail that came meanwhile is handled
/// on the next start, each report exactly once, each ack exactly once.
async fn sigterm_stops_cleanly_and_the_next_start_continues(stack: &Stack, db: &TestDb) {
    const FIRST: usize = 60;
    const SECOND: usize = 30;
    let backend = backend(db);
    let work = WorkDir::new(&format!("sigterm-{backend}"));
    // small batches, so SIGTERM finds the daemon with mail in hand
    let config = write_config(stack, db, &work.0, "fetch_batch = 10", "", NO_REPLY_CAPS);
    let mut daemon = Daemon::new(&config, &work.0.join("daemon.log"));
    daemon.start();
    let store = open_store(db, Duration::from_secs(60)).await;

    let reports: Vec<Pushed> = (0..FIRST + SECOND)
        .map(|i| {
            Pushed::new(
                REPORTERS[i % REPORTERS.len()],
                format!("Graceful stop report {i:03}: stored XSS in module {i}"),
                "term",
            )
        })
        .collect();
    let mails: Vec<(String, String)> = reports
        .iter()
        .map(|r| (r.from.clone(), r.report()))
        .collect();
    let pushed = AtomicUsize::new(0);
    push_all(stack, &mails[..FIRST], 4, &pushed).await;
    wait_for_counts(
        &store,
        &mut daemon,
        "the first tickets",
        Duration::from_secs(60),
        |c| c.tickets >= (FIRST / 4) as i64,
    )
    .await;

    let mark = LogMark::now(stack, &daemon);
    let (status, took) = daemon.terminate(Duration::from_secs(15)).await;
    assert!(
        status.success(),
        "exit after SIGTERM: {status}; log:\n{}",
        daemon.log_tail(30)
    );
    let sessions_first = mark.sessions_closed(stack).await;
    let at_stop = store.counts().await.unwrap();
    let log = std::fs::read_to_string(&daemon.log).unwrap();
    assert!(
        log.contains("stopping: finishing the mail in hand"),
        "{log}"
    );
    assert!(log.contains("stopped"), "{log}");
    // the mail in hand was finished and flushed: each committed report has
    // its ticket and nothing waits in the outbox
    assert_eq!(at_stop.tickets, at_stop.incoming, "{at_stop:?}");
    assert_eq!(
        at_stop.outbox_pending, 0,
        "flushed before exit: {at_stop:?}"
    );
    // the checkpoint is the last committed mail (UIDs 1.. in a fresh mailbox)
    let loaded =
        secdesk::config::Config::from_toml_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    let mailbox = secdesk::mailbox::mailbox_id(&loaded.imap);
    let checkpoint = store
        .mailbox_state(&mailbox)
        .await
        .unwrap()
        .expect("a checkpoint");
    // (the desk's Sent copies take UIDs too, and leave for Sent once read:
    // the mails at or below it are exactly the committed ones)
    let read = headers_since(stack, DESK, 0)
        .await
        .into_iter()
        .filter(|h| !h.own && h.uid <= checkpoint.last_uid)
        .count();
    assert_eq!(read as i64, at_stop.incoming, "{checkpoint:?}");

    // more mail while it is down, then start again
    push_all(stack, &mails[FIRST..], 4, &pushed).await;
    let log_before = std::fs::read_to_string(&daemon.log).unwrap().len();
    daemon.start();
    let all = (FIRST + SECOND) as i64;
    wait_for_counts(
        &store,
        &mut daemon,
        "every report",
        Duration::from_secs(120),
        |c| c.tickets >= all && c.outbox_pending == 0,
    )
    .await;
    // it went on from the checkpoint, not from the start of the mailbox
    let log = std::fs::read_to_string(&daemon.log).unwrap();
    let resumed = format!("last_uid={}", checkpoint.last_uid);
    assert!(
        log[log_before..]
            .lines()
            .any(|l| l.contains("reading") && l.contains(&resumed)),
        "the second start reads on from {resumed}:\n{}",
        &log[log_before..]
    );
    let by_mid: HashMap<String, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.message_id.clone(), i))
        .collect();
    let start = Instant::now();
    while acks_by_report(stack, &REPORTERS, &by_mid).await.len() < reports.len() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "not every ack arrived"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mark = LogMark::now(stack, &daemon);
    let (status, took_again) = daemon.terminate(Duration::from_secs(15)).await;
    assert!(status.success(), "second exit after SIGTERM: {status}");
    let sessions_second = mark.sessions_closed(stack).await;
    stack.command("drain");

    let counts = store.counts().await.unwrap();
    assert_eq!(counts.tickets, all, "{counts:?}");
    assert_eq!(counts.incoming, all, "every report stored once: {counts:?}");
    let tickets = store.newest_tickets(1000).await.unwrap();
    let subjects: HashSet<&str> = tickets.iter().map(|t| t.subject.as_str()).collect();
    assert_eq!(subjects.len(), reports.len(), "no report twice");
    for r in &reports {
        assert!(
            subjects.contains(r.subject.as_str()),
            "no ticket for {:?}",
            r.subject
        );
    }
    let acks = acks_by_report(stack, &REPORTERS, &by_mid).await;
    for (i, r) in reports.iter().enumerate() {
        let got = acks.get(&i).map_or(0, Vec::len);
        assert_eq!(
            got, 1,
            "{:?} got {got} acks: a graceful stop sends nothing twice",
            r.subject
        );
    }
    println!(
        "[sigterm/{backend}] RESULT: SIGTERM with {} of {FIRST} reports committed -> exit 0 in {} ms, \
         outbox empty, checkpoint UID {}; {SECOND} more while down; next start read on from UID {}: \
         {all} tickets, {all} acks, no duplicate; second SIGTERM (idle) exit in {} ms; \
         sessions at the 1st stop: {}; at the 2nd stop: {}",
        at_stop.tickets,
        took.as_millis(),
        checkpoint.last_uid,
        checkpoint.last_uid,
        took_again.as_millis(),
        sessions_first.summary(),
        sessions_second.summary(),
    );
    // "close sessions": IMAP LOGOUT and SMTP QUIT, not a dropped connection
    for sessions in [&sessions_first, &sessions_second] {
        assert!(
            sessions.all_polite(),
            "sessions not closed on SIGTERM:\n{sessions:#?}"
        );
    }
    store.close().await;
    work.remove();
}

/// Where the stack's logs ended just before a SIGTERM, and which Postfix
/// processes served the daemon's SMTP connections then.
struct LogMark {
    dovecot: usize,
    postfix: usize,
    smtpd: Vec<u32>,
}

/// How the daemon's sessions ended, from the servers' logs.
#[derive(Debug)]
struct Sessions {
    /// Dovecot's "Disconnected: ..." lines of the desk's IMAP sessions
    /// (only the daemon logs in as the desk in this test).
    imap: Vec<String>,
    /// Postfix's "disconnect from ..." lines of the daemon's SMTP
    /// connections (`quit=1` when it said QUIT).
    smtp: Vec<String>,
}

impl Sessions {
    fn all_polite(&self) -> bool {
        self.imap.iter().all(|l| l.contains("Logged out"))
            && self.smtp.iter().all(|l| l.contains("quit="))
    }

    fn summary(&self) -> String {
        format!(
            "IMAP {}/{} logged out, SMTP {}/{} with QUIT",
            self.imap
                .iter()
                .filter(|l| l.contains("Logged out"))
                .count(),
            self.imap.len(),
            self.smtp.iter().filter(|l| l.contains("quit=")).count(),
            self.smtp.len()
        )
    }
}

impl LogMark {
    fn paths(stack: &Stack) -> (std::path::PathBuf, std::path::PathBuf) {
        (
            stack.dir.join("log/dovecot.log"),
            stack.dir.join("log/postfix.log"),
        )
    }

    fn now(stack: &Stack, daemon: &Daemon) -> LogMark {
        let (d, p) = LogMark::paths(stack);
        let len = |p| std::fs::metadata(p).map_or(0, |m| m.len() as usize);
        LogMark {
            dovecot: len(&d),
            postfix: len(&p),
            smtpd: daemon
                .pid()
                .map_or_else(Vec::new, |pid| smtpd_serving(stack, pid)),
        }
    }

    /// How the sessions the daemon had open at the mark ended; waits until
    /// the servers have logged each of them.
    async fn sessions_closed(&self, stack: &Stack) -> Sessions {
        let (d, p) = LogMark::paths(stack);
        let since = |path: &std::path::Path, from: usize| {
            let text = std::fs::read(path).unwrap_or_default();
            String::from_utf8_lossy(text.get(from..).unwrap_or_default()).into_owned()
        };
        let what = format!(
            "the servers to log the end of the daemon's IMAP session and SMTP connections (smtpd {:?})",
            self.smtpd
        );
        await_some(&what, Duration::from_secs(10), || async {
            let imap: Vec<String> = since(&d, self.dovecot)
                .lines()
                .filter(|l| l.contains(&format!("imap({DESK})")) && l.contains("Disconnected"))
                .map(str::to_string)
                .collect();
            let postfix = since(&p, self.postfix);
            // the first disconnect of each process after the mark (an smtpd serves many in turn)
            let smtp: Vec<String> = self
                .smtpd
                .iter()
                .filter_map(|pid| {
                    let tag = format!("smtpd[{pid}]: disconnect from");
                    postfix
                        .lines()
                        .find(|l| l.contains(&tag))
                        .map(str::to_string)
                })
                .collect();
            (!imap.is_empty() && smtp.len() == self.smtpd.len()).then_some(Sessions { imap, smtp })
        })
        .await
    }
}

// ---------------------------------------------------------------- item 5

/// One status request during the flood: the mail ahead of it in the
/// desk's INBOX, how long until it was committed, until its answer arrived.
#[derive(Debug)]
struct Probe {
    backlog: usize,
    committed: Duration,
    /// Outgoing mail waiting in the outbox when it was committed.
    outbox_ahead: i64,
    answered: Duration,
}

/// A burst from one address and a crowd of distinct senders at once: a
/// reporter's status request is still answered within bounded time, the
/// daemon's memory stays bounded, every report becomes a ticket, and the
/// flooding address gets no more automatic answers than its hourly cap.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flood_from_one_address_keeps_the_desk_responsive_on_sqlite() {
    flood_from_one_address_keeps_the_desk_responsive(TestDb::sqlite()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flood_from_one_address_keeps_the_desk_responsive_on_postgres() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    flood_from_one_address_keeps_the_desk_responsive(db).await;
}

/// The two floods take turns: each measures a bound on a 2-core machine,
/// which the other flood would halve.
static ONE_FLOOD_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn flood_from_one_address_keeps_the_desk_responsive(db: TestDb) {
    let _turn = ONE_FLOOD_AT_A_TIME.lock().await;
    let (one, distinct) = if full() {
        (10_000, 2_000)
    } else {
        (1_000, 200)
    };
    /// limits.auto_replies_per_address_per_hour's default
    const CAP: usize = 30;
    let status_bound = Duration::from_secs(30);
    let rss_bound_kb = 256 * 1024;
    let patience = Duration::from_secs(if full() { 1800 } else { 180 });
    println!("[flood] {one} reports from {STRANGER} and {distinct} from distinct senders at once");

    // acknowledgments to the outside senders land in other@'s INBOX
    let stack = Stack::start_with(&[("MAILSTACK_CATCHALL", OTHER)]);
    let work = WorkDir::new("flood");
    // the desk's defaults, caps on automatic answers included
    let config = write_config(&stack, &db, &work.0, "", "", "");
    let mut daemon = Daemon::new(&config, &work.0.join("daemon.log"));
    daemon.start();
    let store = open_store(&db, Duration::from_secs(60)).await;

    // the reporter's ticket from before the flood
    let earlier = Pushed::new(REPORTER, "Earlier finding: open redirect".into(), "early");
    let pushed = AtomicUsize::new(0);
    push_all(
        &stack,
        &[(REPORTER.to_string(), earlier.report())],
        1,
        &pushed,
    )
    .await;
    let ack = await_some(
        "the earlier report's ack",
        Duration::from_secs(60),
        || async {
            headers_since(&stack, REPORTER, 0)
                .await
                .into_iter()
                .find(|h| {
                    h.in_reply_to
                        .iter()
                        .any(|id| bare(id) == earlier.message_id)
                })
        },
    )
    .await;
    let number = number_in(&ack.subject);
    let (rss_before, _) = daemon.rss_kb().unwrap_or_default();

    let from_one: Vec<Pushed> = (0..one)
        .map(|i| {
            Pushed::new(
                STRANGER,
                format!("Flood {i:05}: stored XSS in module {i}"),
                "one",
            )
        })
        .collect();
    let from_many: Vec<Pushed> = (0..distinct)
        .map(|i| {
            Pushed::new(
                &format!("sender{i:05}@outside{}.example", i % 10),
                format!("Crowd {i:05}: stored XSS in module {i}"),
                "many",
            )
        })
        .collect();
    let one_mails: Vec<(String, String)> = from_one
        .iter()
        .map(|r| (r.from.clone(), r.report()))
        .collect();
    let many_mails: Vec<(String, String)> = from_many
        .iter()
        .map(|r| (r.from.clone(), r.report()))
        .collect();
    let flood_total = one + distinct;
    let pushed_one = AtomicUsize::new(0);
    let pushed_many = AtomicUsize::new(0);
    let flood_started = Instant::now();
    let peak_during = AtomicUsize::new(0);
    let done = AtomicBool::new(false);

    // status requests at a quarter, half and three quarters of the flood
    let probes = async {
        let mut latencies = Vec::new();
        let mut after = headers_since(&stack, REPORTER, 0)
            .await
            .last()
            .map_or(0, |h| h.uid);
        for k in 1..=3 {
            while (pushed_one.load(Ordering::SeqCst) + pushed_many.load(Ordering::SeqCst)) * 4
                < flood_total * k
            {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            let subject = format!("status {number}");
            let mut request = Mail::new(REPORTER, &subject, "Where are we with this one?");
            request.message_id =
                format!("status-{k}-{:016x}@client.example", rand::random::<u64>());
            // submitted to the desk so far (the earlier report and status requests
            // included) and not yet committed: the mail ahead of this request
            let submitted =
                pushed_one.load(Ordering::SeqCst) + pushed_many.load(Ordering::SeqCst) + k;
            let backlog =
                submitted.saturating_sub(store.counts().await.map_or(0, |c| c.incoming as usize));
            let asked = Instant::now();
            submit(&smtp(&stack, 1), REPORTER, &request.render()).await;
            // when it was committed (read from the INBOX) and when the answer arrived
            let mut committed = None;
            let mut outbox_ahead = 0;
            let answer = loop {
                if committed.is_none()
                    && let Some(t) = store.ticket_detail(&number).await.unwrap()
                    && t.messages.iter().any(|m| {
                        m.message_id.as_deref().map(bare) == Some(request.message_id.as_str())
                    })
                {
                    committed = Some(asked.elapsed());
                    outbox_ahead = store.counts().await.map_or(-1, |c| c.outbox_pending);
                }
                let new = headers_since(&stack, REPORTER, after).await;
                if let Some(h) = new.into_iter().find(|h| {
                    h.in_reply_to
                        .iter()
                        .any(|id| bare(id) == request.message_id)
                }) {
                    break h;
                }
                assert!(
                    asked.elapsed() < patience,
                    "no status answer within {patience:?} during the flood"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            };
            after = answer.uid;
            assert!(answer.subject.contains(&number), "{answer:?}");
            let answered = asked.elapsed();
            latencies.push(Probe {
                backlog,
                committed: committed.unwrap_or(answered),
                outbox_ahead,
                answered,
            });
        }
        latencies
    };
    let sampler = async {
        while !done.load(Ordering::SeqCst) {
            if let Some((hwm, _)) = daemon.rss_kb() {
                peak_during.fetch_max(hwm as usize, Ordering::SeqCst);
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    };
    let flood = async {
        tokio::join!(
            push_all(&stack, &one_mails, 4, &pushed_one),
            push_all(&stack, &many_mails, 4, &pushed_many),
        );
        flood_started.elapsed()
    };
    let probes = async {
        let latencies = probes.await;
        done.store(true, Ordering::SeqCst);
        latencies
    };
    let (pushed_in, latencies, ()) = tokio::join!(flood, probes, sampler);
    let tickets_all = (1 + flood_total) as i64;
    let counts = wait_for_counts(&store, &mut daemon, "every flood report", patience, |c| {
        c.tickets >= tickets_all && c.outbox_pending == 0
    })
    .await;
    let drained = flood_started.elapsed();
    let (hwm, rss) = daemon.rss_kb().expect("the daemon's memory figures");
    let (status, stop_took) = daemon.terminate(Duration::from_secs(20)).await;
    stack.command("drain");

    // the figures first (printed even when an invariant fails below)
    let stranger_acks = inbox_count(&stack, STRANGER).await as usize;
    let by_mid: HashMap<String, usize> = from_many
        .iter()
        .enumerate()
        .map(|(i, r)| (r.message_id.clone(), i))
        .collect();
    let crowd = acks_by_report(&stack, &[OTHER], &by_mid).await;
    let crowd_acks: usize = crowd.values().map(Vec::len).sum();
    let staff = inbox_count(&stack, STAFF).await as i64;
    let peak = hwm.max(peak_during.load(Ordering::SeqCst) as u64);
    let worst = latencies
        .iter()
        .map(|p| p.answered)
        .max()
        .unwrap_or_default();
    println!(
        "[flood] RESULT: {flood_total} reports ({one} from one address, {distinct} distinct senders) \
         submitted in {:.1} s; all {} tickets committed and their mail sent {:.1} s after the flood began; \
         status requests at 1/4, 1/2, 3/4 of the flood [mail ahead of it / committed after / outbox pending then / answered after]: {}; \
         peak RSS {:.1} MiB (before the flood {:.1} MiB, at the end {:.1} MiB); \
         acks: {stranger_acks} to the flooding address (cap {CAP}), {crowd_acks} to {} distinct senders; \
         staff notifications {staff}; SIGTERM exit in {} ms",
        pushed_in.as_secs_f64(),
        counts.tickets,
        drained.as_secs_f64(),
        latencies
            .iter()
            .map(|p| format!(
                "{} / {:.1} s / {} / {:.1} s",
                p.backlog,
                p.committed.as_secs_f64(),
                p.outbox_ahead,
                p.answered.as_secs_f64()
            ))
            .collect::<Vec<_>>()
            .join(", "),
        peak as f64 / 1024.0,
        rss_before as f64 / 1024.0,
        rss as f64 / 1024.0,
        crowd.len(),
        stop_took.as_millis(),
    );

    assert!(status.success(), "exit after SIGTERM: {status}");
    // nothing lost
    assert_eq!(
        counts.tickets, tickets_all,
        "every report is a ticket: {counts:?}"
    );
    assert_eq!(
        counts.incoming,
        tickets_all + 3,
        "reports and the 3 status requests: {counts:?}"
    );
    assert_eq!(counts.outbox_failed, 0, "{counts:?}");
    // the flooding address got its hourly cap of acks, the rest is kept as suppressed
    assert_eq!(stranger_acks, CAP.min(one), "acks to the flooding address");
    // every distinct sender got exactly one ack
    assert_eq!(crowd.len(), distinct, "every distinct sender acknowledged");
    assert_eq!(crowd_acks, distinct, "no sender acknowledged twice");
    // staff were told of every ticket
    assert_eq!(staff, tickets_all, "one staff notification per ticket");
    // responsive and bounded
    assert!(
        worst < status_bound,
        "a status request waited {worst:?} for its answer during the flood (bound {status_bound:?}): {latencies:?}"
    );
    assert!(
        peak < rss_bound_kb,
        "peak RSS {peak} KiB over the bound of {rss_bound_kb} KiB"
    );
    store.close().await;
    work.remove();
    db.cleanup().await;
}

/// A second `secdesk run` on a SQLite desk that one already serves refuses
/// to start and names the first (issue 12, item 3); once the first stops,
/// the second starts and serves.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_daemon_on_one_sqlite_desk_refuses_to_start() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let work = WorkDir::new("second-daemon");
    let config = write_config(&stack, &db, &work.0, "", "", "");
    let mut first = Daemon::new(&config, &work.0.join("first.log"));
    first.start();
    // the schema exists only once the first holds the desk (it locks
    // before it opens the database)
    let store = open_store(&db, Duration::from_secs(60)).await;
    let first_pid = first.pid().expect("running");

    let mut second = Daemon::new(&config, &work.0.join("second.log"));
    second.start();
    let status = await_some("the second daemon to give up", PATIENCE, || {
        let exited = second.exited();
        async move { exited }
    })
    .await;
    assert!(!status.success(), "the second daemon must fail: {status}");
    let log = second.log_tail(5);
    assert!(
        log.contains(&format!(
            "another secdesk is already running on this database: pid {first_pid} on "
        )),
        "{log}"
    );
    assert!(first.exited().is_none(), "the first keeps running");

    // the first still answers; after it stops, the second takes over
    Mail::new(REPORTER, "Report to the first daemon", REPORT)
        .send(&stack)
        .await;
    wait_for_inbox(&stack, REPORTER, "the first daemon's ack", |m| {
        m.iter()
            .any(|r| r.subject.contains("Report to the first daemon"))
    })
    .await;
    first.terminate(PATIENCE).await;
    second.start();
    Mail::new(REPORTER, "Report to the second daemon", REPORT)
        .send(&stack)
        .await;
    wait_for_inbox(&stack, REPORTER, "the second daemon's ack", |m| {
        m.iter()
            .any(|r| r.subject.contains("Report to the second daemon"))
    })
    .await;
    assert!(second.exited().is_none(), "{}", second.log_tail(10));
    assert_eq!(store.counts().await.unwrap().tickets, 2);
    second.terminate(PATIENCE).await;
    work.remove();
}
