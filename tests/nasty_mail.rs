//! Hostile and odd mail through the path `secdesk parse` takes: every file in
//! `tests/mail/nasty/` gives the outcome `EXPECTED.tsv` names (parsed or a
//! readable error, the kind, whether it is automatic mail), in bounded time
//! and without a panic. Mail too big to commit is generated here. The built
//! binary is run end to end on a few files and on a bad config.
//!
//! The mails are written for this repository by `tests/mail/make_nasty.py`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use secdesk::cli::{CliError, ParseOutput, parse_file};
use secdesk::message::{Limits, ParseError};

const DESK: &str = "security@desk.example";

/// Longest a single mail may take to parse and extract, in a debug build.
/// Generous on purpose: a shared 2-core machine is slow at times, and what
/// this guards against (quadratic or exponential work on hostile input)
/// takes minutes, not seconds. The real figures are in RELIABILITY.md.
const TIME_BOUND: Duration = Duration::from_secs(10);

/// Timed sections run one at a time, so the tests of this binary do not
/// slow each other down past the bound on a small machine.
static TIMING: Mutex<()> = Mutex::new(());

/// The daemon's size and part limits; its CPU-time bound is set for a
/// release build, and this file bounds time itself ([`TIME_BOUND`]).
fn test_limits() -> Limits {
    Limits {
        max_processing: TIME_BOUND * 6,
        ..Limits::default()
    }
}

fn nasty_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mail/nasty")
}

/// `parse_file` with the default limits, timed; fails the test past the bound.
fn timed_parse(path: &Path) -> Result<ParseOutput, CliError> {
    let _guard = TIMING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let started = Instant::now();
    let result = parse_file(path, &test_limits(), DESK);
    let took = started.elapsed();
    assert!(
        took < TIME_BOUND,
        "{} took {took:?} to parse (bound {TIME_BOUND:?})",
        path.display()
    );
    result
}

#[derive(Debug)]
struct Expected {
    file: String,
    parsed: bool,
    kind: String,
    auto_submitted: Option<bool>,
    notes: String,
}

fn expectations() -> Vec<Expected> {
    let table = fs::read_to_string(nasty_dir().join("EXPECTED.tsv")).expect("EXPECTED.tsv");
    table
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 5, "EXPECTED.tsv: not 5 columns: {line:?}");
            let parsed = match cols[1] {
                "parsed" => true,
                "error" => false,
                other => panic!("EXPECTED.tsv: expected is {other:?} in {line:?}"),
            };
            let auto_submitted = match cols[3] {
                "yes" => Some(true),
                "no" => Some(false),
                "-" if !parsed => None,
                other => panic!("EXPECTED.tsv: auto_submitted is {other:?} in {line:?}"),
            };
            Expected {
                file: cols[0].to_string(),
                parsed,
                kind: cols[2].to_string(),
                auto_submitted,
                notes: cols[4].to_string(),
            }
        })
        .collect()
}

fn mail_files() -> BTreeSet<String> {
    fs::read_dir(nasty_dir())
        .expect("tests/mail/nasty")
        .map(|entry| entry.expect("dir entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".eml"))
        .collect()
}

#[test]
fn expected_tsv_lists_every_mail_once() {
    let listed: Vec<String> = expectations().into_iter().map(|e| e.file).collect();
    let unique: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(listed.len(), unique.len(), "a file is listed twice");
    assert_eq!(
        unique,
        mail_files(),
        "EXPECTED.tsv and the .eml files differ"
    );
    assert!(unique.len() >= 25, "the nasty set has shrunk");
}

#[test]
fn the_nasty_set_stays_small_enough_to_commit() {
    let total: u64 = fs::read_dir(nasty_dir())
        .expect("tests/mail/nasty")
        .map(|entry| {
            entry
                .expect("dir entry")
                .metadata()
                .expect("metadata")
                .len()
        })
        .sum();
    assert!(total < 1024 * 1024, "tests/mail/nasty holds {total} bytes");
}

/// What holds for every parsed mail, however hostile: storable strings.
fn check_invariants(out: &ParseOutput) -> Vec<String> {
    let mut problems = Vec::new();
    if out.subject.chars().any(char::is_control) {
        problems.push(format!("subject has control characters: {:?}", out.subject));
    }
    if out.subject.len() > secdesk::message::MAX_SUBJECT_BYTES {
        problems.push(format!("subject is {} bytes long", out.subject.len()));
    }
    if let Some(from) = &out.from
        && (from.is_empty() || from.chars().any(|c| c.is_whitespace() || c.is_control()))
    {
        problems.push(format!("from is not one address: {from:?}"));
    }
    let texts = [
        out.description.as_deref(),
        out.remediation.as_deref(),
        out.customer_message.as_deref(),
    ];
    for text in texts.into_iter().flatten() {
        if text.contains('\0') || text.contains('\r') {
            problems.push(format!("a field holds NUL or CR: {text:?}"));
        }
    }
    problems
}

fn vector(out: &ParseOutput) -> Option<&str> {
    out.cvss.as_ref().map(|c| c.vector.as_str())
}

/// Per-file checks beyond the table: what a person reading the mail would
/// take from it.
fn check_details(file: &str, out: &ParseOutput) -> Vec<String> {
    let mut problems = Vec::new();
    let mut expect = |ok: bool, what: &str| {
        if !ok {
            problems.push(what.to_string());
        }
    };
    let description = out.description.as_deref().unwrap_or("");
    let cves = |ids: &[&str]| {
        out.cve_ids
            .iter()
            .map(String::as_str)
            .eq(ids.iter().copied())
    };
    match file {
        "italian_windows1252.eml" => {
            expect(out.language == "it", "language it");
            expect(cves(&["CVE-2025-10001"]), "CVE-2025-10001");
            expect(
                out.subject == "Segnalazione vulnerabilità – modulo ordini",
                "subject decoded from windows-1252",
            );
            expect(
                out.from.as_deref() == Some("niccolo@fornitore.example"),
                "from",
            );
            expect(
                description.contains("è possibile") && description.contains("“IDOR”"),
                "accents and curly quotes decoded",
            );
            expect(
                out.remediation
                    .as_deref()
                    .is_some_and(|r| r.contains("2.4.1")),
                "remediation",
            );
            expect(
                out.customer_message
                    .as_deref()
                    .is_some_and(|m| m.contains('€')),
                "customer message with the euro sign",
            );
        }
        "english_qp_wrapped_vector.eml" => {
            expect(out.language == "en", "language en");
            expect(
                vector(out) == Some("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"),
                "vector joined across the soft break",
            );
            expect(
                out.cvss.as_ref().is_some_and(|c| c.base_score == 6.5),
                "base score 6.5",
            );
            expect(
                out.remediation
                    .as_deref()
                    .is_some_and(|r| r.contains("5.2.3")),
                "remediation",
            );
        }
        "html_deep_nested_split_vector.eml" => {
            expect(
                vector(out) == Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N"),
                "vector split by tags, not the one in the script",
            );
            expect(
                description.contains("server-side request forgery"),
                "description",
            );
            expect(!description.contains("color: red"), "style text ignored");
            expect(
                out.remediation
                    .as_deref()
                    .is_some_and(|r| r.contains("internal addresses & metadata")),
                "entities decoded in the remediation",
            );
        }
        "forwarded_rfc822.eml" => {
            expect(cves(&["CVE-2025-10003"]), "CVE from the forwarded mail");
            expect(
                vector(out) == Some("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"),
                "vector from the forwarded mail",
            );
            expect(
                description.contains("plugin uploader"),
                "description from the forwarded mail",
            );
            expect(
                out.from.as_deref() == Some("publisher@vendor.example"),
                "from is the forwarder",
            );
        }
        "outlook_italian_reply_qp.eml" => {
            expect(out.language == "it", "language it");
            expect(
                out.subject == "R: [SEC-7KQ3-M9PX] Vulnerabilità nel modulo di login",
                "subject decoded from iso-8859-1",
            );
            expect(
                vector(out) == Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N"),
                "vector from the own text",
            );
            expect(
                !description.contains("Abbiamo ricevuto"),
                "the quoted desk text is not the description",
            );
        }
        "header_injection_crlf.eml" => {
            expect(
                out.from.as_deref() == Some("reporter@reporter.example"),
                "from is the real address",
            );
            expect(cves(&["CVE-2024-88888"]), "CVE");
        }
        "encoded_word_nul.eml" => {
            expect(!out.subject.contains('\0'), "no NUL in the subject");
            expect(out.subject.starts_with("Vulnerability"), "subject decoded");
        }
        "encoded_word_overlong.eml" | "long_single_line_header.eml" => {
            expect(out.subject.len() > 3000, "the subject is kept, cut");
        }
        "encoded_word_broken.eml" => expect(cves(&["CVE-2024-55555"]), "CVE in the subject"),
        "no_from.eml" | "from_display_name_only.eml" | "binary_garbage.eml" => {
            expect(out.from.is_none(), "no sender address");
        }
        "duplicate_headers.eml" => {
            expect(
                out.from.as_deref() == Some("reporter@reporter.example"),
                "the first From is the sender",
            );
            expect(cves(&["CVE-2024-12345"]), "CVE-2024-12345");
            expect(
                vector(out) == Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"),
                "vector",
            );
        }
        "headers_no_final_newline.eml" => {
            expect(cves(&["CVE-2024-99998"]), "the last header's CVE is kept");
        }
        "header_line_without_colon.eml"
        | "headers_10000.eml"
        | "message_id_500.eml"
        | "nested_multipart_50.eml"
        | "rfc2231_hostile_filename.eml" => {
            expect(cves(&["CVE-2024-12345"]), "CVE-2024-12345");
            expect(
                vector(out) == Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"),
                "vector",
            );
        }
        "mislabelled_latin1_as_utf8.eml" => {
            expect(out.language == "it", "language it");
            expect(
                vector(out) == Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                "vector",
            );
        }
        "mailing_list.eml" => expect(cves(&["CVE-2025-10004"]), "CVE"),
        "unknown_charset.eml" => expect(cves(&["CVE-2024-33333"]), "CVE"),
        "utf16_body.eml" => expect(cves(&["CVE-2024-44444"]), "CVE from the UTF-16 body"),
        "qp_bad_escapes.eml" => expect(cves(&["CVE-2024-22222"]), "CVE"),
        "nul_and_control_bytes.eml" => expect(cves(&["CVE-2024-10101"]), "CVE"),
        "mixed_line_endings.eml" => expect(cves(&["CVE-2024-20202"]), "CVE"),
        "only_headers.eml" => expect(cves(&["CVE-2024-99999"]), "CVE from the subject"),
        "incident_en_plain.eml" => {
            expect(out.missing.is_empty(), "nothing missing");
            expect(out.language == "en", "language en");
        }
        "bounce_multipart_report.eml" => {
            expect(
                out.from.as_deref() == Some("mailer-daemon@mx.desk.example"),
                "from",
            );
        }
        _ => {}
    }
    problems
}

#[test]
fn every_nasty_mail_has_its_expected_outcome() {
    let mut failures = Vec::new();
    for expected in expectations() {
        let path = nasty_dir().join(&expected.file);
        let context = format!("{} ({})", expected.file, expected.notes);
        match (timed_parse(&path), expected.parsed) {
            (Ok(out), true) => {
                let mut problems = check_invariants(&out);
                if out.kind != expected.kind {
                    problems.push(format!("kind {} (expected {})", out.kind, expected.kind));
                }
                if Some(out.auto_submitted) != expected.auto_submitted {
                    problems.push(format!("auto_submitted {}", out.auto_submitted));
                }
                problems.extend(check_details(&expected.file, &out));
                if !problems.is_empty() {
                    failures.push(format!("{context}: {}\n  got {out:?}", problems.join("; ")));
                }
            }
            (Ok(out), false) => {
                failures.push(format!("{context}: parsed, expected an error: {out:?}"))
            }
            (Err(error), true) => failures.push(format!("{context}: error {error}")),
            (Err(error), false) => {
                let message = error.to_string();
                let readable = matches!(error, CliError::Parse { .. } | CliError::Read { .. })
                    && message.contains(&expected.file)
                    && message.len() > expected.file.len() + 20
                    && !message.contains("panicked");
                if !readable {
                    failures.push(format!("{context}: unclear error {message:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_mail_that_is_not_there_is_a_read_error() {
    let missing = nasty_dir().join("no-such-mail.eml");
    let error = parse_file(&missing, &test_limits(), DESK).expect_err("no file");
    assert!(matches!(error, CliError::Read { .. }), "{error:?}");
    assert!(error.to_string().contains("no-such-mail.eml"), "{error}");
}

// ---- generated at test time: too big to commit ----

fn write_temp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("write the generated mail");
    path
}

const HEADERS: &str = "From: Rita Reporter <reporter@reporter.example>\r\n\
    To: security@desk.example\r\n\
    Message-ID: <generated@reporter.example>\r\n\
    MIME-Version: 1.0\r\n";

#[test]
fn a_30_mb_mail_is_refused_as_too_large() {
    let mut raw = format!("{HEADERS}Subject: Vulnerability, with a big log\r\n\r\n").into_bytes();
    let line = [b'A'; 76];
    while raw.len() < 30 * 1024 * 1024 {
        raw.extend_from_slice(&line);
        raw.extend_from_slice(b"\r\n");
    }
    let size = raw.len();
    let limits = test_limits();
    assert!(size > limits.max_message_bytes);
    assert_eq!(
        secdesk::message::parse(&raw, &limits).map(|_| ()),
        Err(ParseError::TooLarge {
            size,
            limit: limits.max_message_bytes
        })
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "huge.eml", &raw);
    let error = timed_parse(&path).expect_err("over the size limit");
    let message = error.to_string();
    assert!(matches!(error, CliError::Parse { .. }), "{error:?}");
    assert!(
        message.contains(&size.to_string()) && message.contains("limits.max_message_bytes"),
        "{message}"
    );
}

#[test]
fn a_mail_with_5000_parts_is_refused() {
    let mut raw = format!(
        "{HEADERS}Subject: many parts\r\nContent-Type: multipart/mixed; boundary=\"p\"\r\n\r\n"
    );
    for i in 0..5000 {
        raw.push_str(&format!(
            "--p\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n"
        ));
    }
    raw.push_str("--p--\r\n");
    let limits = test_limits();
    assert!(matches!(
        secdesk::message::parse(raw.as_bytes(), &limits),
        Err(ParseError::TooManyParts { limit: 1000, .. })
    ));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "parts.eml", raw.as_bytes());
    let error = timed_parse(&path).expect_err("over the parts limit");
    assert!(error.to_string().contains("limits.max_parts"), "{error}");
}

#[test]
fn a_2_mb_single_line_html_mail_is_read_in_time() {
    let mut html = String::from(
        "<html><body><p>Vulnerability: server-side request forgery in the image proxy.</p>\
         <p>CVSS:3.1/AV:N/AC:<b>L</b>/PR:N/UI:N/S:U/C:H/I:L/A:N</p><table>",
    );
    let row = "<tr><td class=\"c\">row</td><td>lorem ipsum dolor sit amet, consectetur \
               adipiscing elit &amp; more</td></tr>";
    while html.len() < 2 * 1024 * 1024 {
        html.push_str(row);
    }
    html.push_str("</table></body></html>");
    assert!(!html.contains('\n'));
    let raw = format!(
        "{HEADERS}Subject: Vulnerability report\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_temp(&dir, "html.eml", raw.as_bytes());
    let out = timed_parse(&path).expect("a big HTML mail parses");
    assert_eq!(out.kind, "vulnerability");
    assert_eq!(
        vector(&out),
        Some("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N")
    );
    assert!(check_invariants(&out).is_empty());
}

// ---- the built binary, end to end ----

/// Runs the binary in a directory of its own (no `secdesk.toml` there, no
/// `SECDESK_*` from the environment).
fn secdesk(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_secdesk"));
    command.args(args).current_dir(dir);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("SECDESK_") {
            command.env_remove(name);
        }
    }
    let output = command.output().expect("run secdesk");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "secdesk panicked: {stderr}");
    output
}

const PARSE_KEYS: [&str; 15] = [
    "kind",
    "kind_basis",
    "kind_quote",
    "language",
    "subject",
    "from",
    "description",
    "cve_ids",
    "cvss",
    "cvss_vectors",
    "reported_score",
    "remediation",
    "customer_message",
    "missing",
    "auto_submitted",
];

#[test]
fn binary_parse_json_has_exactly_the_documented_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let no_config = dir.path().join("absent.toml");
    let no_config = no_config.to_str().expect("utf-8 path");
    let expected_keys: BTreeSet<&str> = PARSE_KEYS.into_iter().collect();
    for file in [
        "italian_windows1252.eml",
        "html_deep_nested_split_vector.eml",
        "forwarded_rfc822.eml",
        "bounce_multipart_report.eml",
        "binary_garbage.eml",
    ] {
        let path = nasty_dir().join(file);
        let path = path.to_str().expect("utf-8 path");
        let output = secdesk(
            dir.path(),
            &["--config", no_config, "parse", path, "--json"],
        );
        assert!(
            output.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let json: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("parse --json prints JSON");
        let keys: BTreeSet<&str> = json
            .as_object()
            .expect("a JSON object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, expected_keys, "{file}");
        let library = parse_file(Path::new(path), &test_limits(), "").expect("parses");
        assert_eq!(json["kind"], library.kind, "{file}");
        assert_eq!(json["subject"], library.subject.as_str(), "{file}");
    }
}

#[test]
fn binary_parse_of_an_unparseable_mail_fails_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let no_config = dir.path().join("absent.toml");
    let no_config = no_config.to_str().expect("utf-8 path");
    for (file, reason) in [
        (nasty_dir().join("empty.eml"), "no header lines"),
        (dir.path().join("absent.eml"), "cannot read"),
    ] {
        let path = file.to_str().expect("utf-8 path");
        let output = secdesk(
            dir.path(),
            &["--config", no_config, "parse", path, "--json"],
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{path}: exit 0");
        assert!(output.stdout.is_empty(), "{path}: printed a result");
        assert!(stderr.contains(reason) && stderr.contains(path), "{stderr}");
    }
}

#[test]
fn binary_check_config_names_the_bad_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text, named) in [
        ("port.toml", "[imap]\nport = 0\n", "imap.port"),
        ("typo.toml", "[imap]\nprot = 993\n", "imap.prot"),
        ("type.toml", "[desk]\naddress = 5\n", "desk.address"),
        ("syntax.toml", "[imap\nport = 1\n", "invalid TOML"),
    ] {
        let path = write_temp(&dir, name, text.as_bytes());
        let path = path.to_str().expect("utf-8 path");
        let output = secdesk(dir.path(), &["--config", path, "check-config"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{name}: exit 0");
        assert!(stderr.contains(named), "{name}: {stderr}");
    }
}
