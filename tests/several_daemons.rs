//! Several daemons on one desk (issue 12): the reader lease and its
//! fencing token, outbox claims, on a real SQLite file and a real
//! PostgreSQL database; then two real `secdesk run` processes on one
//! PostgreSQL desk and one real mail stack, the reader killed with -9 and
//! stopped cleanly.

mod common;

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use common::process::{Daemon, WorkDir, await_some, open_store, write_config};
use common::{PATIENCE, REPORT, REPORTER, Stack, TestDb, inbox};
use secdesk::config::Secret;
use secdesk::store::{DaemonInfo, Fence, Lane, NewMessage, Store, StoreError};

async fn store(db: &TestDb) -> Store {
    let store = Store::connect(&Secret::new(db.url().to_string()), 4)
        .await
        .expect("connect");
    store.migrate().await.expect("migrate");
    store
}

fn daemon(id: &str) -> DaemonInfo {
    DaemonInfo {
        id: id.into(),
        host: "test".into(),
        pid: 1,
        pid_space: "test".into(),
        started_at: 0,
    }
}

/// A batch that stores one outgoing message (and nothing else), committed.
async fn commit_one(store: &Store, subject: &str) -> Result<(), StoreError> {
    let mut batch = store.begin().await?;
    let message_id = format!("{}@example.test", subject.replace(' ', "-"));
    let row = batch
        .insert_message(&NewMessage {
            direction: "out",
            disposition: "ack",
            message_id: Some(&message_id),
            to_addrs: "[]".into(),
            subject,
            raw: Some(subject.as_bytes()),
            now: 1_000,
            ..NewMessage::default()
        })
        .await?;
    batch
        .enqueue(
            row,
            "security@example.test",
            &["someone@example.test".to_string()],
            "ack",
            1_000,
        )
        .await?;
    batch.commit().await
}

/// Every pending mail, as a sender nobody else competes with claims it.
async fn queued(store: &Store) -> HashSet<String> {
    store
        .claim_outbox(i64::MAX, Lane::Reporters, 10_000, "inspector", 60_000)
        .await
        .expect("read the outbox")
        .into_iter()
        .map(|i| String::from_utf8(i.raw).unwrap())
        .collect()
}

async fn lease_and_fence(db: &TestDb) {
    let store = store(db).await;
    let name = "reader imap://desk";
    let minute = 60_000;
    assert_eq!(
        store.acquire_lease(name, "a", minute).await.unwrap(),
        Some(1)
    );
    assert_eq!(store.acquire_lease(name, "b", minute).await.unwrap(), None);
    // renewal keeps the token
    assert_eq!(
        store.acquire_lease(name, "a", minute).await.unwrap(),
        Some(1)
    );
    let view = store.lease(name).await.unwrap().expect("a lease");
    assert_eq!((view.holder.as_str(), view.token), ("a", 1));
    assert!(view.expires_in_ms > 50_000, "{view:?}");

    let (fence_a, watch_a) = tokio::sync::watch::channel(Some(Fence {
        name: name.into(),
        holder: "a".into(),
        token: 1,
    }));
    let fenced_a = store.fenced(watch_a);
    commit_one(&fenced_a, "a while holding").await.unwrap();

    // a stops renewing (paused): its lease runs out by the database's
    // clock, and b takes it over with a new token
    assert_eq!(store.acquire_lease(name, "a", 1).await.unwrap(), Some(1));
    let token_b = await_some("b to take the expired lease", PATIENCE, || {
        let store = store.clone();
        async move { store.acquire_lease(name, "b", minute).await.unwrap() }
    })
    .await;
    assert_eq!(token_b, 2);
    // a wakes up, still believing it holds token 1: nothing it does commits
    match commit_one(&fenced_a, "a after the takeover").await {
        Err(StoreError::Fenced(Some(1))) => {}
        other => panic!("a's commit after the takeover must be fenced off: {other:?}"),
    }
    // and once a knows it is not the reader, nothing either
    fence_a.send_replace(None);
    match commit_one(&fenced_a, "a without the lease").await {
        Err(e @ StoreError::Fenced(None)) => assert!(e.is_transient()),
        other => panic!("a commit without the lease must be refused: {other:?}"),
    }
    let (_fence_b, watch_b) = tokio::sync::watch::channel(Some(Fence {
        name: name.into(),
        holder: "b".into(),
        token: token_b,
    }));
    commit_one(&store.fenced(watch_b), "b holding")
        .await
        .unwrap();
    assert_eq!(
        queued(&store).await,
        HashSet::from(["a while holding".to_string(), "b holding".to_string()])
    );

    // a clean stop lets it go at once: the next to ask has it
    store.release_lease(name, "b").await.unwrap();
    assert_eq!(
        store.acquire_lease(name, "a", minute).await.unwrap(),
        Some(3)
    );
    // a holder known to be dead (its process gone) loses it at once too
    store.heartbeat(&daemon("a"), minute).await.unwrap();
    assert_eq!(store.acquire_lease(name, "b", minute).await.unwrap(), None);
    assert_eq!(
        store.daemons_in("test").await.unwrap(),
        [("a".to_string(), 1)]
    );
    store.mark_dead("a").await.unwrap();
    assert!(store.daemons_in("test").await.unwrap().is_empty());
    assert_eq!(
        store.acquire_lease(name, "b", minute).await.unwrap(),
        Some(4)
    );
    store.close().await;
}

#[tokio::test]
async fn sqlite_lease_and_fence() {
    lease_and_fence(&TestDb::sqlite()).await;
}

#[tokio::test]
async fn postgres_lease_and_fence() {
    if let Some(db) = TestDb::postgres().await {
        lease_and_fence(&db).await;
        db.cleanup().await;
    }
}

async fn claims(db: &TestDb) {
    let store = store(db).await;
    for i in 0..20 {
        commit_one(&store, &format!("mail {i:02}")).await.unwrap();
    }
    let minute = 60_000;
    store.heartbeat(&daemon("a"), minute).await.unwrap();
    store.heartbeat(&daemon("b"), minute).await.unwrap();
    let subjects = |items: Vec<secdesk::store::OutboxItem>| -> Vec<String> {
        items
            .into_iter()
            .map(|i| String::from_utf8(i.raw).unwrap())
            .collect()
    };
    let claim = |holder: &'static str, limit: i64| {
        let store = store.clone();
        async move {
            store
                .claim_outbox(2_000, Lane::Reporters, limit, holder, minute)
                .await
                .expect("claim")
        }
    };
    let a = subjects(claim("a", 8).await);
    assert_eq!(a.len(), 8);
    assert_eq!(a[0], "mail 00", "oldest first");
    let b = subjects(claim("b", 100).await);
    assert_eq!(b.len(), 12, "b gets the rest: {b:?}");
    assert!(a.iter().all(|s| !b.contains(s)), "{a:?} / {b:?}");
    // while both live, a third claimer finds nothing to send
    assert!(claim("c", 100).await.is_empty());
    assert_eq!(store.next_outbox_due().await.unwrap(), None, "all claimed");
    // a dies: its heartbeat lapses and its claims come back, in doubt (a
    // mail may have been inside an SMTP transaction): not sent again yet
    store.heartbeat(&daemon("a"), -1).await.unwrap();
    assert_eq!(store.reap_claims(minute).await.unwrap(), 8);
    assert!(claim("c", 100).await.is_empty(), "in doubt, not claimable");
    // and not due before its wait ends: an idle sender sleeps until then
    let due = store.next_outbox_due().await.unwrap().expect("due later");
    assert!(
        due > secdesk::store::now_millis() + minute / 2,
        "due {due}, in doubt for a minute"
    );
    let doubt = store.in_doubt(100).await.unwrap();
    assert_eq!(doubt.len(), 8, "{doubt:?}");
    // the copy of one is found: it went out, and is never sent
    let mut batch = store.begin().await.unwrap();
    assert_eq!(
        batch.confirm_sent(&doubt[0].1, 2_000).await.unwrap(),
        [doubt[0].0]
    );
    batch.commit().await.unwrap();
    assert_eq!(store.in_doubt(100).await.unwrap().len(), 7);
    // b dies too, and its wait is already over (doubt of -1 s): its 12
    // mails are claimable at once; a's 7 still wait for their copies
    store.heartbeat(&daemon("b"), -1).await.unwrap();
    assert_eq!(store.reap_claims(-1_000).await.unwrap(), 12);
    let c = subjects(claim("c", 100).await);
    assert_eq!(
        c.iter().collect::<HashSet<_>>(),
        b.iter().collect::<HashSet<_>>()
    );
    // c stops cleanly and gives its claims back; sent mail is never claimed again
    store.release_claims(Some("c"), None).await.unwrap();
    let first = store
        .claim_outbox(2_000, Lane::Reporters, 1, "d", minute)
        .await
        .unwrap();
    store.mark_sent(&[first[0].id], 2_000).await.unwrap();
    let d = subjects(claim("d", 100).await);
    assert_eq!(d.len(), 11, "c's other claims, not the sent one: {d:?}");
    store.close().await;
}

#[tokio::test]
async fn sqlite_outbox_claims() {
    claims(&TestDb::sqlite()).await;
}

#[tokio::test]
async fn postgres_outbox_claims() {
    if let Some(db) = TestDb::postgres().await {
        claims(&db).await;
        db.cleanup().await;
    }
}

/// Two claimers at once on PostgreSQL (`FOR UPDATE SKIP LOCKED`): every
/// mail is claimed by exactly one of them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_concurrent_claims_never_overlap() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let store = store(&db).await;
    for i in 0..200 {
        commit_one(&store, &format!("mail {i:03}")).await.unwrap();
    }
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(2));
    let drain = |holder: &'static str| {
        let store = store.clone();
        let start = std::sync::Arc::clone(&start);
        tokio::spawn(async move {
            store.heartbeat(&daemon(holder), 60_000).await.unwrap();
            start.wait().await;
            let mut mine = Vec::new();
            loop {
                let items = store
                    .claim_outbox(2_000, Lane::Reporters, 8, holder, 60_000)
                    .await
                    .expect("claim");
                if items.is_empty() {
                    return mine;
                }
                let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
                mine.extend(items.into_iter().map(|i| i.id));
                store.mark_sent(&ids, 2_000).await.expect("mark");
            }
        })
    };
    let (a, b) = tokio::join!(drain("a"), drain("b"));
    let (a, b) = (a.unwrap(), b.unwrap());
    let all: HashSet<i64> = a.iter().chain(&b).copied().collect();
    assert_eq!(a.len() + b.len(), 200, "a {} + b {}", a.len(), b.len());
    assert_eq!(all.len(), 200, "no mail claimed twice");
    println!(
        "[claims] 200 mails drained by two claimers: {} + {}",
        a.len(),
        b.len()
    );
    store.close().await;
    db.cleanup().await;
}

/// Wait for `text` in a daemon's log.
async fn logged(daemon: &Daemon, what: &str, text: &str, within: Duration) {
    let log = daemon.log.clone();
    await_some(what, within, || {
        let log = log.clone();
        async move {
            std::fs::read_to_string(&log)
                .ok()
                .filter(|l| l.contains(text))
                .map(|_| ())
        }
    })
    .await;
}

fn log_count(daemon: &Daemon, text: &str) -> usize {
    std::fs::read_to_string(&daemon.log)
        .unwrap_or_default()
        .matches(text)
        .count()
}

const READS: &str = "holds the reader lease";
const STANDS_BY: &str = "another daemon reads the mailbox";

/// Send `n` reports tagged `tag` and wait until each is acknowledged.
async fn reports_acknowledged(stack: &Stack, tag: &str, n: usize) {
    for i in 0..n {
        common::Mail::new(REPORTER, &format!("{tag} report {i}"), REPORT)
            .send(stack)
            .await;
    }
    let prefix = format!("{tag} report ");
    common::wait_for_inbox(stack, REPORTER, &format!("{n} acks of {tag}"), |m| {
        m.iter().filter(|r| r.subject.contains(&prefix)).count() >= n
    })
    .await;
}

/// Two `secdesk run` on one PostgreSQL desk: one reads, both send, every
/// report is acknowledged once; the reader killed with -9 is replaced
/// within seconds, a reader stopped cleanly at once, a daemon killed and
/// started again on its machine reads at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_daemons_on_one_postgres_desk_take_over_from_each_other() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let stack = Stack::start();
    let work = WorkDir::new("two-daemons");
    let config = write_config(&stack, &db, &work.0, "", "", "");
    let mut a = Daemon::new(&config, &work.0.join("a.log"));
    let mut b = Daemon::new(&config, &work.0.join("b.log"));
    a.start();
    logged(&a, "a to read", READS, PATIENCE).await;
    b.start();
    logged(&b, "b to stand by", STANDS_BY, PATIENCE).await;
    let store = open_store(&db, PATIENCE).await;

    reports_acknowledged(&stack, "First", 10).await;
    assert_eq!(log_count(&b, READS), 0, "b never read: {}", b.log_tail(10));

    // the reader dies: b reads within the lease's lifetime and a poll
    a.kill();
    let killed = Instant::now();
    logged(&b, "b to take over after kill -9", READS, PATIENCE).await;
    let after_kill = killed.elapsed();
    reports_acknowledged(&stack, "Second", 5).await;

    // a comes back and stands by; b stops cleanly and a reads at once
    a.start();
    await_some("a to stand by", PATIENCE, || {
        let n = log_count(&a, STANDS_BY);
        async move { (n >= 1).then_some(()) }
    })
    .await;
    let reads_before = log_count(&a, READS);
    let (status, _) = b.terminate(PATIENCE).await;
    assert!(status.success(), "{}", b.log_tail(10));
    let stopped = Instant::now();
    await_some("a to take over after a clean stop", PATIENCE, || {
        let n = log_count(&a, READS);
        async move { (n > reads_before).then_some(()) }
    })
    .await;
    let after_stop = stopped.elapsed();
    reports_acknowledged(&stack, "Third", 5).await;

    // the only daemon killed and started again on this machine: it sees its
    // predecessor's process is gone and reads without waiting for the lease
    a.kill();
    let reads_before = log_count(&a, READS);
    a.start();
    let restarted = Instant::now();
    await_some("the restarted daemon to read", PATIENCE, || {
        let n = log_count(&a, READS);
        async move { (n > reads_before).then_some(()) }
    })
    .await;
    let after_restart = restarted.elapsed();
    assert!(log_count(&a, "process is gone") >= 1, "{}", a.log_tail(10));
    reports_acknowledged(&stack, "Fourth", 2).await;
    println!(
        "[two daemons] takeover after kill -9: {after_kill:?}; after a clean stop: {after_stop:?}; \
         kill -9 and restart on one machine: reading {after_restart:?} after the start"
    );
    assert!(
        after_kill < Duration::from_secs(10),
        "takeover after kill -9 took {after_kill:?}"
    );

    // every report: one ticket, one acknowledgment
    let mut acks: HashMap<String, usize> = HashMap::new();
    for mail in inbox(&stack, REPORTER).await {
        *acks.entry(mail.subject).or_default() += 1;
    }
    assert_eq!(acks.len(), 22, "{acks:?}");
    assert!(acks.values().all(|&n| n == 1), "duplicates: {acks:?}");
    assert_eq!(store.counts().await.unwrap().tickets, 22);
    a.terminate(PATIENCE).await;
    store.close().await;
    db.cleanup().await;
    work.remove();
}
