//! The order the sender takes queued mail in, on a real SQLite file and a
//! real PostgreSQL database: each lane on its own, answers someone waits
//! for first, then oldest first; mail waiting for a retry is left alone.

mod common;

use common::TestDb;
use secdesk::config::Secret;
use secdesk::store::{Lane, NewMessage, Store};

/// subjects in queue order.
async fn queue(store: &Store, mails: &[(&str, i64)]) {
    let mut batch = store.begin().await.expect("begin");
    for (i, (disposition, due_at)) in mails.iter().enumerate() {
        let subject = format!("{i} {disposition}");
        let row = batch
            .insert_message(&NewMessage {
                direction: "out",
                disposition,
                to_addrs: "[]".into(),
                subject: &subject,
                raw: Some(subject.as_bytes()),
                now: 1_000,
                ..NewMessage::default()
            })
            .await
            .expect("store the mail");
        batch
            .enqueue(
                row,
                "security@example.test",
                &["someone@example.test".to_string()],
                disposition,
                *due_at,
            )
            .await
            .expect("queue the mail");
    }
    batch.commit().await.expect("commit");
}

/// What one sender claims (again: its own claims come back to it), in order.
async fn claim(store: &Store, lane: Lane, now: i64) -> Vec<String> {
    store
        .claim_outbox(now, lane, 100, "sender", 60_000)
        .await
        .expect("read the outbox")
        .into_iter()
        .map(|item| String::from_utf8(item.raw).unwrap())
        .collect()
}

async fn lanes_and_priorities(db: &TestDb) {
    let store = Store::connect(&Secret::new(db.url().to_string()), 2)
        .await
        .expect("connect");
    store.migrate().await.expect("migrate");
    queue(
        &store,
        &[
            ("ack", 1_000),
            ("staff-notification", 1_000),
            ("ack", 1_001),
            ("relay", 1_002),
            // waiting for a retry: not due at 2_000
            ("ack", 5_000),
            ("status", 1_500),
            ("staff-confirmation", 1_600),
            ("quarantine-notice", 1_700),
        ],
    )
    .await;
    assert_eq!(
        claim(&store, Lane::Reporters, 2_000).await,
        [
            "5 status",
            "0 ack",
            "2 ack",
            "3 relay",
            "7 quarantine-notice"
        ]
    );
    assert_eq!(
        claim(&store, Lane::Staff, 2_000).await,
        ["6 staff-confirmation", "1 staff-notification"]
    );
    // once due, the retried mail takes its place by due time
    let later = claim(&store, Lane::Reporters, 6_000).await;
    assert_eq!(later.last().map(String::as_str), Some("4 ack"));
    // a mail SMTP took is not claimed again
    let first = store
        .claim_outbox(2_000, Lane::Reporters, 1, "sender", 60_000)
        .await
        .expect("read the outbox");
    store.mark_sent(&[first[0].id], 2_000).await.expect("mark");
    assert_eq!(claim(&store, Lane::Reporters, 2_000).await[0], "0 ack");
    store.close().await;
}

#[tokio::test]
async fn sqlite_lanes_and_priorities() {
    lanes_and_priorities(&TestDb::sqlite()).await;
}

#[tokio::test]
async fn postgres_lanes_and_priorities() {
    if let Some(db) = TestDb::postgres().await {
        lanes_and_priorities(&db).await;
        db.cleanup().await;
    }
}
