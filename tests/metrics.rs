//! `/metrics`, `/healthz` and `/readyz` (issue 13, item 4) on the real
//! binary: the counters move by exactly what the mail did, the gauges read
//! the outbox, and readiness names the part that is down.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::http;
use common::process::{Daemon, WorkDir, await_some, write_config};
use common::{Mail, PATIENCE, REPORT, REPORTER, STAFF, Stack, TestDb, wait_for_mail};

type Scrape = BTreeMap<String, f64>;

/// Every sample of a scrape, by `name{labels}`.
async fn scrape(port: u16) -> Scrape {
    let answer = http::get(port, "/metrics").await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert!(
        answer
            .header("content-type")
            .unwrap_or_default()
            .starts_with("text/plain; version=0.0.4"),
        "{answer:?}"
    );
    answer
        .body
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (key, value) = l.rsplit_once(' ')?;
            Some((key.to_owned(), value.parse().ok()?))
        })
        .collect()
}

fn delta(before: &Scrape, after: &Scrape, key: &str) -> f64 {
    after.get(key).copied().unwrap_or(0.0) - before.get(key).copied().unwrap_or(0.0)
}

/// The real daemon with its web side on a free port, `sections` appended
/// to its config; returns once `/readyz` answers 200 with `ready_with` in
/// its body.
async fn start_web_daemon(
    stack: &Stack,
    db: &TestDb,
    work: &WorkDir,
    sections: &str,
    ready_with: &str,
) -> (Daemon, u16, http::Answer) {
    let port = common::free_port();
    let config = write_config(
        stack,
        db,
        &work.0,
        "",
        "",
        &format!("[http]\nlisten = \"127.0.0.1:{port}\"\n\n{sections}"),
    );
    let mut daemon = Daemon::new(&config, &work.0.join("daemon.log"));
    daemon.start();
    let ready = await_some("/readyz 200", PATIENCE, || async {
        tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .ok()?;
        let answer = http::get(port, "/readyz").await;
        (answer.status == 200 && answer.body.contains(ready_with)).then_some(answer)
    })
    .await;
    (daemon, port, ready)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counters_move_by_what_the_mail_did_and_readiness_names_what_is_down() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let work = WorkDir::new("metrics");
    let (mut daemon, port, ready) = start_web_daemon(
        &stack,
        &db,
        &work,
        "[limits]\nmax_message_bytes = 20000\n",
        "imap: reading",
    )
    .await;
    for part in [
        "ok   database",
        "ok   imap: reading the mailbox",
        "ok   smtp",
    ] {
        assert!(ready.body.contains(part), "{}", ready.body);
    }
    assert_eq!(http::get(port, "/healthz").await.body, "ok\n");

    let before = scrape(port).await;
    for name in [
        "secdesk_mails_fetched_total",
        "secdesk_tickets_created_total",
        "secdesk_imap_reconnects_total",
        "secdesk_outbox_depth",
    ] {
        assert!(
            before.contains_key(name),
            "{name} listed before any mail: {before:?}"
        );
    }

    // a report: one ticket, an ack and a staff notification, and the
    // desk's own copies of both come back through the mailbox
    Mail::new(REPORTER, "Counted report", REPORT)
        .send(&stack)
        .await;
    wait_for_mail(&stack, REPORTER, "the ack", |m| {
        m.subject.contains("Counted report")
    })
    .await;
    wait_for_mail(&stack, STAFF, "the notification", |m| {
        m.subject.contains("Counted report")
    })
    .await;
    let after = await_some(
        "the copies fetched and both mails counted",
        PATIENCE,
        || {
            let before = before.clone();
            async move {
                let now = scrape(port).await;
                (delta(&before, &now, "secdesk_mails_fetched_total") >= 3.0
                    && delta(
                        &before,
                        &now,
                        "secdesk_mails_sent_total{kind=\"staff-notification\"}",
                    ) >= 1.0)
                    .then_some(now)
            }
        },
    )
    .await;
    let moved = |key: &str| delta(&before, &after, key);
    assert_eq!(
        moved("secdesk_mails_fetched_total"),
        3.0,
        "the report and two copies"
    );
    assert_eq!(moved("secdesk_tickets_created_total"), 1.0);
    assert_eq!(moved("secdesk_follow_ups_total"), 0.0);
    assert_eq!(moved("secdesk_mails_sent_total{kind=\"ack\"}"), 1.0);
    assert_eq!(
        moved("secdesk_mails_sent_total{kind=\"staff-notification\"}"),
        1.0
    );
    assert_eq!(moved("secdesk_ack_latency_seconds_count"), 1.0);
    assert!(moved("secdesk_ack_latency_seconds_sum") > 0.0);
    assert_eq!(moved("secdesk_loops_suppressed_total"), 0.0);
    assert!(
        !after
            .keys()
            .any(|k| k.starts_with("secdesk_quarantined_total")),
        "nothing quarantined yet: {after:?}"
    );
    assert_eq!(after.get("secdesk_outbox_depth"), Some(&0.0));
    assert_eq!(
        after.get("secdesk_outbox_oldest_pending_seconds"),
        Some(&0.0)
    );

    // a mail over the size limit and an auto-reply: one each
    let big = "x".repeat(30_000);
    Mail::new(REPORTER, "Too big to read", &big)
        .send(&stack)
        .await;
    Mail::new("other@example.test", "Out of office", "I am away.")
        .header("Auto-Submitted", "auto-replied")
        .send(&stack)
        .await;
    let later = await_some("the two mails counted", PATIENCE, || {
        let after = after.clone();
        async move {
            let now = scrape(port).await;
            (delta(
                &after,
                &now,
                "secdesk_quarantined_total{reason=\"too-large\"}",
            ) >= 1.0
                && delta(&after, &now, "secdesk_loops_suppressed_total") >= 1.0)
                .then_some(now)
        }
    })
    .await;
    assert_eq!(
        delta(
            &after,
            &later,
            "secdesk_quarantined_total{reason=\"too-large\"}"
        ),
        1.0
    );
    assert_eq!(delta(&after, &later, "secdesk_loops_suppressed_total"), 1.0);
    assert_eq!(delta(&after, &later, "secdesk_tickets_created_total"), 0.0);

    // Postfix away: /readyz says SMTP is not, within the probe's cache
    stack.command("stop-postfix");
    let down = await_some("/readyz 503", PATIENCE, || async {
        let answer = http::get(port, "/readyz").await;
        (answer.status == 503).then_some(answer)
    })
    .await;
    assert!(down.body.contains("FAIL smtp"), "{}", down.body);
    assert!(down.body.contains("ok   imap"), "{}", down.body);
    assert_eq!(
        http::get(port, "/healthz").await.status,
        200,
        "alive all the same"
    );
    stack.command("start-postfix");
    await_some("/readyz 200 again", PATIENCE, || async {
        (http::get(port, "/readyz").await.status == 200).then_some(())
    })
    .await;

    let (status, took) = daemon.terminate(PATIENCE).await;
    assert!(status.success(), "{}", daemon.log_tail(30));
    assert!(took < Duration::from_secs(15), "{took:?}");
    assert!(
        tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err(),
        "the listener stops with the daemon"
    );
    work.remove();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgresql_the_reader_lease_holder_is_on_metrics_and_readyz() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let stack = Stack::start();
    let work = WorkDir::new("metrics-lease");
    let (mut daemon, port, ready) =
        start_web_daemon(&stack, &db, &work, "", "reader lease: held by").await;
    let scraped = scrape(port).await;
    assert_eq!(
        scraped.get("secdesk_reader_lease_held"),
        Some(&1.0),
        "{scraped:?}"
    );
    let holder = scraped
        .keys()
        .find(|k| k.starts_with("secdesk_reader_lease_holder{holder="))
        .unwrap_or_else(|| panic!("no holder: {scraped:?}"));
    let id = holder
        .trim_start_matches("secdesk_reader_lease_holder{holder=\"")
        .trim_end_matches("\"}");
    assert!(ready.body.contains(id), "{} / {id}", ready.body);
    daemon.terminate(PATIENCE).await;
    work.remove();
    db.cleanup().await;
}
