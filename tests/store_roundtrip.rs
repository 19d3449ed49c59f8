//! Every value the extraction can produce goes into the store and comes
//! back equal, on a real SQLite file and a real PostgreSQL database.
//!
//! Generated reports (every kind, language, severity and priority; CVSS
//! 3.x and 4.0 vectors of every metric combination, alone or together;
//! bare scores read by the extraction
//! from "7", "7.0", "9,8"; hundreds of CVE ids; empty, long, non-ASCII and
//! control-character text; times from 1970 to 9999) are written through the
//! daemon's own path (`TicketColumns`, `Batch::insert_ticket`,
//! `Batch::insert_message`, `Batch::update_ticket`) and read back through
//! the CLI's (`Store::ticket_detail`, `Store::quarantined`) and the
//! router's (`Batch::ticket_by_number`, `ticket_by_message_ids`).
//!
//! All cases of one backend share one store with a single connection, as a
//! long-running daemon's connection does: a statement prepared for one
//! ticket must accept the next ticket's values (a ticket without a reported
//! score followed by one with a score is what broke PostgreSQL under sqlx's
//! `Any` driver).

mod common;

use common::TestDb;
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, TestCaseError, TestRunner};
use secdesk::config::Secret;
use secdesk::ingest::{TicketColumns, TriageTimes};
use secdesk::message::MessageId;
use secdesk::report::{self, CveId, CvssScore, Kind, Language, Missing, Report, ReportInput};
use secdesk::store::{NewMessage, Store, TicketRef, TicketUpdate};
use secdesk::ticket::{ConfirmationNumber, NumberPrefix, Outcome, Severity, TicketState};

const DESK: &str = "security@example.test";
/// Unix milliseconds up to the last instant of the year 9999.
const LAST_MILLI: i64 = 253_402_300_799_999;

/// Text as mail delivers it: nothing, plain, any Unicode, any characters at
/// all (NUL and other controls included), long, and the awkward cases.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 .,:;!?'()-]{1,80}",
        "\\PC{1,120}",
        any::<String>(),
        ("\\PC{1,12}", 100usize..3000).prop_map(|(s, n)| s.repeat(n)),
        Just("è à ù ß — “virgolette” 漢字 🦀 \u{202e}rtl\u{200b} \t\r\n".to_string()),
        Just("'; DROP TABLE tickets; -- $1 \\x00 %s {{}}".to_string()),
    ]
}

/// Text without NUL or other control characters other than whitespace, as
/// the daemon stores a message's headers after decoding.
fn header_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 .,:;!?'<>@-]{1,80}",
        "\\PC{1,120}",
        ("\\PC{1,12}", 100usize..1000).prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn address() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z0-9.+_-]{1,30}@[a-z0-9-]{1,20}\\.test",
        "\\PC{1,20}@例え\\.テスト",
        ("[a-z]{1,10}", 200usize..400).prop_map(|(s, n)| format!("{}@long.test", s.repeat(n))),
    ]
}

/// A complete CVSS 3.0 or 3.1 base vector, any of its 2 × 2,592
/// combinations, scored by the daemon's own parser (0.0 to 10.0).
fn cvss() -> impl Strategy<Value = CvssScore> {
    let pick = |values: &'static [&'static str]| proptest::sample::select(values);
    (
        pick(&["3.0", "3.1"]),
        pick(&["N", "A", "L", "P"]),
        pick(&["L", "H"]),
        pick(&["N", "L", "H"]),
        pick(&["N", "R"]),
        pick(&["U", "C"]),
        (
            pick(&["N", "L", "H"]),
            pick(&["N", "L", "H"]),
            pick(&["N", "L", "H"]),
        ),
    )
        .prop_map(|(version, av, ac, pr, ui, s, (c, i, a))| {
            let vector =
                format!("CVSS:{version}/AV:{av}/AC:{ac}/PR:{pr}/UI:{ui}/S:{s}/C:{c}/I:{i}/A:{a}");
            CvssScore::parse(&vector).unwrap_or_else(|e| panic!("{vector}: {e}"))
        })
}

/// A complete CVSS 4.0 base vector, any of its 104,976 combinations, scored
/// by the daemon's own parser (through the `cvss` crate's 4.0 tables).
fn cvss_v4() -> impl Strategy<Value = CvssScore> {
    let pick = |values: &'static [&'static str]| proptest::sample::select(values);
    let impact = || pick(&["H", "L", "N"]);
    (
        pick(&["N", "A", "L", "P"]),
        pick(&["L", "H"]),
        pick(&["N", "P"]),
        pick(&["N", "L", "H"]),
        pick(&["N", "P", "A"]),
        (impact(), impact(), impact()),
        (impact(), impact(), impact()),
    )
        .prop_map(|(av, ac, at, pr, ui, (vc, vi, va), (sc, si, sa))| {
            let vector = format!(
                "CVSS:4.0/AV:{av}/AC:{ac}/AT:{at}/PR:{pr}/UI:{ui}/VC:{vc}/VI:{vi}/VA:{va}/SC:{sc}/SI:{si}/SA:{sa}"
            );
            CvssScore::parse(&vector).unwrap_or_else(|e| panic!("{vector}: {e}"))
        })
}

/// A report's vectors as the extraction lists them: none, one of either
/// version, or a 3.x and a 4.0 one in either order.
fn cvss_vectors() -> impl Strategy<Value = Vec<CvssScore>> {
    prop_oneof![
        Just(vec![]),
        cvss().prop_map(|c| vec![c]),
        cvss_v4().prop_map(|c| vec![c]),
        (cvss(), cvss_v4(), any::<bool>())
            .prop_map(|(v3, v4, v3_first)| { if v3_first { vec![v3, v4] } else { vec![v4, v3] } }),
    ]
}

/// A bare score as reporters write it, read by the extraction itself.
fn reported_score() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just("7".to_string()),
        Just("7.0".to_string()),
        Just("9,8".to_string()),
        Just("10".to_string()),
        Just("0.0".to_string()),
        (0u8..10, 0u8..10, any::<bool>()).prop_map(|(whole, tenth, comma)| {
            format!("{whole}{}{tenth}", if comma { ',' } else { '.' })
        }),
    ]
    .prop_map(|written| {
        let body = format!("The CVSS score: {written}\n");
        let read = report::extract(&ReportInput {
            subject: "",
            body: &body,
            recipients: &[],
            desk_address: "security@example.test",
        });
        read.reported_score
            .unwrap_or_else(|| panic!("the extraction reads no score in {body:?}"))
    })
}

fn cve_ids() -> impl Strategy<Value = Vec<CveId>> {
    prop_oneof![
        Just(vec![]),
        prop::collection::vec((1999u32..=2099, 1u64..=9_999_999_999), 1..400),
    ]
    .prop_map(|ids| {
        ids.into_iter()
            .map(|(year, n)| CveId::parse(&format!("CVE-{year}-{n:04}")).expect("a CVE id"))
            .collect()
    })
}

fn report() -> impl Strategy<Value = Report> {
    (
        proptest::sample::select(vec![Kind::Incident, Kind::Vulnerability, Kind::Unknown]),
        proptest::sample::select(vec![Language::En, Language::It]),
        prop::option::of(text()),
        cve_ids(),
        cvss_vectors(),
        prop::option::of(reported_score()),
        prop::option::of(text()),
        prop::option::of(text()),
        proptest::sample::subsequence(
            vec![
                Missing::Kind,
                Missing::Description,
                Missing::CveOrCvss,
                Missing::Remediation,
                Missing::CustomerMessage,
            ],
            0..=5,
        ),
    )
        .prop_map(
            |(
                kind,
                language,
                description,
                cve_ids,
                cvss_vectors,
                reported_score,
                remediation,
                customer_message,
                missing,
            )| Report {
                kind,
                kind_basis: secdesk::report::KindBasis::Words,
                kind_quote: None,
                language,
                description,
                cve_ids,
                // as the extraction chooses: the 4.0 vector, else the first
                cvss: cvss_vectors
                    .iter()
                    .find(|c| c.version == "4.0")
                    .or(cvss_vectors.first())
                    .cloned(),
                cvss_vectors,
                reported_score,
                remediation,
                customer_message,
                missing,
            },
        )
}

/// The mail a report came in, as the daemon stores it.
#[derive(Debug, Clone)]
struct Mail {
    subject: String,
    reporter: String,
    to: Vec<String>,
    message_id: String,
    body: Option<String>,
    raw: Vec<u8>,
    uid: Option<u32>,
    reason: Option<String>,
    auth: Option<String>,
}

fn mail() -> impl Strategy<Value = Mail> {
    (
        text(),
        address(),
        prop::collection::vec(address(), 0..30),
        // what `MessageId::parse` lets through: no space, no control, no <>
        "[^\\s\\p{Cc}<>]{1,200}",
        prop::option::of(text()),
        prop::collection::vec(any::<u8>(), 0..20_000),
        prop::option::of(prop_oneof![Just(0u32), Just(u32::MAX), any::<u32>()]),
        prop::option::of(header_text()),
        prop::option::of(header_text()),
    )
        .prop_map(
            |(subject, reporter, to, message_id, body, raw, uid, reason, auth)| Mail {
                subject,
                reporter,
                to,
                message_id,
                body,
                raw,
                uid,
                reason,
                auth,
            },
        )
}

#[derive(Debug, Clone)]
struct Triage {
    state: TicketState,
    severity: Option<Severity>,
    priority: Option<i64>,
    outcome: Option<Outcome>,
    customer_message: Option<String>,
    triaged_at: Option<i64>,
}

fn triage() -> impl Strategy<Value = Triage> {
    (
        proptest::sample::select(vec![
            TicketState::New,
            TicketState::Triaged,
            TicketState::Investigating,
            TicketState::AwaitingReporter,
            TicketState::Closed,
        ]),
        prop::option::of(proptest::sample::select(vec![
            Severity::None,
            Severity::Low,
            Severity::Medium,
            Severity::High,
            Severity::Critical,
        ])),
        prop::option::of(1i64..=4),
        prop::option::of(proptest::sample::select(vec![
            Outcome::ModificationRequested,
            Outcome::OfferRemoved,
            Outcome::NoAction,
        ])),
        prop::option::of(header_text()),
        prop::option::of(0..=LAST_MILLI),
    )
        .prop_map(
            |(state, severity, priority, outcome, customer_message, triaged_at)| Triage {
                state,
                severity,
                priority,
                outcome,
                customer_message,
                triaged_at,
            },
        )
}

#[derive(Debug, Clone)]
struct Case {
    report: Report,
    mail: Mail,
    now: i64,
    times: TriageTimes,
    triage: Triage,
}

fn case() -> impl Strategy<Value = Case> {
    (
        report(),
        mail(),
        prop_oneof![Just(0), Just(LAST_MILLI), 0..=LAST_MILLI],
        (
            0..=LAST_MILLI,
            0..=LAST_MILLI,
            prop::option::of(0..=LAST_MILLI),
        ),
        triage(),
    )
        .prop_map(|(report, mail, now, (due, remind, triaged), triage)| Case {
            report,
            mail,
            now,
            times: TriageTimes {
                due,
                remind,
                triaged,
            },
            triage,
        })
}

fn rfc3339(millis: i64) -> String {
    chrono::DateTime::from_timestamp_millis(millis)
        .expect("in range")
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn without_nul(text: &str) -> String {
    text.replace('\0', "")
}

async fn round_trip(store: &Store, case: Case, serial: u64) -> Result<(), TestCaseError> {
    let Case {
        report,
        mail,
        now,
        times,
        triage,
    } = case;
    let prefix = NumberPrefix::parse("SEC").expect("prefix");
    let number = ConfirmationNumber::generate(&prefix, &mut rand::rng());
    // unique per case, so that threading finds this case's ticket
    let message_id = MessageId::parse(&format!("{}.{serial}@roundtrip.test", mail.message_id))
        .expect("a valid message id")
        .as_str()
        .to_string();
    let body = mail.body.as_deref().map(without_nul);
    let to = serde_json::to_string(&mail.to).expect("json");

    // written as the daemon writes a new report
    let columns = TicketColumns::of(&report, &mail.subject);
    let mut batch = store.begin().await.expect("begin");
    let ticket_id = batch
        .insert_ticket(&columns.row(DESK, number.as_str(), &mail.reporter, times, now))
        .await
        .map_err(|e| TestCaseError::fail(format!("insert the ticket: {e}")))?
        .expect("a fresh number");
    let message = NewMessage {
        ticket_id: Some(ticket_id),
        direction: "in",
        disposition: "report",
        dedupe_key: Some(&message_id),
        mailbox_id: Some("desk/INBOX"),
        uid: mail.uid,
        message_id: Some(&message_id),
        from_addr: Some(&mail.reporter),
        to_addrs: to.clone(),
        subject: &mail.subject,
        body_text: body.as_deref(),
        raw: Some(&mail.raw),
        auth: mail.auth.as_deref(),
        now,
        ..NewMessage::default()
    };
    let subject = without_nul(&mail.subject);
    let message = NewMessage {
        subject: &subject,
        ..message
    };
    batch
        .insert_message(&message)
        .await
        .map_err(|e| TestCaseError::fail(format!("store the report's mail: {e}")))?;
    // the same mail, kept in quarantine as a mail that could not be processed
    let quarantine_key = format!("q.{message_id}");
    let quarantined_row = batch
        .insert_message(&NewMessage {
            ticket_id: None,
            disposition: "quarantined",
            reason: mail.reason.as_deref(),
            dedupe_key: Some(&quarantine_key),
            ..message.clone()
        })
        .await
        .map_err(|e| TestCaseError::fail(format!("quarantine the mail: {e}")))?;
    batch.commit().await.expect("commit");

    // read back as `tickets show` reads it
    let detail = store
        .ticket_detail(number.as_str())
        .await
        .expect("read the ticket")
        .expect("the ticket is there");
    let severity = report.severity();
    prop_assert_eq!(&detail.number, number.as_str());
    prop_assert_eq!(&detail.state, "new");
    prop_assert_eq!(&detail.kind, report.kind.as_str());
    prop_assert_eq!(&detail.language, report.language.as_str());
    prop_assert_eq!(detail.severity.as_deref(), severity.map(Severity::as_str));
    prop_assert_eq!(detail.priority, i64::from(columns.priority.level()));
    prop_assert_eq!(&detail.reporter, &mail.reporter);
    prop_assert_eq!(&detail.subject, &subject);
    prop_assert_eq!(&detail.created_at, &rfc3339(now));
    prop_assert_eq!(detail.triage_due_at, Some(rfc3339(times.due)));
    let cves: Vec<String> = report
        .cve_ids
        .iter()
        .map(|c| c.as_str().to_string())
        .collect();
    prop_assert_eq!(&detail.cve_ids, &cves);
    match (&detail.cvss, &report.cvss) {
        (Some(read), Some(written)) => {
            prop_assert_eq!(&read.vector, &written.vector);
            prop_assert_eq!(&read.version, &written.version);
            prop_assert_eq!(read.base_score.to_bits(), written.base_score.to_bits());
            prop_assert_eq!(&read.severity, written.severity.as_str());
        }
        (None, None) => {}
        (read, written) => prop_assert!(false, "cvss {read:?} read back as {written:?}"),
    }
    prop_assert_eq!(detail.cvss_vectors.len(), report.cvss_vectors.len());
    for (read, written) in detail.cvss_vectors.iter().zip(&report.cvss_vectors) {
        prop_assert_eq!(&read.vector, &written.vector);
        prop_assert_eq!(&read.version, &written.version);
        prop_assert_eq!(read.base_score.to_bits(), written.base_score.to_bits());
        prop_assert_eq!(&read.severity, written.severity.as_str());
    }
    prop_assert_eq!(
        detail.reported_score.map(f64::to_bits),
        report.reported_score.map(f64::to_bits)
    );
    let cleaned = |t: &Option<String>| t.as_deref().map(without_nul);
    prop_assert_eq!(&detail.description, &cleaned(&report.description));
    prop_assert_eq!(&detail.remediation, &cleaned(&report.remediation));
    prop_assert_eq!(&detail.customer_message, &cleaned(&report.customer_message));
    let missing: Vec<String> = report
        .missing
        .iter()
        .map(|m| {
            serde_json::to_value(m)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    prop_assert_eq!(&detail.missing, &missing);
    prop_assert_eq!(detail.outcome, None);
    prop_assert_eq!(detail.messages.len(), 1);
    let read = &detail.messages[0];
    prop_assert_eq!(&read.direction, "in");
    prop_assert_eq!(&read.disposition, "report");
    prop_assert_eq!(read.from.as_deref(), Some(mail.reporter.as_str()));
    prop_assert_eq!(&read.to, &mail.to);
    prop_assert_eq!(&read.subject, &subject);
    prop_assert_eq!(read.message_id.as_deref(), Some(message_id.as_str()));
    prop_assert_eq!(&read.at, &rfc3339(now));

    // and as `quarantine retry` reads a quarantined mail
    let kept = store
        .quarantined(quarantined_row)
        .await
        .expect("read the quarantined mail")
        .expect("it is there");
    prop_assert_eq!(&kept.raw, &mail.raw);
    prop_assert_eq!(kept.uid, mail.uid.map(i64::from));
    prop_assert_eq!(&kept.reason, &mail.reason);
    prop_assert_eq!(kept.mailbox_id.as_deref(), Some("desk/INBOX"));
    prop_assert_eq!(kept.from.as_deref(), Some(mail.reporter.as_str()));
    prop_assert_eq!(&kept.subject, &subject);

    // as the router finds it, then triaged by staff
    let mut batch = store.begin().await.expect("begin");
    let expected = TicketRef {
        id: ticket_id,
        number: number.to_string(),
        reporter: mail.reporter.clone(),
        state: "new".into(),
        language: report.language.as_str().into(),
        subject: subject.clone(),
        kind: report.kind.as_str().into(),
        severity: severity.map(|s| s.as_str().into()),
        severity_source: columns.severity_source.map(Into::into),
        priority: i64::from(columns.priority.level()),
        priority_source: "rule".into(),
        outcome: None,
        customer_message: cleaned(&report.customer_message),
        triage_due_at: Some(times.due),
        triaged_at: times.triaged,
        updated_at: now,
        owner: None,
        merged_into: None,
    };
    let found = batch.ticket_by_number(number.as_str()).await.expect("find");
    prop_assert_eq!(found.as_ref(), Some(&expected));
    let threaded = batch
        .ticket_by_message_ids(&[message_id.as_str(), "unknown@roundtrip.test"])
        .await
        .expect("thread");
    prop_assert_eq!(threaded.as_ref(), Some(&expected));
    let thread = batch.reporter_thread(ticket_id, 10).await.expect("thread");
    prop_assert_eq!(&thread, &vec![message_id.clone()]);

    let change = TicketUpdate {
        state: Some(triage.state.as_str()),
        severity: triage.severity.map(Severity::as_str),
        severity_source: triage.severity.map(|_| "staff"),
        priority: triage.priority,
        priority_source: triage.priority.map(|_| "staff"),
        outcome: triage.outcome.map(Outcome::as_str),
        customer_message: triage.customer_message.as_deref(),
        triaged_at: triage.triaged_at,
    };
    let later = now.saturating_add(1).min(LAST_MILLI);
    batch
        .update_ticket(ticket_id, &change, later)
        .await
        .map_err(|e| TestCaseError::fail(format!("update the ticket: {e}")))?;
    let updated = batch.ticket_by_number(number.as_str()).await.expect("find");
    batch.commit().await.expect("commit");
    let expected = TicketRef {
        state: triage.state.as_str().into(),
        severity: triage
            .severity
            .map(|s| s.as_str().into())
            .or(expected.severity),
        severity_source: triage
            .severity
            .map(|_| "staff".into())
            .or(expected.severity_source),
        priority: triage.priority.unwrap_or(expected.priority),
        priority_source: triage
            .priority
            .map_or(expected.priority_source, |_| "staff".into()),
        outcome: triage.outcome.map(|o| o.as_str().into()),
        customer_message: triage.customer_message.or(expected.customer_message),
        // the first triage counts
        triaged_at: expected.triaged_at.or(triage.triaged_at),
        updated_at: later,
        ..expected
    };
    prop_assert_eq!(updated, Some(expected));
    Ok(())
}

fn run_cases(db: &TestDb) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    // one connection, as a long-running daemon reuses its connections
    let store = runtime.block_on(async {
        let store = Store::connect(&Secret::new(db.url().to_string()), 1)
            .await
            .expect("connect");
        store.migrate().await.expect("migrate");
        store
    });
    let mut runner = TestRunner::new(RunnerConfig {
        cases: 200,
        failure_persistence: None,
        ..RunnerConfig::default()
    });
    let serial = std::sync::atomic::AtomicU64::new(0);
    let result = runner.run(&case(), |case| {
        let serial = serial.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        runtime.block_on(round_trip(&store, case, serial))
    });
    runtime.block_on(store.close());
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn every_extracted_value_round_trips_on_sqlite() {
    run_cases(&TestDb::sqlite());
}

#[test]
fn every_extracted_value_round_trips_on_postgres() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let Some(db) = runtime.block_on(TestDb::postgres()) else {
        return;
    };
    run_cases(&db);
    runtime.block_on(db.cleanup());
}
