//! Acknowledgments exactly once across crashes (issue 12, item 4), with the
//! real daemon, Postfix and Dovecot. Between the daemon and Postfix sits a
//! TCP relay that can lose the server's answer to the end of a mail (the
//! mail is queued, the daemon never reads its `250`) or hold back the end
//! of the mail itself (the server never queues it): the two sides of the
//! instant a crash makes ambiguous. The daemon is then killed with -9 and
//! started again on the direct path. The relay only forwards bytes and
//! drops some: both ends are the real servers.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::process::{Daemon, WorkDir, await_some, open_store, write_config};
use common::{DESK, PATIENCE, REPORT, REPORTER, STAFF, Stack, TestDb, folder, inbox};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the relay does to the next mail that reaches the point.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Hold {
    /// Forward everything.
    Nothing,
    /// Forward the mail, swallow the server's "queued" answer and stall.
    Answer,
    /// Forward the mail but not its final ".", and stall.
    End,
}

#[derive(Default)]
struct Held {
    /// The envelope recipients of the held transaction, once it is held.
    recipients: Option<Vec<String>>,
}

struct Relay {
    port: u16,
    hold: Arc<Mutex<Hold>>,
    held: Arc<Mutex<Held>>,
}

impl Relay {
    async fn start(upstream: u16, hold: Hold) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the relay");
        let port = listener.local_addr().unwrap().port();
        let hold = Arc::new(Mutex::new(hold));
        let held = Arc::new(Mutex::new(Held::default()));
        let (h, d) = (Arc::clone(&hold), Arc::clone(&held));
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let server = TcpStream::connect(("127.0.0.1", upstream))
                    .await
                    .expect("reach Postfix");
                tokio::spawn(relay(client, server, Arc::clone(&h), Arc::clone(&d)));
            }
        });
        Relay { port, hold, held }
    }

    fn pass(&self) {
        *self.hold.lock().unwrap() = Hold::Nothing;
    }

    fn held_recipients(&self) -> Option<Vec<String>> {
        self.held.lock().unwrap().recipients.clone()
    }
}

/// One connection: bytes both ways; the first transaction that reaches the
/// hold point is held (the connection then stalls, as a dead peer's would).
async fn relay(
    client: TcpStream,
    server: TcpStream,
    hold: Arc<Mutex<Hold>>,
    held: Arc<Mutex<Held>>,
) {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let recipients = Arc::new(Mutex::new(Vec::<String>::new()));
    let stalled = Arc::new(tokio::sync::Notify::new());
    // a transaction ends with "\r\n.\r\n"; its last bytes may be split
    // over two reads, so the tail of the previous read is kept
    let up = {
        let (hold, held, recipients, stalled) = (
            Arc::clone(&hold),
            Arc::clone(&held),
            Arc::clone(&recipients),
            Arc::clone(&stalled),
        );
        async move {
            let mut buf = vec![0u8; 64 * 1024];
            let mut tail = Vec::new();
            loop {
                let n = match client_read.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => n,
                };
                let chunk = &buf[..n];
                let text = String::from_utf8_lossy(chunk).to_string();
                for line in text.lines() {
                    if let Some(rcpt) = line.strip_prefix("RCPT TO:") {
                        recipients
                            .lock()
                            .unwrap()
                            .push(rcpt.trim_matches(['<', '>', ' ']).to_string());
                    } else if line.starts_with("MAIL FROM:") {
                        recipients.lock().unwrap().clear();
                    }
                }
                let mut seen = tail.clone();
                seen.extend_from_slice(chunk);
                let ends = seen.windows(5).any(|w| w == b"\r\n.\r\n");
                tail = seen[seen.len().saturating_sub(4)..].to_vec();
                if ends && *hold.lock().unwrap() == Hold::End {
                    *hold.lock().unwrap() = Hold::Nothing;
                    held.lock().unwrap().recipients = Some(recipients.lock().unwrap().clone());
                    // the mail without its end: the server waits for more
                    let cut = chunk.len().saturating_sub(3);
                    let _ = server_write.write_all(&chunk[..cut]).await;
                    stalled.notify_waiters();
                    // until the daemon is gone; then both ends close, and
                    // the server drops the mail it never saw the end of
                    while let Ok(n) = client_read.read(&mut buf).await {
                        if n == 0 {
                            break;
                        }
                    }
                    return;
                }
                if server_write.write_all(chunk).await.is_err() {
                    return;
                }
            }
        }
    };
    let down = async move {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match server_read.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            let chunk = &buf[..n];
            let queued = String::from_utf8_lossy(chunk).contains("queued as");
            if queued && *hold.lock().unwrap() == Hold::Answer {
                *hold.lock().unwrap() = Hold::Nothing;
                held.lock().unwrap().recipients = Some(recipients.lock().unwrap().clone());
                // queued by the server, never heard by the daemon
                std::future::pending::<()>().await;
            }
            if client_write.write_all(chunk).await.is_err() {
                return;
            }
        }
    };
    tokio::select! {
        _ = up => {}
        _ = down => {}
    }
    drop(stalled);
}

/// The daemon's config with its SMTP port set to `port` (the relay).
fn config_via(
    stack: &Stack,
    db: &TestDb,
    work: &WorkDir,
    port: u16,
    smtp_extra: &str,
) -> std::path::PathBuf {
    let path = write_config(stack, db, &work.0, "", smtp_extra, "");
    let text = std::fs::read_to_string(&path).unwrap();
    let direct = format!("port = {}\n", stack.smtp_port);
    assert_eq!(text.matches(&direct).count(), 1, "{text}");
    let via = work.0.join("via-relay.toml");
    std::fs::write(&via, text.replace(&direct, &format!("port = {port}\n"))).unwrap();
    via
}

async fn pending(store: &secdesk::store::Store) -> i64 {
    let counts = store.counts().await.expect("counts");
    counts.outbox_pending
}

/// Send a report through a daemon whose first mail out is held at `hold`,
/// kill the daemon, start it again on the direct path, and wait until the
/// outbox is empty and Postfix has delivered everything. Returns the
/// recipients of the held mail.
async fn crash_on_the_wire(
    stack: &Stack,
    db: &TestDb,
    work: &WorkDir,
    hold: Hold,
    smtp_extra: &str,
    after_kill: impl std::future::Future<Output = ()>,
) -> Vec<String> {
    let relay = Relay::start(stack.smtp_port, hold).await;
    let via = config_via(stack, db, work, relay.port, smtp_extra);
    let direct = work.0.join("secdesk.toml");
    let log = work.0.join("daemon.log");
    let mut daemon = Daemon::new(&via, &log);
    daemon.start();
    common::Mail::new(REPORTER, "Crash on the wire", REPORT)
        .send(stack)
        .await;
    let held = await_some("a mail to be held on the wire", PATIENCE, || {
        let held = relay.held_recipients();
        async move { held }
    })
    .await;
    daemon.kill();
    relay.pass();
    after_kill.await;
    let mut daemon = Daemon::new(&direct, &log);
    daemon.start();
    let store = open_store(db, PATIENCE).await;
    await_some("the outbox to be empty", Duration::from_secs(90), || {
        let store = store.clone();
        async move { (pending(&store).await == 0).then_some(()) }
    })
    .await;
    stack.command("drain");
    // the queue is flushed, but local delivery is Postfix's own pace: both
    // mails must have reached their inboxes before they are counted
    await_some(
        "the acknowledgment and the notification delivered",
        PATIENCE,
        || async {
            let ack = count(stack, REPORTER, "Crash on the wire").await;
            let note = count(stack, STAFF, "Crash on the wire").await;
            (ack > 0 && note > 0).then_some(())
        },
    )
    .await;
    // and the desk has read and filed every copy that came back
    await_some("the desk's copies filed", PATIENCE, || async {
        let left = inbox(stack, DESK).await;
        left.iter()
            .all(|m| !m.headers.contains("X-Secdesk-Loop:"))
            .then_some(())
    })
    .await;
    daemon.terminate(PATIENCE).await;
    store.close().await;
    held
}

/// The crash report's acknowledgment and staff notification each arrived
/// exactly once.
async fn delivered_once(stack: &Stack) {
    let ack = count(stack, REPORTER, "Crash on the wire").await;
    assert_eq!(ack, 1, "one acknowledgment");
    let note = count(stack, STAFF, "Crash on the wire").await;
    assert_eq!(note, 1, "one staff notification");
}

async fn count(stack: &Stack, user: &str, subject: &str) -> usize {
    inbox(stack, user)
        .await
        .iter()
        .filter(|m| m.subject.contains(subject))
        .count()
}

/// The server queued the mail but the daemon died before it read the
/// `250`: the copy in the desk's mailbox proves it went out, so it is not
/// sent again; the copies are filed in Sent, not left in the INBOX.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mail_queued_before_a_crash_is_not_sent_again() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let work = WorkDir::new("exactly-once-queued");
    let held = crash_on_the_wire(
        &stack,
        &db,
        &work,
        Hold::Answer,
        "reconcile_secs = 20",
        async {},
    )
    .await;
    assert!(
        held.iter().any(|r| r == DESK),
        "the desk gets its copy: {held:?}"
    );
    delivered_once(&stack).await;
    // both copies are in Sent; the INBOX keeps the report only
    let sent = folder(&stack, DESK, "Sent").await;
    assert_eq!(
        sent.len(),
        2,
        "{:?}",
        sent.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let desk_inbox = inbox(&stack, DESK).await;
    assert_eq!(
        desk_inbox.len(),
        1,
        "{:?}",
        desk_inbox.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    work.remove();
}

/// The daemon died before the end of the mail: the server never queued
/// it, no copy comes, and once the reader has looked for it long enough it
/// is sent again — late, never lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mail_cut_short_by_a_crash_is_sent_again_after_the_wait() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let work = WorkDir::new("exactly-once-cut");
    let started = std::time::Instant::now();
    let held = crash_on_the_wire(&stack, &db, &work, Hold::End, "reconcile_secs = 3", async {
    })
    .await;
    delivered_once(&stack).await;
    assert!(!held.is_empty());
    println!(
        "[exactly once] cut-short mail delivered {:?} after the report",
        started.elapsed()
    );
    work.remove();
}

/// A server that files sent mail itself (`sent_copy = "server"`, as hosted
/// providers do): the desk is no envelope recipient, and after the crash
/// the reader finds the mail in the Sent folder by its Message-ID.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_a_server_that_files_sent_mail_the_copy_is_found_in_its_sent_folder() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let stack = Stack::start();
    let work = WorkDir::new("exactly-once-server");
    let file_it = async {
        // what the provider would have done: the delivered mail, filed in Sent
        stack.command("drain");
        for user in [REPORTER, STAFF] {
            for mail in inbox(&stack, user).await {
                if mail.subject.contains("Crash on the wire") {
                    common::append(&stack, DESK, "Sent", &mail.raw).await;
                }
            }
        }
    };
    let held = crash_on_the_wire(
        &stack,
        &db,
        &work,
        Hold::Answer,
        "sent_copy = \"server\"\nreconcile_secs = 20",
        file_it,
    )
    .await;
    assert!(
        !held.iter().any(|r| r == DESK),
        "no envelope copy: {held:?}"
    );
    delivered_once(&stack).await;
    db.cleanup().await;
    work.remove();
}

/// A crash between a batch's commit and the MOVE of its copies leaves them
/// in the INBOX behind the checkpoint, never read again: the next start
/// files them in Sent and sends nothing for them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copies_a_crash_left_behind_the_checkpoint_are_filed_at_the_next_start() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let work = WorkDir::new("exactly-once-stray");
    let config = write_config(&stack, &db, &work.0, "", "", "");
    let mut daemon = Daemon::new(&config, &work.0.join("daemon.log"));
    daemon.start();
    common::Mail::new(REPORTER, "Left behind", REPORT)
        .send(&stack)
        .await;
    let copies = await_some("both copies filed", PATIENCE, || async {
        let sent = folder(&stack, DESK, "Sent").await;
        (sent.len() == 2).then_some(sent)
    })
    .await;
    daemon.terminate(PATIENCE).await;

    // what the crash would have left: a copy in the INBOX, below the checkpoint
    common::append(&stack, DESK, "INBOX", &copies[0].raw).await;
    let store = open_store(&db, PATIENCE).await;
    let loaded =
        secdesk::config::Config::from_toml_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    let mailbox = secdesk::mailbox::mailbox_id(&loaded.imap);
    let state = store
        .mailbox_state(&mailbox)
        .await
        .unwrap()
        .expect("a checkpoint");
    let mut batch = store.begin().await.unwrap();
    batch
        .set_mailbox_state(
            &mailbox,
            secdesk::store::MailboxState {
                last_uid: state.last_uid + 100,
                ..state
            },
            0,
        )
        .await
        .unwrap();
    batch.commit().await.unwrap();
    let sent_before = store.counts().await.unwrap().outbox_sent;

    daemon.start();
    await_some("the stray copy filed", PATIENCE, || async {
        let left = inbox(&stack, DESK).await;
        left.iter()
            .all(|m| !m.headers.contains("X-Secdesk-Loop:"))
            .then_some(())
    })
    .await;
    assert_eq!(folder(&stack, DESK, "Sent").await.len(), 3);
    assert_eq!(inbox(&stack, DESK).await.len(), 1, "the report stays");
    assert_eq!(store.counts().await.unwrap().outbox_sent, sent_before);
    assert_eq!(count(&stack, REPORTER, "Left behind").await, 1);
    daemon.terminate(PATIENCE).await;
    store.close().await;
    work.remove();
}
