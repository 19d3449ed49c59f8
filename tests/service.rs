//! `contrib/secdesk.service` (issue 13, item 8): the unit keeps its
//! hardening, outlasts the daemon's own stop, and `systemd-analyze verify`
//! finds nothing wrong with it where systemd-analyze is installed.

mod common;

use std::path::PathBuf;
use std::process::Command;

fn unit_text() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("contrib/secdesk.service");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every `Key=value` of the `[Service]` section, in order (a key may come
/// more than once, as SystemCallFilter does).
fn service_settings(text: &str) -> Vec<(String, String)> {
    let mut section = String::new();
    let mut settings = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_string();
        } else if section == "[Service]"
            && !line.starts_with('#')
            && let Some((key, value)) = line.split_once('=')
        {
            settings.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    settings
}

fn values<'a>(settings: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    settings
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

#[test]
fn the_unit_keeps_its_hardening() {
    let settings = service_settings(&unit_text());
    for (key, expected) in [
        ("DynamicUser", "yes"),
        ("StateDirectory", "secdesk"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("PrivateDevices", "yes"),
        ("NoNewPrivileges", "yes"),
        ("ProtectKernelTunables", "yes"),
        ("ProtectKernelModules", "yes"),
        ("ProtectKernelLogs", "yes"),
        ("ProtectControlGroups", "yes"),
        ("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX"),
        ("RestrictNamespaces", "yes"),
        ("LockPersonality", "yes"),
        ("MemoryDenyWriteExecute", "yes"),
        ("CapabilityBoundingSet", ""),
        ("UMask", "0077"),
        ("EnvironmentFile", "-/etc/secdesk/secdesk.env"),
        ("Restart", "on-failure"),
        ("KillSignal", "SIGTERM"),
    ] {
        assert_eq!(
            values(&settings, key),
            [expected],
            "contrib/secdesk.service must set {key}={expected}"
        );
    }
    assert!(
        values(&settings, "SystemCallFilter").contains(&"@system-service"),
        "SystemCallFilter=@system-service is gone"
    );
    let start = values(&settings, "ExecStart");
    assert_eq!(
        start,
        ["/usr/local/bin/secdesk --config /etc/secdesk/secdesk.toml run"]
    );
    assert_eq!(
        values(&settings, "ExecStartPre"),
        ["/usr/local/bin/secdesk --config /etc/secdesk/secdesk.toml migrate"]
    );
}

#[test]
fn the_unit_waits_longer_than_the_daemon_takes_to_stop() {
    let settings = service_settings(&unit_text());
    let stop = values(&settings, "TimeoutStopSec");
    let secs: u64 = stop
        .first()
        .and_then(|v| v.strip_suffix('s'))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("TimeoutStopSec in seconds (\"60s\"), got {stop:?}"));
    // the mail being sent (smtp.timeout_secs, 30 by default), the flush
    // and the QUITs (FLUSH_ON_STOP each)
    let needed = 30 + 2 * secdesk::daemon::FLUSH_ON_STOP.as_secs();
    assert!(
        secs > needed,
        "TimeoutStopSec={secs}s, the daemon may take {needed}s"
    );
}

#[test]
fn the_env_example_lists_every_secret_without_a_value() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("contrib/secdesk.env.example");
    let text = std::fs::read_to_string(&path).expect("read contrib/secdesk.env.example");
    for secret in [
        "SECDESK_IMAP_PASSWORD",
        "SECDESK_SMTP_PASSWORD",
        "SECDESK_DATABASE_URL",
        "SECDESK_PGP_PASSPHRASE",
    ] {
        let line = text
            .lines()
            .find(|l| {
                l.trim_start_matches(['#', ' '])
                    .starts_with(&format!("{secret}="))
            })
            .unwrap_or_else(|| panic!("{secret} is not in the example"));
        assert!(line.ends_with('='), "{secret} has a value: {line:?}");
    }
}

/// The unit with its binary at `binary`, in a folder of its own: verify
/// wants the programs it names to exist.
fn unit_for(binary: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("secdesk.service");
    let text = unit_text().replace("/usr/local/bin/secdesk", binary);
    std::fs::write(&path, text).expect("write the unit");
    (dir, path)
}

/// `systemd-analyze ARGS`, or `None` (the test is skipped, loudly) where it
/// is not installed.
fn systemd_analyze(args: &[&str]) -> Option<std::process::Output> {
    match Command::new("systemd-analyze").args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            common::skipped("systemd-analyze is not installed");
            None
        }
        Err(e) => panic!("cannot run systemd-analyze: {e}"),
    }
}

#[test]
fn systemd_analyze_verify_finds_nothing_wrong() {
    let (_dir, unit) = unit_for(env!("CARGO_BIN_EXE_secdesk"));
    let unit = unit.display().to_string();
    let Some(out) = systemd_analyze(&["verify", "--man=no", &unit]) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    let about_ours: Vec<&str> = stderr.lines().filter(|l| l.contains("secdesk")).collect();
    assert!(
        out.status.success() && about_ours.is_empty(),
        "systemd-analyze verify {unit}: {}\n{stderr}",
        out.status
    );
}

#[test]
fn systemd_analyze_verify_catches_a_broken_unit() {
    // the check above could pass by looking at nothing: a misspelt key
    // and a missing binary must be found
    let (_dir, unit) = unit_for("/nonexistent/secdesk");
    let text = std::fs::read_to_string(&unit)
        .expect("read")
        .replace("ProtectHome=yes", "ProtectHomme=yes");
    std::fs::write(&unit, text).expect("write");
    let unit = unit.display().to_string();
    let Some(out) = systemd_analyze(&["verify", "--man=no", &unit]) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ProtectHomme") && !out.status.success(),
        "{}\n{stderr}",
        out.status
    );
}

#[test]
fn systemd_analyze_security_rates_the_unit_ok() {
    let (_dir, unit) = unit_for(env!("CARGO_BIN_EXE_secdesk"));
    let unit = unit.display().to_string();
    let Some(out) = systemd_analyze(&["security", "--offline=yes", "--no-pager", &unit]) else {
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && stderr.contains("--offline") {
        common::skipped("this systemd-analyze has no security --offline");
        return;
    }
    // "→ Overall exposure level for secdesk.service: 1.9 OK 🙂"
    let score: f64 = stdout
        .lines()
        .find_map(|l| l.split_once("Overall exposure level for secdesk.service: "))
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no exposure level in:\n{stdout}\n{stderr}"));
    eprintln!("systemd-analyze security: exposure {score}");
    // README ("Running as a service") gives the figure; 2.0 is "OK" at most
    assert!(
        score <= 2.0,
        "exposure {score} (README says less):\n{stdout}"
    );
}
