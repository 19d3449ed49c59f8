//! `[smtp]`: the server the desk sends through, how many connections it
//! keeps, and how it learns after a crash what went out (`sent_copy`).

use std::path::PathBuf;

use super::Secret;
use super::check::{Check, optional};
use super::read::Section;
use super::server::{Encryption, RawServer, ca_note, plaintext_note};

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

    /// Its line of the summary (`secdesk check-config`); the copies are
    /// filed in `sent_folder` (`imap.sent_folder`).
    pub(super) fn summary(&self, sent_folder: &str) -> String {
        let login = match &self.username {
            Some(user) => format!("user {user}, password ***"),
            None => "no login".to_owned(),
        };
        format!(
            "smtp:     {}:{} ({}{}), {}{}; {} connections ({} for reporters), timeout {}s; \
             sent copy: {}",
            self.host,
            self.port,
            self.encryption.as_str(),
            plaintext_note(self.encryption, &self.host),
            login,
            ca_note(self.ca_file.as_deref()),
            self.pool_size,
            self.reporter_connections,
            self.timeout_secs,
            match self.sent_copy {
                SentCopy::Off => "off (a mail in flight at a crash is sent again)".to_owned(),
                copy => format!(
                    "{} into {}, looked for {}s after a crash",
                    copy.as_str(),
                    sent_folder,
                    self.reconcile_secs
                ),
            },
        )
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

pub(super) struct RawSmtp {
    server: RawServer,
    pool_size: Option<i64>,
    reporter_connections: Option<i64>,
    retry_initial_secs: Option<i64>,
    sent_copy: Option<String>,
    reconcile_secs: Option<i64>,
}

impl RawSmtp {
    pub(super) fn read(s: &mut Section<'_>) -> RawSmtp {
        RawSmtp {
            server: RawServer::read(s),
            pool_size: s.integer("pool_size"),
            reporter_connections: s.integer("reporter_connections"),
            retry_initial_secs: s.integer("retry_initial_secs"),
            sent_copy: s.string("sent_copy"),
            reconcile_secs: s.integer("reconcile_secs"),
        }
    }

    pub(super) fn validate(mut self, check: &mut Check) -> SmtpConfig {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::test_support::*;

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
}
