//! Configuration: one TOML file, then `SECDESK_`-prefixed environment
//! variables on top (`SECDESK_IMAP_PASSWORD` sets `imap.password`).
//!
//! CONTRACT for the rest of the crate: the structs re-exported here,
//! `Config::load(path)` and `Config::from_toml_str(text)` returning
//! `Result<Config, ConfigErrors>`, where every error names the key
//! (`imap.port`) and says what is wrong.
//!
//! # Layers
//!
//! 1. The TOML file (`config/secdesk.example.toml` documents every key).
//! 2. Environment variables `SECDESK_<SECTION>_<KEY>` replace `section.key`:
//!    `SECDESK_SMTP_PORT=2526`, `SECDESK_DATABASE_URL=postgres://...`.
//!    Values are read as the key's type; lists are comma-separated
//!    (`SECDESK_DESK_STAFF="a@example.com,b@example.com"`). A prefixed
//!    variable that names no setting is an error, so a typo is never ignored;
//!    the few that are not settings are listed in [`OTHER_VARS`].
//! 3. Defaults for whatever neither layer set.
//!
//! Some settings are built into richer values while they are validated, so
//! a bad one is reported with its key: `desk.authentication` with
//! `desk.authserv_id` becomes an
//! [`AuthPolicy`](crate::staff::auth::AuthPolicy), and the `[calendar]` keys
//! become a [`BusinessCalendar`](crate::ticket::sla::BusinessCalendar)
//! (`calendar.time_zone: unknown time zone...`).
//!
//! Relative paths (`desk.templates_dir`, `*.ca_file`, the file of a
//! `sqlite:` URL) are kept as written and therefore resolved against the
//! working directory the daemon runs in, not against the config file's folder.
//!
//! # Why not `#[derive(Deserialize)]` for the file
//!
//! A derive stops at the first problem and cannot tell that a value came from
//! the environment. Instead each section is read key by key into private
//! `Raw*` structs (every field optional), recording the keys it knows, so
//! unknown keys and variables are found by what is left over; then
//! validation turns the raw structs into the public ones. Every problem of
//! both steps is collected and reported at once.
//!
//! # Where things are
//!
//! This file holds [`Config`], its load entry points and the order sections
//! are read, validated and summarised in; `read.rs` is the key-by-key
//! reader of both layers, `check.rs` the checks validation shares,
//! `error.rs` the errors. Each section has a file of its own (`desk.rs`,
//! `imap.rs`, `smtp.rs`, `database.rs`, `limits.rs`, `calendar.rs`,
//! `dns.rs`, `pgp.rs`, `http.rs`, `log.rs`) with its public struct, its raw
//! form, how it is read, its defaults and validation, its lines of the
//! summary and its tests, so a new key touches that file and
//! `config/secdesk.example.toml`. `server.rs` is what `[imap]` and `[smtp]`
//! share; `test_support.rs` what the tests share.

use std::collections::BTreeMap;
use std::path::Path;

use toml::Table;

mod calendar;
mod check;
mod database;
mod desk;
mod dns;
mod error;
mod http;
mod imap;
mod limits;
mod log;
mod pgp;
mod read;
mod server;
mod smtp;
#[cfg(test)]
mod test_support;

pub use calendar::CalendarConfig;
pub use database::DatabaseConfig;
pub use desk::DeskConfig;
pub use dns::DnsConfig;
pub use error::{ConfigError, ConfigErrors};
pub use http::HttpConfig;
pub use imap::ImapConfig;
pub use limits::LimitsConfig;
pub use log::{LogConfig, LogFormat};
pub use pgp::PgpConfig;
// lives below the config (the store takes a database URL as one)
pub use crate::secret::Secret;
pub use server::{Encryption, is_loopback};
pub use smtp::{SentCopy, SmtpConfig};

use calendar::RawCalendar;
use check::Check;
use database::RawDatabase;
use desk::RawDesk;
use dns::RawDns;
use error::syntax_error;
use http::RawHttp;
use imap::RawImap;
use limits::RawLimits;
use log::RawLog;
use pgp::RawPgp;
use read::Reader;
use smtp::RawSmtp;

/// Prefix of the environment variables that override the file.
pub const ENV_PREFIX: &str = "SECDESK_";

/// Prefixed variables that are not settings, so not reported as unknown:
/// the config file's path and the log filter (read by the binary), and the
/// test harness's mail stack script. Variables starting with
/// [`TEST_VAR_PREFIX`] are the harness's too.
pub const OTHER_VARS: [&str; 3] = ["SECDESK_CONFIG", "SECDESK_LOG", "SECDESK_MAILSTACK"];

/// Prefix of the test harness's variables (`SECDESK_TEST_POSTGRES_URL`).
pub const TEST_VAR_PREFIX: &str = "SECDESK_TEST_";

/// The sections of the file, in the order they are read and summarised.
const SECTIONS: [&str; 10] = [
    "desk", "imap", "smtp", "database", "limits", "calendar", "dns", "pgp", "http", "log",
];

#[derive(Debug, Clone)]
pub struct Config {
    pub desk: DeskConfig,
    pub imap: ImapConfig,
    pub smtp: SmtpConfig,
    pub database: DatabaseConfig,
    pub limits: LimitsConfig,
    pub calendar: CalendarConfig,
    pub dns: DnsConfig,
    pub pgp: PgpConfig,
    pub http: HttpConfig,
    pub log: LogConfig,
}

impl Config {
    /// Reads the file at `path`, then applies the `SECDESK_` variables of
    /// this process.
    pub fn load(path: &Path) -> Result<Config, ConfigErrors> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigErrors(vec![ConfigError {
                key: path.display().to_string(),
                message: format!("cannot read the config file: {e}"),
            }])
        })?;
        let mut env = Vec::new();
        let mut errors = Vec::new();
        for (name, value) in std::env::vars_os() {
            let Some(name) = name.to_str().filter(|n| is_setting_var(n)) else {
                continue;
            };
            match value.into_string() {
                Ok(value) => env.push((name.to_owned(), value)),
                Err(_not_utf8) => errors.push(ConfigError {
                    key: name.to_owned(),
                    message: "value is not valid UTF-8".to_owned(),
                }),
            }
        }
        build(&text, env, Some(path), errors)
    }

    /// The file alone, without environment variables.
    pub fn from_toml_str(text: &str) -> Result<Config, ConfigErrors> {
        Config::from_sources(text, [])
    }

    /// The file, then `env` as if it were the process environment (only
    /// names starting with [`ENV_PREFIX`], minus [`OTHER_VARS`] and
    /// [`TEST_VAR_PREFIX`], are looked at). Tests use this
    /// instead of changing the real environment.
    pub fn from_sources(
        text: &str,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigErrors> {
        build(text, env, None, Vec::new())
    }

    /// The effective settings for `secdesk check-config`, secrets redacted.
    pub fn summary(&self) -> String {
        let Config {
            desk,
            imap,
            smtp,
            database,
            limits,
            calendar,
            dns,
            pgp,
            http,
            log,
        } = self;
        [
            desk.summary(),
            imap.summary(),
            smtp.summary(&imap.sent_folder),
            database.summary(),
            limits.summary(),
            calendar.summary(),
            dns.summary(),
            pgp.summary(),
            http.summary(),
            log.summary(),
        ]
        .join("\n")
    }
}

/// A list for the summary, or "(none)".
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".to_owned()
    } else {
        items.join(", ")
    }
}

/// Whether the variable is meant to set a key (and so must match one).
fn is_setting_var(name: &str) -> bool {
    name.starts_with(ENV_PREFIX)
        && !name.starts_with(TEST_VAR_PREFIX)
        && !OTHER_VARS.contains(&name)
}

/// Parses, layers and validates; `errors` may already hold problems with the
/// environment found by the caller.
fn build(
    text: &str,
    env: impl IntoIterator<Item = (String, String)>,
    path: Option<&Path>,
    mut errors: Vec<ConfigError>,
) -> Result<Config, ConfigErrors> {
    let file = match text.parse::<Table>() {
        Ok(table) => table,
        Err(e) => {
            errors.push(syntax_error(text, &e, path));
            return Err(ConfigErrors(errors));
        }
    };
    let env = env
        .into_iter()
        .filter(|(name, _)| is_setting_var(name))
        .collect();
    let mut reader = Reader {
        root: file,
        env,
        known: Vec::new(),
        from_env: BTreeMap::new(),
        errors,
    };
    let raw = RawConfig::read(&mut reader);
    reader.report_leftovers();
    let mut check = Check { errors: Vec::new() };
    let config = raw.validate(&mut check);
    // A key that could not be read was left unset, so validation may call
    // it missing too; the reading error alone says what is wrong.
    let unreadable: Vec<String> = reader.errors.iter().map(|e| e.key.clone()).collect();
    let mut errors = reader.errors;
    errors.extend(
        check
            .errors
            .into_iter()
            .filter(|e| !unreadable.contains(&e.key)),
    );
    if errors.is_empty() {
        return Ok(config);
    }
    for error in &mut errors {
        // `desk.staff[2]` came from wherever `desk.staff` did.
        let key = error.key.split('[').next().unwrap_or_default();
        if let Some(var) = reader.from_env.get(key)
            && !error.message.contains(var.as_str())
        {
            error.message.push_str(&format!(" (set by {var})"));
        }
    }
    Err(ConfigErrors(errors))
}

/// What both layers said, section by section; nothing checked yet.
struct RawConfig {
    desk: RawDesk,
    imap: RawImap,
    smtp: RawSmtp,
    database: RawDatabase,
    limits: RawLimits,
    calendar: RawCalendar,
    dns: RawDns,
    pgp: RawPgp,
    http: RawHttp,
    log: RawLog,
}

impl RawConfig {
    /// Sections in [`SECTIONS`] order: errors come in that order, and a
    /// misplaced key or a mistyped variable that could belong to several
    /// sections is suggested in the earliest (a top-level `host` is taken
    /// for `imap.host`).
    fn read(reader: &mut Reader) -> RawConfig {
        RawConfig {
            desk: reader.read_section("desk", RawDesk::read),
            imap: reader.read_section("imap", RawImap::read),
            smtp: reader.read_section("smtp", RawSmtp::read),
            database: reader.read_section("database", RawDatabase::read),
            limits: reader.read_section("limits", RawLimits::read),
            calendar: reader.read_section("calendar", RawCalendar::read),
            dns: reader.read_section("dns", RawDns::read),
            pgp: reader.read_section("pgp", RawPgp::read),
            http: reader.read_section("http", RawHttp::read),
            log: reader.read_section("log", RawLog::read),
        }
    }

    fn validate(self, check: &mut Check) -> Config {
        Config {
            desk: self.desk.validate(check),
            imap: self.imap.validate(check),
            smtp: self.smtp.validate(check),
            database: self.database.validate(check),
            limits: self.limits.validate(check),
            calendar: self.calendar.validate(check),
            dns: self.dns.validate(check),
            pgp: self.pgp.validate(check),
            http: self.http.validate(check),
            log: self.log.validate(check),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::calendar::default_calendar;
    use super::test_support::*;
    use super::*;
    use crate::report::Language;
    use crate::staff::auth::AuthPolicy;

    #[test]
    fn example_config_loads_with_passwords_from_the_environment() {
        let config = load(EXAMPLE, &example_env()).expect("the example config is valid");
        assert_eq!(config.desk.address, "security@example.com");
        assert_eq!(config.imap.host, "imap.example.com");
        assert_eq!(config.imap.encryption, Encryption::Tls);
        assert_eq!(config.imap.password.expose(), "imap-hunter2");
        assert_eq!(
            config.smtp.password.as_ref().map(Secret::expose),
            Some("smtp-hunter2")
        );
        assert!(config.database.url.expose().starts_with("postgres://"));
    }

    #[test]
    fn example_config_without_passwords_asks_for_both() {
        let errors = errors(EXAMPLE, &[]);
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(errors[0].starts_with("imap.password: missing"));
        assert!(errors[1].starts_with("smtp.password: missing"));
    }

    #[test]
    fn local_config_loads_as_is() {
        let config = load(LOCAL, &[]).expect("the local config is valid");
        assert_eq!(config.desk.address, "security@example.test");
        assert_eq!(config.desk.staff, ["staff@example.test"]);
        assert_eq!(config.desk.notify, ["staff@example.test"]);
        assert_eq!(
            (config.imap.host.as_str(), config.imap.port),
            ("127.0.0.1", 1143)
        );
        assert_eq!(config.imap.encryption, Encryption::None);
        assert_eq!(config.imap.password.expose(), "secret");
        assert_eq!(
            (config.smtp.host.as_str(), config.smtp.port),
            ("127.0.0.1", 2525)
        );
        assert_eq!(config.smtp.username, None);
        assert_eq!(
            config.database.url.expose(),
            "sqlite://.secdesk/secdesk.db?mode=rwc"
        );
        assert_eq!(config.desk.templates_dir, PathBuf::from("templates"));
    }

    #[test]
    fn unset_keys_take_the_documented_defaults() {
        let config = load(MINIMAL, &[]).expect("valid");
        assert_eq!(config.desk.name, "Security Desk");
        assert_eq!(config.desk.number_prefix, "SEC-");
        assert!(config.desk.staff.is_empty() && config.desk.notify.is_empty());
        assert_eq!(config.desk.default_language, Language::En);
        assert_eq!(config.desk.templates_dir, PathBuf::from("templates"));
        assert_eq!(config.imap.port, 993);
        assert_eq!(config.imap.mailbox, "INBOX");
        assert_eq!(config.imap.processed_folder, None);
        assert!(config.imap.idle);
        assert_eq!(config.imap.idle_renew_secs, 1500);
        assert_eq!(config.imap.poll_interval_secs, 30);
        assert_eq!(config.imap.fetch_batch, 200);
        assert_eq!(config.imap.timeout_secs, 30);
        assert_eq!(config.smtp.port, 465);
        assert_eq!(config.smtp.pool_size, 4);
        assert_eq!(config.smtp.reporter_connections, 4, "the pool");
        assert_eq!(config.smtp.sent_copy, SentCopy::Envelope);
        assert_eq!(config.smtp.reconcile_secs, 30);
        assert_eq!(config.imap.sent_folder, "Sent");
        assert_eq!(config.database.url.expose(), "sqlite://secdesk.db");
        assert_eq!(config.database.max_connections, 8);
        assert_eq!(config.limits.max_message_bytes, 26_214_400);
        assert_eq!(config.limits.max_parts, 1000);
        assert_eq!(config.limits.max_processing_ms, 500);
    }

    #[test]
    fn staff_and_calendar_settings_take_the_documented_defaults() {
        let config = load(MINIMAL, &[]).expect("valid");
        // the desk checks DKIM itself; an authserv_id left in place is unused
        assert_eq!(config.desk.authentication, AuthPolicy::Dkim);
        assert_eq!(
            config.dns,
            DnsConfig {
                servers: Vec::new(),
                timeout_ms: 2000,
                attempts: 2,
                cache_entries: 4096,
            }
        );
        assert!(!config.desk.reporter_domain_participates);
        assert!(!config.desk.expose_staff_address);
        assert_eq!(config.desk.status_requests_per_hour, 5);
        assert!(!config.desk.priority_rule_is_final);
        let calendar = &config.calendar;
        assert_eq!(calendar.time_zone, "UTC");
        assert_eq!(calendar.working_days, ["mon", "tue", "wed", "thu", "fri"]);
        assert!(calendar.holidays.is_empty());
        assert_eq!(
            (calendar.opens.as_str(), calendar.closes.as_str()),
            ("09:00", "18:00")
        );
        assert_eq!(calendar.reminder_lead_hours, 2);
        assert_eq!(calendar.reminder_lead(), chrono::TimeDelta::hours(2));
        assert_eq!(calendar.check_interval_secs, 60);
        assert_eq!(calendar.business, default_calendar());
    }

    #[test]
    fn unknown_sections_and_misplaced_keys_are_named() {
        let text = format!("address = \"x@example.com\"\n{LOCAL}\n[imaps]\nport = 1\n[queue]\n");
        let errors = errors(&text, &[]);
        assert_eq!(
            errors,
            [
                "address: unknown top-level key (did you mean desk.address, under [desk]?)",
                "imaps: unknown section (did you mean [imap]?)",
                "queue: unknown section; the sections are desk, imap, smtp, database, limits, calendar, dns, pgp, http, log",
            ]
        );
    }

    #[test]
    fn every_error_is_reported_not_just_the_first() {
        let text = r#"
            [desk]
            address = "not an address"
            staff = ["ok@example.com", "bob", 3]
            staff_domains = ["@example.com"]
            number_prefix = "SEC_"
            default_language = "fr"
            authserv_id = "mx.example.com"
            [imap]
            host = "imap.example.com"
            port = 0
            username = "desk"
            encryption = "ssl"
            idle_renew_secs = 1800
            [smtp]
            host = "smtp.example.com"
            username = "desk"
            [database]
            url = "mysql://u:hunter2@db/x"
            [limits]
            max_message_bytes = 10
            max_parts = "many"
        "#;
        let keys: Vec<String> = errors_of(load(text, &[]))
            .into_iter()
            .map(|e| e.key)
            .collect();
        assert_eq!(
            keys,
            [
                "desk.staff[2]",
                "limits.max_parts",
                "desk.address",
                "desk.number_prefix",
                "desk.staff[1]",
                "desk.staff_domains[0]",
                "desk.default_language",
                "imap.encryption",
                "imap.port",
                "imap.password",
                "imap.idle_renew_secs",
                "smtp.password",
                "database.url",
                "limits.max_message_bytes",
            ]
        );
    }

    #[test]
    fn error_messages_say_what_would_be_right() {
        let text = format!("{LOCAL}\n[limits]\nmax_message_bytes = 10\n");
        let text = text.replace("port = 1143", "port = 1143\nidle_renew_secs = 1800");
        assert_eq!(
            errors(&text, &[("SECDESK_DESK_NUMBER_PREFIX", "SEC_")]),
            [
                "desk.number_prefix: must be 1-12 letters or digits, optionally followed by \"-\" \
                 (e.g. \"SEC-\"), got \"SEC_\" (set by SECDESK_DESK_NUMBER_PREFIX)",
                "imap.idle_renew_secs: must be 1-1739 (servers may drop IDLE after 30 minutes, \
                 RFC 2177), got 1800",
                "limits.max_message_bytes: must be at least 1024, got 10",
            ]
        );
    }

    #[test]
    fn toml_syntax_errors_report_line_and_column() {
        let errors = errors("[desk]\naddress = \"a@example.com\"\nname = oops\n", &[]);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("line 3, column 8: invalid TOML"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn unreadable_file_error_names_the_path() {
        let path = Path::new("/nonexistent/secdesk.toml");
        let errors = Config::load(path).expect_err("no such file").0;
        assert_eq!(errors[0].key, "/nonexistent/secdesk.toml");
        assert!(errors[0].message.starts_with("cannot read the config file"));
    }

    #[test]
    fn debug_output_never_shows_secrets() {
        let config = load(
            EXAMPLE,
            &[
                ("SECDESK_IMAP_PASSWORD", "imap-hunter2"),
                ("SECDESK_SMTP_PASSWORD", "smtp-hunter2"),
                (
                    "SECDESK_DATABASE_URL",
                    "postgres://secdesk:db-hunter2@db/secdesk",
                ),
            ],
        )
        .expect("valid");
        let debug = format!("{config:?}");
        for secret in ["imap-hunter2", "smtp-hunter2", "db-hunter2"] {
            assert!(!debug.contains(secret), "{secret} in {debug}");
        }
        assert!(debug.contains("Secret(***)"));
    }

    #[test]
    fn summary_shows_settings_but_not_secrets() {
        let config = load(
            EXAMPLE,
            &[
                ("SECDESK_IMAP_PASSWORD", "imap-hunter2"),
                ("SECDESK_SMTP_PASSWORD", "smtp-hunter2"),
                (
                    "SECDESK_DATABASE_URL",
                    "postgres://secdesk:db-hunter2@db/secdesk?sslpassword=pem-hunter2",
                ),
            ],
        )
        .expect("valid");
        let summary = config.summary();
        for secret in ["imap-hunter2", "smtp-hunter2", "db-hunter2", "pem-hunter2"] {
            assert!(!summary.contains(secret), "{secret} in {summary}");
        }
        assert!(summary.contains("imap.example.com:993 (tls)"), "{summary}");
        assert!(
            summary.contains("postgres://secdesk:***@db/secdesk?***"),
            "{summary}"
        );
    }

    #[test]
    fn example_and_local_configs_set_the_staff_side() {
        let config = load(EXAMPLE, &example_env()).expect("valid");
        assert_eq!(config.desk.authentication, AuthPolicy::Dkim);
        assert_eq!(config.calendar.holidays, ["2026-12-25", "2026-12-26"]);
        let config = load(LOCAL, &[]).expect("valid");
        assert_eq!(config.desk.authentication, AuthPolicy::Dkim);
        assert_eq!(config.dns.servers, ["127.0.0.1:5353".parse().unwrap()]);
        assert_eq!(config.calendar.time_zone, "Europe/Rome");
        assert_eq!(
            config.calendar.working_days,
            ["mon", "tue", "wed", "thu", "fri"]
        );
    }

    #[test]
    fn summary_shows_the_staff_and_calendar_settings() {
        let summary = load(EXAMPLE, &example_env()).expect("valid").summary();
        for expected in [
            "staff mail proven by the desk's own DKIM/DMARC checks",
            "dns:      the system's resolvers, timeout 2000 ms, 2 attempts, 4096 TXT answers cached",
            "staff set /priority",
            "relayed replies come from the desk only",
            "only the reporter may follow up",
            "status answers up to 5 per address per hour",
            "calendar: mon, tue, wed, thu, fri 09:00-18:00 in UTC; holidays: 2026-12-25, 2026-12-26",
            "reminders 2 business hours before triage is due, checked every 60s",
        ] {
            assert!(summary.contains(expected), "{expected:?} not in\n{summary}");
        }
    }
}
