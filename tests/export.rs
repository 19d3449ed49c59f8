//! `secdesk tickets export`: every ticket with every field `tickets show
//! --json` has at ticket level, as JSON Lines or RFC 4180 CSV, streamed
//! from the database (the memory of 20,000 tickets is that of 200). The
//! real binary on both databases; tickets written as the daemon writes
//! them (`TicketColumns`, the store's batch), no mail stack.

mod common;

use std::process::Stdio;

use common::TestDb;
use common::process::{WorkDir, secdesk, wait_with_peak_rss, write_offline_config};
use secdesk::config::Secret;
use secdesk::ingest::{TicketColumns, TriageTimes};
use secdesk::report::{self, ReportInput};
use secdesk::store::{NewMessage, Store, TicketUpdate};
use secdesk::ticket::{ConfirmationNumber, NumberPrefix};

const DESK: &str = "security@example.test";
const NOW: i64 = 1_780_000_000_000;

/// What one stored ticket is made of.
struct Seed {
    subject: &'static str,
    body: &'static str,
    messages: usize,
    owner: Option<&'static str>,
    outcome: Option<(&'static str, &'static str)>,
}

const SEEDS: &[Seed] = &[
    Seed {
        subject: "XSS, \"stored\"\nin the profile, with commas",
        body: "Vulnerability: stored XSS in the profile page of ShopApp 4.2.\n\
               CVE: CVE-2024-12345, CVE-2024-12346\n\
               CVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N\n\
               CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\n\
               Mitigation: upgrade to 4.2.1, \"soon\"\n",
        messages: 3,
        owner: Some("staff@example.test"),
        outcome: Some(("modification-requested", "Please update,\n\"now\".")),
    },
    Seed {
        subject: "=HYPERLINK(\"http://evil.example\")",
        body: "Incident: our tokens leaked on a paste site. Score 9.1\n",
        messages: 1,
        owner: None,
        outcome: None,
    },
    Seed {
        subject: "Segnalazione: SQL injection nella pagina di accesso",
        body: "Buongiorno,\n\nho trovato una vulnerabilità di tipo SQL injection nella pagina \
               di accesso: il parametro utente non viene controllato.\nGravità: alta\n",
        messages: 2,
        owner: None,
        outcome: None,
    },
    Seed {
        subject: "plain subject",
        body: "something is wrong somewhere\r\nwith CRLF lines\r\n",
        messages: 0,
        owner: None,
        outcome: None,
    },
];

/// Store the seeds as tickets (with their messages, an owner, an outcome,
/// the last one merged into the first); their numbers.
async fn store_seeds(store: &Store) -> Vec<String> {
    let prefix = NumberPrefix::parse("SEC").expect("prefix");
    let mut batch = store.begin().await.expect("begin");
    let mut numbers = Vec::new();
    let mut ids = Vec::new();
    for (i, seed) in SEEDS.iter().enumerate() {
        let report = report::extract(&ReportInput {
            subject: seed.subject,
            body: seed.body,
            recipients: &[],
            desk_address: "security@example.test",
        });
        let columns = TicketColumns::of(&report, seed.subject);
        let number = ConfirmationNumber::generate(&prefix, &mut rand::rng());
        let reporter = format!("reporter{i}@example.org");
        let times = TriageTimes {
            due: NOW + 86_400_000,
            remind: NOW + 80_000_000,
            triaged: None,
        };
        let at = NOW + i as i64 * 1000;
        let id = batch
            .insert_ticket(&columns.row(DESK, number.as_str(), &reporter, times, at))
            .await
            .expect("insert a ticket")
            .expect("a fresh number");
        for m in 0..seed.messages {
            let message_id = format!("m{i}.{m}@example.org");
            batch
                .insert_message(&NewMessage {
                    ticket_id: Some(id),
                    direction: "in",
                    disposition: if m == 0 { "report" } else { "follow-up" },
                    dedupe_key: Some(&message_id),
                    message_id: Some(&message_id),
                    from_addr: Some(&reporter),
                    to_addrs: "[]".into(),
                    subject: seed.subject,
                    body_text: Some(seed.body),
                    now: at,
                    ..NewMessage::default()
                })
                .await
                .expect("insert a message");
        }
        if let Some(owner) = seed.owner {
            batch.set_owner(id, Some(owner), at).await.expect("owner");
        }
        if let Some((outcome, message)) = seed.outcome {
            batch
                .update_ticket(
                    id,
                    &TicketUpdate {
                        outcome: Some(outcome),
                        customer_message: Some(message),
                        ..TicketUpdate::default()
                    },
                    at,
                )
                .await
                .expect("outcome");
        }
        numbers.push(number.as_str().to_string());
        ids.push(id);
    }
    let (first, last) = (ids[0], ids[ids.len() - 1]);
    batch.merge_ticket(last, first, NOW).await.expect("merge");
    batch.commit().await.expect("commit");
    numbers
}

async fn open(db: &TestDb) -> Store {
    let store = Store::connect(&Secret::new(db.url().to_string()), 2)
        .await
        .expect("open the test database");
    store.migrate().await.expect("migrate");
    store
}

/// `secdesk tickets export ARGS` to its end: stdout.
fn export(config: &std::path::Path, args: &[&str]) -> String {
    let mut all = vec!["tickets", "export"];
    all.extend_from_slice(args);
    let out = secdesk(config, &all)
        .stdin(Stdio::null())
        .output()
        .expect("run secdesk tickets export");
    assert!(
        out.status.success(),
        "tickets export {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// RFC 4180 records (quoted fields with `""`, CRLF record ends).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "a record without CRLF"
    );
    records
}

async fn export_matches_what_is_stored(db: &TestDb) {
    let dir = WorkDir::new("export");
    let config = write_offline_config(db, &dir.0, "");
    let store = open(db).await;
    let numbers = store_seeds(&store).await;

    // JSON Lines: each ticket as `tickets show --json` has it at ticket level
    let json = export(&config, &["--format", "json"]);
    let lines: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), SEEDS.len());
    for (line, number) in lines.iter().zip(&numbers) {
        let detail = store
            .ticket_detail(number)
            .await
            .expect("read")
            .expect("stored");
        let shown = serde_json::to_value(&detail).expect("json");
        let object = line.as_object().expect("an object");
        for (key, value) in shown.as_object().expect("an object") {
            if matches!(key.as_str(), "participants" | "merged" | "messages") {
                assert!(!object.contains_key(key), "{key} is not a ticket field");
                continue;
            }
            assert_eq!(object.get(key), Some(value), "{number}: {key}");
        }
        assert_eq!(line["message_count"], detail.messages.len(), "{number}");
    }
    assert_eq!(lines[0]["owner"], "staff@example.test");
    assert_eq!(lines[0]["cve_ids"].as_array().map(Vec::len), Some(2));
    assert_eq!(lines[0]["cvss"]["version"], "4.0");
    assert_eq!(lines[3]["merged_into"], numbers[0].as_str());

    // CSV: the header, then each ticket; quoting undone gives the stored text
    let csv = export(&config, &["--format", "csv"]);
    let records = parse_csv(&csv);
    assert_eq!(
        records[0].join(","),
        secdesk::cli::EXPORT_CSV_HEADER,
        "the header row"
    );
    let column = |name: &str| {
        records[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    assert_eq!(records.len(), SEEDS.len() + 1);
    for (record, json) in records[1..].iter().zip(&lines) {
        assert_eq!(record.len(), records[0].len());
        let text = |key: &str| json[key].as_str().unwrap_or_default().to_string();
        assert_eq!(record[column("number")], text("number"));
        let subject = text("subject");
        let defused = if subject.starts_with(['=', '+', '-', '@']) {
            format!("'{subject}")
        } else {
            subject
        };
        assert_eq!(record[column("subject")], defused);
        assert_eq!(record[column("description")], text("description"));
        assert_eq!(record[column("customer_message")], text("customer_message"));
        assert_eq!(record[column("merged_into")], text("merged_into"));
        assert_eq!(
            record[column("message_count")],
            json["message_count"].to_string()
        );
        let cves: Vec<&str> = json["cve_ids"]
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|c| c.as_str())
            .collect();
        assert_eq!(record[column("cve_ids")], cves.join(" "));
    }
    assert_eq!(
        records[1][column("subject")],
        "XSS, \"stored\"\nin the profile, with commas"
    );
    assert!(csv.contains("\"XSS, \"\"stored\"\"\nin the profile, with commas\""));

    // the filters of `tickets list`
    let owned = export(
        &config,
        &["--format", "json", "--owner", "staff@example.test"],
    );
    assert_eq!(owned.lines().count(), 1);
    assert!(owned.contains(&numbers[0]));
    let italian = export(&config, &["--format", "csv", "--search", "accesso"]);
    assert_eq!(parse_csv(&italian).len(), 2, "{italian}");
    let typo = secdesk(
        &config,
        &["tickets", "export", "--format", "json", "--state", "done"],
    )
    .output()
    .expect("run");
    assert!(!typo.status.success(), "a filter typo is an error");

    store.close().await;
    dir.remove();
}

/// Store `count` tickets of about 2 KB of text each, in one transaction.
async fn store_many(store: &Store, count: usize) {
    let prefix = NumberPrefix::parse("SEC").expect("prefix");
    let body = format!(
        "Vulnerability: stored XSS in the profile page of ShopApp 4.2. {}\n\
         CVE: CVE-2024-12345\nCVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N\n",
        "The payload survives a reload and runs for every visitor. ".repeat(35)
    );
    let report = report::extract(&ReportInput {
        subject: "XSS",
        body: &body,
        recipients: &[],
        desk_address: "security@example.test",
    });
    assert!(report.description.as_ref().is_some_and(|d| d.len() > 1900));
    let columns = TicketColumns::of(&report, "Stored XSS in the profile page");
    let times = TriageTimes {
        due: NOW + 86_400_000,
        remind: NOW + 80_000_000,
        triaged: None,
    };
    let mut batch = store.begin().await.expect("begin");
    for i in 0..count {
        let number = ConfirmationNumber::generate(&prefix, &mut rand::rng());
        let reporter = format!("reporter{i}@example.org");
        batch
            .insert_ticket(&columns.row(DESK, number.as_str(), &reporter, times, NOW + i as i64))
            .await
            .expect("insert")
            .expect("a fresh number (7 random characters: a clash is one in 10^10)");
    }
    batch.commit().await.expect("commit");
}

/// Peak RSS (KiB) of `tickets export --format json` over `count` tickets,
/// and the bytes it wrote; its time is printed.
async fn export_peak(db: &TestDb, count: usize, dir: &WorkDir) -> (u64, u64) {
    let store = open(db).await;
    store_many(&store, count).await;
    store.close().await;
    let config = write_offline_config(db, &dir.0, "");
    let out_path = dir.0.join(format!("export-{count}.jsonl"));
    let started = std::time::Instant::now();
    let child = secdesk(&config, &["tickets", "export", "--format", "json"])
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("an output file"))
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start secdesk tickets export");
    let (status, peak) = wait_with_peak_rss(child);
    assert!(status.success(), "export of {count} tickets: {status}");
    eprintln!(
        "exported {count} tickets in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let text = std::fs::read_to_string(&out_path).expect("read the export");
    assert_eq!(text.lines().count(), count);
    (peak, text.len() as u64)
}

async fn export_memory_stays_flat(small: &TestDb, big: &TestDb, backend: &str) {
    let dir = WorkDir::new("export-memory");
    let (small_peak, small_bytes) = export_peak(small, 200, &dir).await;
    let (big_peak, big_bytes) = export_peak(big, 20_000, &dir).await;
    eprintln!(
        "{backend}: tickets export --format json: 200 tickets ({} KB out) peak RSS {} KB; \
         20,000 tickets ({} KB out) peak RSS {} KB",
        small_bytes / 1024,
        small_peak,
        big_bytes / 1024,
        big_peak
    );
    // 20,000 tickets are ~45 MB of JSON: held in memory they would show
    assert!(big_bytes > 40 << 20, "the big export is big: {big_bytes}");
    assert!(
        big_peak < small_peak + 20 * 1024,
        "{backend}: peak RSS {big_peak} KB for 20,000 tickets, {small_peak} KB for 200"
    );
    dir.remove();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_export_matches_what_is_stored() {
    let db = TestDb::sqlite();
    export_matches_what_is_stored(&db).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_export_matches_what_is_stored() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    export_matches_what_is_stored(&db).await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_export_memory_stays_flat() {
    let (small, big) = (TestDb::sqlite(), TestDb::sqlite());
    export_memory_stays_flat(&small, &big, "SQLite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_export_memory_stays_flat() {
    let (Some(small), Some(big)) = (TestDb::postgres().await, TestDb::postgres().await) else {
        return;
    };
    export_memory_stays_flat(&small, &big, "PostgreSQL").await;
    small.cleanup().await;
    big.cleanup().await;
}
