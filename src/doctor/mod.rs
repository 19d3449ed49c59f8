//! `secdesk doctor`: the config checked against the real servers, one line
//! per check, each failure with the config key to fix.
//!
//! `check-config` reads the file; the doctor goes on and talks to what the
//! file names: it resolves the mail hosts, asks the `[dns]` resolvers, makes
//! a TLS handshake with each server and reads its certificate, logs in to
//! IMAP and looks at the folders read-only (EXAMINE), greets SMTP and logs
//! in (nothing is sent), opens the database and compares its migrations
//! with the ones this build carries (nothing is migrated), reads and
//! unlocks the desk's OpenPGP key, and renders every template. Every check has a time limit (the config's own where
//! there is one) and runs whatever the others found, so one run lists
//! everything that is wrong.
//!
//! Functional core, imperative shell: the checks below measure (a
//! connection, a certificate, a list of migrations) and the `judge_*`
//! functions, pure and unit-tested, turn what was measured into a [`Line`].

mod tls;

pub use tls::TlsFailure;

use std::fmt;
use std::net::IpAddr;
use std::path::Path;
use std::time::Duration;

use crate::authenticate::{DnsAnswer, Verifier};
use crate::config::{Config, DnsConfig, ENV_PREFIX, Encryption, ImapConfig, SmtpConfig};
use crate::mailbox::MailboxError;
use crate::outbox::smtp::{Failure, Probed, Stage};
use crate::outbox::templates::{REQUIRED, TemplateError, Templates};
use crate::store::{SchemaHistory, Store};
use tls::{Handshake, Protocol};

/// Longest wait for a check that has no timeout of its own in the config
/// (the database, resolving the mail hosts).
const CHECK_TIMEOUT: Duration = Duration::from_secs(10);

/// A server certificate that expires sooner than this is warned of.
const EXPIRY_WARNING_DAYS: i64 = 30;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// Works now, but needs attention (a certificate about to expire,
    /// migrations the daemon will apply at start).
    Warn,
    Fail,
    /// Not run: what it needs failed (no login, no mailbox to look into).
    Skip,
}

impl Status {
    /// The first column, one width for all.
    fn label(self) -> &'static str {
        match self {
            Status::Ok => "ok  ",
            Status::Warn => "warn",
            Status::Fail => "FAIL",
            Status::Skip => "skip",
        }
    }
}

/// One line of the doctor's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub status: Status,
    /// What was checked: `imap login`, `tls smtp`, `migrations`.
    pub check: String,
    /// What was found, or what went wrong.
    pub found: String,
    /// What to do about it, naming the config key (warnings and failures).
    pub fix: Option<String>,
}

impl Line {
    pub fn ok(check: impl Into<String>, found: impl Into<String>) -> Line {
        Line::new(Status::Ok, check, found, None)
    }

    pub fn warn(
        check: impl Into<String>,
        found: impl Into<String>,
        fix: impl Into<String>,
    ) -> Line {
        Line::new(Status::Warn, check, found, Some(fix.into()))
    }

    pub fn fail(
        check: impl Into<String>,
        found: impl Into<String>,
        fix: impl Into<String>,
    ) -> Line {
        Line::new(Status::Fail, check, found, Some(fix.into()))
    }

    pub fn skip(check: impl Into<String>, why: impl Into<String>) -> Line {
        Line::new(Status::Skip, check, why, None)
    }

    fn new(
        status: Status,
        check: impl Into<String>,
        found: impl Into<String>,
        fix: Option<String>,
    ) -> Line {
        Line {
            status,
            check: check.into(),
            found: found.into(),
            fix,
        }
    }
}

impl fmt::Display for Line {
    /// `ok   check: found`, or `FAIL check: found — fix`; one line even
    /// when a server's message had several.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        write!(
            f,
            "{} {}: {}",
            self.status.label(),
            self.check,
            one_line(&self.found)
        )?;
        if let Some(fix) = &self.fix {
            write!(f, " — {}", one_line(fix))?;
        }
        Ok(())
    }
}

/// Whether the report has a failure (the command then exits non-zero).
pub fn failed(lines: &[Line]) -> bool {
    lines.iter().any(|l| l.status == Status::Fail)
}

/// `imap.password (SECDESK_IMAP_PASSWORD)`: the key and the variable that
/// sets it, as every fix names them.
pub fn key(dotted: &str) -> String {
    let variable = dotted.replace('.', "_").to_ascii_uppercase();
    format!("{dotted} ({ENV_PREFIX}{variable})")
}

/// Every check for the config at `path`, in a fixed order. A config that
/// cannot be read is the only line: nothing else can be checked.
pub async fn run(path: &Path) -> Vec<Line> {
    let config = match Config::load(path) {
        Ok(config) => config,
        Err(errors) => {
            let problems: Vec<String> = errors.0.iter().map(|e| e.to_string()).collect();
            return vec![Line::fail(
                "config",
                format!("{} is invalid: {}", path.display(), problems.join("; ")),
                "fix the keys named (secdesk check-config lists them one per line)",
            )];
        }
    };
    crate::install_crypto_provider();
    let mut lines = vec![Line::ok("config", format!("{} is valid", path.display()))];
    let (templates, database, dns, tls_imap, tls_smtp, imap, smtp) = futures::join!(
        async {
            vec![
                check_templates(&config.desk.templates_dir),
                check_http(&config.http).await,
            ]
        },
        check_database(&config),
        check_dns(&config),
        check_tls_imap(&config.imap),
        check_tls_smtp(&config.smtp),
        check_imap(&config.imap),
        check_smtp(&config.smtp),
    );
    for group in [
        templates,
        vec![check_pgp(&config)],
        database,
        dns,
        tls_imap,
        tls_smtp,
        imap,
        smtp,
    ] {
        lines.extend(group);
    }
    lines
}

// ----------------------------------------------------------- the checks

fn check_templates(dir: &Path) -> Line {
    let loaded =
        Templates::load(dir).and_then(|_| crate::web::status::StatusPages::load(dir).map(|_| ()));
    match loaded {
        Ok(_) => Line::ok(
            "templates",
            format!(
                "{} templates, each in en and it, render ({})",
                REQUIRED.len(),
                dir.display()
            ),
        ),
        Err(e) => judge_templates(dir, &e),
    }
}

/// `[http]`: the listener's address is free, or a secdesk daemon answers
/// there already; status links in clear to a public host are warned of.
async fn check_http(http: &crate::config::HttpConfig) -> Line {
    let Some(addr) = http.listen else {
        return Line::ok(
            "http",
            "off (no http.listen): no status pages, metrics or health checks",
        );
    };
    let url = http.public_url.clone().unwrap_or_default();
    let in_clear = url.starts_with("http://")
        && !crate::config::is_loopback(
            url.trim_start_matches("http://")
                .split(['/', ':'])
                .next()
                .unwrap_or_default(),
        );
    let listening = match tokio::net::TcpListener::bind(addr).await {
        Ok(_) => Ok(format!("{addr} is free for the listener")),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            if answers_healthz(addr).await {
                Ok(format!("a secdesk daemon answers on {addr}"))
            } else {
                Err(format!("{addr} is taken by another program"))
            }
        }
        Err(e) => Err(format!("cannot listen on {addr}: {e}")),
    };
    match (listening, in_clear) {
        (Err(found), _) => Line::fail(
            "http",
            found,
            format!("choose a free address in {}", key("http.listen")),
        ),
        (Ok(found), true) => Line::warn(
            "http",
            format!("{found}; status links are {url}/status/..., in clear"),
            format!(
                "put TLS in front and set {} to its https:// address",
                key("http.public_url")
            ),
        ),
        (Ok(found), false) => Line::ok("http", format!("{found}; status links {url}/status/...")),
    }
}

async fn answers_healthz(addr: std::net::SocketAddr) -> bool {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let attempt = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: doctor\r\nConnection: close\r\n\r\n")
            .await
            .ok()?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await.ok()?;
        Some(answer.starts_with(b"HTTP/1.1 200") && answer.ends_with(b"ok\n"))
    };
    tokio::time::timeout(Duration::from_secs(5), attempt)
        .await
        .ok()
        .flatten()
        .unwrap_or(false)
}

/// The desk's key read and unlocked as the daemon does at start.
fn check_pgp(config: &Config) -> Line {
    let Some(file) = &config.pgp.key_file else {
        return Line::ok(
            "pgp",
            "off (no pgp.key_file): encrypted reports stay ciphertext",
        );
    };
    match crate::daemon::load_pgp(&config.pgp, std::time::SystemTime::now()) {
        Ok(Some(desk)) => {
            let now = std::time::SystemTime::now();
            let found = format!(
                "desk key {} ({}) unlocks; {} known keys",
                desk.key.fingerprint(),
                file.display(),
                desk.keyring.len()
            );
            let soon = now + Duration::from_secs(EXPIRY_WARNING_DAYS as u64 * 86_400);
            match desk.key.expires_at(now) {
                Some(expires) if expires < soon => Line::warn(
                    "pgp",
                    format!("{found}; it expires within {EXPIRY_WARNING_DAYS} days"),
                    "extend the key's expiry and publish the public key again",
                ),
                _ => Line::ok("pgp", found),
            }
        }
        Ok(None) => Line::ok("pgp", "off"),
        Err(crate::daemon::RunError::Pgp { key: name, problem }) => {
            let fix = if problem.contains("passphrase") {
                format!("check {} and {}", key(name), key("pgp.passphrase"))
            } else {
                format!("fix {}", key(name))
            };
            Line::fail("pgp", problem, fix)
        }
        Err(other) => Line::fail(
            "pgp",
            other.to_string(),
            format!("fix {}", key("pgp.key_file")),
        ),
    }
}

async fn check_database(config: &Config) -> Vec<Line> {
    let url = &config.database.url;
    let shown = secdesk_store::redact_url(url.expose());
    if let Some(file) = crate::store::sqlite_file(url.expose())
        && !file.exists()
    {
        // opening would create it: the doctor changes nothing
        return vec![
            Line::warn(
                "database",
                format!("{} does not exist yet", file.display()),
                "`secdesk migrate` or the first `secdesk run` creates it \
                 (its folder must be writable); or fix database.url (SECDESK_DATABASE_URL)",
            ),
            Line::skip("migrations", "no database yet"),
        ];
    }
    let opened = tokio::time::timeout(CHECK_TIMEOUT, async {
        Store::reachable(url).await?;
        Store::connect(url, 1).await
    })
    .await;
    let store = match opened {
        Ok(Ok(store)) => store,
        Ok(Err(e)) => {
            return vec![
                judge_database_error(&e.to_string()),
                Line::skip("migrations", "no database"),
            ];
        }
        Err(_) => {
            return vec![
                judge_database_error(&format!(
                    "{shown} did not answer within {}s",
                    CHECK_TIMEOUT.as_secs()
                )),
                Line::skip("migrations", "no database"),
            ];
        }
    };
    let history = tokio::time::timeout(CHECK_TIMEOUT, store.schema_history()).await;
    store.close().await;
    let migrations = match history {
        Ok(Ok(history)) => judge_schema(&history),
        Ok(Err(e)) => Line::fail(
            "migrations",
            format!("cannot read the applied migrations: {e}"),
            "check that database.url (SECDESK_DATABASE_URL) names secdesk's database \
             and its user may read it",
        ),
        Err(_) => Line::fail(
            "migrations",
            format!("no answer within {}s", CHECK_TIMEOUT.as_secs()),
            "check the database server's load and locks",
        ),
    };
    vec![
        Line::ok("database", format!("{shown} opens ({:?})", store.backend())),
        migrations,
    ]
}

async fn check_dns(config: &Config) -> Vec<Line> {
    let mut lines = Vec::new();
    for (section, host, port) in [
        ("imap", config.imap.host.as_str(), config.imap.port),
        ("smtp", config.smtp.host.as_str(), config.smtp.port),
    ] {
        lines.push(resolve(section, host, port).await);
    }
    // a name of the desk's own domain that DKIM and DMARC checks ask for:
    // a record or "no such name", either proves the resolver answers
    let domain = config
        .desk
        .address
        .rsplit_once('@')
        .map_or("example.com", |(_, d)| d);
    let name = format!("_dmarc.{domain}");
    if config.dns.servers.is_empty() {
        lines.push(ask_resolver("dns resolver (system)", &config.dns, &name).await);
    } else {
        for server in &config.dns.servers {
            let one = DnsConfig {
                servers: vec![*server],
                cache_entries: 0,
                ..config.dns.clone()
            };
            lines.push(ask_resolver(&format!("dns resolver {server}"), &one, &name).await);
        }
    }
    lines
}

async fn resolve(section: &str, host: &str, port: u16) -> Line {
    let check = format!("dns {section}.host");
    if host.trim_matches(['[', ']']).parse::<IpAddr>().is_ok() {
        return Line::ok(check, format!("{host} is an address, nothing to resolve"));
    }
    let found = tokio::time::timeout(CHECK_TIMEOUT, tokio::net::lookup_host((host, port))).await;
    let result = match found {
        Ok(Ok(addrs)) => Ok(addrs.map(|a| a.ip()).collect::<Vec<_>>()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!("no answer within {}s", CHECK_TIMEOUT.as_secs())),
    };
    judge_resolved(section, host, result)
}

async fn ask_resolver(check: &str, dns: &DnsConfig, name: &str) -> Line {
    let verifier = match Verifier::new(dns) {
        Ok(v) => v,
        Err(e) => return Line::fail(check, e.to_string(), format!("set {}", key("dns.servers"))),
    };
    let limit = Duration::from_millis(dns.timeout_ms)
        .saturating_mul(dns.attempts.max(1))
        .saturating_add(Duration::from_secs(1));
    let answer = match tokio::time::timeout(limit, verifier.probe_txt(name)).await {
        Ok(answer) => answer,
        Err(_) => DnsAnswer::NoAnswer(format!("no answer within {} ms", limit.as_millis())),
    };
    judge_dns_answer(check, name, dns.servers.is_empty(), &answer)
}

async fn check_tls_imap(cfg: &ImapConfig) -> Vec<Line> {
    // IMAP has no EHLO
    let hello = "";
    vec![
        check_tls(
            "imap",
            Protocol::Imap,
            &cfg.host,
            cfg.port,
            cfg.encryption,
            cfg.ca_file.as_deref(),
            cfg.timeout_secs,
            hello,
        )
        .await,
    ]
}

async fn check_tls_smtp(cfg: &SmtpConfig) -> Vec<Line> {
    let hello = lettre::transport::smtp::extension::ClientId::default().to_string();
    vec![
        check_tls(
            "smtp",
            Protocol::Smtp,
            &cfg.host,
            cfg.port,
            cfg.encryption,
            cfg.ca_file.as_deref(),
            cfg.timeout_secs,
            &hello,
        )
        .await,
    ]
}

#[allow(clippy::too_many_arguments)]
async fn check_tls(
    section: &str,
    protocol: Protocol,
    host: &str,
    port: u16,
    encryption: Encryption,
    ca_file: Option<&Path>,
    timeout_secs: u64,
    hello: &str,
) -> Line {
    let check = format!("tls {section}");
    if encryption == Encryption::None {
        return if crate::config::is_loopback(host) {
            Line::ok(check, format!("none: plaintext to {host}, this machine"))
        } else {
            Line::warn(
                check,
                format!("none: the password and every mail cross the network to {host} in clear"),
                format!(
                    "set {} to \"tls\" or \"starttls\"",
                    key(&format!("{section}.encryption"))
                ),
            )
        };
    }
    let limit = Duration::from_secs(timeout_secs.max(1));
    let attempt = tls::handshake(protocol, host, port, encryption, ca_file, hello);
    let handshake = match tokio::time::timeout(limit, attempt).await {
        Ok(handshake) => handshake,
        Err(_) => Handshake {
            leaf: None,
            outcome: Err(TlsFailure::Connect(format!(
                "no answer from {host}:{port} within {}s",
                limit.as_secs()
            ))),
        },
    };
    let certificate = handshake.leaf.as_deref().map(certificate_facts);
    let now = chrono::Utc::now().timestamp();
    match (&handshake.outcome, certificate) {
        (Ok(version), Some(Ok(cert))) => judge_certificate(section, host, version, &cert, now),
        (Ok(version), Some(Err(e))) => Line::warn(
            check,
            format!("{version} handshake verified, but the certificate cannot be read: {e}"),
            "nothing to do for the desk; tell the server's admin",
        ),
        (Ok(version), None) => Line::ok(check, format!("{version}, certificate verified")),
        (Err(failure), cert) => {
            let cert = cert.and_then(Result::ok);
            judge_tls_failure(section, host, port, ca_file, failure, cert.as_ref())
        }
    }
}

async fn check_imap(cfg: &ImapConfig) -> Vec<Line> {
    let mut session = match crate::mailbox::connect(cfg).await {
        Ok(session) => session,
        Err(e) => {
            let mut lines = vec![judge_imap_login(cfg, &e)];
            lines.extend(
                imap_folders(cfg)
                    .into_iter()
                    .map(|(check, _, _)| Line::skip(check, "no IMAP login")),
            );
            return lines;
        }
    };
    let mut lines = vec![Line::ok(
        "imap login",
        format!("logged in as {} at {}:{}", cfg.username, cfg.host, cfg.port),
    )];
    let limit = Duration::from_secs(cfg.timeout_secs.max(1));
    for (check, folder, required) in imap_folders(cfg) {
        // EXAMINE: read-only, so nothing (not even \Recent) changes
        let examined = tokio::time::timeout(limit, session.examine(&folder)).await;
        let result = match examined {
            Ok(Ok(mailbox)) => Ok(mailbox.exists),
            Ok(Err(e)) => Err(server_said(&e.to_string())),
            Err(_) => Err(format!("no answer within {}s", limit.as_secs())),
        };
        lines.push(judge_folder(&check, &folder, required, result));
    }
    let _ = tokio::time::timeout(limit, session.logout()).await;
    lines
}

/// The folders the desk uses: (check, folder, whether the desk needs it to
/// exist; the others it creates at start).
fn imap_folders(cfg: &ImapConfig) -> Vec<(String, String, bool)> {
    let mut folders = vec![("imap mailbox".to_string(), cfg.mailbox.clone(), true)];
    if let Some(processed) = &cfg.processed_folder {
        folders.push(("imap processed_folder".into(), processed.clone(), false));
    }
    folders.push(("imap sent_folder".into(), cfg.sent_folder.clone(), false));
    folders
}

async fn check_smtp(cfg: &SmtpConfig) -> Vec<Line> {
    let pool = match crate::outbox::sender::transport(cfg) {
        Ok(pool) => pool,
        Err(e) => {
            return vec![Line::fail(
                "smtp",
                e.to_string(),
                format!("fix {}", key("smtp.ca_file")),
            )];
        }
    };
    vec![judge_smtp(cfg, pool.probe().await)]
}

// ------------------------------------------------- measured -> verdict

/// What the doctor reads from a server's certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateFacts {
    pub subject: String,
    pub issuer: String,
    /// The DNS names and addresses it is for (subjectAltName).
    pub names: Vec<String>,
    /// When it stops being valid, unix seconds.
    pub not_after: i64,
}

/// Parse a DER certificate into what the report shows.
pub fn certificate_facts(der: &[u8]) -> Result<CertificateFacts, String> {
    use x509_cert::der::Decode;
    use x509_cert::ext::pkix::SubjectAltName;
    use x509_cert::ext::pkix::name::GeneralName;

    let cert = x509_cert::Certificate::from_der(der).map_err(|e| e.to_string())?;
    let tbs = cert.tbs_certificate();
    let names = match tbs.get_extension::<SubjectAltName>() {
        Ok(Some((_, san))) => san
            .0
            .iter()
            .filter_map(|name| match name {
                GeneralName::DnsName(dns) => Some(dns.to_string()),
                GeneralName::IpAddress(ip) => ip_text(ip.as_bytes()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    // a name given twice (an IP as both the host's and loopback's) once
    let mut names: Vec<String> = names;
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    let not_after = tbs.validity().not_after.to_unix_duration().as_secs();
    Ok(CertificateFacts {
        subject: tbs.subject().to_string(),
        issuer: tbs.issuer().to_string(),
        names,
        not_after: i64::try_from(not_after).unwrap_or(i64::MAX),
    })
}

fn ip_text(bytes: &[u8]) -> Option<String> {
    match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes)
            .ok()
            .map(|b| IpAddr::from(b).to_string()),
        16 => <[u8; 16]>::try_from(bytes)
            .ok()
            .map(|b| IpAddr::from(b).to_string()),
        _ => None,
    }
}

fn date(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map_or_else(|| unix.to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// A verified handshake: ok, or a warning when the certificate expires
/// within [`EXPIRY_WARNING_DAYS`].
pub fn judge_certificate(
    section: &str,
    host: &str,
    version: &str,
    cert: &CertificateFacts,
    now: i64,
) -> Line {
    let check = format!("tls {section}");
    let days = (cert.not_after - now).div_euclid(86_400);
    let names = if cert.names.is_empty() {
        cert.subject.clone()
    } else {
        cert.names.join(", ")
    };
    let found = format!(
        "{version}, certificate for {names} (issued by {}), valid for {host}, \
         {days} more days (until {})",
        cert.issuer,
        date(cert.not_after)
    );
    if cert.not_after <= now {
        Line::fail(
            check,
            format!(
                "the certificate of {host} expired on {}",
                date(cert.not_after)
            ),
            "renew the server's certificate",
        )
    } else if days < EXPIRY_WARNING_DAYS {
        Line::warn(
            check,
            found,
            "renew the server's certificate before it expires: the desk will refuse it then",
        )
    } else {
        Line::ok(check, found)
    }
}

/// A handshake that failed, with the certificate the server showed if it
/// got that far.
pub fn judge_tls_failure(
    section: &str,
    host: &str,
    port: u16,
    ca_file: Option<&Path>,
    failure: &TlsFailure,
    cert: Option<&CertificateFacts>,
) -> Line {
    use rustls::{CertificateError, Error};

    let check = format!("tls {section}");
    let ca_key = key(&format!("{section}.ca_file"));
    let shown = cert.map_or_else(String::new, |c| {
        format!(" (certificate of {}, issued by {})", c.subject, c.issuer)
    });
    match failure {
        TlsFailure::Connect(message) => Line::fail(
            check,
            message.clone(),
            format!(
                "check {}, {} and {}",
                key(&format!("{section}.host")),
                key(&format!("{section}.port")),
                key(&format!("{section}.encryption"))
            ),
        ),
        TlsFailure::CaFile(message) => Line::fail(
            check,
            format!("{section}.ca_file: {message}"),
            format!(
                "set {ca_key} to a readable PEM file of the CA that signed the server's certificate"
            ),
        ),
        TlsFailure::Handshake(Error::InvalidCertificate(problem)) => match problem {
            CertificateError::UnknownIssuer | CertificateError::BadSignature => {
                let fix = match ca_file {
                    Some(file) => format!(
                        "the CAs in {} did not sign it either: put the CA that did in {ca_key}",
                        file.display()
                    ),
                    None => format!(
                        "set {ca_key} to the PEM file of the CA that signed it \
                         (a self-signed or private CA)"
                    ),
                };
                Line::fail(
                    check,
                    format!("{host}:{port} shows a certificate no trusted CA signed{shown}"),
                    fix,
                )
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                let names = cert.map_or_else(String::new, |c| c.names.join(", "));
                Line::fail(
                    check,
                    format!("the certificate of {host}:{port} is for {names}, not for {host}"),
                    format!(
                        "set {} to a name the certificate holds",
                        key(&format!("{section}.host"))
                    ),
                )
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => Line::fail(
                check,
                format!(
                    "the certificate of {host}:{port} has expired{}",
                    cert.map_or_else(String::new, |c| format!(" on {}", date(c.not_after)))
                ),
                "renew the server's certificate",
            ),
            other => Line::fail(
                check,
                format!("{host}:{port} shows a certificate the desk refuses: {other:?}{shown}"),
                "fix the server's certificate",
            ),
        },
        TlsFailure::Handshake(other) => Line::fail(
            check,
            format!("TLS handshake with {host}:{port} failed: {other}"),
            format!(
                "check that {} ({}) is what the server speaks on that port",
                key(&format!("{section}.encryption")),
                port
            ),
        ),
        TlsFailure::Other(message) => Line::fail(
            check,
            format!("TLS with {host}:{port} failed: {message}"),
            format!(
                "check {} and {}",
                key(&format!("{section}.port")),
                key(&format!("{section}.encryption"))
            ),
        ),
    }
}

pub fn judge_templates(dir: &Path, error: &TemplateError) -> Line {
    let dir_key = key("desk.templates_dir");
    match error {
        TemplateError::Read { .. } => Line::fail(
            "templates",
            error.to_string(),
            format!(
                "set {dir_key} to the folder holding NAME.en.txt and NAME.it.txt \
                 for every template (now {})",
                dir.display()
            ),
        ),
        TemplateError::Invalid { name, .. } => Line::fail(
            "templates",
            error.to_string(),
            format!("fix {name} in {} ({dir_key})", dir.display()),
        ),
    }
}

fn judge_database_error(message: &str) -> Line {
    Line::fail(
        "database",
        message.to_string(),
        format!(
            "check {} and that the database server runs and lets that user in",
            key("database.url")
        ),
    )
}

/// Compare what the database applied with what this build carries.
pub fn judge_schema(history: &SchemaHistory) -> Line {
    let name = |version: i64, description: &str| format!("{version:04} {description}");
    let migrate = "run `secdesk migrate` (the daemon also migrates when it starts)";
    let Some(applied) = &history.applied else {
        return Line::warn(
            "migrations",
            format!(
                "none applied yet, {} pending (a new database)",
                history.known.len()
            ),
            migrate,
        );
    };
    if let Some(broken) = applied.iter().find(|m| !m.success) {
        return Line::fail(
            "migrations",
            format!(
                "migration {} failed part-way",
                name(broken.version, &broken.description)
            ),
            "repair the schema by hand (the database's log says what failed), \
             remove its row from _sqlx_migrations, then run `secdesk migrate`",
        );
    }
    let unknown: Vec<String> = applied
        .iter()
        .filter(|a| !history.known.iter().any(|k| k.version == a.version))
        .map(|a| name(a.version, &a.description))
        .collect();
    if !unknown.is_empty() {
        return Line::fail(
            "migrations",
            format!(
                "the database has migrations this build does not know: {}",
                unknown.join(", ")
            ),
            "run the secdesk release that applied them, or a newer one",
        );
    }
    let changed: Vec<String> = applied
        .iter()
        .filter(|a| {
            history
                .known
                .iter()
                .any(|k| k.version == a.version && k.checksum != a.checksum)
        })
        .map(|a| name(a.version, &a.description))
        .collect();
    if !changed.is_empty() {
        return Line::fail(
            "migrations",
            format!(
                "applied migrations differ from this build's: {}",
                changed.join(", ")
            ),
            "run the secdesk release that applied them: this build's schema is not that one",
        );
    }
    let pending: Vec<String> = history
        .known
        .iter()
        .filter(|k| !applied.iter().any(|a| a.version == k.version))
        .map(|k| name(k.version, &k.description))
        .collect();
    if !pending.is_empty() {
        return Line::warn(
            "migrations",
            format!("{} pending: {}", pending.len(), pending.join(", ")),
            migrate,
        );
    }
    let latest = history.known.last().map_or_else(String::new, |k| {
        format!(", the latest {}", name(k.version, &k.description))
    });
    Line::ok(
        "migrations",
        format!("schema current: {} applied{latest}", applied.len()),
    )
}

pub fn judge_resolved(section: &str, host: &str, result: Result<Vec<IpAddr>, String>) -> Line {
    let check = format!("dns {section}.host");
    let fix = format!(
        "check {} and the system's resolver (/etc/resolv.conf)",
        key(&format!("{section}.host"))
    );
    match result {
        Ok(addresses) if addresses.is_empty() => {
            Line::fail(check, format!("{host} has no address"), fix)
        }
        Ok(addresses) => {
            let mut shown: Vec<String> = addresses.iter().map(IpAddr::to_string).collect();
            shown.dedup();
            Line::ok(check, format!("{host} is {}", shown.join(", ")))
        }
        Err(e) => Line::fail(check, format!("cannot resolve {host}: {e}"), fix),
    }
}

pub fn judge_dns_answer(check: &str, name: &str, system: bool, answer: &DnsAnswer) -> Line {
    match answer {
        DnsAnswer::Records(bytes) => {
            Line::ok(check, format!("answers (TXT {name}: {bytes} bytes)"))
        }
        DnsAnswer::NoRecord(code) => Line::ok(check, format!("answers (TXT {name}: none, {code})")),
        DnsAnswer::NoAnswer(e) => Line::fail(
            check,
            format!("no answer for TXT {name}: {e}"),
            if system {
                format!(
                    "fix the system's resolver (/etc/resolv.conf) or set {} to one that answers",
                    key("dns.servers")
                )
            } else {
                format!(
                    "start that resolver, or fix {} (DKIM, SPF and DMARC are checked there)",
                    key("dns.servers")
                )
            },
        ),
    }
}

/// What the server said, out of async-imap's rendering of its answer
/// (`no response: code: None, info: Some("[AUTHENTICATIONFAILED] ...")`).
pub fn server_said(message: &str) -> String {
    let text = message
        .split_once("Some(\"")
        .and_then(|(_, rest)| rest.rsplit_once("\")"))
        .map_or(message, |(text, _)| text);
    // Dovecot's timing, "(0.001 + 0.007 + 0.006 secs).", tells a reader nothing
    let text = match text.rfind(" (") {
        Some(i) if text[i..].contains(" secs)") => &text[..i],
        _ => text,
    };
    text.replace("\\\"", "\"").trim().to_string()
}

pub fn judge_imap_login(cfg: &ImapConfig, error: &MailboxError) -> Line {
    match error {
        MailboxError::Login { message, .. } => Line::fail(
            "imap login",
            format!(
                "{} refused the login of {}: {}",
                cfg.host,
                cfg.username,
                server_said(message)
            ),
            format!(
                "check {} and {}",
                key("imap.username"),
                key("imap.password")
            ),
        ),
        other => {
            let text = other.to_string();
            let tls = if cfg.encryption == Encryption::None {
                String::new()
            } else {
                format!(
                    " (the tls imap line says more about TLS; {})",
                    key("imap.ca_file")
                )
            };
            Line::fail(
                "imap login",
                text,
                format!(
                    "check {}, {} and {}{tls}",
                    key("imap.host"),
                    key("imap.port"),
                    key("imap.encryption")
                ),
            )
        }
    }
}

/// A folder examined: its message count, or why it could not be opened.
pub fn judge_folder(
    check: &str,
    folder: &str,
    required: bool,
    result: Result<u32, String>,
) -> Line {
    let folder_key = key(&format!("imap.{}", check.trim_start_matches("imap ")));
    match result {
        Ok(count) => Line::ok(
            check,
            format!("{folder} exists, {count} messages (looked at read-only)"),
        ),
        Err(e) if required => Line::fail(
            check,
            format!("cannot open {folder}: {e}"),
            format!("set {folder_key} to a folder that exists (the desk does not create it)"),
        ),
        Err(e) => Line::warn(
            check,
            format!("cannot open {folder}: {e}"),
            format!(
                "nothing to do if the account may create folders (the desk creates \
                 {folder} at start); otherwise create it or set {folder_key}"
            ),
        ),
    }
}

pub fn judge_smtp(cfg: &SmtpConfig, result: Result<Probed, (Stage, Failure)>) -> Line {
    let place = format!("{}:{}", cfg.host, cfg.port);
    match result {
        Ok(probed) => {
            let mut steps = vec!["EHLO"];
            if cfg.encryption == Encryption::Starttls {
                steps.push("STARTTLS");
            }
            let login = match (&cfg.username, probed.logged_in) {
                (Some(user), true) => format!(", logged in as {user}"),
                _ => ", no login configured".to_string(),
            };
            Line::ok(
                "smtp",
                format!(
                    "{place} ({}) took {}{login}; nothing sent",
                    probed.server,
                    steps.join(", ")
                ),
            )
        }
        Err((Stage::Connect, failure)) => Line::fail(
            "smtp",
            failure.message,
            format!(
                "check {}, {} and {}{}",
                key("smtp.host"),
                key("smtp.port"),
                key("smtp.encryption"),
                if cfg.encryption == Encryption::Tls {
                    format!(" (the tls smtp line says more; {})", key("smtp.ca_file"))
                } else {
                    String::new()
                }
            ),
        ),
        Err((Stage::Starttls, failure)) => Line::fail(
            "smtp",
            format!("STARTTLS with {place} failed: {}", failure.message),
            format!(
                "see the tls smtp line; {} or {}",
                key("smtp.ca_file"),
                key("smtp.encryption")
            ),
        ),
        Err((Stage::Login, failure)) => Line::fail(
            "smtp",
            format!("{place} refused the login: {}", failure.message),
            format!(
                "check {} and {}",
                key("smtp.username"),
                key("smtp.password")
            ),
        ),
    }
}

#[cfg(test)]
mod tests;
