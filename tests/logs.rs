//! The daemon's log as JSON (`SECDESK_LOG_FORMAT=json`, issue 13 item 5):
//! one object per line, and the events about a mail carry its UID and
//! Message-ID (the span of the mail in hand) and, where there is one, the
//! ticket number. The real binary, the real stack.

mod common;

use common::process::{Daemon, WorkDir, write_config};
use common::{Mail, PATIENCE, REPORT, REPORTER, Stack, TestDb, number_in, wait_for_inbox};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_logs_are_one_object_per_line_with_the_mails_fields() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let work = WorkDir::new("json-logs");
    let config = write_config(&stack, &db, &work.0, "", "", "");
    let log = work.0.join("daemon.log");
    let mut daemon = Daemon::new(&config, &log);
    daemon
        .env
        .push(("SECDESK_LOG_FORMAT".into(), "json".into()));
    daemon.start();
    let report = Mail::new(REPORTER, "Logged as JSON", REPORT);
    report.send(&stack).await;
    let inbox = wait_for_inbox(&stack, REPORTER, "the ack", |m| {
        m.iter().any(|r| r.subject.contains("Logged as JSON"))
    })
    .await;
    let number = number_in(&inbox[0].subject);
    daemon.terminate(PATIENCE).await;

    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object: {l:?}: {e}"))
        })
        .collect();
    assert!(lines.len() >= 3, "{text}");
    for line in &lines {
        assert!(
            line["timestamp"].is_string() && line["level"].is_string(),
            "{line}"
        );
        assert!(line["message"].is_string(), "{line}");
    }
    let created = lines
        .iter()
        .find(|l| l["message"] == "ticket created")
        .unwrap_or_else(|| panic!("no 'ticket created' event:\n{text}"));
    assert_eq!(created["number"], number.as_str(), "{created}");
    assert_eq!(created["span"]["name"], "mail", "{created}");
    assert!(
        created["span"]["uid"].as_u64().is_some_and(|u| u >= 1),
        "{created}"
    );
    let message_id = created["span"]["message_id"].as_str().unwrap_or_default();
    assert!(
        !message_id.is_empty()
            && report
                .message_id
                .contains(message_id.trim_matches(['<', '>'])),
        "{created} / {}",
        report.message_id
    );
    work.remove();
}

#[test]
fn an_unknown_log_format_is_refused_by_name() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_secdesk"))
        .args(["--config", "/nonexistent/secdesk.toml", "run"])
        .env("SECDESK_LOG_FORMAT", "xml")
        .output()
        .expect("run secdesk");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("SECDESK_LOG_FORMAT must be \"text\" or \"json\", got \"xml\""),
        "{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_config_files_log_format_is_used_too() {
    let stack = Stack::start();
    let db = TestDb::sqlite();
    let work = WorkDir::new("json-logs-file");
    let config = write_config(&stack, &db, &work.0, "", "", "[log]\nformat = \"json\"\n");
    let log = work.0.join("daemon.log");
    let mut daemon = Daemon::new(&config, &log);
    daemon.start();
    common::process::await_some("the reader's first line", PATIENCE, || async {
        std::fs::read_to_string(&log)
            .ok()
            .filter(|t| t.contains("reading"))
    })
    .await;
    daemon.terminate(PATIENCE).await;
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.lines().count() >= 2, "{text}");
    for line in text.lines() {
        let parsed: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line:?}: {e}"));
        assert!(parsed["message"].is_string(), "{line}");
    }
    work.remove();
}
