//! Configuration: one TOML file, then `SECDESK_`-prefixed environment
//! variables on top (`SECDESK_IMAP_PASSWORD` sets `imap.password`).
//!
//! CONTRACT for the rest of the crate: the structs below, `Config::load(path)`
//! and `Config::from_toml_str(text)` returning `Result<Config, ConfigErrors>`,
//! where every error names the key (`imap.port`) and says what is wrong.
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
//! `desk.authserv_id` becomes an [`AuthPolicy`], and the `[calendar]` keys
//! become a [`BusinessCalendar`] (`calendar.time_zone: unknown time zone...`).
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

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;
use toml::{Table, Value};

use crate::report::Language;
use crate::staff::auth::AuthPolicy;
use crate::ticket::sla::{self, BusinessCalendar, CalendarError};

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

/// RFC 2177: servers may drop an IDLE after 30 minutes, so it is renewed
/// before 29 (1740 seconds).
const IDLE_RENEW_LIMIT_SECS: i64 = 1740;

/// A secret (password) that never shows up in `Debug` output or logs.
#[derive(Clone, Deserialize, PartialEq, Eq, Default)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// How a connection to a mail server is protected; shared by IMAP and SMTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Encryption {
    /// TLS from the first byte (IMAPS 993, SMTPS 465).
    Tls,
    /// Plain connection upgraded with STARTTLS before login.
    Starttls,
    /// No encryption: only to a loopback address unless `allow_plaintext` is set.
    None,
}

impl Encryption {
    /// The spelling used in the config file.
    pub fn as_str(self) -> &'static str {
        match self {
            Encryption::Tls => "tls",
            Encryption::Starttls => "starttls",
            Encryption::None => "none",
        }
    }
}

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

/// The desk's web side (`[http]`): the reporters' status pages, metrics and
/// health checks; off without `listen`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpConfig {
    /// Where to listen (`127.0.0.1:8025`); `None`: no listener, and
    /// acknowledgments carry no status link.
    pub listen: Option<std::net::SocketAddr>,
    /// How reporters reach it (`https://desk.example.com`, no trailing
    /// slash): status links are `{public_url}/status/{token}`. Defaults to
    /// `http://{listen}`, which only works on the same machine.
    pub public_url: Option<String>,
    /// A status link stops working this many days after it was sent.
    pub link_days: u32,
    /// Requests one client (IP address) may make per minute; more get 429.
    pub requests_per_minute: u32,
}

/// How the daemon writes its log (`[log]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// Lines for people.
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

impl LogFormat {
    pub fn parse(value: &str) -> Result<LogFormat, String> {
        match value.trim() {
            "" | "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(format!("must be \"text\" or \"json\", got {other:?}")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LogConfig {
    /// `SECDESK_LOG_FORMAT` is this key's variable, as for every key.
    pub format: LogFormat,
}

/// The desk's OpenPGP key and the keys it knows (`[pgp]`); off without
/// `key_file`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PgpConfig {
    /// The desk's ASCII-armored secret key (`secdesk pgp init` writes one).
    pub key_file: Option<PathBuf>,
    /// Unlocks the secret key when it is protected (`SECDESK_PGP_PASSPHRASE`).
    pub passphrase: Option<Secret>,
    /// Armored public keys of reporters, staff and partners the desk knows.
    pub keyring_file: Option<PathBuf>,
    /// Staff copies encrypted too, to staff whose keys are in the keyring.
    pub encrypt_staff_copies: bool,
}

/// How the desk asks DNS for DKIM keys, SPF and DMARC records (`[dns]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsConfig {
    /// Resolvers as `IP` or `IP:PORT` (port 53 when not given); empty: the
    /// system's (`/etc/resolv.conf`).
    pub servers: Vec<std::net::SocketAddr>,
    /// One query's timeout, in milliseconds.
    pub timeout_ms: u64,
    /// Tries per query.
    pub attempts: u32,
    /// TXT answers kept in the cache (for their TTL).
    pub cache_entries: usize,
}

#[derive(Debug, Clone)]
pub struct DeskConfig {
    /// The desk's address: From of every mail we send, and where reports arrive.
    pub address: String,
    /// Display name on our mail ("Security Desk").
    pub name: String,
    /// Prefix of confirmation numbers, e.g. "SEC-".
    pub number_prefix: String,
    /// Addresses of staff members (lower-cased); they get notifications.
    pub staff: Vec<String>,
    /// Domains whose every address counts as staff (lower-cased, no "@").
    pub staff_domains: Vec<String>,
    /// Where staff notifications go (defaults to every address in `staff`).
    pub notify: Vec<String>,
    /// Language of replies when a report's language cannot be told.
    pub default_language: crate::report::Language,
    /// Folder holding the editable reply templates.
    pub templates_dir: PathBuf,
    /// How mail from a staff address is proven to be theirs
    /// (`desk.authentication` and `desk.authserv_id`).
    pub authentication: AuthPolicy,
    /// Whether anyone at the reporter's domain may follow up on a ticket and
    /// ask its status, not only the reporter's own address.
    pub reporter_domain_participates: bool,
    /// Whether relayed staff replies name the staff member's address;
    /// otherwise they come from the desk only.
    pub expose_staff_address: bool,
    /// Automatic status answers per address and hour; at least 1.
    pub status_requests_per_hour: u32,
    /// Whether the rule-based priority of a new ticket counts as assigned, so
    /// triage only needs a severity; otherwise staff must set `/priority`.
    pub priority_rule_is_final: bool,
    /// Whether a participant's follow-up on a closed ticket reopens it.
    pub reopen_on_follow_up: bool,
    /// Whether staff in `notify` hear of later mail on a ticket that has an
    /// owner; otherwise only the owner does.
    pub notify_all_when_owned: bool,
}

#[derive(Debug, Clone)]
pub struct ImapConfig {
    /// Server name, also the name its TLS certificate is checked against.
    pub host: String,
    /// Defaults from `encryption`: 993 for TLS, 143 otherwise.
    pub port: u16,
    pub encryption: Encryption,
    /// Allow `encryption = "none"` to a non-loopback host.
    pub allow_plaintext: bool,
    /// Login of the desk's mailbox.
    pub username: String,
    pub password: Secret,
    /// PEM file with extra CA certificates to trust (self-signed test servers).
    pub ca_file: Option<PathBuf>,
    /// Mailbox to read reports from.
    pub mailbox: String,
    /// Move processed mail here after it is committed; `None` leaves it in place.
    pub processed_folder: Option<String>,
    /// Where the desk's copies of the mail it sent are filed (created when
    /// missing), and where they are looked for after a crash.
    pub sent_folder: String,
    /// Use IDLE when the server advertises it.
    pub idle: bool,
    /// Re-issue IDLE after this many seconds (servers drop it at 30 minutes).
    pub idle_renew_secs: u64,
    /// Poll interval when IDLE is off or not supported.
    pub poll_interval_secs: u64,
    /// Messages fetched (and committed) per batch.
    pub fetch_batch: u32,
    /// Longest wait for a connect or a command before the connection is reset.
    pub timeout_secs: u64,
}

#[derive(Debug, Clone)]
pub struct SmtpConfig {
    /// Server name, also the name its TLS certificate is checked against.
    pub host: String,
    /// Defaults from `encryption`: 465 for TLS, 587 for STARTTLS, 25 for none.
    pub port: u16,
    pub encryption: Encryption,
    /// Allow `encryption = "none"` to a non-loopback host.
    pub allow_plaintext: bool,
    /// Login for SMTP AUTH; `None` sends without authenticating (a local relay).
    pub username: Option<String>,
    /// Set exactly when `username` is.
    pub password: Option<Secret>,
    /// PEM file with extra CA certificates to trust (self-signed test servers).
    pub ca_file: Option<PathBuf>,
    /// Concurrent SMTP connections the sender keeps open.
    pub pool_size: u32,
    /// Of those, how many may carry mail to reporters at once (default:
    /// all). With `sent_copy` on, a crash sends nothing twice whatever the
    /// number; with it off each one can send one mail twice per crash.
    pub reporter_connections: u32,
    /// How the desk learns, after a crash, that a mail whose SMTP
    /// transaction was in flight did go out (see [`SentCopy`]).
    pub sent_copy: SentCopy,
    /// How long after a crash a mail in flight waits for its copy to be
    /// found before it is sent again.
    pub reconcile_secs: u64,
    /// First wait before a mail SMTP did not take is tried again; it
    /// doubles per attempt up to an hour.
    pub retry_initial_secs: u64,
    /// Longest wait for a connect or a command before the send is retried.
    pub timeout_secs: u64,
}

/// Where the copy of every sent mail comes from (`smtp.sent_copy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentCopy {
    /// The desk's own address is one more envelope recipient of every mail
    /// (no header shows it); the reader files the copy in `imap.sent_folder`
    /// and, finding it, knows the mail went out.
    Envelope,
    /// The server files sent mail in `imap.sent_folder` itself (hosted
    /// providers): the reader looks there by Message-ID.
    Server,
    /// No copy: a mail in flight at a crash is sent again (at least once).
    Off,
}

impl SmtpConfig {
    /// How long a mail whose sender died waits, in doubt, for its copy to
    /// be found before it is sent again (nothing without copies).
    pub fn doubt(&self) -> std::time::Duration {
        match self.sent_copy {
            SentCopy::Off => std::time::Duration::ZERO,
            _ => std::time::Duration::from_secs(self.reconcile_secs),
        }
    }
}

impl SentCopy {
    pub fn as_str(self) -> &'static str {
        match self {
            SentCopy::Envelope => "envelope",
            SentCopy::Server => "server",
            SentCopy::Off => "off",
        }
    }
}

#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    /// `sqlite://path/to/file.db` (created on first run) or `postgres://...`.
    pub url: Secret,
    /// Size of the connection pool.
    pub max_connections: u32,
}

impl LimitsConfig {
    /// What the parser is allowed to spend on one mail.
    pub fn message_limits(&self) -> crate::message::Limits {
        crate::message::Limits {
            max_message_bytes: self.max_message_bytes,
            max_parts: self.max_parts,
            max_processing: std::time::Duration::from_millis(self.max_processing_ms),
        }
    }
}

#[derive(Debug, Clone)]
pub struct LimitsConfig {
    /// Larger mail is quarantined unparsed.
    pub max_message_bytes: usize,
    /// Mail with more MIME parts is quarantined.
    pub max_parts: usize,
    /// CPU time, in milliseconds, one mail may take to parse and read;
    /// past it the mail is quarantined.
    pub max_processing_ms: u64,
    /// Automatic answers (acknowledgments, status) one address may get per
    /// hour; past it the answer is recorded as suppressed, not sent. This
    /// stops loops with auto-responders that get through every header check.
    pub auto_replies_per_address_per_hour: u32,
    /// Automatic answers the whole desk may send per hour.
    pub auto_replies_per_hour: u32,
    /// Attachments a staff notification or a relayed answer carries, in all;
    /// the files that do not fit are listed (name, size, SHA-256) with the
    /// command that fetches them.
    pub forward_attachments_bytes: usize,
}

/// The desk's business hours: when the triage clock runs and when staff are
/// reminded. The raw values are kept as given (trimmed) for the summary;
/// `business` is the calendar built from them.
#[derive(Debug, Clone)]
pub struct CalendarConfig {
    /// IANA time zone name business hours and holidays are read in ("UTC").
    pub time_zone: String,
    /// Working weekdays, lower-cased ("mon" to "sun" or full English names).
    pub working_days: Vec<String>,
    /// Local dates the desk is closed on, `YYYY-MM-DD`.
    pub holidays: Vec<String>,
    /// Opening time, `HH:MM` ("09:00").
    pub opens: String,
    /// Closing time, `HH:MM`, up to "24:00" ("18:00").
    pub closes: String,
    /// Staff are reminded this many business hours before triage is due;
    /// less than one business day (0 reminds at the deadline itself).
    pub reminder_lead_hours: u32,
    /// How often the daemon looks for due reminders, in seconds.
    pub check_interval_secs: u64,
    /// The calendar built from the values above.
    pub business: BusinessCalendar,
}

impl CalendarConfig {
    /// [`CalendarConfig::reminder_lead_hours`] as a duration, for
    /// [`BusinessCalendar::reminder_at`].
    pub fn reminder_lead(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::hours(i64::from(self.reminder_lead_hours))
    }
}

/// One problem with the configuration: the key (`imap.port`, or the variable
/// `SECDESK_IMAP_PROT`, or a file position) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {message}")]
pub struct ConfigError {
    pub key: String,
    pub message: String,
}

/// Every problem found (never none): problems reading the file and the
/// variables first, then invalid values, each in section order. Displayed
/// one per line; the caller adds which file it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
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
        let list = |items: &[String]| {
            if items.is_empty() {
                "(none)".to_owned()
            } else {
                items.join(", ")
            }
        };
        let ca = |file: &Option<PathBuf>| match file {
            Some(file) => format!(", extra CAs from {}", file.display()),
            None => String::new(),
        };
        let imap_wait = if imap.idle {
            format!(
                "IDLE renewed every {}s (polls every {}s without it)",
                imap.idle_renew_secs, imap.poll_interval_secs
            )
        } else {
            format!("polls every {}s", imap.poll_interval_secs)
        };
        let authentication = match &desk.authentication {
            AuthPolicy::Dkim => "staff mail proven by the desk's own DKIM/DMARC checks".to_owned(),
            AuthPolicy::AuthenticationResults { authserv_id } => {
                format!("staff mail proven by Authentication-Results from {authserv_id}")
            }
            AuthPolicy::None => {
                "staff mail NOT AUTHENTICATED (authentication = \"none\", local test stack only)"
                    .to_owned()
            }
        };
        let yes_no =
            |yes: bool, if_yes: &str, if_no: &str| if yes { if_yes } else { if_no }.to_owned();
        let smtp_login = match &smtp.username {
            Some(user) => format!("user {user}, password ***"),
            None => "no login".to_owned(),
        };
        [
            format!(
                "desk:     {} <{}>, numbers {}…, default language {}, templates in {}",
                desk.name,
                desk.address,
                desk.number_prefix,
                desk.default_language.as_str(),
                desk.templates_dir.display()
            ),
            format!(
                "staff:    {}; domains: {}; notify: {}",
                list(&desk.staff),
                list(&desk.staff_domains),
                list(&desk.notify)
            ),
            format!("          {authentication}"),
            format!(
                "          {}; {}; {}; status answers up to {} per address per hour",
                yes_no(
                    desk.priority_rule_is_final,
                    "rule-based priority is final",
                    "staff set /priority",
                ),
                yes_no(
                    desk.expose_staff_address,
                    "relayed replies name the staff member",
                    "relayed replies come from the desk only",
                ),
                yes_no(
                    desk.reporter_domain_participates,
                    "the reporter's whole domain may follow up",
                    "only the reporter may follow up",
                ),
                desk.status_requests_per_hour
            ),
            format!(
                "imap:     {}:{} ({}{}), user {}, password ***{}",
                imap.host,
                imap.port,
                imap.encryption.as_str(),
                plaintext_note(imap.encryption, &imap.host),
                imap.username,
                ca(&imap.ca_file)
            ),
            format!(
                "          reads {}, then {}; {}; {} per batch, timeout {}s",
                imap.mailbox,
                match &imap.processed_folder {
                    Some(folder) => format!("moves to {folder}"),
                    None => "leaves mail in place".to_owned(),
                },
                imap_wait,
                imap.fetch_batch,
                imap.timeout_secs
            ),
            format!(
                "smtp:     {}:{} ({}{}), {}{}; {} connections ({} for reporters), timeout {}s; \
                 sent copy: {}",
                smtp.host,
                smtp.port,
                smtp.encryption.as_str(),
                plaintext_note(smtp.encryption, &smtp.host),
                smtp_login,
                ca(&smtp.ca_file),
                smtp.pool_size,
                smtp.reporter_connections,
                smtp.timeout_secs,
                match smtp.sent_copy {
                    SentCopy::Off => "off (a mail in flight at a crash is sent again)".to_owned(),
                    copy => format!(
                        "{} into {}, looked for {}s after a crash",
                        copy.as_str(),
                        imap.sent_folder,
                        smtp.reconcile_secs
                    ),
                },
            ),
            format!(
                "database: {}, up to {} connections",
                redacted_url(database.url.expose()),
                database.max_connections
            ),
            format!(
                "limits:   messages up to {} bytes, up to {} MIME parts, {} ms of CPU each; {} bytes of attachments per forwarded mail",
                limits.max_message_bytes,
                limits.max_parts,
                limits.max_processing_ms,
                limits.forward_attachments_bytes
            ),
            format!(
                "calendar: {} {}-{} in {}; holidays: {}",
                calendar.working_days.join(", "),
                calendar.opens,
                calendar.closes,
                calendar.time_zone,
                list(&calendar.holidays)
            ),
            format!(
                "          reminders {} business hours before triage is due, checked every {}s",
                calendar.reminder_lead_hours, calendar.check_interval_secs
            ),
            format!(
                "dns:      {}, timeout {} ms, {} attempts, {} TXT answers cached",
                if dns.servers.is_empty() {
                    "the system's resolvers".to_owned()
                } else {
                    dns.servers
                        .iter()
                        .map(|s| s.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                },
                dns.timeout_ms,
                dns.attempts,
                dns.cache_entries
            ),
            match &pgp.key_file {
                Some(file) => format!(
                    "pgp:      desk key {}{}{}; staff copies {}",
                    file.display(),
                    if pgp.passphrase.is_some() {
                        ", passphrase ***"
                    } else {
                        ""
                    },
                    pgp.keyring_file
                        .as_ref()
                        .map(|k| format!(", known keys in {}", k.display()))
                        .unwrap_or_default(),
                    if pgp.encrypt_staff_copies {
                        "encrypted"
                    } else {
                        "in clear"
                    }
                ),
                None => "pgp:      off (no pgp.key_file): encrypted reports stay ciphertext".to_owned(),
            },
            match (&http.listen, &http.public_url) {
                (Some(listen), Some(url)) => format!(
                    "http:     {listen}; status links {url}/status/..., valid {} days; {} requests per minute per client",
                    http.link_days, http.requests_per_minute
                ),
                _ => "http:     off (no http.listen): no status page, metrics or health checks".to_owned(),
            },
            format!("log:      {:?}", log.format).to_lowercase(),
        ]
        .join("\n")
    }
}

fn plaintext_note(encryption: Encryption, host: &str) -> &'static str {
    match encryption {
        Encryption::None if !is_loopback(host) => ", PLAINTEXT over the network",
        _ => "",
    }
}

/// The URL with any password and query string (which may hold one) masked;
/// SQLite URLs hold neither, so they are shown whole.
fn redacted_url(url: &str) -> String {
    if url.starts_with("sqlite:") {
        return url.to_owned();
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (rest, query) = match rest.split_once('?') {
        Some((rest, _)) => (rest, "?***"),
        None => (rest, ""),
    };
    let rest = match rest.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{user}:***@{host}"),
            None => format!("{userinfo}@{host}"),
        },
        None => rest.to_owned(),
    };
    format!("{scheme}://{rest}{query}")
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

fn syntax_error(text: &str, error: &toml::de::Error, path: Option<&Path>) -> ConfigError {
    let (line, column) = match error.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            (line, before[line_start..].chars().count() + 1)
        }
        None => (1, 1),
    };
    let key = match path {
        Some(path) => format!("{}:{line}:{column}", path.display()),
        None => format!("line {line}, column {column}"),
    };
    ConfigError {
        key,
        message: format!("invalid TOML: {}", error.message().trim_end()),
    }
}

// ---------------------------------------------------------------------------
// Reading: file and environment into raw values, unknown keys found.

/// Both layers as they are consumed: what is left at the end is unknown.
struct Reader {
    root: Table,
    /// `SECDESK_` variables not yet matched to a key.
    env: BTreeMap<String, String>,
    /// Every key asked for, as (section, key), for suggestions.
    known: Vec<(&'static str, &'static str)>,
    /// Keys whose value came from a variable, so errors can say which.
    from_env: BTreeMap<String, String>,
    errors: Vec<ConfigError>,
}

/// The TOML type a key is read as; environment values are parsed to it.
#[derive(Clone, Copy)]
enum Kind {
    String,
    Integer,
    Boolean,
    List,
}

impl Reader {
    fn section(&mut self, name: &'static str) -> Section<'_> {
        let table = match self.root.remove(name) {
            Some(Value::Table(table)) => table,
            Some(other) => {
                self.errors.push(ConfigError {
                    key: name.to_owned(),
                    message: format!("expected a section ([{name}]), got {}", a_type(&other)),
                });
                Table::new()
            }
            None => Table::new(),
        };
        Section {
            name,
            table,
            reader: self,
        }
    }

    /// Keys and variables no section asked for.
    fn report_leftovers(&mut self) {
        for name in std::mem::take(&mut self.root)
            .into_iter()
            .map(|(key, _)| key)
        {
            let message = if let Some(section) = suggest(&name, SECTIONS) {
                format!("unknown section (did you mean [{section}]?)")
            } else if let Some((section, key)) = self.known.iter().find(|(_, k)| *k == name) {
                format!("unknown top-level key (did you mean {section}.{key}, under [{section}]?)")
            } else {
                format!("unknown section; the sections are {}", SECTIONS.join(", "))
            };
            self.errors.push(ConfigError { key: name, message });
        }
        let known_vars: Vec<String> = self
            .known
            .iter()
            .map(|(section, key)| env_var_name(section, key))
            .collect();
        for name in std::mem::take(&mut self.env).into_keys() {
            let message = match suggest(&name, known_vars.iter().map(String::as_str)) {
                Some(var) => {
                    format!("environment variable matches no setting (did you mean {var}?)")
                }
                None => "environment variable matches no setting; \
                         SECDESK_<SECTION>_<KEY> sets section.key, e.g. \
                         SECDESK_IMAP_PASSWORD sets imap.password"
                    .to_owned(),
            };
            self.errors.push(ConfigError { key: name, message });
        }
    }
}

/// The TOML type of `value` with its article: "an integer", "a string".
fn a_type(value: &Value) -> String {
    let name = value.type_str();
    let article = if name.starts_with(['a', 'i']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

fn env_var_name(section: &str, key: &str) -> String {
    format!(
        "{ENV_PREFIX}{}_{}",
        section.to_ascii_uppercase(),
        key.to_ascii_uppercase()
    )
}

/// One section being read; each accessor takes the key out of the file table
/// and the environment, so what remains at `finish` is unknown.
struct Section<'r> {
    name: &'static str,
    table: Table,
    reader: &'r mut Reader,
}

impl Section<'_> {
    fn string(&mut self, key: &'static str) -> Option<String> {
        match self.value(key, Kind::String)? {
            Value::String(s) => Some(s),
            other => self.wrong_type(key, "a string", &other),
        }
    }

    fn secret(&mut self, key: &'static str) -> Option<Secret> {
        self.string(key).map(Secret)
    }

    fn integer(&mut self, key: &'static str) -> Option<i64> {
        match self.value(key, Kind::Integer)? {
            Value::Integer(n) => Some(n),
            other => self.wrong_type(key, "an integer", &other),
        }
    }

    fn boolean(&mut self, key: &'static str) -> Option<bool> {
        match self.value(key, Kind::Boolean)? {
            Value::Boolean(b) => Some(b),
            other => self.wrong_type(key, "true or false", &other),
        }
    }

    fn list(&mut self, key: &'static str) -> Option<Vec<String>> {
        let items = match self.value(key, Kind::List)? {
            Value::Array(items) => items,
            other => return self.wrong_type(key, "a list of strings", &other),
        };
        let mut strings = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Value::String(s) => strings.push(s),
                other => self.error(
                    format!("{}.{key}[{i}]", self.name),
                    format!("expected a string, got {}", a_type(&other)),
                ),
            }
        }
        Some(strings)
    }

    /// The key's value: from its environment variable if set, else the file.
    fn value(&mut self, key: &'static str, kind: Kind) -> Option<Value> {
        self.reader.known.push((self.name, key));
        let from_file = self.table.remove(key);
        let var = env_var_name(self.name, key);
        let Some(text) = self.reader.env.remove(&var) else {
            return from_file;
        };
        let dotted = format!("{}.{key}", self.name);
        self.reader.from_env.insert(dotted.clone(), var.clone());
        match parse_env_value(&text, kind) {
            Ok(value) => Some(value),
            Err(expected) => {
                self.error(dotted, format!("{var} must be {expected}, got {text:?}"));
                None
            }
        }
    }

    /// The value is never echoed: it may be a password.
    fn wrong_type<T>(&mut self, key: &str, expected: &str, got: &Value) -> Option<T> {
        self.error(
            format!("{}.{key}", self.name),
            format!("expected {expected}, got {}", a_type(got)),
        );
        None
    }

    fn error(&mut self, key: String, message: String) {
        self.reader.errors.push(ConfigError { key, message });
    }

    /// Reports the keys of the file no accessor asked for.
    fn finish(self) {
        let known: Vec<&str> = self
            .reader
            .known
            .iter()
            .filter(|(section, _)| *section == self.name)
            .map(|(_, key)| *key)
            .collect();
        for (key, _) in self.table {
            let message = match suggest(&key, known.iter().copied()) {
                Some(right) => format!("unknown key (did you mean {right}?)"),
                None => format!("unknown key; [{}] has {}", self.name, known.join(", ")),
            };
            self.reader.errors.push(ConfigError {
                key: format!("{}.{key}", self.name),
                message,
            });
        }
    }
}

/// An environment variable's text as a value of the key's type, or what was
/// expected.
fn parse_env_value(text: &str, kind: Kind) -> Result<Value, &'static str> {
    match kind {
        Kind::String => Ok(Value::String(text.to_owned())),
        Kind::Integer => text
            .trim()
            .parse()
            .map(Value::Integer)
            .map_err(|_| "an integer"),
        Kind::Boolean => match text.trim().to_ascii_lowercase().as_str() {
            "true" => Ok(Value::Boolean(true)),
            "false" => Ok(Value::Boolean(false)),
            _ => Err("true or false"),
        },
        Kind::List => Ok(Value::Array(
            text.split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| Value::String(item.to_owned()))
                .collect(),
        )),
    }
}

/// The candidate closest to `wrong`, if it is close enough to be a typo.
fn suggest<'c>(wrong: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let wrong = wrong.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&wrong, &c.to_ascii_lowercase()), c))
        .filter(|(distance, c)| *distance <= c.len().max(3) / 3)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: Levenshtein plus swaps of neighbours
/// (`hots` is one edit from `host`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

// ---------------------------------------------------------------------------
// Raw values: what the layers said, nothing checked yet.

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
    log_format: Option<String>,
}

struct RawPgp {
    key_file: Option<String>,
    passphrase: Option<Secret>,
    keyring_file: Option<String>,
    encrypt_staff_copies: Option<bool>,
}

struct RawHttp {
    listen: Option<String>,
    public_url: Option<String>,
    link_days: Option<i64>,
    requests_per_minute: Option<i64>,
}

struct RawDns {
    servers: Option<Vec<String>>,
    timeout_ms: Option<i64>,
    attempts: Option<i64>,
    cache_entries: Option<i64>,
}

struct RawDesk {
    address: Option<String>,
    name: Option<String>,
    number_prefix: Option<String>,
    staff: Option<Vec<String>>,
    staff_domains: Option<Vec<String>>,
    notify: Option<Vec<String>>,
    default_language: Option<String>,
    templates_dir: Option<String>,
    authentication: Option<String>,
    authserv_id: Option<String>,
    reporter_domain_participates: Option<bool>,
    expose_staff_address: Option<bool>,
    status_requests_per_hour: Option<i64>,
    priority_rule_is_final: Option<bool>,
    reopen_on_follow_up: Option<bool>,
    notify_all_when_owned: Option<bool>,
}

/// What IMAP and SMTP share: where the server is and how to reach it.
struct RawServer {
    host: Option<String>,
    port: Option<i64>,
    encryption: Option<String>,
    allow_plaintext: Option<bool>,
    username: Option<String>,
    password: Option<Secret>,
    ca_file: Option<String>,
    timeout_secs: Option<i64>,
}

struct RawImap {
    server: RawServer,
    mailbox: Option<String>,
    processed_folder: Option<String>,
    sent_folder: Option<String>,
    idle: Option<bool>,
    idle_renew_secs: Option<i64>,
    poll_interval_secs: Option<i64>,
    fetch_batch: Option<i64>,
}

struct RawSmtp {
    server: RawServer,
    pool_size: Option<i64>,
    reporter_connections: Option<i64>,
    retry_initial_secs: Option<i64>,
    sent_copy: Option<String>,
    reconcile_secs: Option<i64>,
}

struct RawDatabase {
    url: Option<Secret>,
    max_connections: Option<i64>,
}

struct RawLimits {
    max_message_bytes: Option<i64>,
    max_parts: Option<i64>,
    max_processing_ms: Option<i64>,
    auto_replies_per_address_per_hour: Option<i64>,
    auto_replies_per_hour: Option<i64>,
    forward_attachments_bytes: Option<i64>,
}

struct RawCalendar {
    time_zone: Option<String>,
    working_days: Option<Vec<String>>,
    holidays: Option<Vec<String>>,
    opens: Option<String>,
    closes: Option<String>,
    reminder_lead_hours: Option<i64>,
    check_interval_secs: Option<i64>,
}

impl RawConfig {
    fn read(reader: &mut Reader) -> RawConfig {
        let mut s = reader.section("desk");
        let desk = RawDesk {
            address: s.string("address"),
            name: s.string("name"),
            number_prefix: s.string("number_prefix"),
            staff: s.list("staff"),
            staff_domains: s.list("staff_domains"),
            notify: s.list("notify"),
            default_language: s.string("default_language"),
            templates_dir: s.string("templates_dir"),
            authentication: s.string("authentication"),
            authserv_id: s.string("authserv_id"),
            reporter_domain_participates: s.boolean("reporter_domain_participates"),
            expose_staff_address: s.boolean("expose_staff_address"),
            status_requests_per_hour: s.integer("status_requests_per_hour"),
            priority_rule_is_final: s.boolean("priority_rule_is_final"),
            reopen_on_follow_up: s.boolean("reopen_on_follow_up"),
            notify_all_when_owned: s.boolean("notify_all_when_owned"),
        };
        s.finish();

        let mut s = reader.section("imap");
        let imap = RawImap {
            server: RawServer::read(&mut s),
            mailbox: s.string("mailbox"),
            processed_folder: s.string("processed_folder"),
            sent_folder: s.string("sent_folder"),
            idle: s.boolean("idle"),
            idle_renew_secs: s.integer("idle_renew_secs"),
            poll_interval_secs: s.integer("poll_interval_secs"),
            fetch_batch: s.integer("fetch_batch"),
        };
        s.finish();

        let mut s = reader.section("smtp");
        let smtp = RawSmtp {
            server: RawServer::read(&mut s),
            pool_size: s.integer("pool_size"),
            reporter_connections: s.integer("reporter_connections"),
            retry_initial_secs: s.integer("retry_initial_secs"),
            sent_copy: s.string("sent_copy"),
            reconcile_secs: s.integer("reconcile_secs"),
        };
        s.finish();

        let mut s = reader.section("database");
        let database = RawDatabase {
            url: s.secret("url"),
            max_connections: s.integer("max_connections"),
        };
        s.finish();

        let mut s = reader.section("limits");
        let limits = RawLimits {
            max_message_bytes: s.integer("max_message_bytes"),
            max_parts: s.integer("max_parts"),
            max_processing_ms: s.integer("max_processing_ms"),
            auto_replies_per_address_per_hour: s.integer("auto_replies_per_address_per_hour"),
            auto_replies_per_hour: s.integer("auto_replies_per_hour"),
            forward_attachments_bytes: s.integer("forward_attachments_bytes"),
        };
        s.finish();

        let mut s = reader.section("calendar");
        let calendar = RawCalendar {
            time_zone: s.string("time_zone"),
            working_days: s.list("working_days"),
            holidays: s.list("holidays"),
            opens: s.string("opens"),
            closes: s.string("closes"),
            reminder_lead_hours: s.integer("reminder_lead_hours"),
            check_interval_secs: s.integer("check_interval_secs"),
        };
        s.finish();

        let mut s = reader.section("dns");
        let dns = RawDns {
            servers: s.list("servers"),
            timeout_ms: s.integer("timeout_ms"),
            attempts: s.integer("attempts"),
            cache_entries: s.integer("cache_entries"),
        };
        s.finish();

        let mut s = reader.section("pgp");
        let pgp = RawPgp {
            key_file: s.string("key_file"),
            passphrase: s.secret("passphrase"),
            keyring_file: s.string("keyring_file"),
            encrypt_staff_copies: s.boolean("encrypt_staff_copies"),
        };
        s.finish();

        let mut s = reader.section("http");
        let http = RawHttp {
            listen: s.string("listen"),
            public_url: s.string("public_url"),
            link_days: s.integer("link_days"),
            requests_per_minute: s.integer("requests_per_minute"),
        };
        s.finish();

        let mut s = reader.section("log");
        let log_format = s.string("format");
        s.finish();

        RawConfig {
            desk,
            imap,
            smtp,
            database,
            limits,
            calendar,
            dns,
            pgp,
            http,
            log_format,
        }
    }

    fn validate(self, check: &mut Check) -> Config {
        let desk = self.desk.validate(check);
        let imap = self.imap.validate(check);
        let smtp = self.smtp.validate(check);
        let database = self.database.validate(check);
        let limits = LimitsConfig {
            max_message_bytes: check.number(
                "limits.max_message_bytes",
                self.limits.max_message_bytes,
                25 * 1024 * 1024,
                1024,
                None,
            ),
            max_parts: check.number("limits.max_parts", self.limits.max_parts, 1000, 1, None),
            max_processing_ms: check.number(
                "limits.max_processing_ms",
                self.limits.max_processing_ms,
                crate::message::DEFAULT_MAX_PROCESSING_MS,
                1,
                Some((600_000, " (ten minutes)")),
            ),
            auto_replies_per_address_per_hour: check.number(
                "limits.auto_replies_per_address_per_hour",
                self.limits.auto_replies_per_address_per_hour,
                30,
                1,
                None,
            ),
            auto_replies_per_hour: check.number(
                "limits.auto_replies_per_hour",
                self.limits.auto_replies_per_hour,
                20_000,
                1,
                None,
            ),
            forward_attachments_bytes: check.number(
                "limits.forward_attachments_bytes",
                self.limits.forward_attachments_bytes,
                10 * 1024 * 1024,
                0,
                None,
            ),
        };
        let calendar = self.calendar.validate(check);
        let dns = self.dns.validate(check);
        let pgp = PgpConfig {
            key_file: optional(self.pgp.key_file).map(PathBuf::from),
            passphrase: self.pgp.passphrase,
            keyring_file: optional(self.pgp.keyring_file).map(PathBuf::from),
            encrypt_staff_copies: self.pgp.encrypt_staff_copies.unwrap_or(false),
        };
        if pgp.key_file.is_none() && pgp.keyring_file.is_some() {
            check.error(
                "pgp.keyring_file",
                "is set but pgp.key_file is not: the desk needs its own key to read \
                 encrypted mail and sign what it sends (secdesk pgp init makes one)",
            );
        }
        let http = self.http.validate(check);
        let log = LogConfig {
            format: LogFormat::parse(self.log_format.as_deref().unwrap_or_default())
                .unwrap_or_else(|message| {
                    check.error("log.format", message);
                    LogFormat::Text
                }),
        };
        Config {
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
        }
    }
}

impl RawHttp {
    fn validate(self, check: &mut Check) -> HttpConfig {
        let listen = optional(self.listen).and_then(|text| {
            text.trim()
                .parse::<std::net::SocketAddr>()
                .map_err(|_| {
                    check.error(
                        "http.listen",
                        format!(
                            "{text:?} is not an address to listen on: write IP:PORT \
                             (\"127.0.0.1:8025\", \"[::1]:8025\", \"0.0.0.0:8025\")"
                        ),
                    )
                })
                .ok()
        });
        let public_url = match optional(self.public_url) {
            Some(url) => {
                let url = url.trim().trim_end_matches('/').to_owned();
                let host = url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"))
                    .unwrap_or_default();
                if host.is_empty() || host.contains(['?', '#', ' ', '"', '<', '>']) {
                    check.error(
                        "http.public_url",
                        format!(
                            "{url:?} is not a base URL: write http(s)://HOST[:PORT][/PATH] \
                             (\"https://desk.example.com\"), without query or fragment"
                        ),
                    );
                    None
                } else {
                    Some(url)
                }
            }
            None => listen.map(|addr| format!("http://{addr}")),
        };
        if listen.is_none() && public_url.is_some() {
            check.error(
                "http.public_url",
                "is set but http.listen is not: status links would lead nowhere",
            );
        }
        HttpConfig {
            listen,
            public_url: public_url.filter(|_| listen.is_some()),
            link_days: check.number(
                "http.link_days",
                self.link_days,
                90,
                1,
                Some((3650, " (ten years)")),
            ),
            requests_per_minute: check.number(
                "http.requests_per_minute",
                self.requests_per_minute,
                60,
                1,
                None,
            ),
        }
    }
}

impl RawServer {
    fn read(s: &mut Section<'_>) -> RawServer {
        RawServer {
            host: s.string("host"),
            port: s.integer("port"),
            encryption: s.string("encryption"),
            allow_plaintext: s.boolean("allow_plaintext"),
            username: s.string("username"),
            password: s.secret("password"),
            ca_file: s.string("ca_file"),
            timeout_secs: s.integer("timeout_secs"),
        }
    }
}

// ---------------------------------------------------------------------------
// Validation: raw values to the public structs. Each check records its
// problem and returns a stand-in, so every key is checked; the stand-ins are
// never seen because any problem makes the whole load fail.

struct Check {
    errors: Vec<ConfigError>,
}

/// The connection settings IMAP and SMTP share, validated.
struct Endpoint {
    host: String,
    port: u16,
    encryption: Encryption,
    allow_plaintext: bool,
    ca_file: Option<PathBuf>,
    timeout_secs: u64,
}

impl Check {
    fn error(&mut self, key: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ConfigError {
            key: key.into(),
            message: message.into(),
        });
    }

    /// `value` (or `default`) if it lies in `min..=max` and fits `T`.
    fn number<T: TryFrom<i64> + Copy>(
        &mut self,
        key: &str,
        value: Option<i64>,
        default: T,
        min: i64,
        max: Option<(i64, &str)>,
    ) -> T {
        let Some(value) = value else {
            return default;
        };
        let in_range = value >= min && max.is_none_or(|(max, _)| value <= max);
        match (in_range, T::try_from(value)) {
            (true, Ok(n)) => n,
            (true, Err(_)) => {
                self.error(key, format!("{value} is too large"));
                default
            }
            (false, _) => {
                let message = match max {
                    Some((max, why)) => format!("must be {min}-{max}{why}, got {value}"),
                    None => format!("must be at least {min}, got {value}"),
                };
                self.error(key, message);
                default
            }
        }
    }

    /// A non-empty string, or an error saying what it is for.
    fn required(&mut self, key: &str, value: Option<String>, missing: &str) -> String {
        match value {
            Some(value) if !value.trim().is_empty() => value,
            Some(_) => {
                self.error(key, format!("is empty; {missing}"));
                String::new()
            }
            None => {
                self.error(key, format!("missing; {missing}"));
                String::new()
            }
        }
    }

    fn address(&mut self, key: &str, value: &str) -> String {
        parse_address(value).unwrap_or_else(|problem| {
            self.error(key, problem);
            String::new()
        })
    }

    fn addresses(&mut self, key: &str, values: Vec<String>) -> Vec<String> {
        let mut addresses: Vec<String> = Vec::with_capacity(values.len());
        for (i, value) in values.iter().enumerate() {
            let address = self.address(&format!("{key}[{i}]"), value);
            if !addresses.contains(&address) {
                addresses.push(address);
            }
        }
        addresses
    }

    fn endpoint(
        &mut self,
        section: &str,
        raw: &mut RawServer,
        default_port: fn(Encryption) -> u16,
        plaintext_exposes: &str,
    ) -> Endpoint {
        let key = |k: &str| format!("{section}.{k}");
        let host = self.required(
            &key("host"),
            raw.host.take(),
            &format!("the {section} server's name, e.g. {section}.example.com"),
        );
        if host.contains("://") || host.contains(char::is_whitespace) {
            self.error(
                key("host"),
                format!(
                    "{host:?} is not a host name; write the name alone (set the port and \
                     encryption with {section}.port and {section}.encryption)"
                ),
            );
        }
        let encryption = match raw.encryption.take() {
            None => Encryption::Tls,
            Some(value) => match value.trim().to_ascii_lowercase().as_str() {
                "tls" => Encryption::Tls,
                "starttls" => Encryption::Starttls,
                "none" => Encryption::None,
                _ => {
                    self.error(
                        key("encryption"),
                        format!("must be \"tls\", \"starttls\" or \"none\", got {value:?}"),
                    );
                    Encryption::Tls
                }
            },
        };
        let port = self.number(
            &key("port"),
            raw.port,
            default_port(encryption),
            1,
            Some((65535, "")),
        );
        let allow_plaintext = raw.allow_plaintext.unwrap_or(false);
        if encryption == Encryption::None
            && !allow_plaintext
            && !host.is_empty()
            && !is_loopback(&host)
        {
            self.error(
                key("encryption"),
                format!(
                    "plaintext to {host} would expose {plaintext_exposes}; use tls or \
                     starttls, or set {section}.allow_plaintext = true"
                ),
            );
        }
        Endpoint {
            host,
            port,
            encryption,
            allow_plaintext,
            ca_file: optional(raw.ca_file.take()).map(PathBuf::from),
            timeout_secs: self.number(&key("timeout_secs"), raw.timeout_secs, 30, 1, None),
        }
    }
}

impl Check {
    /// `desk.authserv_id`, required when staff mail is proven by
    /// Authentication-Results.
    fn authserv_id(&mut self, value: Option<String>) -> String {
        let id = self
            .required(
                "desk.authserv_id",
                value,
                "required while desk.authentication is \"authentication-results\": the \
                 authserv-id our receiving server writes first in its \
                 Authentication-Results header, e.g. mx.example.com (or let the desk \
                 check DKIM itself: desk.authentication = \"dkim\", the default)",
            )
            .trim()
            .to_owned();
        // RFC 8601: the authserv-id is one token, ended by ";".
        if id.contains(|c: char| c.is_whitespace() || c.is_control() || "; \"()".contains(c)) {
            self.error(
                "desk.authserv_id",
                format!(
                    "{id:?} is not an authserv-id: write the single name our receiving server \
                     writes first in its Authentication-Results header, e.g. mx.example.com"
                ),
            );
        }
        id
    }
}

/// Empty means unset, so an environment variable can clear a file's value.
fn optional(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// Whether `host` is this machine (plaintext to it is allowed).
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    let label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    Regex::new(&format!(r"^(?:{label}\.)*{label}$")).expect("the domain pattern is valid")
});

static LOCAL_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[^\s\p{Cc}@<>(),;:"\[\]\\]{1,64}$"#).expect("the local-part pattern is valid")
});

/// A plausible `local@domain` address, lower-cased.
fn parse_address(value: &str) -> Result<String, String> {
    let address = value.trim().to_lowercase();
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err(format!(
            "{value:?} is not an email address (expected local@domain, e.g. alice@example.com)"
        ));
    };
    if !LOCAL_PART.is_match(local) || parse_domain(domain).is_err() {
        return Err(format!(
            "{value:?} is not a plausible email address (expected local@domain, e.g. alice@example.com)"
        ));
    }
    Ok(address)
}

/// A bare domain (`example.com`), lower-cased.
fn parse_domain(value: &str) -> Result<String, String> {
    let domain = value.trim().to_ascii_lowercase();
    if let Some(bare) = domain.strip_prefix('@') {
        return Err(format!("write the domain without \"@\": {bare:?}"));
    }
    if domain.len() > 253 || !DOMAIN.is_match(&domain) {
        return Err(format!(
            "{value:?} is not a domain (expected e.g. example.com; international names in punycode)"
        ));
    }
    Ok(domain)
}

impl RawDesk {
    fn validate(self, check: &mut Check) -> DeskConfig {
        let address = match self.address {
            Some(address) => check.address("desk.address", &address),
            None => {
                check.error(
                    "desk.address",
                    "missing; the desk's own address, where reports arrive (e.g. security@example.com)",
                );
                String::new()
            }
        };

        let name = self.name.unwrap_or_else(|| "Security Desk".to_owned());
        if name.trim().is_empty() || name.chars().any(char::is_control) {
            check.error(
                "desk.name",
                "must be a non-empty display name on one line (it goes into the From header)",
            );
        }

        let prefix = self.number_prefix.unwrap_or_else(|| "SEC-".to_owned());
        static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new("^[A-Za-z0-9]{1,12}-?$").expect("the prefix pattern is valid")
        });
        if !PREFIX.is_match(&prefix) {
            check.error(
                "desk.number_prefix",
                format!(
                    "must be 1-12 letters or digits, optionally followed by \"-\" (e.g. \"SEC-\"), got {prefix:?}"
                ),
            );
        }

        let staff = check.addresses("desk.staff", self.staff.unwrap_or_default());
        let notify_is_staff = self.notify.is_none();
        let notify = match self.notify {
            Some(notify) => check.addresses("desk.notify", notify),
            None => staff.clone(),
        };
        if !address.is_empty() {
            // The desk reading its own mail as staff mail, or notifying
            // itself, would answer itself in a loop.
            if staff.contains(&address) {
                check.error(
                    "desk.staff",
                    format!("must not include the desk's own address {address}"),
                );
            }
            if !notify_is_staff && notify.contains(&address) {
                check.error(
                    "desk.notify",
                    format!("must not include the desk's own address {address}"),
                );
            }
        }

        let mut staff_domains = Vec::new();
        for (i, value) in self.staff_domains.unwrap_or_default().iter().enumerate() {
            match parse_domain(value) {
                Ok(domain) if !staff_domains.contains(&domain) => staff_domains.push(domain),
                Ok(_duplicate) => {}
                Err(problem) => check.error(format!("desk.staff_domains[{i}]"), problem),
            }
        }

        let default_language = match self.default_language {
            None => Language::En,
            Some(value) => match value.trim().to_ascii_lowercase().as_str() {
                "en" => Language::En,
                "it" => Language::It,
                _ => {
                    check.error(
                        "desk.default_language",
                        format!("must be \"en\" or \"it\", got {value:?}"),
                    );
                    Language::En
                }
            },
        };

        let templates_dir = self.templates_dir.unwrap_or_else(|| "templates".to_owned());
        if templates_dir.trim().is_empty() {
            check.error(
                "desk.templates_dir",
                "is empty; the folder of reply templates (default \"templates\")",
            );
        }

        // An authserv_id given with "dkim" or "none" is not used; keeping it
        // lets SECDESK_DESK_AUTHENTICATION switch back and forth.
        let authentication = match self.authentication {
            None => AuthPolicy::Dkim,
            Some(value) => match value.trim().to_ascii_lowercase().as_str() {
                "dkim" => AuthPolicy::Dkim,
                "authentication-results" => AuthPolicy::AuthenticationResults {
                    authserv_id: check.authserv_id(self.authserv_id),
                },
                "none" => AuthPolicy::None,
                _ => {
                    check.error(
                        "desk.authentication",
                        format!(
                            "must be \"dkim\", \"authentication-results\" or \"none\", got {value:?}"
                        ),
                    );
                    AuthPolicy::Dkim
                }
            },
        };

        DeskConfig {
            address,
            name,
            number_prefix: prefix.to_ascii_uppercase(),
            staff,
            staff_domains,
            notify,
            default_language,
            templates_dir: PathBuf::from(templates_dir),
            authentication,
            reporter_domain_participates: self.reporter_domain_participates.unwrap_or(false),
            expose_staff_address: self.expose_staff_address.unwrap_or(false),
            status_requests_per_hour: check.number(
                "desk.status_requests_per_hour",
                self.status_requests_per_hour,
                5,
                1,
                None,
            ),
            priority_rule_is_final: self.priority_rule_is_final.unwrap_or(false),
            reopen_on_follow_up: self.reopen_on_follow_up.unwrap_or(true),
            notify_all_when_owned: self.notify_all_when_owned.unwrap_or(false),
        }
    }
}

impl RawImap {
    fn validate(mut self, check: &mut Check) -> ImapConfig {
        let endpoint = check.endpoint(
            "imap",
            &mut self.server,
            |encryption| match encryption {
                Encryption::Tls => 993,
                Encryption::Starttls | Encryption::None => 143,
            },
            "the password",
        );
        let username = check.required(
            "imap.username",
            self.server.username,
            "the login of the desk's mailbox",
        );
        let password = match self.server.password {
            Some(password) if !password.expose().is_empty() => password,
            given => {
                let state = if given.is_some() {
                    "is empty"
                } else {
                    "missing"
                };
                check.error(
                    "imap.password",
                    format!(
                        "{state}; set it in the environment variable SECDESK_IMAP_PASSWORD \
                         (preferred) or in the file"
                    ),
                );
                Secret::default()
            }
        };
        let mailbox = self.mailbox.unwrap_or_else(|| "INBOX".to_owned());
        if mailbox.trim().is_empty() {
            check.error(
                "imap.mailbox",
                "is empty; the mailbox reports arrive in (default \"INBOX\")",
            );
        }
        let processed_folder = optional(self.processed_folder);
        if processed_folder.as_ref() == Some(&mailbox) {
            check.error(
                "imap.processed_folder",
                "must differ from imap.mailbox; leave it unset to keep processed mail in place",
            );
        }
        let sent_folder = optional(self.sent_folder).unwrap_or_else(|| "Sent".to_owned());
        if sent_folder == mailbox || processed_folder.as_ref() == Some(&sent_folder) {
            check.error(
                "imap.sent_folder",
                "must differ from imap.mailbox and imap.processed_folder: the desk's copies of \
                 its own mail are filed there, apart from what it reads",
            );
        }
        ImapConfig {
            host: endpoint.host,
            port: endpoint.port,
            encryption: endpoint.encryption,
            allow_plaintext: endpoint.allow_plaintext,
            username,
            password,
            ca_file: endpoint.ca_file,
            mailbox,
            processed_folder,
            sent_folder,
            idle: self.idle.unwrap_or(true),
            idle_renew_secs: check.number(
                "imap.idle_renew_secs",
                self.idle_renew_secs,
                1500,
                1,
                Some((
                    IDLE_RENEW_LIMIT_SECS - 1,
                    " (servers may drop IDLE after 30 minutes, RFC 2177)",
                )),
            ),
            poll_interval_secs: check.number(
                "imap.poll_interval_secs",
                self.poll_interval_secs,
                30,
                1,
                None,
            ),
            fetch_batch: check.number("imap.fetch_batch", self.fetch_batch, 200, 1, None),
            timeout_secs: endpoint.timeout_secs,
        }
    }
}

impl RawSmtp {
    fn validate(mut self, check: &mut Check) -> SmtpConfig {
        let logs_in = optional(self.server.username.clone()).is_some();
        let exposes = if logs_in {
            "every outgoing mail and the password"
        } else {
            "every outgoing mail"
        };
        let endpoint = check.endpoint(
            "smtp",
            &mut self.server,
            |encryption| match encryption {
                Encryption::Tls => 465,
                Encryption::Starttls => 587,
                Encryption::None => 25,
            },
            exposes,
        );
        let username = optional(self.server.username);
        let password = self.server.password.filter(|p| !p.expose().is_empty());
        match (&username, &password) {
            (Some(_), None) => check.error(
                "smtp.password",
                "missing while smtp.username is set; set it in the environment variable \
                 SECDESK_SMTP_PASSWORD (preferred) or in the file, or remove smtp.username \
                 to send without logging in",
            ),
            (None, Some(_)) => check.error(
                "smtp.username",
                "missing while smtp.password is set; set both to log in, or neither",
            ),
            _ => {}
        }
        let pool_size = check.number("smtp.pool_size", self.pool_size, 4, 1, None);
        SmtpConfig {
            host: endpoint.host,
            port: endpoint.port,
            encryption: endpoint.encryption,
            allow_plaintext: endpoint.allow_plaintext,
            username,
            password,
            ca_file: endpoint.ca_file,
            pool_size,
            reporter_connections: check.number(
                "smtp.reporter_connections",
                self.reporter_connections,
                pool_size,
                1,
                Some((i64::from(pool_size), " (smtp.pool_size)")),
            ),
            sent_copy: match self.sent_copy {
                None => SentCopy::Envelope,
                Some(value) => match value.trim().to_ascii_lowercase().as_str() {
                    "envelope" => SentCopy::Envelope,
                    "server" => SentCopy::Server,
                    "off" => SentCopy::Off,
                    _ => {
                        check.error(
                            "smtp.sent_copy",
                            format!("must be \"envelope\", \"server\" or \"off\", got {value:?}"),
                        );
                        SentCopy::Envelope
                    }
                },
            },
            reconcile_secs: check.number(
                "smtp.reconcile_secs",
                self.reconcile_secs,
                30,
                1,
                Some((3600, "one hour")),
            ),
            retry_initial_secs: check.number(
                "smtp.retry_initial_secs",
                self.retry_initial_secs,
                10,
                1,
                Some((3600, "one hour")),
            ),
            timeout_secs: endpoint.timeout_secs,
        }
    }
}

impl RawDatabase {
    fn validate(self, check: &mut Check) -> DatabaseConfig {
        let url = self
            .url
            .unwrap_or_else(|| Secret::new("sqlite://secdesk.db"));
        let text = url.expose();
        let supported = ["sqlite:", "postgres://", "postgresql://"];
        if !supported.iter().any(|scheme| text.starts_with(scheme)) {
            // Only the scheme is echoed: the rest may hold a password.
            let got = match text.split_once(':') {
                Some((scheme, _)) => format!("a URL starting with {:?}", format!("{scheme}:")),
                None => "a value without a scheme".to_owned(),
            };
            check.error(
                "database.url",
                format!(
                    "must start with sqlite: (e.g. sqlite://secdesk.db) or postgres:// \
                     (e.g. postgres://secdesk@db.example.com/secdesk), got {got}"
                ),
            );
        }
        DatabaseConfig {
            url,
            max_connections: check.number(
                "database.max_connections",
                self.max_connections,
                8,
                1,
                None,
            ),
        }
    }
}

impl RawDns {
    fn validate(self, check: &mut Check) -> DnsConfig {
        let mut servers = Vec::new();
        for (i, server) in self.servers.unwrap_or_default().iter().enumerate() {
            let server = server.trim();
            let parsed = server
                .parse::<std::net::SocketAddr>()
                .or_else(|_| server.parse::<IpAddr>().map(|ip| (ip, 53).into()));
            match parsed {
                Ok(addr) => servers.push(addr),
                Err(_) => check.error(
                    format!("dns.servers[{i}]"),
                    format!(
                        "{server:?} is not a resolver address: write an IP address, \
                         optionally with a port (\"192.0.2.53\", \"127.0.0.1:5353\", \"[2001:db8::53]:53\")"
                    ),
                ),
            }
        }
        DnsConfig {
            servers,
            timeout_ms: check.number(
                "dns.timeout_ms",
                self.timeout_ms,
                2000,
                10,
                Some((60_000, " (a minute)")),
            ),
            attempts: check.number("dns.attempts", self.attempts, 2, 1, Some((10, ""))),
            cache_entries: check.number("dns.cache_entries", self.cache_entries, 4096, 0, None),
        }
    }
}

impl RawCalendar {
    fn validate(self, check: &mut Check) -> CalendarConfig {
        let trimmed = |value: String| value.trim().to_owned();
        let time_zone = self.time_zone.map_or_else(|| "UTC".to_owned(), trimmed);
        let working_days: Vec<String> = match self.working_days {
            Some(days) => days
                .into_iter()
                .map(|day| day.trim().to_ascii_lowercase())
                .collect(),
            None => sla::DEFAULT_WORKING_DAYS
                .iter()
                .map(|&day| day.to_owned())
                .collect(),
        };
        let holidays: Vec<String> = self
            .holidays
            .unwrap_or_default()
            .into_iter()
            .map(trimmed)
            .collect();
        let opens = self
            .opens
            .map_or_else(|| sla::DEFAULT_OPENS.to_owned(), trimmed);
        let closes = self
            .closes
            .map_or_else(|| sla::DEFAULT_CLOSES.to_owned(), trimmed);
        let business = calendar(check, &time_zone, &working_days, &holidays, &opens, &closes);

        let reminder_lead_hours = check.number(
            "calendar.reminder_lead_hours",
            self.reminder_lead_hours,
            2,
            0,
            None,
        );
        // A lead of a business day or more could remind before receipt.
        if business.is_some()
            && let (Some(open), Some(close)) = (minutes_of_day(&opens), minutes_of_day(&closes))
            && i64::from(reminder_lead_hours) * 60 >= close - open
        {
            let day = close - open;
            check.error(
                "calendar.reminder_lead_hours",
                format!(
                    "must be less than one business day ({}h{:02} from {opens} to {closes}), \
                     got {reminder_lead_hours}",
                    day / 60,
                    day % 60
                ),
            );
        }

        CalendarConfig {
            business: business.unwrap_or_else(default_calendar),
            time_zone,
            working_days,
            holidays,
            opens,
            closes,
            reminder_lead_hours,
            check_interval_secs: check.number(
                "calendar.check_interval_secs",
                self.check_interval_secs,
                60,
                1,
                None,
            ),
        }
    }
}

/// The business calendar of the `[calendar]` values, or `None` after
/// recording every problem with them. `BusinessCalendar::new` stops at the
/// first problem, so each value is first tried alone, the others at their
/// defaults, and reported under its own key.
fn calendar(
    check: &mut Check,
    time_zone: &str,
    working_days: &[String],
    holidays: &[String],
    opens: &str,
    closes: &str,
) -> Option<BusinessCalendar> {
    let days = sla::DEFAULT_WORKING_DAYS;
    let (default_opens, default_closes) = (sla::DEFAULT_OPENS, sla::DEFAULT_CLOSES);
    let before = check.errors.len();
    let report = |check: &mut Check, key: String, result| {
        if let Err(error) = result {
            check.error(key, calendar_message(&error));
        }
    };
    let alone = |tz, days: &[&str], holidays: &[&str], opens, closes| {
        BusinessCalendar::new(tz, days, holidays, opens, closes).map(drop)
    };
    report(
        check,
        "calendar.time_zone".to_owned(),
        alone(time_zone, days, &[], default_opens, default_closes),
    );
    if working_days.is_empty() {
        report(
            check,
            "calendar.working_days".to_owned(),
            alone("UTC", &[], &[], default_opens, default_closes),
        );
    }
    for (i, day) in working_days.iter().enumerate() {
        report(
            check,
            format!("calendar.working_days[{i}]"),
            alone("UTC", &[day], &[], default_opens, default_closes),
        );
    }
    for (i, holiday) in holidays.iter().enumerate() {
        report(
            check,
            format!("calendar.holidays[{i}]"),
            alone("UTC", days, &[holiday], default_opens, default_closes),
        );
    }
    // Each time against the widest day, so only its own format can fail.
    let opens_result = alone("UTC", days, &[], opens, "24:00");
    let closes_result = alone("UTC", days, &[], "00:00", closes);
    let times_read =
        opens_result.is_ok() && !matches!(closes_result, Err(CalendarError::BadTime { .. }));
    report(check, "calendar.opens".to_owned(), opens_result);
    if times_read {
        report(
            check,
            "calendar.closes".to_owned(),
            alone("UTC", days, &[], opens, closes),
        );
    } else if let Err(error @ CalendarError::BadTime { .. }) = closes_result {
        report(check, "calendar.closes".to_owned(), Err(error));
    }
    if check.errors.len() > before {
        return None;
    }
    let days: Vec<&str> = working_days.iter().map(String::as_str).collect();
    let holidays: Vec<&str> = holidays.iter().map(String::as_str).collect();
    match BusinessCalendar::new(time_zone, &days, &holidays, opens, closes) {
        Ok(calendar) => Some(calendar),
        Err(error) => {
            // Not expected: every value was accepted alone.
            let key = match &error {
                CalendarError::UnknownTimeZone { .. } => "calendar.time_zone",
                CalendarError::UnknownWeekday { .. } | CalendarError::NoWorkingDays => {
                    "calendar.working_days"
                }
                CalendarError::BadHoliday { .. } => "calendar.holidays",
                CalendarError::BadTime { which: "start", .. } => "calendar.opens",
                CalendarError::BadTime { .. } | CalendarError::EmptyHours { .. } => {
                    "calendar.closes"
                }
            };
            check.error(key, calendar_message(&error));
            None
        }
    }
}

/// The calendar's message, with its "start"/"end" wording tied to our keys.
fn calendar_message(error: &CalendarError) -> String {
    match error {
        CalendarError::BadTime {
            which: "start",
            value,
        } => format!(
            "{value:?} is not a time of day: expected HH:MM from 00:00 to 23:59, e.g. \"09:00\""
        ),
        CalendarError::BadTime { value, .. } => format!(
            "{value:?} is not a time of day: expected HH:MM from 00:00 to 24:00, e.g. \"18:00\""
        ),
        CalendarError::EmptyHours { start, end } => format!(
            "{end:?} is not after calendar.opens {start:?}: the desk must open before it \
             closes on the same day, e.g. opens = \"09:00\" and closes = \"18:00\""
        ),
        other => other.to_string(),
    }
}

/// Minutes from midnight of a time `BusinessCalendar` accepted (`HH:MM`).
fn minutes_of_day(time: &str) -> Option<i64> {
    let (hours, minutes) = time.split_once(':')?;
    Some(hours.parse::<i64>().ok()? * 60 + minutes.parse::<i64>().ok()?)
}

/// The stand-in calendar: UTC, Monday to Friday, default hours.
fn default_calendar() -> BusinessCalendar {
    BusinessCalendar::new(
        "UTC",
        sla::DEFAULT_WORKING_DAYS,
        &[],
        sla::DEFAULT_OPENS,
        sla::DEFAULT_CLOSES,
    )
    .expect("the default calendar is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../config/secdesk.example.toml");
    const LOCAL: &str = include_str!("../config/local.toml");

    /// The smallest valid file: everything else has a default.
    const MINIMAL: &str = r#"
        [desk]
        address = "security@example.com"
        authserv_id = "mx.example.com"
        [imap]
        host = "imap.example.com"
        username = "security@example.com"
        password = "imap-password"
        [smtp]
        host = "smtp.example.com"
    "#;

    fn env(vars: &[(&str, &str)]) -> Vec<(String, String)> {
        vars.iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect()
    }

    fn load(text: &str, vars: &[(&str, &str)]) -> Result<Config, ConfigErrors> {
        Config::from_sources(text, env(vars))
    }

    fn errors(text: &str, vars: &[(&str, &str)]) -> Vec<String> {
        match load(text, vars) {
            Ok(config) => panic!("expected errors, got {config:?}"),
            Err(ConfigErrors(errors)) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    fn example_env() -> Vec<(&'static str, &'static str)> {
        vec![
            ("SECDESK_IMAP_PASSWORD", "imap-hunter2"),
            ("SECDESK_SMTP_PASSWORD", "smtp-hunter2"),
        ]
    }

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
    fn default_port_follows_encryption() {
        let config = load(
            MINIMAL,
            &[
                ("SECDESK_IMAP_ENCRYPTION", "starttls"),
                ("SECDESK_SMTP_ENCRYPTION", "starttls"),
            ],
        )
        .expect("valid");
        assert_eq!((config.imap.port, config.smtp.port), (143, 587));
        let config = load(LOCAL, &[("SECDESK_SMTP_PORT", "")]);
        assert!(config.is_err(), "an empty port is not a number");
    }

    #[test]
    fn environment_overrides_the_file() {
        let config = load(
            LOCAL,
            &[
                ("SECDESK_SMTP_PORT", "2526"),
                ("SECDESK_IMAP_IDLE", "false"),
                ("SECDESK_DATABASE_URL", "postgres://u:pw@db/secdesk"),
            ],
        )
        .expect("valid");
        assert_eq!(config.smtp.port, 2526);
        assert!(!config.imap.idle);
        assert_eq!(config.database.url.expose(), "postgres://u:pw@db/secdesk");
    }

    #[test]
    fn list_values_from_the_environment_are_comma_separated() {
        let config = load(
            LOCAL,
            &[
                ("SECDESK_DESK_STAFF", "A@Example.test, b@example.test,"),
                ("SECDESK_DESK_STAFF_DOMAINS", "staff.example.test"),
            ],
        )
        .expect("valid");
        assert_eq!(config.desk.staff, ["a@example.test", "b@example.test"]);
        assert_eq!(config.desk.notify, config.desk.staff);
        assert_eq!(config.desk.staff_domains, ["staff.example.test"]);
    }

    #[test]
    fn environment_variable_for_an_unknown_key_is_an_error_naming_it() {
        let errors = errors(LOCAL, &[("SECDESK_IMAP_PASWORD", "x")]);
        assert_eq!(
            errors,
            [
                "SECDESK_IMAP_PASWORD: environment variable matches no setting \
              (did you mean SECDESK_IMAP_PASSWORD?)"
            ]
        );
        let errors = errors_of(load(LOCAL, &[("SECDESK_QUEUE_SIZE", "3")]));
        assert_eq!(errors[0].key, "SECDESK_QUEUE_SIZE");
    }

    fn errors_of(result: Result<Config, ConfigErrors>) -> Vec<ConfigError> {
        result.expect_err("expected errors").0
    }

    #[test]
    fn variables_that_are_not_settings_are_ignored() {
        load(
            LOCAL,
            &[
                ("SECDESK_CONFIG", "/etc/secdesk.toml"),
                ("SECDESK_LOG", "debug"),
                ("SECDESK_TEST_POSTGRES_URL", "postgres://localhost/test"),
                ("HOME", "/root"),
            ],
        )
        .expect("valid");
    }

    #[test]
    fn environment_value_of_the_wrong_type_names_the_variable() {
        let errors = errors(LOCAL, &[("SECDESK_SMTP_PORT", "smtp")]);
        assert_eq!(
            errors,
            ["smtp.port: SECDESK_SMTP_PORT must be an integer, got \"smtp\""]
        );
    }

    #[test]
    fn invalid_value_from_the_environment_says_which_variable_set_it() {
        let errors = errors(LOCAL, &[("SECDESK_SMTP_PORT", "70000")]);
        assert_eq!(
            errors,
            ["smtp.port: must be 1-65535, got 70000 (set by SECDESK_SMTP_PORT)"]
        );
    }

    #[test]
    fn missing_imap_password_names_the_key_and_the_variable() {
        let text = LOCAL.replace("password = \"secret\"", "");
        let errors = errors_of(load(&text, &[]));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].key, "imap.password");
        assert!(errors[0].message.contains("SECDESK_IMAP_PASSWORD"));
    }

    #[test]
    fn port_out_of_range_is_rejected_with_the_range() {
        let text = LOCAL.replace("port = 1143", "port = 0");
        assert_eq!(errors(&text, &[]), ["imap.port: must be 1-65535, got 0"]);
    }

    #[test]
    fn plaintext_to_a_remote_host_is_rejected() {
        let text = LOCAL.replace(
            "host = \"127.0.0.1\"\nport = 1143",
            "host = \"mail.example.com\"\nport = 1143",
        );
        assert_eq!(
            errors(&text, &[]),
            [
                "imap.encryption: plaintext to mail.example.com would expose the password; \
              use tls or starttls, or set imap.allow_plaintext = true"
            ]
        );
    }

    #[test]
    fn plaintext_to_a_remote_host_is_allowed_when_asked_for() {
        let text = LOCAL.replace(
            "host = \"127.0.0.1\"\nport = 1143",
            "host = \"mail.example.com\"\nport = 1143",
        );
        let config = load(&text, &[("SECDESK_IMAP_ALLOW_PLAINTEXT", "true")]).expect("valid");
        assert!(config.imap.allow_plaintext);
    }

    #[test]
    fn loopback_hosts_may_use_plaintext() {
        for host in ["localhost", "127.0.0.2", "::1", "[::1]"] {
            load(LOCAL, &[("SECDESK_SMTP_HOST", host)])
                .unwrap_or_else(|e| panic!("{host} is loopback: {e}"));
        }
        let errors = errors(LOCAL, &[("SECDESK_SMTP_HOST", "10.0.0.1")]);
        assert!(
            errors[0].contains("would expose every outgoing mail"),
            "{errors:?}"
        );
    }

    #[test]
    fn unknown_key_in_the_file_is_named_with_a_suggestion() {
        let text = LOCAL.replace(
            "host = \"127.0.0.1\"\nport = 1143",
            "hots = \"127.0.0.1\"\nport = 1143",
        );
        let errors = errors(&text, &[]);
        assert!(
            errors.contains(&"imap.hots: unknown key (did you mean host?)".to_owned()),
            "{errors:#?}"
        );
        assert!(errors.contains(
            &"imap.host: missing; the imap server's name, e.g. imap.example.com".to_owned()
        ));
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
    fn database_url_errors_do_not_echo_the_url() {
        let errors = errors(LOCAL, &[("SECDESK_DATABASE_URL", "mysql://u:hunter2@db/x")]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("database.url: must start with sqlite:"));
        assert!(errors[0].contains("\"mysql:\""));
        assert!(!errors[0].contains("hunter2"), "{}", errors[0]);
    }

    #[test]
    fn wrong_type_in_the_file_does_not_echo_the_value() {
        let text = LOCAL.replace("password = \"secret\"", "password = 123456");
        let errors = errors(&text, &[]);
        assert_eq!(errors, ["imap.password: expected a string, got an integer"]);
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
    fn addresses_and_prefix_are_normalised() {
        let config = load(
            LOCAL,
            &[
                ("SECDESK_DESK_ADDRESS", " Security@Example.TEST "),
                ("SECDESK_DESK_NUMBER_PREFIX", "vuln"),
                ("SECDESK_DESK_DEFAULT_LANGUAGE", "IT"),
            ],
        )
        .expect("valid");
        assert_eq!(config.desk.address, "security@example.test");
        assert_eq!(config.desk.number_prefix, "VULN");
        assert_eq!(config.desk.default_language, Language::It);
    }

    #[test]
    fn the_desk_must_not_be_its_own_staff() {
        let errors = errors(LOCAL, &[("SECDESK_DESK_STAFF", "security@example.test")]);
        assert_eq!(
            errors,
            [
                "desk.staff: must not include the desk's own address security@example.test \
              (set by SECDESK_DESK_STAFF)"
            ]
        );
    }

    #[test]
    fn smtp_login_needs_both_username_and_password() {
        let errors = errors(LOCAL, &[("SECDESK_SMTP_USERNAME", "desk")]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("smtp.password: missing while smtp.username is set"));
        let config = load(
            LOCAL,
            &[
                ("SECDESK_SMTP_USERNAME", "desk"),
                ("SECDESK_SMTP_PASSWORD", "pw"),
            ],
        )
        .expect("valid");
        assert_eq!(config.smtp.username.as_deref(), Some("desk"));
    }

    #[test]
    fn empty_environment_value_clears_an_optional_setting() {
        let config = load(
            EXAMPLE,
            &[("SECDESK_IMAP_PROCESSED_FOLDER", "")]
                .into_iter()
                .chain(example_env())
                .collect::<Vec<_>>(),
        )
        .expect("valid");
        assert_eq!(config.imap.processed_folder, None);
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
    fn staff_settings_are_read_from_the_file_and_the_environment() {
        let text = MINIMAL.replace(
            "authserv_id = \"mx.example.com\"",
            "authserv_id = \" MX.Example.com \"\nexpose_staff_address = true\n\
             status_requests_per_hour = 1",
        );
        let config = load(
            &text,
            &[
                ("SECDESK_DESK_REPORTER_DOMAIN_PARTICIPATES", "true"),
                ("SECDESK_DESK_PRIORITY_RULE_IS_FINAL", "TRUE"),
                ("SECDESK_DESK_AUTHENTICATION", "authentication-results"),
            ],
        )
        .expect("valid");
        assert_eq!(
            config.desk.authentication,
            AuthPolicy::AuthenticationResults {
                authserv_id: "MX.Example.com".to_owned()
            }
        );
        assert!(config.desk.expose_staff_address);
        assert!(config.desk.reporter_domain_participates);
        assert!(config.desk.priority_rule_is_final);
        assert_eq!(config.desk.status_requests_per_hour, 1);
    }

    #[test]
    fn authentication_results_without_authserv_id_names_the_key() {
        let text = MINIMAL.replace(
            "authserv_id = \"mx.example.com\"",
            "authentication = \"authentication-results\"",
        );
        let missing = errors_of(load(&text, &[]));
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(missing[0].key, "desk.authserv_id");
        assert!(
            missing[0].message.starts_with("missing; required while"),
            "{missing:?}"
        );
        assert!(missing[0].message.contains("mx.example.com"), "{missing:?}");
        // The policy's name is case-insensitive.
        let explicit = text.replace("authentication-results", "Authentication-Results");
        assert_eq!(errors_of(load(&explicit, &[]))[0].key, "desk.authserv_id");
        let errors = errors(&text, &[("SECDESK_DESK_AUTHSERV_ID", "")]);
        assert!(
            errors[0].starts_with("desk.authserv_id: is empty; required while"),
            "{errors:?}"
        );
        assert!(
            errors[0].ends_with("(set by SECDESK_DESK_AUTHSERV_ID)"),
            "{errors:?}"
        );
    }

    #[test]
    fn http_is_off_until_it_listens_and_links_default_to_the_listener() {
        let config = Config::from_toml_str(MINIMAL).unwrap();
        assert_eq!(
            (config.http.listen, config.http.public_url.clone()),
            (None, None)
        );
        assert!(config.summary().contains("http:     off"));
        let config =
            Config::from_toml_str(&format!("{MINIMAL}\n[http]\nlisten = \"127.0.0.1:8025\"\n"))
                .unwrap();
        assert_eq!(
            config.http.public_url.as_deref(),
            Some("http://127.0.0.1:8025")
        );
        assert_eq!(
            (config.http.link_days, config.http.requests_per_minute),
            (90, 60)
        );
        let config = Config::from_sources(
            &format!("{MINIMAL}\n[http]\nlisten = \"[::1]:8025\"\n"),
            [(
                "SECDESK_HTTP_PUBLIC_URL".to_owned(),
                "https://desk.example.com/".to_owned(),
            )],
        )
        .unwrap();
        assert_eq!(
            config.http.public_url.as_deref(),
            Some("https://desk.example.com")
        );
    }

    #[test]
    fn bad_http_and_log_keys_are_named() {
        let text = format!(
            "{MINIMAL}\n[http]\nlisten = \"localhost\"\npublic_url = \"ftp://x\"\nlink_days = 0\n[log]\nformat = \"xml\"\n"
        );
        let errors = errors(&text, &[]);
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].starts_with("http.listen: \"localhost\" is not an address"));
        assert!(errors[1].starts_with("http.public_url: \"ftp://x\" is not a base URL"));
        assert!(errors[2].starts_with("http.link_days: must be 1-3650"));
        assert_eq!(
            errors[3],
            "log.format: must be \"text\" or \"json\", got \"xml\""
        );
        // the format's variable is the key's, as for every key
        let config = Config::from_sources(
            MINIMAL,
            [("SECDESK_LOG_FORMAT".to_owned(), "json".to_owned())],
        )
        .unwrap();
        assert_eq!(config.log.format, LogFormat::Json);
    }

    #[test]
    fn dns_servers_take_an_ip_with_or_without_a_port() {
        let text = format!(
            "{MINIMAL}\n[dns]\nservers = [\"192.0.2.53\", \"127.0.0.1:5353\", \"[2001:db8::53]:53\"]\ntimeout_ms = 300\n"
        );
        let config = load(&text, &[("SECDESK_DNS_ATTEMPTS", "1")]).expect("valid");
        let servers: Vec<String> = config.dns.servers.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            servers,
            ["192.0.2.53:53", "127.0.0.1:5353", "[2001:db8::53]:53"]
        );
        assert_eq!((config.dns.timeout_ms, config.dns.attempts), (300, 1));
        let summary = config.summary();
        assert!(
            summary.contains("dns:      192.0.2.53:53, 127.0.0.1:5353"),
            "{summary}"
        );
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_DNS_SERVERS", "192.0.2.53,resolver.example.com"),
                ("SECDESK_DNS_TIMEOUT_MS", "0"),
            ],
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0]
                .starts_with("dns.servers[1]: \"resolver.example.com\" is not a resolver address"),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with("dns.timeout_ms: must be 10-60000"),
            "{errors:?}"
        );
    }

    #[test]
    fn authserv_id_must_be_one_name() {
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_DESK_AUTHENTICATION", "authentication-results"),
                ("SECDESK_DESK_AUTHSERV_ID", "mx.example.com; dkim"),
            ],
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .starts_with("desk.authserv_id: \"mx.example.com; dkim\" is not an authserv-id"),
            "{errors:?}"
        );
    }

    #[test]
    fn authentication_none_needs_no_authserv_id() {
        let text = MINIMAL.replace(
            "authserv_id = \"mx.example.com\"",
            "authentication = \"none\"",
        );
        let config = load(&text, &[]).expect("valid");
        assert_eq!(config.desk.authentication, AuthPolicy::None);
        let summary = config.summary();
        assert!(summary.contains("NOT AUTHENTICATED"), "{summary}");
        // An authserv_id left in place is ignored, so a variable can switch.
        let config = load(MINIMAL, &[("SECDESK_DESK_AUTHENTICATION", "none")]).expect("valid");
        assert_eq!(config.desk.authentication, AuthPolicy::None);
    }

    #[test]
    fn unknown_authentication_and_zero_status_limit_are_rejected() {
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_DESK_AUTHENTICATION", "dmarc"),
                ("SECDESK_DESK_STATUS_REQUESTS_PER_HOUR", "0"),
            ],
        );
        assert_eq!(
            errors,
            [
                "desk.authentication: must be \"dkim\", \"authentication-results\" or \
                 \"none\", got \"dmarc\" (set by SECDESK_DESK_AUTHENTICATION)",
                "desk.status_requests_per_hour: must be at least 1, got 0 \
                 (set by SECDESK_DESK_STATUS_REQUESTS_PER_HOUR)",
            ]
        );
    }

    #[test]
    fn calendar_is_read_from_the_file() {
        let text = format!(
            "{MINIMAL}\n[calendar]\ntime_zone = \"Europe/Rome\"\n\
             working_days = [\"Mon\", \"tuesday\", \"sat\"]\n\
             holidays = [\"2026-06-02\"]\nopens = \"08:30\"\ncloses = \"24:00\"\n\
             reminder_lead_hours = 0\ncheck_interval_secs = 5\n"
        );
        let config = load(&text, &[]).expect("valid");
        let calendar = &config.calendar;
        assert_eq!(calendar.time_zone, "Europe/Rome");
        assert_eq!(calendar.working_days, ["mon", "tuesday", "sat"]);
        assert_eq!(calendar.holidays, ["2026-06-02"]);
        assert_eq!(
            (calendar.opens.as_str(), calendar.closes.as_str()),
            ("08:30", "24:00")
        );
        assert_eq!(calendar.reminder_lead_hours, 0);
        assert_eq!(calendar.check_interval_secs, 5);
        let expected = BusinessCalendar::new(
            "Europe/Rome",
            &["mon", "tue", "sat"],
            &["2026-06-02"],
            "08:30",
            "24:00",
        )
        .expect("valid");
        assert_eq!(calendar.business, expected);
        let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
        assert!(
            calendar.business.is_business_day(date("2026-06-06")),
            "a Saturday"
        );
        assert!(
            !calendar.business.is_business_day(date("2026-06-02")),
            "a holiday"
        );
    }

    #[test]
    fn calendar_lists_from_the_environment_are_comma_separated() {
        let config = load(
            LOCAL,
            &[
                ("SECDESK_CALENDAR_HOLIDAYS", "2026-12-25, 2026-12-26"),
                ("SECDESK_CALENDAR_WORKING_DAYS", "fri,SAT"),
                ("SECDESK_CALENDAR_TIME_ZONE", "America/New_York"),
            ],
        )
        .expect("valid");
        let calendar = &config.calendar;
        assert_eq!(calendar.holidays, ["2026-12-25", "2026-12-26"]);
        assert_eq!(calendar.working_days, ["fri", "sat"]);
        assert_eq!(calendar.time_zone, "America/New_York");
        let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
        assert!(
            !calendar.business.is_business_day(date("2026-12-25")),
            "a Friday holiday"
        );
        assert!(
            !calendar.business.is_business_day(date("2026-12-26")),
            "a Saturday holiday"
        );
        assert!(
            calendar.business.is_business_day(date("2027-01-01")),
            "a Friday"
        );
    }

    #[test]
    fn bad_calendar_values_name_their_keys() {
        let text = format!(
            "{MINIMAL}\n[calendar]\ntime_zone = \"Europe/Roma\"\n\
             working_days = [\"mon\", \"funday\"]\n\
             holidays = [\"2026-12-25\", \"25/12/2026\"]\nopens = \"9am\"\ncloses = \"25:00\"\n\
             check_interval_secs = 0\n"
        );
        let errors = errors(&text, &[]);
        assert_eq!(errors.len(), 6, "{errors:#?}");
        assert!(
            errors[0].starts_with("calendar.time_zone: unknown time zone \"Europe/Roma\""),
            "{errors:#?}"
        );
        assert!(
            errors[1].starts_with("calendar.working_days[1]: unknown working day \"funday\""),
            "{errors:#?}"
        );
        assert!(
            errors[2].starts_with("calendar.holidays[1]: holiday \"25/12/2026\" is not a date"),
            "{errors:#?}"
        );
        assert!(
            errors[3].starts_with("calendar.opens: \"9am\" is not a time of day"),
            "{errors:#?}"
        );
        assert!(
            errors[4].starts_with("calendar.closes: \"25:00\" is not a time of day"),
            "{errors:#?}"
        );
        assert_eq!(
            errors[5],
            "calendar.check_interval_secs: must be at least 1, got 0"
        );
    }

    #[test]
    fn calendar_errors_from_the_environment_name_the_variable() {
        let zone = errors(MINIMAL, &[("SECDESK_CALENDAR_TIME_ZONE", "Mars/Olympus")]);
        assert_eq!(zone.len(), 1, "{zone:?}");
        assert!(zone[0].starts_with("calendar.time_zone: unknown time zone"));
        assert!(
            zone[0].ends_with("(set by SECDESK_CALENDAR_TIME_ZONE)"),
            "{zone:?}"
        );
        let errors = errors(
            MINIMAL,
            &[("SECDESK_CALENDAR_HOLIDAYS", "2026-12-25,2026-13-01")],
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("calendar.holidays[1]: holiday \"2026-13-01\""));
        assert!(
            errors[0].ends_with("(set by SECDESK_CALENDAR_HOLIDAYS)"),
            "{errors:?}"
        );
    }

    #[test]
    fn calendar_needs_a_working_day_and_hours_in_order() {
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_CALENDAR_WORKING_DAYS", ""),
                ("SECDESK_CALENDAR_OPENS", "18:00"),
                ("SECDESK_CALENDAR_CLOSES", "09:00"),
            ],
        );
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].starts_with("calendar.working_days: no working days"),
            "{errors:#?}"
        );
        assert!(
            errors[1]
                .starts_with("calendar.closes: \"09:00\" is not after calendar.opens \"18:00\""),
            "{errors:#?}"
        );
    }

    #[test]
    fn reminder_lead_must_be_shorter_than_a_business_day() {
        let errors = errors(
            MINIMAL,
            &[
                ("SECDESK_CALENDAR_CLOSES", "17:30"),
                ("SECDESK_CALENDAR_REMINDER_LEAD_HOURS", "9"),
            ],
        );
        assert_eq!(
            errors,
            [
                "calendar.reminder_lead_hours: must be less than one business day \
                 (8h30 from 09:00 to 17:30), got 9 (set by SECDESK_CALENDAR_REMINDER_LEAD_HOURS)"
            ]
        );
        let config =
            load(MINIMAL, &[("SECDESK_CALENDAR_REMINDER_LEAD_HOURS", "8")]).expect("valid");
        assert_eq!(config.calendar.reminder_lead_hours, 8);
    }

    #[test]
    fn unknown_calendar_key_is_named_with_a_suggestion() {
        let text = format!("{MINIMAL}\n[calendar]\ntimezone = \"UTC\"\n");
        assert_eq!(
            errors(&text, &[]),
            ["calendar.timezone: unknown key (did you mean time_zone?)"]
        );
        let errors = errors(MINIMAL, &[("SECDESK_CALENDAR_HOLIDAY", "2026-12-25")]);
        assert_eq!(
            errors,
            [
                "SECDESK_CALENDAR_HOLIDAY: environment variable matches no setting \
                 (did you mean SECDESK_CALENDAR_HOLIDAYS?)"
            ]
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

    #[test]
    fn reporter_connections_fit_in_the_pool() {
        let config = load(
            MINIMAL,
            &[
                ("SECDESK_SMTP_POOL_SIZE", "6"),
                ("SECDESK_SMTP_REPORTER_CONNECTIONS", "6"),
            ],
        )
        .expect("valid");
        assert_eq!(config.smtp.reporter_connections, 6);
        let text = format!("{MINIMAL}pool_size = 2\nreporter_connections = 3\n");
        let errors = errors_of(load(&text, &[]));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].key, "smtp.reporter_connections");
        assert!(
            errors[0].message.contains("must be 1-2 (smtp.pool_size)"),
            "{}",
            errors[0].message
        );
        let zero = errors_of(load(MINIMAL, &[("SECDESK_SMTP_REPORTER_CONNECTIONS", "0")]));
        assert_eq!(zero[0].key, "smtp.reporter_connections");
    }

    #[test]
    fn sent_copies_are_named_and_their_folder_is_apart_from_what_is_read() {
        let config = load(
            MINIMAL,
            &[
                ("SECDESK_SMTP_SENT_COPY", "Server"),
                ("SECDESK_SMTP_RECONCILE_SECS", "5"),
                ("SECDESK_SMTP_POOL_SIZE", "2"),
                ("SECDESK_IMAP_SENT_FOLDER", "Gesendet"),
            ],
        )
        .expect("valid");
        assert_eq!(config.smtp.sent_copy, SentCopy::Server);
        assert_eq!(config.smtp.reconcile_secs, 5);
        assert_eq!(config.smtp.reporter_connections, 2, "follows the pool");
        assert_eq!(config.imap.sent_folder, "Gesendet");
        let wrong = errors_of(load(MINIMAL, &[("SECDESK_SMTP_SENT_COPY", "bcc")]));
        assert_eq!(wrong[0].key, "smtp.sent_copy");
        assert!(
            wrong[0]
                .message
                .contains("\"envelope\", \"server\" or \"off\"")
        );
        let same = errors_of(load(MINIMAL, &[("SECDESK_IMAP_SENT_FOLDER", "INBOX")]));
        assert_eq!(same[0].key, "imap.sent_folder");
        let zero = errors_of(load(MINIMAL, &[("SECDESK_SMTP_RECONCILE_SECS", "0")]));
        assert_eq!(zero[0].key, "smtp.reconcile_secs");
    }

    #[test]
    fn suggestions_catch_typos_but_not_unrelated_words() {
        assert_eq!(suggest("hots", ["host", "port"]), Some("host"));
        assert_eq!(
            suggest("pasword", ["username", "password"]),
            Some("password")
        );
        assert_eq!(suggest("colour", ["host", "port"]), None);
    }
}
