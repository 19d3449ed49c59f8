//! Configuration: one TOML file, then `SECDESK_`-prefixed environment
//! variables on top (`SECDESK_IMAP_PASSWORD` sets `imap.password`).
//!
//! CONTRACT for the rest of the crate: the structs below, `Config::load(path)`
//! and `Config::from_toml_str(text)` returning `Result<Config, ConfigErrors>`,
//! where every error names the key (`imap.port`) and says what is wrong.

use std::fmt;
use std::path::PathBuf;

use serde::Deserialize;

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

#[derive(Debug, Clone)]
pub struct Config {
    pub desk: DeskConfig,
    pub imap: ImapConfig,
    pub smtp: SmtpConfig,
    pub database: DatabaseConfig,
    pub limits: LimitsConfig,
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
}

#[derive(Debug, Clone)]
pub struct ImapConfig {
    pub host: String,
    pub port: u16,
    pub encryption: Encryption,
    /// Allow `encryption = "none"` to a non-loopback host.
    pub allow_plaintext: bool,
    pub username: String,
    pub password: Secret,
    /// PEM file with extra CA certificates to trust (self-signed test servers).
    pub ca_file: Option<PathBuf>,
    /// Mailbox to read reports from.
    pub mailbox: String,
    /// Move processed mail here after it is committed; `None` leaves it in place.
    pub processed_folder: Option<String>,
    /// Use IDLE when the server advertises it.
    pub idle: bool,
    /// Re-issue IDLE after this many seconds (servers drop it at 30 minutes).
    pub idle_renew_secs: u64,
    /// Poll interval when IDLE is off or not supported.
    pub poll_interval_secs: u64,
    /// Messages fetched (and committed) per batch.
    pub fetch_batch: u32,
    pub timeout_secs: u64,
}

#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub encryption: Encryption,
    pub allow_plaintext: bool,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub ca_file: Option<PathBuf>,
    /// Concurrent SMTP connections the sender keeps open.
    pub pool_size: u32,
    pub timeout_secs: u64,
}

#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    /// `sqlite://path/to/file.db` (created on first run) or `postgres://...`.
    pub url: Secret,
    pub max_connections: u32,
}

#[derive(Debug, Clone)]
pub struct LimitsConfig {
    /// Larger mail is quarantined unparsed.
    pub max_message_bytes: usize,
    /// Mail with more MIME parts is quarantined.
    pub max_parts: usize,
}
