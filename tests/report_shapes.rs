//! One list of reports in the shapes real mail takes, sent through the real
//! Postfix and Dovecot to the daemon on SQLite and on PostgreSQL: every one
//! becomes a ticket with the facts it carries, its reporter gets one
//! acknowledgment, and nothing is quarantined. The list is also checked
//! without servers against what extraction reads, so a failure says whether
//! the extraction or the store is wrong.
//!
//! The order matters: reports without any score come before and between
//! reports with one, as they do in a real inbox; a store that binds a
//! missing score with another type than a present one fails here.

#[macro_use]
mod common;

use common::*;
use secdesk::store::Store;

on_both_backends!(
    every_shape_of_report_becomes_a_ticket,
    a_report_quarantined_by_a_database_error_becomes_a_ticket_on_retry,
);

/// One report as it arrives, and what the desk must read in it.
struct Shape {
    name: &'static str,
    /// The whole mail after its Message-ID header (`<NAME@shapes.test>`).
    mail: &'static str,
    subject: &'static str,
    kind: &'static str,
    language: &'static str,
    vector: Option<&'static str>,
    reported_score: Option<f64>,
    cves: usize,
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "plain-en-vector",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: Stored XSS in ShopApp\n\n\
               Vulnerability: stored XSS in the profile page of ShopApp 4.2.\n\
               CVE: CVE-2024-12345\n\
               CVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N\n\
               Mitigation: upgrade to 4.2.1\n",
        subject: "Stored XSS in ShopApp",
        kind: "vulnerability",
        language: "en",
        vector: Some("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N"),
        reported_score: None,
        cves: 1,
    },
    Shape {
        name: "it-incident-no-score",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: Accesso non autorizzato al pannello\n\
               Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n\
               Incidente: stamattina abbiamo visto accessi non autorizzati al pannello di \
               amministrazione, con credenziali rubate.\n\
               Rimedio: le password sono state cambiate.\n\nCordiali saluti,\nMario\n",
        subject: "Accesso non autorizzato al pannello",
        kind: "incident",
        language: "it",
        vector: None,
        reported_score: None,
        cves: 0,
    },
    Shape {
        name: "it-bare-score-comma",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: Vulnerabilita nel modulo di pagamento\n\
               Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n\
               Buongiorno,\nabbiamo trovato una vulnerabilità di tipo SQL injection nel \
               modulo di pagamento.\nPunteggio CVSS: 9,8\n\nGrazie\n",
        subject: "Vulnerabilita nel modulo di pagamento",
        kind: "vulnerability",
        language: "it",
        vector: None,
        reported_score: Some(9.8),
        cves: 0,
    },
    Shape {
        name: "en-no-score",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: Something odd on your login page\n\n\
               Hello, the login page of the shop shows a stack trace when the password \
               field is left empty. I did not look further.\n\nBest, Alice\n",
        subject: "Something odd on your login page",
        kind: "unknown",
        language: "en",
        vector: None,
        reported_score: None,
        cves: 0,
    },
    Shape {
        name: "en-bare-score-integer",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: Open redirect in the shop\n\n\
               Vulnerability: open redirect via the next= parameter of /login.\n\
               CVSS score: 7\n",
        subject: "Open redirect in the shop",
        kind: "vulnerability",
        language: "en",
        vector: None,
        reported_score: Some(7.0),
        cves: 0,
    },
    Shape {
        name: "en-bare-score-decimal",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: CSRF on the settings page\n\n\
               Vulnerability: the settings form has no CSRF token.\nScore: 7.0\n",
        subject: "CSRF on the settings page",
        kind: "vulnerability",
        language: "en",
        vector: None,
        reported_score: Some(7.0),
        cves: 0,
    },
    Shape {
        name: "outlook-forward",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: FW: SQL injection in the login form\n\
               Content-Type: text/plain; charset=\"us-ascii\"\n\n\
               Forwarding the report our customer sent us.\n\n\
               -----Original Message-----\n\
               From: Bob Customer <bob@customer.example>\n\
               Sent: Monday, March 4, 2024 10:12 AM\n\
               To: Support <support@vendor.example>\n\
               Subject: SQL injection in the login form\n\n\
               Vulnerability: SQL injection in the username field of /login.\n\
               CVE-2024-11111\n\
               CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n",
        subject: "FW: SQL injection in the login form",
        kind: "vulnerability",
        language: "en",
        vector: Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
        reported_score: None,
        cves: 1,
    },
    Shape {
        name: "encoded-word-utf8",
        mail: "From: =?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?= <reporter@example.test>\n\
               To: <security@example.test>\n\
               Subject: =?UTF-8?B?VnVsbmVyYWJpbGl0w6AgY3JpdGljYSBuZWwgcG9ydGFsZSDigJQgdXJnZW50ZQ==?=\n\
               Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n\
               Vulnerabilità: esecuzione di codice remoto nel portale clienti.\n\
               Punteggio: 8,1\n",
        subject: "Vulnerabilità critica nel portale — urgente",
        kind: "vulnerability",
        language: "it",
        vector: None,
        reported_score: Some(8.1),
        cves: 0,
    },
    Shape {
        name: "encoded-word-latin1",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: =?ISO-8859-1?Q?Falla_di_sicurezza_=E8_grave?=\n\
               Content-Type: text/plain; charset=iso-8859-1\n\
               Content-Transfer-Encoding: quoted-printable\n\n\
               Vulnerabilit=E0: i file caricati sono eseguibili dal server.\n\
               CVE-2023-4863 e CVE-2023-44487\n",
        subject: "Falla di sicurezza è grave",
        kind: "vulnerability",
        language: "it",
        vector: None,
        reported_score: None,
        cves: 2,
    },
    Shape {
        name: "foreign-ticket-tag-reply",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: R: [Ticket#2024031510000123] Vulnerabilità XSS nel portale\n\
               In-Reply-To: <20240315.123@helpdesk.vendor.example>\n\
               References: <20240315.123@helpdesk.vendor.example>\n\
               Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n\
               Vi inoltro la segnalazione: il fornitore non risponde.\n\
               Vulnerabilità: XSS riflesso nel parametro q della ricerca.\n\
               Punteggio: 6,1\n\n\
               Da: helpdesk@vendor.example <helpdesk@vendor.example>\n\
               Inviato: venerdì 15 marzo 2024 10:00\n\
               A: reporter@example.test\n\
               Oggetto: [Ticket#2024031510000123] Vulnerabilità XSS nel portale\n\n\
               Abbiamo ricevuto la sua richiesta.\n",
        subject: "R: [Ticket#2024031510000123] Vulnerabilità XSS nel portale",
        kind: "vulnerability",
        language: "it",
        vector: None,
        reported_score: Some(6.1),
        cves: 0,
    },
    Shape {
        name: "html-only-qp-bare-score",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: Remote code execution\nMIME-Version: 1.0\n\
               Content-Type: text/html; charset=windows-1252\n\
               Content-Transfer-Encoding: quoted-printable\n\n\
               <html><body><p>Hello,</p><p>we found a remote code execution in the=\n \
               upload handler of your caf=E9 app. The vulnerability allows any visitor=\n \
               to run commands.</p><p><b>CVSS 7.5</b></p><p>Regards</p></body></html>\n",
        subject: "Remote code execution",
        kind: "vulnerability",
        language: "en",
        vector: None,
        reported_score: Some(7.5),
        cves: 0,
    },
    Shape {
        name: "alternative-latin9-vector",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: Path traversal in the download endpoint\nMIME-Version: 1.0\n\
               Content-Type: multipart/alternative; boundary=\"alt\"\n\n\
               --alt\nContent-Type: text/plain; charset=iso-8859-15\n\
               Content-Transfer-Encoding: quoted-printable\n\n\
               Vulnerability: path traversal in /download?file=3D../../etc/passwd (=A4 5 bounty?)\n\
               CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\n\
               --alt\nContent-Type: text/html; charset=iso-8859-15\n\n\
               <p>Vulnerability: path traversal</p>\n--alt--\n",
        subject: "Path traversal in the download endpoint",
        kind: "vulnerability",
        language: "en",
        vector: Some("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"),
        reported_score: None,
        cves: 0,
    },
    Shape {
        name: "many-cves",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: Outdated libraries on the shop\n\n\
               Vulnerability: the shop ships libraries with known flaws:\n\
               CVE-2021-44228 CVE-2021-45046 CVE-2021-45105 CVE-2021-44832 CVE-2022-22965\n\
               CVE-2022-22963 CVE-2022-42889 CVE-2023-4863 CVE-2023-44487 CVE-2023-38545\n\
               CVE-2024-3094 CVE-2024-6387 CVE-2014-0160 CVE-2017-5638 CVE-2019-0708\n\
               CVE-2020-1472 CVE-2021-26855 CVE-2021-34527 CVE-2022-0847 CVE-2023-23397\n",
        subject: "Outdated libraries on the shop",
        kind: "vulnerability",
        language: "en",
        vector: None,
        reported_score: None,
        cves: 20,
    },
    Shape {
        name: "qp-v4-beside-v3",
        mail: "From: <reporter@example.test>\nTo: <security@example.test>\n\
               Subject: Command injection in the backup agent\nMIME-Version: 1.0\n\
               Content-Type: text/plain; charset=utf-8\n\
               Content-Transfer-Encoding: quoted-printable\n\n\
               Vulnerability: command injection in the schedule field of the backup agent.\n\
               CVSS 3.1: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N\n\
               CVSS 4.0: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/=\n\
               SC:N/SI:N/SA:N\n",
        subject: "Command injection in the backup agent",
        kind: "vulnerability",
        language: "en",
        // the 4.0 vector decides (critical), not the 3.1 one (high)
        vector: Some("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
        reported_score: None,
        cves: 0,
    },
];

fn raw_of(shape: &Shape) -> String {
    format!(
        "Message-ID: <{}@shapes.test>\nDate: Thu, 07 Mar 2024 10:00:00 +0100\n{}",
        shape.name, shape.mail
    )
}

/// What a stored ticket says, next to what the shape says it must.
async fn check_ticket(store: &Store, number: &str, shape: &Shape) {
    let detail = store
        .ticket_detail(number)
        .await
        .expect("read the ticket")
        .unwrap_or_else(|| panic!("{}: no ticket {number}", shape.name));
    let name = shape.name;
    assert_eq!(detail.subject, shape.subject, "{name}: subject");
    assert_eq!(detail.kind, shape.kind, "{name}: kind");
    assert_eq!(detail.language, shape.language, "{name}: language");
    assert_eq!(
        detail.cvss.as_ref().map(|c| c.vector.as_str()),
        shape.vector,
        "{name}: vector"
    );
    assert_eq!(
        detail
            .cvss_vectors
            .iter()
            .any(|c| Some(c.vector.as_str()) == shape.vector && !c.severity.is_empty()),
        shape.vector.is_some(),
        "{name}: vectors {:?}",
        detail.cvss_vectors
    );
    assert_eq!(detail.reported_score, shape.reported_score, "{name}: score");
    assert_eq!(detail.cve_ids.len(), shape.cves, "{name}: CVE ids");
    assert_eq!(detail.reporter, REPORTER, "{name}: reporter");
    let expected_severity = detail
        .cvss
        .as_ref()
        .map(|c| c.base_score)
        .or(shape.reported_score)
        .map(|s| secdesk::ticket::Severity::from_cvss_score(s).to_string());
    assert_eq!(detail.severity, expected_severity, "{name}: severity");
}

/// The extraction alone reads every shape as listed (no servers): when this
/// passes and a backend's run fails, the store is at fault.
#[test]
fn the_shapes_read_as_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    for shape in SHAPES {
        let path = dir.path().join(format!("{}.eml", shape.name));
        std::fs::write(&path, raw_of(shape).replace('\n', "\r\n")).expect("write");
        let read = secdesk::cli::parse_file(&path, &Default::default(), DESK)
            .unwrap_or_else(|e| panic!("{}: {e}", shape.name));
        let name = shape.name;
        assert_eq!(read.subject, shape.subject, "{name}: subject");
        assert_eq!(read.kind, shape.kind, "{name}: kind");
        assert_eq!(read.language, shape.language, "{name}: language");
        assert_eq!(
            read.cvss.as_ref().map(|c| c.vector.as_str()),
            shape.vector,
            "{name}: vector"
        );
        assert_eq!(
            read.cvss_vectors
                .iter()
                .any(|c| Some(c.vector.as_str()) == shape.vector),
            shape.vector.is_some(),
            "{name}: vectors {:?}",
            read.cvss_vectors
        );
        assert_eq!(read.reported_score, shape.reported_score, "{name}: score");
        assert_eq!(read.cve_ids.len(), shape.cves, "{name}: CVE ids");
        assert!(!read.auto_submitted, "{name}: read as automatic mail");
    }
}

/// Caps on automatic answers lifted: one reporter sends every shape.
fn config_without_caps(stack: &Stack, db: &TestDb) -> secdesk::Config {
    let mut config = test_config(stack, db);
    config.limits.auto_replies_per_address_per_hour = 1000;
    config.limits.auto_replies_per_hour = 100_000;
    config
}

async fn every_shape_of_report_becomes_a_ticket(stack: &Stack, db: &TestDb) {
    let app = spawn_app(config_without_caps(stack, db)).await;
    for shape in SHAPES {
        send_raw(stack, REPORTER, &[DESK], &raw_of(shape)).await;
    }
    let inbox = wait_for_inbox(stack, REPORTER, "an acknowledgment of every shape", |m| {
        m.len() >= SHAPES.len()
    })
    .await;
    // each acknowledgment answers one report (In-Reply-To) and names its ticket
    for shape in SHAPES {
        let mid = format!("{}@shapes.test", shape.name);
        let acks: Vec<_> = inbox
            .iter()
            .filter(|r| r.in_reply_to.contains(&mid))
            .collect();
        assert_eq!(
            acks.len(),
            1,
            "{}: answers {:?}",
            shape.name,
            acks.iter().map(|r| &r.subject).collect::<Vec<_>>()
        );
        assert!(
            !acks[0].subject.starts_with("Not processed"),
            "{}: {}",
            shape.name,
            acks[0].subject
        );
        check_ticket(&app.store, &number_in(&acks[0].subject), shape).await;
    }
    let counts = app.store.counts().await.expect("counts");
    assert_eq!(counts.tickets, SHAPES.len() as i64);
    let quarantined: Vec<_> = app
        .store
        .unthreaded_messages(100)
        .await
        .expect("unthreaded mail")
        .into_iter()
        .filter(|m| m.disposition == "quarantined")
        .collect();
    assert!(quarantined.is_empty(), "quarantined: {quarantined:?}");
    app.stop().await;
}

/// What the PostgreSQL store did to a report with a score before it was
/// fixed, played by a trigger that refuses such tickets with the same error
/// (SQLSTATE 22P03 on PostgreSQL): the mail is quarantined and its sender
/// told "Not processed". With the trigger gone (the fixed store), `secdesk
/// quarantine retry` makes one ticket and one acknowledgment of it, and
/// the sender is not told "Not processed" a second time.
async fn a_report_quarantined_by_a_database_error_becomes_a_ticket_on_retry(
    stack: &Stack,
    db: &TestDb,
) {
    let config = config_without_caps(stack, db);
    let app = spawn_app(config.clone()).await;
    execute(db, REFUSE_SCORES[backend(db)]).await;
    let shape = SHAPES
        .iter()
        .find(|s| s.name == "it-bare-score-comma")
        .expect("the shape");
    send_raw(stack, REPORTER, &[DESK], &raw_of(shape)).await;
    let subject = format!("Not processed: {}", shape.subject);
    wait_for_inbox(stack, REPORTER, "the quarantine notice", |m| {
        m.iter().any(|r| r.subject == subject)
    })
    .await;
    let kept: Vec<_> = app
        .store
        .unthreaded_messages(10)
        .await
        .expect("unthreaded")
        .into_iter()
        .filter(|m| m.disposition == "quarantined")
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let reason = kept[0].reason.clone().unwrap_or_default();
    assert!(
        reason.contains("incorrect binary data format in bind parameter 17"),
        "{reason}"
    );
    assert_eq!(app.store.counts().await.expect("counts").tickets, 0);

    // the fixed store: the same mail, retried
    execute(db, ALLOW_SCORES[backend(db)]).await;
    let desk =
        secdesk::daemon::desk_context(&config, std::sync::Arc::new(secdesk::clock::SystemClock))
            .expect("desk context");
    let outcome = secdesk::ingest::retry_quarantined(&app.store, &desk, kept[0].id)
        .await
        .expect("the retry succeeds");
    assert_eq!(outcome.new_tickets.len(), 1);
    let inbox = wait_for_inbox(stack, REPORTER, "the acknowledgment", |m| {
        m.iter()
            .any(|r| r.subject.contains('[') && r.subject.contains(shape.subject))
    })
    .await;
    let ack = inbox
        .iter()
        .find(|r| r.subject.contains('['))
        .expect("the ack");
    check_ticket(&app.store, &number_in(&ack.subject), shape).await;
    assert_eq!(app.store.counts().await.expect("counts").tickets, 1);
    assert!(app.store.quarantined(kept[0].id).await.unwrap().is_none());
    // the outbox is drained, so every answer to the reporter is in the inbox
    wait_for_store("the outbox to drain", || async {
        app.store.counts().await.unwrap().outbox_pending == 0
    })
    .await;
    let inbox = inbox_of(stack).await;
    let notices = inbox
        .iter()
        .filter(|r| r.subject.starts_with("Not processed"))
        .count();
    let acks = inbox.iter().filter(|r| r.subject.contains('[')).count();
    assert_eq!((notices, acks), (1, 1), "{:?}", subjects(&inbox));
    app.stop().await;
}

async fn inbox_of(stack: &Stack) -> Vec<Received> {
    inbox(stack, REPORTER).await
}

fn subjects(mails: &[Received]) -> Vec<&str> {
    mails.iter().map(|m| m.subject.as_str()).collect()
}

fn backend(db: &TestDb) -> usize {
    match db {
        TestDb::Sqlite { .. } => 0,
        TestDb::Postgres { .. } => 1,
    }
}

/// A ticket with a reported score is refused with the old error, per backend.
const REFUSE_SCORES: [&str; 2] = [
    "CREATE TRIGGER refuse_scores BEFORE INSERT ON tickets \
     WHEN NEW.reported_score IS NOT NULL \
     BEGIN SELECT RAISE(ABORT, 'incorrect binary data format in bind parameter 17'); END",
    "CREATE FUNCTION refuse_scores() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN RAISE EXCEPTION 'incorrect binary data format in bind parameter 17' \
     USING ERRCODE = '22P03'; END $$; \
     CREATE TRIGGER refuse_scores BEFORE INSERT ON tickets FOR EACH ROW \
     WHEN (NEW.reported_score IS NOT NULL) EXECUTE FUNCTION refuse_scores()",
];

const ALLOW_SCORES: [&str; 2] = [
    "DROP TRIGGER refuse_scores",
    "DROP TRIGGER refuse_scores ON tickets; DROP FUNCTION refuse_scores()",
];

/// Run SQL on the test database with a connection of the test's own.
async fn execute(db: &TestDb, sql: &'static str) {
    use sqlx::Connection;
    match db {
        TestDb::Sqlite { .. } => {
            let mut conn = sqlx::SqliteConnection::connect(db.url()).await.unwrap();
            sqlx::raw_sql(sql).execute(&mut conn).await.expect(sql);
        }
        TestDb::Postgres { .. } => {
            let mut conn = sqlx::PgConnection::connect(db.url()).await.unwrap();
            sqlx::raw_sql(sql).execute(&mut conn).await.expect(sql);
        }
    }
}
