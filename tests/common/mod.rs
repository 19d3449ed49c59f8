//! The integration harness: a real Dovecot + Postfix per test (started by
//! `scripts/mailstack.sh` on ports of its own), a fresh SQLite file or
//! PostgreSQL database per test, and the daemon running in-process.
#![allow(dead_code)]

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use secdesk::config::Config;
use secdesk::shutdown::{self, ShutdownTrigger};
use secdesk::store::Store;

pub mod http;
pub mod process;

/// Run each `scenario(&stack, &db)` once per backend, each on its own
/// stack and database: `mod sqlite { fn scenario() }` and `mod postgres {...}`.
#[allow(unused_macros)]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let stack = super::common::Stack::start();
                    let db = super::common::TestDb::sqlite();
                    super::$name(&stack, &db).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(db) = super::common::TestDb::postgres().await else { return };
                    let stack = super::common::Stack::start();
                    super::$name(&stack, &db).await;
                    db.cleanup().await;
                }
            )*
        }
    };
}

pub const DESK: &str = "security@example.test";
pub const REPORTER: &str = "reporter@example.test";
pub const STAFF: &str = "staff@example.test";
pub const STRANGER: &str = "stranger@example.test";
/// A second staff member (case-work tests add them to the config).
pub const COLLEAGUE: &str = "colleague@example.test";
/// A third party staff bring in with `/cc`.
pub const VENDOR: &str = "vendor@example.test";
pub const PASSWORD: &str = "secret";

/// A labelled English report with a CVE, a CVSS 3.1 vector and a
/// mitigation: what most scenarios send.
pub const REPORT: &str = "Vulnerability: stored XSS in the profile page of ShopApp 4.2.\n\
CVE: CVE-2024-12345\n\
CVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N\n\
Mitigation: upgrade to 4.2.1\n\
\n\
Regards,\nRita";

/// `(direction, disposition, from)` of every message on a ticket.
pub async fn ticket_messages(store: &Store, number: &str) -> Vec<(String, String, Option<String>)> {
    store
        .ticket_detail(number)
        .await
        .expect("read the ticket")
        .map(|t| {
            t.messages
                .into_iter()
                .map(|m| (m.direction, m.disposition, m.from))
                .collect()
        })
        .unwrap_or_default()
}

/// How long any awaited condition may take before the test fails.
pub const PATIENCE: Duration = Duration::from_secs(30);

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A running mail stack of this test's own.
pub struct Stack {
    pub dir: PathBuf,
    pub env: HashMap<String, String>,
    pub imap_port: u16,
    pub imaps_port: u16,
    pub smtp_port: u16,
    /// The stack's own DNS server (dnsmasq): DKIM keys, SPF, DMARC.
    pub dns_port: u16,
    /// SMTP that signs with example.test's published key (OpenDKIM), as
    /// the staff's own outgoing server would.
    pub dkim_port: u16,
    /// SMTP that signs with another domain's key (d=elsewhere.test).
    pub dkim_other_port: u16,
    /// SMTP that signs with a key example.test has revoked in DNS.
    pub dkim_revoked_port: u16,
}

/// Free ports for one stack, below the kernel's ephemeral range
/// (32768–60999 on Linux): a port the kernel hands out for `:0` can be
/// taken again as the source port of any outgoing connection in the moment
/// between our check and the server's bind, and with eight ports per stack
/// and tests in parallel that happened. Below the range only our own tests
/// choose ports, and they take them in turn from one counter per process
/// (starting at a random place, so two test processes rarely meet); each is
/// checked by binding it.
fn free_ports(n: usize) -> Vec<u16> {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicU32, Ordering};
    const LOW: u32 = 20_000;
    const SPAN: u32 = 12_000;
    static NEXT: OnceLock<AtomicU32> = OnceLock::new();
    let next = NEXT.get_or_init(|| AtomicU32::new(rand::random::<u32>() % SPAN));
    let mut held = Vec::with_capacity(n);
    while held.len() < n {
        let port = (LOW + next.fetch_add(1, Ordering::Relaxed) % SPAN) as u16;
        if let Ok(listener) = TcpListener::bind(("127.0.0.1", port)) {
            held.push(listener);
        }
    }
    held.iter()
        .map(|l| l.local_addr().expect("local addr").port())
        .collect()
}

/// One free port for a listener of the test's own (the daemon's HTTP side),
/// from the same counter as the stacks' ports.
pub fn free_port() -> u16 {
    free_ports(1)[0]
}

impl Stack {
    pub fn start() -> Stack {
        Stack::start_with(&[])
    }

    /// [`Stack::start`] with more `MAILSTACK_*` settings, e.g.
    /// `MAILSTACK_CATCHALL` so mail to outside domains is kept, not refused.
    pub fn start_with(extra_env: &[(&str, &str)]) -> Stack {
        // A port can still be taken by something outside the tests between
        // the check and the bind; a stack that could not listen is started
        // again on other ports rather than failing the test.
        for _ in 0..2 {
            match Stack::try_start(extra_env) {
                Ok(stack) => return stack,
                Err(e) if e.contains("already in use") => continue,
                Err(e) => panic!("mailstack up failed:\n{e}"),
            }
        }
        Stack::try_start(extra_env).unwrap_or_else(|e| panic!("mailstack up failed:\n{e}"))
    }

    fn try_start(extra_env: &[(&str, &str)]) -> Result<Stack, String> {
        let ports = free_ports(8);
        let dir = PathBuf::from(format!("/tmp/sdt-{:016x}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir).expect("create the stack dir");
        let mut env: HashMap<String, String> = [
            ("MAILSTACK_DIR", dir.display().to_string()),
            ("MAILSTACK_IMAP_PORT", ports[0].to_string()),
            ("MAILSTACK_IMAPS_PORT", ports[1].to_string()),
            ("MAILSTACK_SMTP_PORT", ports[2].to_string()),
            ("MAILSTACK_SUBMISSION_PORT", ports[3].to_string()),
            // a real signer and a real DNS server: staff mail is proven by
            // DKIM the desk checks itself, never by a header a test writes
            ("MAILSTACK_DKIM", "1".to_string()),
            ("MAILSTACK_DNS_PORT", ports[4].to_string()),
            ("MAILSTACK_DKIM_PORT", ports[5].to_string()),
            ("MAILSTACK_DKIM_OTHER_PORT", ports[6].to_string()),
            ("MAILSTACK_DKIM_REVOKED_PORT", ports[7].to_string()),
            (
                "MAILSTACK_USERS",
                [
                    DESK,
                    REPORTER,
                    STAFF,
                    STRANGER,
                    "other@example.test",
                    COLLEAGUE,
                    VENDOR,
                ]
                .join(" "),
            ),
            ("MAILSTACK_PASSWORD", PASSWORD.to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .chain(
            extra_env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string())),
        )
        .collect();
        let out = Command::new(script())
            .arg("up")
            .envs(&env)
            .output()
            .expect("run scripts/mailstack.sh up");
        if !out.status.success() {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            if let Some((k, v)) = line.split_once('=') {
                env.insert(k.to_string(), v.trim_matches('\'').to_string());
            }
        }
        Ok(Stack {
            dir,
            env,
            imap_port: ports[0],
            imaps_port: ports[1],
            smtp_port: ports[2],
            dns_port: ports[4],
            dkim_port: ports[5],
            dkim_other_port: ports[6],
            dkim_revoked_port: ports[7],
        })
    }

    /// The daemon's `[dns]` section: this stack's DNS server only, so a
    /// test never depends on the machine's resolver.
    pub fn dns_section(&self) -> String {
        format!(
            "[dns]\nservers = [\"127.0.0.1:{}\"]\ntimeout_ms = 1000\n",
            self.dns_port
        )
    }

    pub fn ca_file(&self) -> PathBuf {
        self.dir.join("tls/ca.pem")
    }

    /// Run a mailstack.sh command on this stack (restart, down...).
    pub fn command(&self, cmd: &str) {
        let out = Command::new(script())
            .arg(cmd)
            .envs(&self.env)
            .output()
            .expect("run scripts/mailstack.sh");
        assert!(
            out.status.success(),
            "mailstack {cmd} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        let _ = Command::new(script()).arg("wipe").envs(&self.env).output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn script() -> PathBuf {
    std::env::var_os("SECDESK_MAILSTACK")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("scripts/mailstack.sh"))
}

/// A fresh database for one test.
pub enum TestDb {
    Sqlite {
        dir: tempfile::TempDir,
        url: String,
    },
    Postgres {
        admin: String,
        name: String,
        url: String,
    },
}

/// Say loudly that the running test is skipped: on the terminal (written
/// past the test harness's capture, which would hide it in a passing test)
/// and, for the summary of `scripts/test.sh`, as a line in the file named by
/// `SECDESK_SKIPPED_LOG`.
pub fn skipped(why: &str) {
    use std::io::Write;
    let test = std::thread::current()
        .name()
        .unwrap_or("an unnamed test")
        .to_string();
    let line = format!("SKIPPED {test}: {why}\n");
    let _ = std::io::stderr().write_all(line.as_bytes());
    if let Some(path) = std::env::var_os("SECDESK_SKIPPED_LOG")
        && let Ok(mut log) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
    {
        // one short write per line: appends from parallel tests stay whole
        let _ = log.write_all(line.as_bytes());
    }
}

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}/desk.db", dir.path().display());
        TestDb::Sqlite { dir, url }
    }

    /// A new database on the server named by `SECDESK_TEST_POSTGRES_URL`.
    /// `None` (the test is skipped, loudly) when that is unset outside CI.
    pub async fn postgres() -> Option<TestDb> {
        use sqlx::Connection;
        let admin = match std::env::var("SECDESK_TEST_POSTGRES_URL") {
            Ok(url) => url,
            Err(_) if std::env::var_os("CI").is_some() => {
                panic!("SECDESK_TEST_POSTGRES_URL must be set in CI")
            }
            Err(_) => {
                skipped("set SECDESK_TEST_POSTGRES_URL to run the PostgreSQL variant");
                return None;
            }
        };
        let name = format!("secdesk_t_{:016x}", rand::random::<u64>());
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin}: {e}"));
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await
            .expect("create a test database");
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let url = format!("{base}/{name}");
        Some(TestDb::Postgres { admin, name, url })
    }

    pub fn url(&self) -> &str {
        match self {
            TestDb::Sqlite { url, .. } | TestDb::Postgres { url, .. } => url,
        }
    }

    /// Drop a PostgreSQL test database (SQLite's goes with its temp dir).
    pub async fn cleanup(self) {
        use sqlx::Connection;
        if let TestDb::Postgres { admin, name, .. } = self
            && let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await
        {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut conn)
            .await;
        }
    }
}

/// How the daemon reaches the stack's servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain IMAP and SMTP (allowed: loopback).
    Plain,
    /// IMAPS (TLS from the first byte) and SMTP with STARTTLS, verified
    /// against the stack's own CA.
    Tls,
    /// IMAP and SMTP both upgraded with STARTTLS.
    Starttls,
}

/// One number from the test database, read with its own connection
/// (what the daemon stored, seen from outside).
pub async fn sql_i64(db: &TestDb, sql: &'static str) -> i64 {
    use sqlx::{Connection, Row};
    match db {
        TestDb::Sqlite { .. } => {
            let mut conn = sqlx::SqliteConnection::connect(db.url()).await.unwrap();
            sqlx::query(sql)
                .fetch_one(&mut conn)
                .await
                .expect(sql)
                .get::<i64, _>(0)
        }
        TestDb::Postgres { .. } => {
            let mut conn = sqlx::PgConnection::connect(db.url()).await.unwrap();
            sqlx::query(sql)
                .fetch_one(&mut conn)
                .await
                .expect(sql)
                .get::<i64, _>(0)
        }
    }
}

/// The daemon's config for a stack and a database.
pub fn test_config(stack: &Stack, db: &TestDb) -> Config {
    test_config_with(stack, db, Security::Plain, NO_STAFF_AUTH)
}

/// The local stack signs nothing: trust staff by address (core-loop tests).
pub const NO_STAFF_AUTH: &str = "authentication = \"none\"";

/// The staff side's config: staff proven by the desk's own DKIM and DMARC
/// checks (the default policy) against the stack's DNS; staff mail is
/// signed by the stack's OpenDKIM ([`Mail::send_signed`]).
pub fn staff_config(stack: &Stack, db: &TestDb) -> Config {
    test_config_with(stack, db, Security::Plain, "authentication = \"dkim\"")
}

pub fn test_config_with(
    stack: &Stack,
    db: &TestDb,
    security: Security,
    desk_extra: &str,
) -> Config {
    let ca = stack.ca_file().display().to_string();
    let (imap_port, imap_enc, smtp_enc) = match security {
        Security::Plain => (stack.imap_port, "none", "none"),
        Security::Tls => (stack.imaps_port, "tls", "starttls"),
        Security::Starttls => (stack.imap_port, "starttls", "starttls"),
    };
    let text = format!(
        r#"
[desk]
address = "{DESK}"
staff = ["{STAFF}"]
templates_dir = "{templates}"
{desk_extra}

[calendar]
time_zone = "Europe/Rome"
reminder_lead_hours = 2

[imap]
host = "127.0.0.1"
port = {imap_port}
encryption = "{imap_enc}"
ca_file = "{ca}"
username = "{DESK}"
password = "{PASSWORD}"
poll_interval_secs = 1

[smtp]
host = "127.0.0.1"
port = {smtp}
encryption = "{smtp_enc}"
ca_file = "{ca}"

[database]
url = "{url}"

{dns}

[limits]
# the CPU-time bound is set for release builds; tests run unoptimised code,
# often ten times slower, and test the bound itself with their own value
max_processing_ms = 30000
"#,
        templates = repo_root().join("templates").display(),
        smtp = stack.smtp_port,
        url = db.url(),
        dns = stack.dns_section(),
    );
    Config::from_toml_str(&text).unwrap_or_else(|e| panic!("test config invalid: {e}"))
}

/// The daemon, running in this process.
pub struct App {
    pub store: Store,
    /// Poke to make the triage clock look at once.
    pub triage_wake: std::sync::Arc<tokio::sync::Notify>,
    trigger: ShutdownTrigger,
    handle: tokio::task::JoinHandle<()>,
}

pub async fn spawn_app(config: Config) -> App {
    spawn_app_with_clock(config, std::sync::Arc::new(secdesk::clock::SystemClock)).await
}

pub async fn spawn_app_with_clock(
    config: Config,
    clock: std::sync::Arc<dyn secdesk::clock::Clock>,
) -> App {
    // the daemon's log shows with a failing test's output
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SECDESK_LOG")
                .unwrap_or_else(|_| "secdesk=debug".into()),
        )
        .try_init();
    let daemon = secdesk::Daemon::prepare_with_clock(config, clock)
        .await
        .expect("prepare the daemon");
    let store = daemon.store().clone();
    let triage_wake = daemon.triage_wake();
    let (trigger, shutdown) = shutdown::channel();
    let handle = tokio::spawn(daemon.run(shutdown));
    App {
        store,
        triage_wake,
        trigger,
        handle,
    }
}

impl App {
    /// Graceful stop (SIGTERM's path).
    pub async fn stop(self) {
        self.trigger.trigger();
        tokio::time::timeout(PATIENCE, self.handle)
            .await
            .expect("daemon stops within the patience")
            .expect("daemon task did not panic");
    }

    /// Stop like a crash: the task is dropped wherever it is.
    pub async fn kill(self) {
        self.handle.abort();
        let _ = self.handle.await;
    }
}

/// Submit a raw mail over SMTP to the stack's Postfix.
pub async fn send_raw(stack: &Stack, from: &str, to: &[&str], raw: &str) {
    send_raw_via(stack.smtp_port, from, to, raw).await;
}

/// Submit a raw mail to one of the stack's SMTP ports (the plain one, or
/// a signing one: `dkim_port`, `dkim_other_port`, `dkim_revoked_port`).
pub async fn send_raw_via(port: u16, from: &str, to: &[&str], raw: &str) {
    use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(port)
        .build();
    let envelope = lettre::address::Envelope::new(
        Some(from.parse().expect("from address")),
        to.iter().map(|t| t.parse().expect("to address")).collect(),
    )
    .expect("envelope");
    transport
        .send_raw(
            &envelope,
            raw.replace("\r\n", "\n").replace('\n', "\r\n").as_bytes(),
        )
        .await
        .expect("SMTP accepts the mail");
}

/// A mail to the desk, built the way a client would.
pub struct Mail<'a> {
    pub content_type: &'a str,
    pub from: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub message_id: String,
    pub headers: Vec<(&'a str, String)>,
}

impl<'a> Mail<'a> {
    pub fn new(from: &'a str, subject: &'a str, body: &'a str) -> Mail<'a> {
        Mail {
            content_type: "text/plain; charset=utf-8",
            from,
            subject,
            body,
            message_id: format!("t{:016x}@client.example", rand::random::<u64>()),
            headers: Vec::new(),
        }
    }

    pub fn html(mut self) -> Mail<'a> {
        self.content_type = "text/html; charset=utf-8";
        self
    }

    /// A reply to `parent` (threading headers as every client sets them).
    pub fn replying_to(self, parent: &Received) -> Mail<'a> {
        self.header("In-Reply-To", format!("<{}>", parent.message_id))
            .header("References", format!("<{}>", parent.message_id))
    }

    pub fn header(mut self, name: &'a str, value: impl Into<String>) -> Mail<'a> {
        self.headers.push((name, value.into()));
        self
    }

    pub fn render(&self) -> String {
        let mut out = format!(
            "From: <{}>\nTo: <{DESK}>\nSubject: {}\nMessage-ID: <{}>\nDate: Tue, 24 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: {}\nContent-Transfer-Encoding: 8bit\n",
            self.from, self.subject, self.message_id, self.content_type
        );
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {value}\n"));
        }
        out.push('\n');
        out.push_str(self.body);
        out.push('\n');
        out
    }

    pub async fn send(&self, stack: &Stack) {
        send_raw(stack, self.from, &[DESK], &self.render()).await;
    }

    /// Sent through the stack's signing SMTP: DKIM-signed with
    /// example.test's published key, as staff's own server signs.
    pub async fn send_signed(&self, stack: &Stack) {
        send_raw_via(stack.dkim_port, self.from, &[DESK], &self.render()).await;
    }
}

/// A delivered mail, as read back over IMAP.
#[derive(Debug, Clone)]
pub struct Received {
    pub subject: String,
    pub message_id: String,
    pub in_reply_to: Vec<String>,
    pub headers: String,
    pub body: String,
    pub raw: Vec<u8>,
}

/// Every mail in `user`'s INBOX, read over real IMAP.
pub async fn inbox(stack: &Stack, user: &str) -> Vec<Received> {
    folder(stack, user, "INBOX").await
}

/// Every mail in one of `user`'s folders, read over real IMAP.
pub async fn folder(stack: &Stack, user: &str, name: &str) -> Vec<Received> {
    let cfg = imap_config(stack, user);
    let mut session = secdesk::mailbox::connect(&cfg).await.expect("IMAP login");
    let selected = session.select(name).await.expect("select the folder");
    let fetched: Vec<Vec<u8>> = if selected.exists == 0 {
        Vec::new()
    } else {
        session
            .fetch("1:*", "BODY.PEEK[]")
            .await
            .expect("fetch the INBOX")
            .try_filter_map(|f| async move { Ok(f.body().map(<[u8]>::to_vec)) })
            .try_collect()
            .await
            .expect("read the INBOX")
    };
    let _ = session.logout().await;
    fetched.into_iter().map(|raw| received(&raw)).collect()
}

/// Put `raw` into one of `user`'s folders over real IMAP (APPEND), as a
/// mail client or a provider filing sent mail would.
pub async fn append(stack: &Stack, user: &str, name: &str, raw: &[u8]) {
    let cfg = imap_config(stack, user);
    let mut session = secdesk::mailbox::connect(&cfg).await.expect("IMAP login");
    let _ = session.create(name).await;
    session
        .append(name, None, None, raw)
        .await
        .expect("append to the folder");
    let _ = session.logout().await;
}

fn imap_config(stack: &Stack, user: &str) -> secdesk::config::ImapConfig {
    let text = format!(
        "[desk]\naddress = \"{DESK}\"\nauthentication = \"none\"\n[imap]\nhost = \"127.0.0.1\"\nport = {}\nencryption = \"none\"\nusername = \"{user}\"\npassword = \"{PASSWORD}\"\n[smtp]\nhost = \"127.0.0.1\"\nencryption = \"none\"\n",
        stack.imap_port
    );
    Config::from_toml_str(&text)
        .unwrap_or_else(|e| panic!("imap config: {e}"))
        .imap
}

fn received(raw: &[u8]) -> Received {
    let parsed = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("delivered mail parses");
    let list = |h: &mail_parser::HeaderValue| -> Vec<String> {
        h.as_text_list()
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default()
    };
    let header_end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    Received {
        subject: parsed.subject().unwrap_or_default().to_string(),
        message_id: parsed.message_id().unwrap_or_default().to_string(),
        in_reply_to: list(parsed.in_reply_to()),
        headers: String::from_utf8_lossy(&raw[..header_end]).to_string(),
        body: parsed
            .body_text(0)
            .unwrap_or_default()
            .replace("\r\n", "\n"),
        raw: raw.to_vec(),
    }
}

/// Wait until `user`'s INBOX satisfies `done`, and return it.
pub async fn wait_for_inbox(
    stack: &Stack,
    user: &str,
    what: &str,
    done: impl Fn(&[Received]) -> bool,
) -> Vec<Received> {
    let start = Instant::now();
    loop {
        let mails = inbox(stack, user).await;
        if done(&mails) {
            return mails;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "waited {PATIENCE:?} for {what} in {user}'s INBOX; it holds {} mail(s): {:#?}",
            mails.len(),
            mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Wait for the first mail in `user`'s INBOX that `matches`, and return it.
pub async fn wait_for_mail(
    stack: &Stack,
    user: &str,
    what: &str,
    matches: impl Fn(&Received) -> bool,
) -> Received {
    wait_for_inbox(stack, user, what, |m| m.iter().any(&matches))
        .await
        .into_iter()
        .find(|r| matches(r))
        .expect("the mail the wait found")
}

/// Wait until the store satisfies `done`.
pub async fn wait_for_store<F, Fut>(what: &str, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while !done().await {
        assert!(start.elapsed() < PATIENCE, "waited {PATIENCE:?} for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The confirmation number in an acknowledgment's subject (`[SEC-XXXX-XXXX]`).
pub fn number_in(subject: &str) -> String {
    let start = subject.find('[').expect("a [number] in the subject") + 1;
    let end = subject[start..].find(']').expect("closing bracket") + start;
    subject[start..end].to_string()
}

/// A report is in: the reporter's ack and the staff notification, with the number.
pub struct Opened {
    pub number: String,
    pub notification: Received,
}

/// Send a report from `from`; wait for its notification in STAFF's INBOX
/// and its acknowledgment in `from`'s.
pub async fn open_ticket_with(stack: &Stack, from: &str, subject: &str, body: &str) -> Opened {
    Mail::new(from, subject, body).send(stack).await;
    let staff = wait_for_inbox(stack, STAFF, "the new-ticket notification", |m| {
        m.iter().any(|r| r.subject.contains(subject))
    })
    .await;
    let notification = staff
        .into_iter()
        .find(|r| r.subject.contains(subject))
        .expect("notification");
    let number = number_in(&notification.subject);
    wait_for_inbox(stack, from, "the acknowledgment", |m| {
        m.iter().any(|r| r.subject.contains(&number))
    })
    .await;
    Opened {
        number,
        notification,
    }
}

/// `staff`'s answer to the notification, DKIM-signed by the stack.
pub async fn staff_reply_as(stack: &Stack, staff: &str, opened: &Opened, body: &str) {
    Mail::new(staff, &format!("Re: {}", opened.notification.subject), body)
        .replying_to(&opened.notification)
        .send_signed(stack)
        .await;
}
