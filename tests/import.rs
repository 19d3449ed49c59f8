//! `secdesk import`: a backlog in an mbox goes through the same pipeline as
//! the mailbox, exactly once across a kill -9, and tells nobody unless
//! `--send-acks` says so. The real binary, a real database, no mail stack
//! (the import must not need one) and a DNS server that knows no domain.

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::process::{NxDomainDns, WorkDir, await_some, secdesk, write_offline_config};
use common::{STAFF, TestDb};

/// The backlog of the main test. 3,000 mails take about 20 s to import in
/// a debug build on two cores (BENCHMARKS.md has the figures), well inside
/// the minute the test may take with the run that is killed.
const BACKLOG: usize = 3000;

const LIMITS: &str = "[limits]\n\
    max_message_bytes = 65536\n\
    max_parts = 40\n\
    # debug builds are slow; the CPU bound is not what is tested here\n\
    max_processing_ms = 30000\n";

/// What a generated mail should become.
#[derive(Debug, Clone, PartialEq)]
enum Expect {
    /// A new ticket; its Message-ID when it has one.
    Report(Option<String>),
    /// On the ticket of the report with this Message-ID.
    FollowUp { of: String },
    /// Claims to be staff (From and a forged Authentication-Results), with
    /// commands: threaded, never executed.
    ForgedStaff,
    /// The same bytes as an earlier mail: stored once.
    Duplicate,
    /// Quarantined, with a reason that names this limit (as from the mailbox).
    Quarantined(&'static str),
}

struct Generated {
    raw: String,
    expect: Expect,
}

/// A varied backlog: English and Italian reports, reports without a
/// Message-ID, follow-ups threaded by In-Reply-To/References to earlier
/// reports, forged staff commands, verbatim duplicates, mail over the size
/// and part limits, broken MIME, and bodies with `From ` lines.
fn backlog(count: usize) -> Vec<Generated> {
    let mut mails: Vec<Generated> = Vec::with_capacity(count);
    // (Message-ID, reporter, subject) of each report with an ID
    let mut reports: Vec<(String, String, String)> = Vec::new();
    for i in 0..count {
        let reporter = format!("reporter{i}@example.org");
        let date = format!(
            "Date: Mon, {} Jan 2024 10:{:02}:00 +0000\n",
            1 + i % 28,
            i % 60
        );
        let mail = match i % 10 {
            0..=2 => {
                let id = format!("r{i}@example.org");
                let subject = format!("Stored XSS in ShopApp module {i}");
                reports.push((id.clone(), reporter.clone(), subject.clone()));
                Generated {
                    raw: format!(
                        "From: Rita {i} <{reporter}>\nTo: security@example.test\n{date}\
                         Subject: {subject}\nMessage-ID: <{id}>\n\n\
                         Vulnerability: stored XSS in the profile page of ShopApp module {i}.\n\
                         CVE: CVE-2024-{:05}\n\
                         CVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N\n\
                         Mitigation: upgrade to 4.2.1\n\nRegards,\nRita\n",
                        10000 + i
                    ),
                    expect: Expect::Report(Some(id)),
                }
            }
            3 | 4 => {
                let id = format!("it{i}@example.it");
                let subject = format!("Segnalazione vulnerabilità nel modulo {i}");
                reports.push((id.clone(), reporter.clone(), subject.clone()));
                Generated {
                    raw: format!(
                        "From: Giulia {i} <{reporter}>\nTo: security@example.test\n{date}\
                         Subject: {subject}\nMessage-ID: <{id}>\n\
                         Content-Type: text/plain; charset=utf-8\n\
                         Content-Transfer-Encoding: 8bit\n\n\
                         Buongiorno,\n\nho trovato una vulnerabilità di tipo SQL injection nella \
                         pagina di accesso del modulo {i}: il parametro utente non viene \
                         controllato e permette di leggere tutta la base dati.\n\
                         Gravità: alta\nRimedio: aggiornare alla versione 2.1\n\n\
                         Cordiali saluti,\nGiulia\n"
                    ),
                    expect: Expect::Report(Some(id)),
                }
            }
            5 | 6 if !reports.is_empty() => {
                let (of, their_reporter, subject) = &reports[(i * 7) % reports.len()];
                let id = format!("f{i}@example.org");
                // every other one by References only (a client that sets no In-Reply-To)
                let threading = if i % 2 == 0 {
                    format!("In-Reply-To: <{of}>\nReferences: <{of}>\n")
                } else {
                    format!("References: <unrelated{i}@example.org> <{of}>\n")
                };
                Generated {
                    raw: format!(
                        "From: <{their_reporter}>\nTo: security@example.test\n{date}\
                         Subject: Re: {subject}\nMessage-ID: <{id}>\n{threading}\n\
                         One more detail: it also works without logging in ({i}).\n\n\
                         > earlier text\n"
                    ),
                    expect: Expect::FollowUp { of: of.clone() },
                }
            }
            7 => Generated {
                // no Message-ID: stored once by its bytes, which differ per mail
                raw: format!(
                    "From: <{reporter}>\nTo: security@example.test\n{date}\
                     Subject: Open redirect {i}\n\n\
                     Vulnerability: open redirect in /login?next= on host{i}.example.org.\n"
                ),
                expect: Expect::Report(None),
            },
            8 if i % 20 == 8 && !mails.is_empty() => {
                // a mail fetched twice (a copy in two folders of the backlog)
                let original = &mails[(i * 13) % mails.len()];
                let raw = original.raw.clone();
                match original.expect {
                    Expect::Report(_) | Expect::FollowUp { .. } => Generated {
                        raw,
                        expect: Expect::Duplicate,
                    },
                    _ => report_with_from_lines(i, &reporter, &date, &mut reports),
                }
            }
            8 if !reports.is_empty() => {
                let (of, _, subject) = &reports[(i * 3) % reports.len()];
                Generated {
                    raw: format!(
                        "From: <{STAFF}>\nTo: security@example.test\n{date}\
                         Authentication-Results: mx.example.test; dkim=pass header.d=example.test; \
                         dmarc=pass header.from=example.test\n\
                         Subject: Re: {subject}\nMessage-ID: <s{i}@example.test>\n\
                         In-Reply-To: <{of}>\n\n/close\n/severity none\n\nNot a bug.\n"
                    ),
                    expect: Expect::ForgedStaff,
                }
            }
            9 => match (i / 10) % 4 {
                0 => Generated {
                    // over limits.max_message_bytes: kept as its header, quarantined
                    raw: format!(
                        "From: <{reporter}>\nTo: security@example.test\n{date}\
                         Subject: Huge log {i}\nMessage-ID: <big{i}@example.org>\n\n{}\n",
                        "log line that repeats and repeats\n".repeat(2200)
                    ),
                    expect: Expect::Quarantined("limits.max_message_bytes"),
                },
                1 => {
                    // over limits.max_parts
                    let mut raw = format!(
                        "From: <{reporter}>\nTo: security@example.test\n{date}\
                         Subject: Many parts {i}\nMessage-ID: <parts{i}@example.org>\n\
                         MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b{i}\"\n\n"
                    );
                    for part in 0..60 {
                        let _ = write!(raw, "--b{i}\nContent-Type: text/plain\n\npart {part}\n");
                    }
                    let _ = writeln!(raw, "--b{i}--");
                    Generated {
                        raw,
                        expect: Expect::Quarantined("limits.max_parts"),
                    }
                }
                2 => {
                    // broken MIME: a boundary never closed, base64 that is
                    // not, a part without a header; read as well as it can be
                    let id = format!("broken{i}@example.org");
                    let subject = format!("SSRF in the webhook tester {i}");
                    reports.push((id.clone(), reporter.clone(), subject.clone()));
                    Generated {
                        raw: format!(
                            "From: <{reporter}>\nTo: security@example.test\n{date}\
                             Subject: {subject}\nMessage-ID: <{id}>\nMIME-Version: 1.0\n\
                             Content-Type: multipart/mixed; boundary=\"never{i}\"\n\n\
                             --never{i}\nContent-Type: text/plain\n\n\
                             Vulnerability: SSRF in the webhook tester reaches 169.254.169.254.\n\
                             --never{i}\nContent-Type: application/octet-stream\n\
                             Content-Transfer-Encoding: base64\n\n!!!not base64 at all%%%\n\
                             --never{i}\n\nno header in this part\n"
                        ),
                        expect: Expect::Report(Some(id)),
                    }
                }
                _ => report_with_from_lines(i, &reporter, &date, &mut reports),
            },
            _ => report_with_from_lines(i, &reporter, &date, &mut reports),
        };
        mails.push(mail);
    }
    mails
}

/// A report whose body has lines beginning with `From ` and `>From `: the
/// mbox must escape them and the import give them back as they were.
fn report_with_from_lines(
    i: usize,
    reporter: &str,
    date: &str,
    reports: &mut Vec<(String, String, String)>,
) -> Generated {
    let id = format!("from{i}@example.org");
    let subject = format!("Path traversal in the exporter {i}");
    reports.push((id.clone(), reporter.to_string(), subject.clone()));
    Generated {
        raw: format!(
            "From: <{reporter}>\nTo: security@example.test\n{date}\
             Subject: {subject}\nMessage-ID: <{id}>\n\n\
             Vulnerability: path traversal in /export?file=../../etc/passwd ({i}).\n\n\
             From the logs we see it was used last week.\n\
             >From the archive: an older attempt.\n"
        ),
        expect: Expect::Report(Some(id)),
    }
}

/// The mails as an mboxrd file: a `From ` line before each, body lines
/// `From `, `>From `... escaped with one more `>`, a blank line after each.
fn mbox(mails: &[Generated]) -> Vec<u8> {
    let mut out = String::new();
    for (i, mail) in mails.iter().enumerate() {
        let _ = writeln!(out, "From sender{i}@example.org Mon Jan  1 10:00:00 2024");
        for line in mail.raw.lines() {
            if line.trim_start_matches('>').starts_with("From ") {
                out.push('>');
            }
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// One number from the database, or `None` while it cannot be read (the
/// import has not created the file or the schema yet).
async fn count(db: &TestDb, sql: &'static str) -> Option<i64> {
    use sqlx::{Connection, Row};
    match db {
        TestDb::Sqlite { .. } => {
            let mut conn = sqlx::SqliteConnection::connect(db.url()).await.ok()?;
            let row = sqlx::query(sql).fetch_one(&mut conn).await.ok()?;
            row.try_get::<i64, _>(0).ok()
        }
        TestDb::Postgres { .. } => {
            let mut conn = sqlx::PgConnection::connect(db.url()).await.ok()?;
            let row = sqlx::query(sql).fetch_one(&mut conn).await.ok()?;
            row.try_get::<i64, _>(0).ok()
        }
    }
}

async fn must_count(db: &TestDb, sql: &'static str) -> i64 {
    count(db, sql)
        .await
        .unwrap_or_else(|| panic!("cannot read {sql}"))
}

/// Pairs of text from the database (both columns non-null).
async fn pairs(db: &TestDb, sql: &'static str) -> Vec<(String, String)> {
    use sqlx::{Connection, Row};
    match db {
        TestDb::Sqlite { .. } => {
            let mut conn = sqlx::SqliteConnection::connect(db.url()).await.unwrap();
            sqlx::query(sql)
                .fetch_all(&mut conn)
                .await
                .expect(sql)
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect()
        }
        TestDb::Postgres { .. } => {
            let mut conn = sqlx::PgConnection::connect(db.url()).await.unwrap();
            sqlx::query(sql)
                .fetch_all(&mut conn)
                .await
                .expect(sql)
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect()
        }
    }
}

/// The figure after `label` in the import's summary (`already present:  12`).
fn summary_figure(summary: &str, label: &str) -> u64 {
    summary
        .lines()
        .find_map(|l| l.trim().strip_prefix(label))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no {label:?} in the summary:\n{summary}"))
}

/// The import's rate from its summary's first line (`... (812 mails/s)`).
fn summary_rate(summary: &str) -> f64 {
    summary
        .lines()
        .next()
        .and_then(|l| {
            l.rsplit_once('(')?
                .1
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
        .unwrap_or(0.0)
}

/// Run `secdesk import` to its end; its stdout (the summary).
fn import_to_the_end(config: &Path, args: &[&str], log: &Path) -> String {
    let out = secdesk(config, args)
        .stdin(Stdio::null())
        .stderr(std::fs::File::create(log).expect("a log file"))
        .output()
        .expect("run secdesk import");
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "secdesk import failed ({}); stdout:\n{summary}\nlog {}:\n{}",
        out.status,
        log.display(),
        std::fs::read_to_string(log).unwrap_or_default()
    );
    summary
}

async fn backlog_imported_exactly_once_across_a_kill(db: &TestDb) {
    let dir = WorkDir::new("import");
    let dns = NxDomainDns::start();
    let config = write_offline_config(db, &dir.0, &format!("{LIMITS}\n{}", dns.section()));
    let mails = backlog(BACKLOG);
    let path = dir.0.join("backlog.mbox");
    std::fs::write(&path, mbox(&mails)).expect("write the mbox");
    // BENCHMARKS.md times the release binary on this very backlog
    if let Some(keep) = std::env::var_os("SECDESK_IMPORT_KEEP_MBOX") {
        std::fs::copy(&path, keep).expect("copy the mbox to SECDESK_IMPORT_KEEP_MBOX");
    }
    let path_arg = path.display().to_string();
    let expected = |f: fn(&Expect) -> bool| mails.iter().filter(|m| f(&m.expect)).count() as i64;
    let reports = expected(|e| matches!(e, Expect::Report(_)));
    let follow_ups = expected(|e| matches!(e, Expect::FollowUp { .. }));
    let forged = expected(|e| *e == Expect::ForgedStaff);
    let duplicates = expected(|e| *e == Expect::Duplicate);
    let quarantined = expected(|e| matches!(e, Expect::Quarantined(_)));
    assert!(
        reports > 1000 && follow_ups > 300 && forged > 50 && duplicates > 50 && quarantined > 50
    );

    // the first run is killed once it has committed a fifth of the backlog,
    // with batches prepared ahead of their commits in flight
    let started = Instant::now();
    let mut child = secdesk(&config, &["import", &path_arg])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.0.join("first.log")).expect("log"))
        .spawn()
        .expect("start secdesk import");
    let partial = await_some(
        "a fifth of the backlog's tickets",
        Duration::from_secs(60),
        || async {
            count(db, "SELECT COUNT(*) FROM tickets")
                .await
                .filter(|n| *n >= 400)
        },
    )
    .await;
    assert!(
        child.try_wait().expect("poll the import").is_none(),
        "the import ended before it could be killed: make the backlog larger"
    );
    let _ = child.kill();
    let _ = child.wait();
    let killed_at = must_count(db, "SELECT COUNT(*) FROM tickets").await;
    assert!(
        killed_at >= partial && killed_at < reports,
        "killed with {killed_at} of {reports} tickets"
    );
    let stored_before =
        must_count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'in'").await;
    eprintln!(
        "import killed after {:.1} s with {killed_at} tickets and {stored_before} mails stored",
        started.elapsed().as_secs_f64()
    );

    // run again: what is stored is skipped, the rest taken in
    let again = Instant::now();
    let summary = import_to_the_end(&config, &["import", &path_arg], &dir.0.join("second.log"));
    let seconds = again.elapsed().as_secs_f64();
    eprintln!("{summary}");
    eprintln!(
        "second run: {} mails in {seconds:.1} s = {:.0} mails/s (the binary's own figure {:.0}/s)",
        mails.len(),
        mails.len() as f64 / seconds,
        summary_rate(&summary)
    );
    assert!(
        summary.contains(&format!(": {} mails read", mails.len())),
        "{summary}"
    );
    assert!(
        summary.contains("nothing was sent and nothing is queued"),
        "{summary}"
    );
    assert!(
        summary_figure(&summary, "already present:") as i64 >= stored_before + duplicates,
        "mail stored by the killed run is skipped: {summary}"
    );

    // every mail exactly once
    assert_eq!(
        must_count(db, "SELECT COUNT(*) FROM tickets").await,
        reports
    );
    assert_eq!(
        must_count(
            db,
            "SELECT COUNT(*) FROM (SELECT message_id FROM messages
              WHERE direction = 'in' AND message_id IS NOT NULL
              GROUP BY message_id HAVING COUNT(*) > 1) twice"
        )
        .await,
        0,
        "a Message-ID stored twice"
    );
    let distinct_in = mails.len() as i64 - duplicates;
    assert_eq!(
        must_count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'in'").await,
        distinct_in
    );
    assert_eq!(
        must_count(
            db,
            "SELECT COUNT(*) FROM messages WHERE disposition = 'quarantined'"
        )
        .await,
        quarantined
    );
    for (limit, sql) in [
        (
            "limits.max_message_bytes",
            "SELECT COUNT(*) FROM messages WHERE disposition = 'quarantined'
              AND reason LIKE '%limits.max_message_bytes%'",
        ),
        (
            "limits.max_parts",
            "SELECT COUNT(*) FROM messages WHERE disposition = 'quarantined'
              AND reason LIKE '%limits.max_parts%'",
        ),
    ] {
        let over = mails
            .iter()
            .filter(|m| m.expect == Expect::Quarantined(limit))
            .count() as i64;
        assert!(over > 0);
        assert_eq!(must_count(db, sql).await, over, "quarantined for {limit}");
    }
    assert_eq!(
        must_count(
            db,
            "SELECT COUNT(*) FROM messages WHERE direction = 'in' AND disposition = 'report'"
        )
        .await,
        reports
    );
    // each follow-up on the ticket of the report it answers
    let threaded = pairs(
        db,
        "SELECT f.message_id, r.message_id FROM messages f
           JOIN messages r ON r.ticket_id = f.ticket_id AND r.disposition = 'report'
          WHERE f.direction = 'in' AND f.disposition = 'follow-up'
            AND f.message_id IS NOT NULL AND r.message_id IS NOT NULL",
    )
    .await;
    let wanted: std::collections::BTreeSet<(String, String)> = mails
        .iter()
        .filter_map(|m| match &m.expect {
            Expect::FollowUp { of } => {
                let id = m
                    .raw
                    .lines()
                    .find_map(|l| l.strip_prefix("Message-ID: <"))?;
                Some((id.trim_end_matches('>').to_string(), of.clone()))
            }
            _ => None,
        })
        .collect();
    let got: std::collections::BTreeSet<(String, String)> = threaded.into_iter().collect();
    assert_eq!(got.len() as i64, follow_ups);
    assert_eq!(got, wanted, "follow-ups on the wrong tickets");
    // a forged staff mail is kept on its ticket, its commands never run
    assert_eq!(
        must_count(db, "SELECT COUNT(*) FROM tickets WHERE state = 'closed'").await,
        0
    );
    assert_eq!(
        must_count(
            db,
            "SELECT COUNT(*) FROM messages
              WHERE direction = 'in' AND from_addr = 'staff@example.test' AND ticket_id IS NOT NULL"
        )
        .await,
        forged
    );
    // mboxrd escaping undone: the body reads as it was written
    let from_reports =
        expected(|e| matches!(e, Expect::Report(Some(id)) if id.starts_with("from")));
    assert!(from_reports > 0);
    assert_eq!(
        must_count(
            db,
            "SELECT COUNT(*) FROM messages WHERE disposition = 'report'
              AND body_text LIKE '%we see it was used last week.%'
              AND body_text NOT LIKE '%>From the logs%'
              AND body_text LIKE '%>From the archive%'
              AND body_text NOT LIKE '%>>From the archive%'"
        )
        .await,
        from_reports
    );
    assert!(
        must_count(db, "SELECT COUNT(*) FROM tickets WHERE language = 'it'").await
            >= expected(|e| matches!(e, Expect::Report(Some(id)) if id.starts_with("it")))
    );
    // nobody is told: no mail in the outbox, every answer kept as not sent
    assert_eq!(must_count(db, "SELECT COUNT(*) FROM outbox").await, 0);
    assert!(
        must_count(
            db,
            "SELECT COUNT(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id
              WHERE m.direction = 'out' AND m.disposition = 'suppressed'
                AND m.reason LIKE 'not sent: imported%' AND m.to_addrs LIKE '%reporter%'"
        )
        .await
            >= reports,
        "each new ticket's acknowledgment is recorded, not sent"
    );
    assert_eq!(
        must_count(
            db,
            "SELECT COUNT(*) FROM messages WHERE direction = 'out' AND disposition <> 'suppressed'"
        )
        .await,
        0
    );
    // nor will the daemon mail staff a triage reminder for each of them
    assert_eq!(
        must_count(
            db,
            "SELECT COUNT(*) FROM tickets WHERE reminded_at IS NULL OR overdue_notified_at IS NULL"
        )
        .await,
        0
    );
    drop(dns);
    dir.remove();
}

async fn send_acks_queues_one_ack_per_new_ticket(db: &TestDb) {
    let dir = WorkDir::new("import-acks");
    let dns = NxDomainDns::start();
    let config = write_offline_config(db, &dir.0, &format!("{LIMITS}\n{}", dns.section()));
    let mails: Vec<Generated> = backlog(60)
        .into_iter()
        .filter(|m| !matches!(m.expect, Expect::Quarantined(_)))
        .collect();
    let tickets = mails
        .iter()
        .filter(|m| matches!(m.expect, Expect::Report(_)))
        .count() as i64;
    let path = dir.0.join("small.mbox");
    std::fs::write(&path, mbox(&mails)).expect("write the mbox");
    let path_arg = path.display().to_string();
    let args = ["import", "--send-acks", path_arg.as_str()];
    let summary = import_to_the_end(&config, &args, &dir.0.join("first.log"));
    assert!(
        summary.contains("the next `secdesk run` sends them"),
        "{summary}"
    );
    assert_eq!(summary_figure(&summary, "tickets created:") as i64, tickets);
    let acks = "SELECT COUNT(*) FROM outbox o JOIN messages m ON m.id = o.message_id
                 WHERE m.disposition = 'ack' AND o.state = 'pending'";
    let acked_tickets = "SELECT COUNT(DISTINCT m.ticket_id) FROM outbox o
                          JOIN messages m ON m.id = o.message_id WHERE m.disposition = 'ack'";
    assert_eq!(
        must_count(db, "SELECT COUNT(*) FROM tickets").await,
        tickets
    );
    assert_eq!(must_count(db, acks).await, tickets);
    assert_eq!(must_count(db, acked_tickets).await, tickets);
    assert_eq!(
        must_count(
            db,
            "SELECT COUNT(*) FROM messages WHERE disposition = 'suppressed'"
        )
        .await,
        0
    );
    // the triage clock runs as for mail from the mailbox
    assert_eq!(
        must_count(db, "SELECT COUNT(*) FROM tickets WHERE reminded_at IS NULL").await,
        tickets
    );
    // imported again: nothing new, no second acknowledgment
    let summary = import_to_the_end(&config, &args, &dir.0.join("second.log"));
    assert_eq!(
        summary_figure(&summary, "already present:") as usize,
        mails.len()
    );
    assert_eq!(must_count(db, acks).await, tickets);
    drop(dns);
    dir.remove();
}

/// A report and a follow-up to it, as two mail files' contents.
fn report_and_follow_up(tag: &str) -> (String, String) {
    let report = format!(
        "From: <{tag}@example.org>\r\nTo: security@example.test\r\nSubject: Report {tag}\r\n\
         Message-ID: <{tag}@example.org>\r\n\r\nVulnerability: XSS in {tag}.\r\n"
    );
    let follow_up = format!(
        "From: <{tag}@example.org>\nTo: security@example.test\nSubject: Re: Report {tag}\n\
         Message-ID: <{tag}.2@example.org>\nIn-Reply-To: <{tag}@example.org>\n\nMore on {tag}."
    );
    (report, follow_up)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_maildir_a_directory_of_eml_files_and_one_eml_file_are_imported_in_order() {
    let db = TestDb::sqlite();
    let dir = WorkDir::new("import-dirs");
    let dns = NxDomainDns::start();
    let config = write_offline_config(&db, &dir.0, &format!("{LIMITS}\n{}", dns.section()));
    // a Maildir: cur/ and new/ read together, by name (delivery time first)
    let maildir = dir.0.join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).expect("a Maildir folder");
    }
    let (report, follow_up) = report_and_follow_up("maildir");
    std::fs::write(maildir.join("new/1700000002.M2P1.host"), follow_up).expect("write");
    std::fs::write(maildir.join("cur/1700000001.M1P1.host:2,S"), report).expect("write");
    std::fs::write(maildir.join("tmp/1700000003.M3P1.host"), "half-delivered").expect("write");
    // a directory of .eml files; other files are not mail
    let emls = dir.0.join("emls");
    std::fs::create_dir_all(&emls).expect("a directory");
    let (report, follow_up) = report_and_follow_up("eml");
    std::fs::write(emls.join("a.eml"), report).expect("write");
    std::fs::write(emls.join("b.EML"), follow_up).expect("write");
    std::fs::write(emls.join("notes.txt"), "not a mail").expect("write");
    let single = dir.0.join("one.eml");
    std::fs::write(&single, report_and_follow_up("single").0).expect("write");

    for (path, read) in [(&maildir, 2), (&emls, 2), (&single, 1)] {
        let summary = import_to_the_end(
            &config,
            &["import", &path.display().to_string()],
            &dir.0.join("import.log"),
        );
        assert!(
            summary.contains(&format!(": {read} mails read")),
            "{summary}"
        );
    }
    assert_eq!(must_count(&db, "SELECT COUNT(*) FROM tickets").await, 3);
    let threaded = pairs(
        &db,
        "SELECT f.message_id, r.message_id FROM messages f
           JOIN messages r ON r.ticket_id = f.ticket_id AND r.disposition = 'report'
          WHERE f.disposition = 'follow-up'",
    )
    .await;
    assert_eq!(
        threaded,
        [
            ("maildir.2@example.org".into(), "maildir@example.org".into()),
            ("eml.2@example.org".into(), "eml@example.org".into())
        ]
    );
    drop(dns);
    dir.remove();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backlog_imported_exactly_once_across_a_kill() {
    let db = TestDb::sqlite();
    backlog_imported_exactly_once_across_a_kill(&db).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_backlog_imported_exactly_once_across_a_kill() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    backlog_imported_exactly_once_across_a_kill(&db).await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_send_acks_queues_one_ack_per_new_ticket() {
    let db = TestDb::sqlite();
    send_acks_queues_one_ack_per_new_ticket(&db).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_send_acks_queues_one_ack_per_new_ticket() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    send_acks_queues_one_ack_per_new_ticket(&db).await;
    db.cleanup().await;
}
