//! End-to-end benchmark on the real stack. Run by hand:
//!
//! ```sh
//! cargo bench --bench throughput                      # 2,000 reports, 100 latency probes
//! cargo bench --bench throughput -- --reports 10000   # the RSS figure with 10,000 tickets
//! ```
//!
//! It starts its own Dovecot + Postfix (scripts/mailstack.sh), measures the
//! stack's own delivery rate, fills the desk's INBOX with N reports, starts
//! the release `secdesk` binary on a fresh SQLite file and measures:
//! (a) reports/s from start until every ticket is committed and every
//! acknowledgment accepted by SMTP, and until the staff notifications are
//! accepted too; (b) latency from
//! SMTP submission of a report to its acknowledgment in the reporter's
//! Maildir, p50/p99 over sequential reports; (c) the daemon's peak RSS.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use secdesk::config::Secret;
use secdesk::store::Store;

struct Args {
    reports: usize,
    latency_probes: usize,
    smtp_connections: usize,
}

fn args() -> Args {
    let mut args = Args {
        reports: 2000,
        latency_probes: 100,
        smtp_connections: 4,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().and_then(|v| v.parse().ok());
        match a.as_str() {
            "--reports" => args.reports = value().expect("--reports N"),
            "--latency" => args.latency_probes = value().expect("--latency N"),
            "--connections" => args.smtp_connections = value().expect("--connections N"),
            _ => {} // cargo bench passes --bench
        }
    }
    args
}

fn maildir(stack: &Stack, user: &str) -> PathBuf {
    let (local, domain) = user.split_once('@').expect("address");
    PathBuf::from(&stack.env["MAILSTACK_MAILDIR_ROOT"])
        .join(domain)
        .join(local)
        .join("Maildir")
}

fn count_mail(dir: &Path) -> usize {
    ["new", "cur"]
        .iter()
        .map(|sub| std::fs::read_dir(dir.join(sub)).map_or(0, |d| d.count()))
        .sum()
}

async fn wait_count(dir: &Path, at_least: usize, limit: Duration) -> Duration {
    let start = Instant::now();
    while count_mail(dir) < at_least {
        assert!(
            start.elapsed() < limit,
            "timed out waiting for {at_least} mails in {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    start.elapsed()
}

/// Submit `n` mails from `from` to `to` over `connections` parallel SMTP
/// sessions, with the daemon's own SMTP client (TCP_NODELAY: lettre's pool
/// would cap the load at ~25 mails/s per connection, see BENCHMARKS.md).
async fn flood(stack: &Stack, from: &str, to: &str, n: usize, connections: usize, tag: &str) {
    let smtp = secdesk::config::Config::from_toml_str(&format!(
        "[desk]\naddress = \"{DESK}\"\nauthentication = \"none\"\n\
         [imap]\nhost = \"127.0.0.1\"\nencryption = \"none\"\nusername = \"x\"\npassword = \"x\"\n\
         [smtp]\nhost = \"127.0.0.1\"\nport = {}\nencryption = \"none\"\n",
        stack.smtp_port
    ))
    .expect("loader config")
    .smtp;
    let pool = secdesk::outbox::smtp::SmtpPool::new(&smtp).expect("SMTP pool");
    let envelope = lettre::address::Envelope::new(
        Some(from.parse().expect("from")),
        vec![to.parse().expect("to")],
    )
    .expect("envelope");
    futures::stream::iter(0..n)
        .map(|i| {
            let raw = Mail::new(
                from,
                &format!("{tag} {i}: stored XSS in module {i}"),
                REPORT,
            )
            .render()
            .replace('\n', "\r\n");
            let pool = pool.clone();
            let envelope = envelope.clone();
            async move {
                pool.send(&envelope, raw.as_bytes())
                    .await
                    .expect("SMTP accepts");
            }
        })
        .buffer_unordered(connections)
        .collect::<Vec<()>>()
        .await;
    pool.close().await;
}

const REPORT: &str = "Vulnerability: stored XSS in the profile page.\n\
CVE: CVE-2024-12345\nCVSS: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N\n\
Mitigation: upgrade to 4.2.1\n\nRegards,\nRita";

fn peak_rss_kb(child: &Child) -> (u64, u64) {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// CPU seconds (user + system) the process has used so far.
fn cpu_seconds(child: &Child) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).unwrap_or_default();
    // the fields after the command name, which is in parentheses
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here
    (ticks(11) + ticks(12)) / 100.0
}

/// Acknowledgments SMTP has taken so far.
async fn acks_sent(db: &mut sqlx::SqliteConnection) -> usize {
    use sqlx::Row;
    sqlx::query(
        "SELECT COUNT(*) FROM outbox o JOIN messages m ON m.id = o.message_id \
         WHERE o.state = 'sent' AND m.disposition = 'ack'",
    )
    .fetch_one(db)
    .await
    .map(|row| row.get::<i64, _>(0) as usize)
    .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() {
    // `cargo test --all-targets` runs this binary without `--bench`: only
    // `cargo bench` should start a multi-minute load.
    if !std::env::args().any(|a| a == "--bench") {
        println!("throughput benchmark: run it with `cargo bench --bench throughput`");
        return;
    }
    let args = args();
    let n = args.reports;
    println!(
        "secdesk end-to-end benchmark: {n} reports, {} latency probes, {} SMTP connections for loading",
        args.latency_probes, args.smtp_connections
    );
    let stack = Stack::start();
    let work = tempfile::tempdir().expect("temp dir");
    let db_url = format!("sqlite://{}/bench.db", work.path().display());

    // 1. the mail stack's own rate, same machine, same run
    let other = maildir(&stack, "other@example.test");
    let t = Instant::now();
    flood(
        &stack,
        REPORTER,
        "other@example.test",
        n,
        args.smtp_connections,
        "stack",
    )
    .await;
    wait_count(&other, n, Duration::from_secs(600)).await;
    let stack_rate = n as f64 / t.elapsed().as_secs_f64();
    println!("mail stack alone:   {stack_rate:8.1} msg/s (SMTP submission -> Maildir, {n} mails)");

    // 2. fill the desk's INBOX before the daemon starts
    let desk = maildir(&stack, DESK);
    flood(&stack, REPORTER, DESK, n, args.smtp_connections, "bench").await;
    wait_count(&desk, n, Duration::from_secs(600)).await;

    // 3. throughput: start the daemon, wait for every ticket and every mail sent
    let config_path = work.path().join("bench.toml");
    std::fs::write(
        &config_path,
        format!(
            "[desk]\naddress = \"{DESK}\"\nstaff = [\"{STAFF}\"]\ntemplates_dir = \"{}\"\nauthentication = \"none\"\n\
             [imap]\nhost = \"127.0.0.1\"\nport = {}\nencryption = \"none\"\nusername = \"{DESK}\"\npassword = \"{PASSWORD}\"\n\
             [smtp]\nhost = \"127.0.0.1\"\nport = {}\nencryption = \"none\"\n\
             [database]\nurl = \"{db_url}\"\n\
             [limits]\nauto_replies_per_address_per_hour = 1000000\nauto_replies_per_hour = 1000000\n\
             {}",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("templates").display(),
            stack.imap_port,
            stack.smtp_port,
            // every report's DKIM, SPF and DMARC checked against the stack's
            // DNS (TTL 0: nothing cached, the worst case)
            stack.dns_section()
        ),
    )
    .expect("write the bench config");
    let start = Instant::now();
    let mut daemon = Command::new(env!("CARGO_BIN_EXE_secdesk"))
        .arg("--config")
        .arg(&config_path)
        .arg("run")
        .env("SECDESK_LOG", "secdesk=warn")
        .stdin(Stdio::null())
        .spawn()
        .expect("start secdesk");
    // the daemon creates and migrates the database; wait for the file
    let store = loop {
        if let Ok(s) = Store::connect(&Secret::new(db_url.clone()), 1).await
            && s.counts().await.is_ok()
        {
            break s;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    let mut committed_at = None;
    let mut acknowledged_at = None;
    let mut db = {
        use sqlx::Connection;
        sqlx::SqliteConnection::connect(&db_url)
            .await
            .expect("open the database")
    };
    loop {
        let c = store.counts().await.expect("counts");
        if committed_at.is_none() && c.tickets as usize >= n {
            committed_at = Some(start.elapsed());
        }
        if acknowledged_at.is_none() && committed_at.is_some() && acks_sent(&mut db).await >= n {
            acknowledged_at = Some(start.elapsed());
        }
        if c.tickets as usize >= n && c.outbox_pending == 0 && c.outbox_sent as usize >= 2 * n {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(900),
            "throughput run timed out: {c:?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let elapsed = start.elapsed();
    if let Some(at) = acknowledged_at {
        let rate = n as f64 / at.as_secs_f64();
        println!(
            "secdesk:            {rate:8.1} reports/s ({n} tickets committed and {n} acknowledgments accepted by SMTP in {:.2}s) = {:.2}x the stack's own rate",
            at.as_secs_f64(),
            rate / stack_rate
        );
    }
    let rate = n as f64 / elapsed.as_secs_f64();
    println!(
        "  with staff mail:  {rate:8.1} reports/s (and the {n} staff notifications too: {} mails accepted by SMTP in {:.2}s; {:.1} mails/s = {:.2}x the stack's own rate)",
        2 * n,
        elapsed.as_secs_f64(),
        2.0 * rate,
        2.0 * rate / stack_rate
    );
    if let Some(at) = committed_at {
        println!(
            "  of which ingest:  {:8.1} reports/s (every ticket committed, with its outgoing mail queued, after {:.2}s)",
            n as f64 / at.as_secs_f64(),
            at.as_secs_f64()
        );
    }
    let (hwm_after_load, _) = peak_rss_kb(&daemon);
    let cpu = cpu_seconds(&daemon);
    println!(
        "  daemon CPU:       {cpu:.2} s for the whole load ({:.2} ms per report, in {:.2} s of wall time)",
        cpu * 1000.0 / n as f64,
        elapsed.as_secs_f64()
    );

    // 4. latency, one report at a time
    let reporter = maildir(&stack, REPORTER);
    let mut latencies = Vec::with_capacity(args.latency_probes);
    for i in 0..args.latency_probes {
        let before = count_mail(&reporter);
        let t = Instant::now();
        Mail::new(REPORTER, &format!("latency probe {i}"), REPORT)
            .send(&stack)
            .await;
        let _ = wait_count(&reporter, before + 1, Duration::from_secs(30)).await;
        latencies.push(t.elapsed());
    }
    latencies.sort();
    if !latencies.is_empty() {
        println!(
            "latency:            p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms over {} sequential reports (SMTP submission -> ack in the reporter's Maildir)",
            percentile(&latencies, 0.50).as_secs_f64() * 1000.0,
            percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
            latencies.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
            latencies.len()
        );
    }
    let (hwm, rss) = peak_rss_kb(&daemon);
    let tickets = store.counts().await.map(|c| c.tickets).unwrap_or(0);
    println!(
        "memory:             peak RSS {:.1} MB ({:.1} MB after the load), now {:.1} MB, with {tickets} tickets in the database",
        hwm as f64 / 1024.0,
        hwm_after_load as f64 / 1024.0,
        rss as f64 / 1024.0
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average:       {}", load.trim());

    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(daemon.id().to_string())
        .status();
    let _ = daemon.wait();
    store.close().await;
}
