//! `secdesk doctor` (issue 13, item 8) on the real binary against a real
//! stack: IMAPS and SMTP submission with STARTTLS and a login, both
//! verified against the stack's CA, its DNS server, SQLite. A good config
//! gives one `ok` line per check; each broken key gives a FAIL line that
//! names it while the other checks still run and pass. One stack for all.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::process::WorkDir;
use common::{DESK, PASSWORD, STAFF, Stack, TestDb};

/// What one run printed: each check's line by its name, and the exit.
struct Run {
    success: bool,
    lines: BTreeMap<String, String>,
    stdout: String,
}

impl Run {
    fn line(&self, check: &str) -> &str {
        self.lines
            .get(check)
            .unwrap_or_else(|| panic!("no {check:?} line in:\n{}", self.stdout))
    }

    /// Every line but those of `checks` starts with `ok`.
    fn others_ok(&self, checks: &[&str]) {
        for (check, line) in &self.lines {
            if !checks.contains(&check.as_str()) {
                assert!(
                    line.starts_with("ok   "),
                    "{check} is not ok:\n{}",
                    self.stdout
                );
            }
        }
    }
}

/// `secdesk --config CONFIG doctor` with `env` on top of a clean
/// environment (none of the caller's `SECDESK_*`).
fn doctor(config: &Path, env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_secdesk"));
    command.arg("--config").arg(config).arg("doctor");
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("SECDESK_") {
            command.env_remove(name);
        }
    }
    let started = std::time::Instant::now();
    let out = command
        .envs(env.iter().copied())
        .output()
        .expect("run secdesk doctor");
    // shown with --nocapture, and with the assertion of a failing test
    eprintln!(
        "secdesk doctor with {env:?}: {:.2}s, {}\n{}",
        started.elapsed().as_secs_f64(),
        out.status,
        String::from_utf8_lossy(&out.stdout)
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines = stdout
        .lines()
        .filter_map(|line| {
            let check = line.get(5..)?.split_once(": ")?.0;
            Some((check.to_string(), line.to_string()))
        })
        .collect();
    Run {
        success: out.status.success(),
        lines,
        stdout: format!("{stdout}{}", String::from_utf8_lossy(&out.stderr)),
    }
}

/// The desk's config for the stack: TLS everywhere, logins everywhere,
/// names (`localhost`) that must be resolved and found in the certificate.
fn write_config(stack: &Stack, db: &TestDb, dir: &Path) -> PathBuf {
    let text = format!(
        r#"
[desk]
address = "{DESK}"
staff = ["{STAFF}"]
templates_dir = "{templates}"

[imap]
host = "localhost"
port = {imaps}
encryption = "tls"
ca_file = "{ca}"
username = "{DESK}"
password = "{PASSWORD}"
processed_folder = "Processed"

[smtp]
host = "localhost"
port = {submission}
encryption = "starttls"
ca_file = "{ca}"
username = "{DESK}"
password = "{PASSWORD}"

[database]
url = "{url}"

{dns}
"#,
        templates = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates")
            .display(),
        imaps = stack.imaps_port,
        submission = stack.env["MAILSTACK_SUBMISSION_PORT"],
        ca = stack.ca_file().display(),
        url = db.url(),
        dns = stack.dns_section(),
    );
    let path = dir.join("secdesk.toml");
    std::fs::write(&path, text).expect("write the config");
    path
}

/// A port nothing listens on (bound, then let go).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn doctor_passes_a_good_config_and_names_the_key_of_each_fault() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let work = WorkDir::new("doctor");
    let config = write_config(&stack, &db, &work.0);
    // a desk that ran before: its schema and its folders are there
    let url = secdesk::config::Secret::new(db.url());
    let store = secdesk::store::Store::connect(&url, 1)
        .await
        .expect("open the database");
    store.migrate().await.expect("migrate");
    store.close().await;
    common::append(
        &stack,
        DESK,
        "Processed",
        b"Subject: filed\r\n\r\nfiled\r\n",
    )
    .await;

    let good = doctor(&config, &[]);
    assert!(good.success, "{}", good.stdout);
    for check in [
        "config",
        "templates",
        "pgp",
        "database",
        "migrations",
        "dns imap.host",
        "dns smtp.host",
        &format!("dns resolver 127.0.0.1:{}", stack.dns_port),
        "tls imap",
        "tls smtp",
        "imap login",
        "imap mailbox",
        "imap processed_folder",
        "imap sent_folder",
        "smtp",
    ] {
        assert!(good.line(check).starts_with("ok   "), "{}", good.stdout);
    }
    good.others_ok(&[]);
    assert!(
        good.line("tls imap").contains("valid for localhost"),
        "{}",
        good.stdout
    );
    assert!(
        good.line("imap processed_folder").contains("1 messages"),
        "{}",
        good.stdout
    );
    assert!(
        good.line("smtp")
            .contains(&format!("logged in as {DESK}; nothing sent")),
        "{}",
        good.stdout
    );

    // each fault on its own; the runs are independent, so at once
    let closed = closed_port().to_string();
    let nowhere = format!("postgres://postgres@127.0.0.1:{}/secdesk", closed_port());
    let silent_dns = format!("127.0.0.1:{}", closed_port());
    let missing = work.0.join("state/missing.db");
    let missing_url = format!("sqlite://{}?mode=rwc", missing.display());
    let empty = work.0.join("empty.db");
    std::fs::write(&empty, b"").expect("an empty database file");
    let empty_url = format!("sqlite://{}", empty.display());
    let faults: Vec<Vec<(&str, &str)>> = vec![
        vec![("SECDESK_IMAP_PASSWORD", "wrong")],
        vec![("SECDESK_IMAP_MAILBOX", "Nope")],
        vec![("SECDESK_SMTP_PORT", &closed)],
        vec![("SECDESK_DATABASE_URL", &nowhere)],
        vec![("SECDESK_IMAP_CA_FILE", "")],
        vec![("SECDESK_DATABASE_URL", &empty_url)],
        vec![("SECDESK_PGP_KEY_FILE", "/nonexistent/desk-key.asc")],
        vec![
            ("SECDESK_DNS_SERVERS", &silent_dns),
            ("SECDESK_DNS_ATTEMPTS", "1"),
        ],
        vec![("SECDESK_DATABASE_URL", &missing_url)],
    ];
    let runs: Vec<Run> = std::thread::scope(|scope| {
        let handles: Vec<_> = faults
            .iter()
            .map(|env| scope.spawn(|| doctor(&config, env)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("doctor run"))
            .collect()
    });
    let [
        password,
        mailbox,
        smtp_port,
        database,
        ca_file,
        new_db,
        pgp,
        dns,
        no_db,
    ] = &runs[..]
    else {
        unreachable!("nine runs")
    };

    assert!(!password.success, "{}", password.stdout);
    let login = password.line("imap login");
    assert!(
        login.starts_with("FAIL ") && login.contains("imap.password (SECDESK_IMAP_PASSWORD)"),
        "{}",
        password.stdout
    );
    for folder in ["imap mailbox", "imap processed_folder", "imap sent_folder"] {
        assert!(
            password.line(folder).starts_with("skip "),
            "{}",
            password.stdout
        );
    }
    password.others_ok(&[
        "imap login",
        "imap mailbox",
        "imap processed_folder",
        "imap sent_folder",
    ]);

    assert!(!mailbox.success, "{}", mailbox.stdout);
    let line = mailbox.line("imap mailbox");
    assert!(
        line.starts_with("FAIL ")
            && line.contains("Nope")
            && line.contains("imap.mailbox (SECDESK_IMAP_MAILBOX)"),
        "{}",
        mailbox.stdout
    );
    mailbox.others_ok(&["imap mailbox"]);

    assert!(!smtp_port.success, "{}", smtp_port.stdout);
    for check in ["smtp", "tls smtp"] {
        let line = smtp_port.line(check);
        assert!(
            line.starts_with("FAIL ") && line.contains("smtp.port (SECDESK_SMTP_PORT)"),
            "{}",
            smtp_port.stdout
        );
    }
    smtp_port.others_ok(&["smtp", "tls smtp"]);

    assert!(!database.success, "{}", database.stdout);
    let line = database.line("database");
    assert!(
        line.starts_with("FAIL ")
            && line.contains("Connection refused")
            && line.contains("database.url (SECDESK_DATABASE_URL)"),
        "said at once, not after a timeout: {}",
        database.stdout
    );
    assert!(database.line("migrations").starts_with("skip "));
    database.others_ok(&["database", "migrations"]);

    // without the CA file the stack's certificate is a stranger's: the
    // handshake says which key to set, and the login cannot happen
    assert!(!ca_file.success, "{}", ca_file.stdout);
    let line = ca_file.line("tls imap");
    assert!(
        line.starts_with("FAIL ")
            && line.contains("no trusted CA signed")
            && line.contains("set imap.ca_file (SECDESK_IMAP_CA_FILE)"),
        "{}",
        ca_file.stdout
    );
    assert!(ca_file.line("imap login").starts_with("FAIL "));
    ca_file.others_ok(&[
        "tls imap",
        "imap login",
        "imap mailbox",
        "imap processed_folder",
        "imap sent_folder",
    ]);

    // a database never migrated: a warning, not a failure, and the
    // doctor leaves it as it was
    assert!(new_db.success, "{}", new_db.stdout);
    let line = new_db.line("migrations");
    assert!(
        line.starts_with("warn ") && line.contains("none applied yet"),
        "{}",
        new_db.stdout
    );
    new_db.others_ok(&["migrations"]);
    let tables = {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&empty_url)
            .await
            .expect("open the empty database");
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM sqlite_master")
            .fetch_one(&mut conn)
            .await
            .expect("count tables")
    };
    assert_eq!(tables, 0, "doctor created tables: it must not migrate");

    assert!(!pgp.success, "{}", pgp.stdout);
    let line = pgp.line("pgp");
    assert!(
        line.starts_with("FAIL ") && line.contains("pgp.key_file (SECDESK_PGP_KEY_FILE)"),
        "{}",
        pgp.stdout
    );
    pgp.others_ok(&["pgp"]);

    assert!(!dns.success, "{}", dns.stdout);
    let line = dns.line(&format!("dns resolver {silent_dns}"));
    assert!(
        line.starts_with("FAIL ") && line.contains("dns.servers (SECDESK_DNS_SERVERS)"),
        "{}",
        dns.stdout
    );
    dns.others_ok(&[&format!("dns resolver {silent_dns}")]);

    // a SQLite desk not created yet: said, and still not created
    assert!(no_db.success, "{}", no_db.stdout);
    assert!(
        no_db.line("database").starts_with("warn ")
            && no_db.line("database").contains("does not exist yet"),
        "{}",
        no_db.stdout
    );
    assert!(no_db.line("migrations").starts_with("skip "));
    no_db.others_ok(&["database", "migrations"]);
    assert!(
        !missing.exists() && !missing.parent().is_some_and(Path::exists),
        "doctor created {}",
        missing.display()
    );

    // PostgreSQL: the same comparison on its own migrations table
    if let Some(pg) = TestDb::postgres().await {
        let fresh = doctor(&config, &[("SECDESK_DATABASE_URL", pg.url())]);
        assert!(
            fresh.success && fresh.line("migrations").starts_with("warn "),
            "{}",
            fresh.stdout
        );
        let url = secdesk::config::Secret::new(pg.url());
        let store = secdesk::store::Store::connect(&url, 1)
            .await
            .expect("open PostgreSQL");
        store.migrate().await.expect("migrate PostgreSQL");
        store.close().await;
        let current = doctor(&config, &[("SECDESK_DATABASE_URL", pg.url())]);
        assert!(current.success, "{}", current.stdout);
        assert!(
            current.line("migrations").contains("schema current"),
            "{}",
            current.stdout
        );
        current.others_ok(&[]);
        pg.cleanup().await;
    }

    // [http]: a free address is fine; one another program holds is named
    let free = format!("127.0.0.1:{}", common::free_port());
    let listening = doctor(&config, &[("SECDESK_HTTP_LISTEN", &free)]);
    assert!(listening.success, "{}", listening.stdout);
    assert!(
        listening.line("http").contains(&format!("{free} is free")),
        "{}",
        listening.stdout
    );
    let squatter = std::net::TcpListener::bind("127.0.0.1:0").expect("a port to take");
    let taken = squatter.local_addr().unwrap().to_string();
    let busy = doctor(&config, &[("SECDESK_HTTP_LISTEN", &taken)]);
    assert!(!busy.success, "{}", busy.stdout);
    let http = busy.line("http");
    assert!(
        http.starts_with("FAIL ") && http.contains("http.listen (SECDESK_HTTP_LISTEN)"),
        "{}",
        busy.stdout
    );
    busy.others_ok(&["http"]);
    drop(squatter);
    work.remove();
}

#[test]
fn a_config_error_is_one_fail_line_naming_the_key() {
    let work = WorkDir::new("doctor-config");
    let config = work.0.join("secdesk.toml");
    std::fs::write(
        &config,
        "[desk]\naddress = \"security@example.test\"\n[imap]\nhost = \"localhost\"\n\
         port = 70000\nusername = \"u\"\npassword = \"p\"\n[smtp]\nhost = \"localhost\"\n",
    )
    .expect("write the config");
    let run = doctor(&config, &[]);
    assert!(!run.success, "{}", run.stdout);
    assert_eq!(run.lines.len(), 1, "{}", run.stdout);
    let line = run.line("config");
    assert!(
        line.starts_with("FAIL ") && line.contains("imap.port: must be 1-65535"),
        "{}",
        run.stdout
    );
    work.remove();
}
