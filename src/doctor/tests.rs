//! The doctor's verdicts from measured facts, without servers.

use std::path::Path;

use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use secdesk_store::MigrationRecord;

use super::*;

/// A self-signed certificate for mail.example.test and 127.0.0.1, valid
/// until 2036-12-04 15:52:35 UTC (made with openssl for these tests).
const CERT_PEM: &str = include_str!("testdata/mail.example.test.pem");
const NOT_AFTER: i64 = 2_112_018_755;
const DAY: i64 = 86_400;

fn facts() -> CertificateFacts {
    CertificateFacts {
        subject: "CN=mail.example.test".into(),
        issuer: "CN=Example CA".into(),
        names: vec!["mail.example.test".into(), "127.0.0.1".into()],
        not_after: NOT_AFTER,
    }
}

fn imap_config() -> ImapConfig {
    let text = "[desk]\naddress = \"security@example.test\"\n\
                [imap]\nhost = \"imap.example.test\"\nusername = \"security@example.test\"\n\
                password = \"x\"\n[smtp]\nhost = \"smtp.example.test\"\n\
                username = \"security@example.test\"\npassword = \"y\"\n";
    Config::from_toml_str(text).expect("valid").imap
}

fn smtp_config() -> SmtpConfig {
    let text = "[desk]\naddress = \"security@example.test\"\n\
                [imap]\nhost = \"imap.example.test\"\nusername = \"security@example.test\"\n\
                password = \"x\"\n[smtp]\nhost = \"smtp.example.test\"\nencryption = \"starttls\"\n\
                username = \"security@example.test\"\npassword = \"y\"\n";
    Config::from_toml_str(text).expect("valid").smtp
}

#[test]
fn lines_read_status_check_found_and_fix() {
    assert_eq!(
        Line::ok("imap login", "logged in").to_string(),
        "ok   imap login: logged in"
    );
    assert_eq!(
        Line::fail("smtp", "refused", "check smtp.port (SECDESK_SMTP_PORT)").to_string(),
        "FAIL smtp: refused — check smtp.port (SECDESK_SMTP_PORT)"
    );
    assert_eq!(
        Line::warn("tls imap", "expires\nsoon", "renew").to_string(),
        "warn tls imap: expires soon — renew",
        "a server's message over several lines stays on one"
    );
    assert_eq!(
        Line::skip("imap mailbox", "no IMAP login").to_string(),
        "skip imap mailbox: no IMAP login"
    );
}

#[test]
fn only_a_failure_fails_the_run() {
    let mut lines = vec![
        Line::ok("a", "fine"),
        Line::warn("b", "soon", "renew"),
        Line::skip("c", "not run"),
    ];
    assert!(!failed(&lines));
    lines.push(Line::fail("d", "broken", "fix"));
    assert!(failed(&lines));
}

#[test]
fn keys_are_named_with_their_variable() {
    assert_eq!(
        key("imap.password"),
        "imap.password (SECDESK_IMAP_PASSWORD)"
    );
    assert_eq!(
        key("imap.processed_folder"),
        "imap.processed_folder (SECDESK_IMAP_PROCESSED_FOLDER)"
    );
}

#[test]
fn a_certificate_is_read_for_its_names_and_expiry() {
    let der = CertificateDer::from_pem_slice(CERT_PEM.as_bytes()).expect("a PEM certificate");
    let cert = certificate_facts(der.as_ref()).expect("parses");
    assert_eq!(cert.subject, "CN=mail.example.test");
    assert_eq!(cert.issuer, "CN=mail.example.test");
    assert_eq!(cert.names, ["mail.example.test", "127.0.0.1"]);
    assert_eq!(cert.not_after, NOT_AFTER);
    assert!(certificate_facts(b"not a certificate").is_err());
}

#[test]
fn a_certificate_with_time_left_is_ok() {
    let line = judge_certificate(
        "imap",
        "mail.example.test",
        "TLS 1.3",
        &facts(),
        NOT_AFTER - 400 * DAY,
    );
    assert_eq!(line.status, Status::Ok, "{line}");
    assert_eq!(
        line.to_string(),
        "ok   tls imap: TLS 1.3, certificate for mail.example.test, 127.0.0.1 \
         (issued by CN=Example CA), valid for mail.example.test, 400 more days (until 2036-12-04)"
    );
}

#[test]
fn a_certificate_expiring_within_30_days_is_warned_of() {
    let line = judge_certificate("smtp", "h", "TLS 1.2", &facts(), NOT_AFTER - 29 * DAY - 5);
    assert_eq!(line.status, Status::Warn, "{line}");
    assert!(line.found.contains("29 more days"), "{line}");
    let line = judge_certificate("smtp", "h", "TLS 1.2", &facts(), NOT_AFTER - 30 * DAY);
    assert_eq!(
        line.status,
        Status::Ok,
        "30 days left is not yet a warning: {line}"
    );
    let line = judge_certificate("smtp", "h", "TLS 1.2", &facts(), NOT_AFTER + 1);
    assert_eq!(line.status, Status::Fail, "{line}");
    assert!(line.found.contains("expired on 2036-12-04"), "{line}");
}

#[test]
fn an_unknown_ca_says_to_set_the_ca_file() {
    let unknown = TlsFailure::Handshake(rustls::Error::InvalidCertificate(
        rustls::CertificateError::UnknownIssuer,
    ));
    let line = judge_tls_failure(
        "imap",
        "mail.example.test",
        993,
        None,
        &unknown,
        Some(&facts()),
    );
    assert_eq!(line.status, Status::Fail);
    assert!(
        line.found.contains("no trusted CA signed") && line.found.contains("CN=Example CA"),
        "{line}"
    );
    assert!(
        line.fix
            .as_deref()
            .is_some_and(|f| f.contains("set imap.ca_file (SECDESK_IMAP_CA_FILE)")),
        "{line}"
    );
    let line = judge_tls_failure(
        "smtp",
        "mail.example.test",
        465,
        Some(Path::new("/etc/secdesk/ca.pem")),
        &unknown,
        None,
    );
    assert!(
        line.fix
            .as_deref()
            .is_some_and(|f| f.contains("/etc/secdesk/ca.pem")
                && f.contains("smtp.ca_file (SECDESK_SMTP_CA_FILE)")),
        "{line}"
    );
}

#[test]
fn a_certificate_for_another_name_says_to_fix_the_host() {
    let wrong = TlsFailure::Handshake(rustls::Error::InvalidCertificate(
        rustls::CertificateError::NotValidForName,
    ));
    let line = judge_tls_failure("smtp", "10.1.1.1", 465, None, &wrong, Some(&facts()));
    assert_eq!(
        line.to_string(),
        "FAIL tls smtp: the certificate of 10.1.1.1:465 is for mail.example.test, 127.0.0.1, \
         not for 10.1.1.1 — set smtp.host (SECDESK_SMTP_HOST) to a name the certificate holds"
    );
}

#[test]
fn nothing_listening_names_host_port_and_encryption() {
    let refused = TlsFailure::Connect("cannot connect to h:1: Connection refused".into());
    let line = judge_tls_failure("imap", "h", 1, None, &refused, None);
    let fix = line.fix.unwrap_or_default();
    for named in [
        "imap.host (SECDESK_IMAP_HOST)",
        "imap.port (SECDESK_IMAP_PORT)",
    ] {
        assert!(fix.contains(named), "{fix}");
    }
}

fn migration(version: i64, checksum: u8) -> MigrationRecord {
    MigrationRecord {
        version,
        description: format!("step {version}"),
        checksum: vec![checksum],
        success: true,
    }
}

fn history(known: &[i64], applied: Option<Vec<MigrationRecord>>) -> SchemaHistory {
    SchemaHistory {
        known: known.iter().map(|v| migration(*v, 1)).collect(),
        applied,
    }
}

#[test]
fn a_schema_with_every_migration_is_current() {
    let line = judge_schema(&history(
        &[1, 2],
        Some(vec![migration(1, 1), migration(2, 1)]),
    ));
    assert_eq!(
        line.to_string(),
        "ok   migrations: schema current: 2 applied, the latest 0002 step 2"
    );
}

#[test]
fn pending_migrations_are_a_warning_and_are_not_applied() {
    let line = judge_schema(&history(&[1, 2, 3], Some(vec![migration(1, 1)])));
    assert_eq!(line.status, Status::Warn);
    assert_eq!(line.found, "2 pending: 0002 step 2, 0003 step 3");
    assert!(line.fix.unwrap_or_default().contains("secdesk migrate"));
    let new = judge_schema(&history(&[1, 2], None));
    assert_eq!(new.status, Status::Warn);
    assert_eq!(new.found, "none applied yet, 2 pending (a new database)");
}

#[test]
fn migrations_this_build_does_not_know_fail() {
    let line = judge_schema(&history(&[1], Some(vec![migration(1, 1), migration(2, 1)])));
    assert_eq!(line.status, Status::Fail);
    assert!(line.found.contains("0002 step 2"), "{line}");
    let changed = judge_schema(&history(&[1], Some(vec![migration(1, 9)])));
    assert_eq!(changed.status, Status::Fail);
    assert!(changed.found.contains("differ"), "{changed}");
    let mut broken = migration(2, 1);
    broken.success = false;
    let failed_part_way = judge_schema(&history(&[1, 2], Some(vec![migration(1, 1), broken])));
    assert_eq!(failed_part_way.status, Status::Fail);
    assert!(failed_part_way.found.contains("failed part-way"));
}

#[test]
fn a_resolver_that_says_no_such_name_answers() {
    let check = "dns resolver 127.0.0.1:53";
    let none = DnsAnswer::NoRecord("NXDomain".into());
    let line = judge_dns_answer(check, "_dmarc.example.test", false, &none);
    assert_eq!(
        line.to_string(),
        "ok   dns resolver 127.0.0.1:53: answers (TXT _dmarc.example.test: none, NXDomain)"
    );
    let found = judge_dns_answer(check, "_dmarc.example.test", false, &DnsAnswer::Records(20));
    assert_eq!(found.status, Status::Ok);
    let silent = DnsAnswer::NoAnswer("request timed out".into());
    let line = judge_dns_answer(check, "_dmarc.example.test", false, &silent);
    assert_eq!(line.status, Status::Fail);
    assert!(
        line.fix
            .unwrap_or_default()
            .contains("dns.servers (SECDESK_DNS_SERVERS)")
    );
}

#[test]
fn a_host_that_does_not_resolve_names_its_key() {
    let line = judge_resolved("smtp", "smtp.nowhere.test", Err("no such host".into()));
    assert_eq!(line.status, Status::Fail);
    assert!(
        line.to_string().contains("smtp.host (SECDESK_SMTP_HOST)"),
        "{line}"
    );
    let ok = judge_resolved(
        "imap",
        "imap.example.test",
        Ok(vec!["192.0.2.1".parse().unwrap()]),
    );
    assert_eq!(
        ok.to_string(),
        "ok   dns imap.host: imap.example.test is 192.0.2.1"
    );
}

#[test]
fn a_refused_imap_login_names_username_and_password() {
    let error = MailboxError::Login {
        host: "imap.example.test".into(),
        user: "security@example.test".into(),
        message: "Authentication failed.".into(),
    };
    let line = judge_imap_login(&imap_config(), &error);
    assert_eq!(
        line.to_string(),
        "FAIL imap login: imap.example.test refused the login of security@example.test: \
         Authentication failed. — check imap.username (SECDESK_IMAP_USERNAME) and \
         imap.password (SECDESK_IMAP_PASSWORD)"
    );
}

#[test]
fn a_missing_mailbox_fails_and_a_missing_sent_folder_warns() {
    let line = judge_folder(
        "imap mailbox",
        "Reports",
        true,
        Err("no such mailbox".into()),
    );
    assert_eq!(line.status, Status::Fail);
    assert!(
        line.fix
            .unwrap_or_default()
            .contains("imap.mailbox (SECDESK_IMAP_MAILBOX)")
    );
    let line = judge_folder(
        "imap sent_folder",
        "Sent",
        false,
        Err("no such mailbox".into()),
    );
    assert_eq!(line.status, Status::Warn);
    assert!(
        line.fix
            .unwrap_or_default()
            .contains("imap.sent_folder (SECDESK_IMAP_SENT_FOLDER)")
    );
    let line = judge_folder("imap mailbox", "INBOX", true, Ok(3));
    assert_eq!(
        line.to_string(),
        "ok   imap mailbox: INBOX exists, 3 messages (looked at read-only)"
    );
}

#[test]
fn smtp_failures_name_the_key_of_their_stage() {
    let cfg = smtp_config();
    let failure = |message: &str| Failure {
        message: message.into(),
        permanent: true,
    };
    let login = judge_smtp(
        &cfg,
        Err((Stage::Login, failure("535 5.7.8 bad credentials"))),
    );
    assert!(
        login
            .to_string()
            .contains("smtp.password (SECDESK_SMTP_PASSWORD)"),
        "{login}"
    );
    let connect = judge_smtp(&cfg, Err((Stage::Connect, failure("Connection refused"))));
    assert!(
        connect
            .to_string()
            .contains("smtp.port (SECDESK_SMTP_PORT)"),
        "{connect}"
    );
    let ok = judge_smtp(
        &cfg,
        Ok(Probed {
            server: "mail.example.test".into(),
            logged_in: true,
        }),
    );
    assert_eq!(
        ok.to_string(),
        "ok   smtp: smtp.example.test:587 (mail.example.test) took EHLO, STARTTLS, \
         logged in as security@example.test; nothing sent"
    );
}

#[test]
fn templates_that_cannot_be_read_name_the_folder_key() {
    let error = TemplateError::Read {
        path: "/nowhere/ack.en.txt".into(),
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
    };
    let line = judge_templates(Path::new("/nowhere"), &error);
    assert_eq!(line.status, Status::Fail);
    assert!(
        line.to_string()
            .contains("desk.templates_dir (SECDESK_DESK_TEMPLATES_DIR)"),
        "{line}"
    );
}

#[test]
fn the_imap_servers_own_words_are_kept() {
    assert_eq!(
        server_said(
            "no response: code: None, info: Some(\"[AUTHENTICATIONFAILED] Authentication failed.\")"
        ),
        "[AUTHENTICATIONFAILED] Authentication failed."
    );
    assert_eq!(
        server_said(
            "no response: outcome: Outcome { code: None, information: \
             Some(\"Mailbox doesn't exist: Nope (0.001 + 0.007 + 0.006 secs).\") }"
        ),
        "Mailbox doesn't exist: Nope"
    );
    assert_eq!(server_said("connection reset"), "connection reset");
}
