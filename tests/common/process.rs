//! The real `secdesk` binary as a child process (for kill -9, SIGTERM and
//! memory figures), its config file, a pooled SMTP client for loads, and a
//! header-only IMAP reader for mailboxes with thousands of mails.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use secdesk::config::{Config, Secret};
use secdesk::store::Store;

use super::{DESK, NO_STAFF_AUTH, PASSWORD, STAFF, Stack, TestDb};

/// A work directory for one test's config and daemon logs. Kept after a
/// failure (the path is in every assertion message), removed by
/// [`WorkDir::remove`] once the test passed.
pub struct WorkDir(pub PathBuf);

impl WorkDir {
    pub fn new(name: &str) -> WorkDir {
        let dir = std::env::temp_dir().join(format!(
            "secdesk-{name}-{}-{:08x}",
            std::process::id(),
            rand::random::<u32>()
        ));
        std::fs::create_dir_all(&dir).expect("create the work dir");
        WorkDir(dir)
    }

    pub fn remove(self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Write the daemon's config file: what `test_config` produces (plain IMAP
/// and SMTP on the stack, staff trusted by address), with `imap_extra` and
/// `smtp_extra` lines added to `[imap]` and `[smtp]`, and `sections` (e.g. a
/// `[limits]` table) appended.
pub fn write_config(
    stack: &Stack,
    db: &TestDb,
    dir: &Path,
    imap_extra: &str,
    smtp_extra: &str,
    sections: &str,
) -> PathBuf {
    let ca = stack.ca_file().display().to_string();
    let text = format!(
        r#"
[desk]
address = "{DESK}"
staff = ["{STAFF}"]
templates_dir = "{templates}"
{NO_STAFF_AUTH}

[calendar]
time_zone = "Europe/Rome"
reminder_lead_hours = 2

[imap]
host = "127.0.0.1"
port = {imap}
encryption = "none"
ca_file = "{ca}"
username = "{DESK}"
password = "{PASSWORD}"
poll_interval_secs = 1
{imap_extra}

[smtp]
host = "127.0.0.1"
port = {smtp}
encryption = "none"
ca_file = "{ca}"
{smtp_extra}

{dns}

[database]
url = "{url}"

{sections}
"#,
        templates = super::repo_root().join("templates").display(),
        imap = stack.imap_port,
        smtp = stack.smtp_port,
        url = db.url(),
        dns = stack.dns_section(),
    );
    let path = dir.join("secdesk.toml");
    std::fs::write(&path, text).expect("write the daemon's config");
    if let Err(e) = Config::from_toml_str(&std::fs::read_to_string(&path).unwrap()) {
        panic!("the test's config {} is invalid: {e}", path.display());
    }
    path
}

/// The `secdesk run` child process, started and stopped at will; its log
/// (every start appended) goes to a file.
pub struct Daemon {
    config: PathBuf,
    pub log: PathBuf,
    child: Option<Child>,
    /// How many times it was started.
    pub starts: u32,
    /// More environment for the daemon (after the test's own SECDESK_*
    /// variables are taken away), e.g. `SECDESK_LOG_FORMAT`.
    pub env: Vec<(String, String)>,
}

impl Daemon {
    pub fn new(config: &Path, log: &Path) -> Daemon {
        Daemon {
            config: config.to_path_buf(),
            log: log.to_path_buf(),
            child: None,
            starts: 0,
            env: Vec::new(),
        }
    }

    /// Start `secdesk --config FILE run`.
    pub fn start(&mut self) {
        assert!(self.child.is_none(), "the daemon is already running");
        let log = File::options()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("open the daemon's log");
        let mut cmd = secdesk(&self.config, &["run"]);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log));
        cmd.envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd.env(
            "SECDESK_LOG",
            std::env::var("SECDESK_LOG").unwrap_or_else(|_| "secdesk=info".into()),
        );
        self.child = Some(cmd.spawn().expect("start the secdesk binary"));
        self.starts += 1;
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// SIGKILL (what `Child::kill` sends on Unix) and reap it.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Whether it exited on its own (a crash): then its status.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        let status = self.child.as_mut()?.try_wait().expect("poll the daemon");
        if status.is_some() {
            self.child = None;
        }
        status
    }

    /// SIGTERM, then wait up to `within` for it to exit. Returns its exit
    /// status and how long it took; panics (after a SIGKILL) on timeout.
    pub async fn terminate(&mut self, within: Duration) -> (ExitStatus, Duration) {
        let mut child = self.child.take().expect("the daemon is running");
        let start = Instant::now();
        let sent = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .expect("run kill -TERM");
        assert!(sent.success(), "kill -TERM {} failed", child.id());
        loop {
            if let Some(status) = child.try_wait().expect("poll the daemon") {
                return (status, start.elapsed());
            }
            if start.elapsed() > within {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "the daemon did not exit within {within:?} of SIGTERM; log {}:\n{}",
                    self.log.display(),
                    self.log_tail(30)
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// (peak RSS, current RSS) in KiB, from /proc/PID/status.
    pub fn rss_kb(&self) -> Option<(u64, u64)> {
        rss_kb(self.pid()?)
    }

    /// The last `lines` lines of the log, for failure messages.
    pub fn log_tail(&self, lines: usize) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The test's own view of the daemon's database, once the daemon has
/// created and migrated it.
pub async fn open_store(db: &TestDb, within: Duration) -> Store {
    let start = Instant::now();
    loop {
        if let Ok(store) = Store::connect(&Secret::new(db.url().to_string()), 2).await {
            if store.counts().await.is_ok() {
                return store;
            }
            store.close().await;
        }
        assert!(
            start.elapsed() < within,
            "the daemon did not create its database within {within:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Poll `check` until it gives `Some`, failing after `within`.
pub async fn await_some<T, F, Fut>(what: &str, within: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(start.elapsed() < within, "waited {within:?} for {what}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// An SMTP client to the stack with a pool of `connections`.
pub fn smtp(stack: &Stack, connections: u32) -> AsyncSmtpTransport<Tokio1Executor> {
    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(stack.smtp_port)
        .pool_config(lettre::transport::smtp::PoolConfig::new().max_size(connections))
        .build()
}

/// Submit `raw` (LF or CRLF) from `from` to the desk.
pub async fn submit(smtp: &AsyncSmtpTransport<Tokio1Executor>, from: &str, raw: &str) {
    let envelope = lettre::address::Envelope::new(
        Some(from.parse().expect("from address")),
        vec![DESK.parse().expect("desk address")],
    )
    .expect("envelope");
    let bytes = raw.replace("\r\n", "\n").replace('\n', "\r\n");
    // the stack may be slow under load, never refuse: retry a transient failure
    let mut attempt = 0;
    loop {
        match smtp.send_raw(&envelope, bytes.as_bytes()).await {
            Ok(_) => return,
            Err(e) if !e.is_permanent() && attempt < 5 => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(200 * attempt)).await;
            }
            Err(e) => panic!("SMTP refused a mail from {from}: {e}"),
        }
    }
}

/// The header of a delivered mail, as read over IMAP.
#[derive(Debug, Clone)]
pub struct Header {
    pub uid: u32,
    pub subject: String,
    pub message_id: String,
    pub in_reply_to: Vec<String>,
    /// The desk's own mail (its loop header): a Sent copy not yet filed.
    pub own: bool,
}

/// The headers of `user`'s INBOX mails with a UID above `after_uid`
/// (`BODY.PEEK[HEADER]`: cheap for thousands of mails, marks nothing).
pub async fn headers_since(stack: &Stack, user: &str, after_uid: u32) -> Vec<Header> {
    let cfg = super::imap_config(stack, user);
    let mut session = secdesk::mailbox::connect(&cfg).await.expect("IMAP login");
    let selected = session.select("INBOX").await.expect("select INBOX");
    let fetched: Vec<(u32, Vec<u8>)> = if selected.exists == 0 {
        Vec::new()
    } else {
        session
            .uid_fetch(format!("{}:*", after_uid + 1), "(UID BODY.PEEK[HEADER])")
            .await
            .expect("fetch headers")
            .try_filter_map(|f| async move {
                Ok(f.uid
                    .map(|uid| (uid, f.header().map(<[u8]>::to_vec).unwrap_or_default())))
            })
            .try_collect()
            .await
            .expect("read headers")
    };
    let _ = session.logout().await;
    let mut out: Vec<Header> = fetched
        .into_iter()
        .filter(|(uid, _)| *uid > after_uid)
        .map(|(uid, raw)| {
            let parsed = mail_parser::MessageParser::default()
                .parse_headers(&raw)
                .expect("a header parses");
            Header {
                uid,
                subject: parsed.subject().unwrap_or_default().to_string(),
                message_id: parsed.message_id().unwrap_or_default().to_string(),
                in_reply_to: parsed
                    .in_reply_to()
                    .as_text_list()
                    .map(|l| l.iter().map(|s| s.to_string()).collect())
                    .unwrap_or_default(),
                own: parsed.header(secdesk::message::LOOP_HEADER).is_some(),
            }
        })
        .collect();
    out.sort_by_key(|h| h.uid);
    out
}

/// How many mails `user`'s INBOX holds (IMAP SELECT's EXISTS).
pub async fn inbox_count(stack: &Stack, user: &str) -> u32 {
    let cfg = super::imap_config(stack, user);
    let mut session = secdesk::mailbox::connect(&cfg).await.expect("IMAP login");
    let selected = session.select("INBOX").await.expect("select INBOX");
    let _ = session.logout().await;
    selected.exists
}

/// The pids of the Postfix `smtpd` processes serving the SMTP connections
/// that process `client_pid` holds open to the stack right now (from
/// `ss -tnp`): their "disconnect from" log lines tell how the client left.
pub fn smtpd_serving(stack: &Stack, client_pid: u32) -> Vec<u32> {
    let out = Command::new("ss")
        .args(["-tnpH"])
        .output()
        .expect("run ss (iproute2)");
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|t| t.len() >= 6)
        .collect();
    let port = |addr: &str| addr.rsplit(':').next().unwrap_or_default().to_string();
    let smtp = stack.smtp_port.to_string();
    let client = format!("pid={client_pid},");
    let client_ports: Vec<String> = rows
        .iter()
        .filter(|t| port(t[4]) == smtp && t[5..].join(" ").contains(&client))
        .map(|t| port(t[3]))
        .collect();
    rows.iter()
        .filter(|t| port(t[3]) == smtp && client_ports.contains(&port(t[4])))
        .filter_map(|t| {
            let process = t[5..].join(" ");
            let at = process.find("pid=")? + 4;
            process[at..]
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .collect()
}

/// `secdesk --config FILE ARGS...`, the binary under test, with the test's
/// own environment kept from it: every SECDESK_* variable overrides or
/// (naming no key) breaks the config, and the test's (SECDESK_CRASH_FULL,
/// SECDESK_TEST_POSTGRES_URL...) stay with the test. No colour codes.
pub fn secdesk(config: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_secdesk"));
    cmd.arg("--config").arg(config).args(args);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("SECDESK_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("NO_COLOR", "1");
    cmd
}

/// (peak RSS, current RSS) in KiB of a running process, from /proc/PID/status.
pub fn rss_kb(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| -> Option<u64> {
        status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    Some((field("VmHWM:")?, field("VmRSS:")?))
}

/// Wait for `child` to end: its exit status and its peak RSS in KiB,
/// VmHWM read from /proc every few milliseconds while it runs (the last
/// reading comes at most one interval before its exit). Not `wait4`'s
/// `ru_maxrss`: Linux carries the parent's high-water mark across the
/// spawn into it, so a child of a big test process would look as big.
pub fn wait_with_peak_rss(mut child: Child) -> (ExitStatus, u64) {
    let mut peak = 0;
    loop {
        if let Some((hwm, _)) = rss_kb(child.id()) {
            peak = peak.max(hwm);
        }
        if let Some(status) = child.try_wait().expect("poll the child") {
            return (status, peak);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A DNS server on loopback that answers every query at once with
/// NXDOMAIN: what old mail meets (its keys and policies long gone), and no
/// test without a mail stack waits out a resolver's timeout. Stops when dropped.
pub struct NxDomainDns {
    pub port: u16,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl NxDomainDns {
    pub fn start() -> NxDomainDns {
        use std::sync::atomic::Ordering;
        let socket = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind a UDP port for DNS");
        socket
            .set_read_timeout(Some(Duration::from_millis(100)))
            .expect("a read timeout");
        let port = socket.local_addr().expect("its address").port();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopping = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 1500];
            while !stopping.load(Ordering::Relaxed) {
                let Ok((n, from)) = socket.recv_from(&mut buf) else {
                    continue;
                };
                if n < 12 {
                    continue;
                }
                // the query itself, turned into its answer: QR set, RA
                // set, RCODE 3 (NXDOMAIN), no records
                let mut answer = buf[..question_end(&buf[..n]).unwrap_or(n)].to_vec();
                answer[2] |= 0x80;
                answer[3] = 0x80 | 3;
                // no answers, authorities or additional records (EDNS's OPT
                // went with everything after the question)
                answer[6..12].fill(0);
                let _ = socket.send_to(&answer, from);
            }
        });
        NxDomainDns {
            port,
            stop,
            thread: Some(thread),
        }
    }

    /// The `[dns]` section that points the desk at it.
    pub fn section(&self) -> String {
        format!(
            "[dns]\nservers = [\"127.0.0.1:{}\"]\ntimeout_ms = 500\nattempts = 1\n",
            self.port
        )
    }
}

/// Where the (first) question of a DNS message ends.
fn question_end(message: &[u8]) -> Option<usize> {
    let mut at = 12;
    loop {
        let len = *message.get(at)? as usize;
        at += 1;
        if len == 0 {
            break;
        }
        at += len;
    }
    let end = at + 4;
    (end <= message.len()).then_some(end)
}

impl Drop for NxDomainDns {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A config for commands that need no mail stack (`import`, `tickets
/// export`): the database and the templates are real, IMAP and SMTP point
/// at a port nobody listens on, so any attempt to use them would fail.
/// `sections` (e.g. a `[limits]` table, a `[dns]` one) are appended.
pub fn write_offline_config(db: &TestDb, dir: &Path, sections: &str) -> PathBuf {
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a port");
        listener.local_addr().expect("its address").port()
    };
    let text = format!(
        r#"
[desk]
address = "{DESK}"
staff = ["{STAFF}"]
templates_dir = "{templates}"

[calendar]
time_zone = "Europe/Rome"

[imap]
host = "127.0.0.1"
port = {closed}
encryption = "none"
username = "{DESK}"
password = "{PASSWORD}"

[smtp]
host = "127.0.0.1"
port = {closed}
encryption = "none"

[database]
url = "{url}"

{sections}
"#,
        templates = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates")
            .display(),
        url = db.url(),
    );
    let path = dir.join("secdesk.toml");
    std::fs::write(&path, &text).expect("write the config");
    if let Err(e) = Config::from_toml_str(&text) {
        panic!("the test's config {} is invalid: {e}", path.display());
    }
    path
}
