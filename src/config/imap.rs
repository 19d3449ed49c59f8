//! `[imap]`: the mailbox reports are read from, where processed mail and the
//! desk's sent copies are filed, and how the mailbox is watched (IDLE or
//! polling).

use std::path::PathBuf;

use super::Secret;
use super::check::{Check, optional};
use super::read::Section;
use super::server::{Encryption, RawServer, ca_note, plaintext_note};

/// RFC 2177: servers may drop an IDLE after 30 minutes, so it is renewed
/// before 29 (1740 seconds).
const IDLE_RENEW_LIMIT_SECS: i64 = 1740;

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

impl ImapConfig {
    /// Its lines of the summary (`secdesk check-config`).
    pub(super) fn summary(&self) -> String {
        let wait = if self.idle {
            format!(
                "IDLE renewed every {}s (polls every {}s without it)",
                self.idle_renew_secs, self.poll_interval_secs
            )
        } else {
            format!("polls every {}s", self.poll_interval_secs)
        };
        [
            format!(
                "imap:     {}:{} ({}{}), user {}, password ***{}",
                self.host,
                self.port,
                self.encryption.as_str(),
                plaintext_note(self.encryption, &self.host),
                self.username,
                ca_note(self.ca_file.as_deref())
            ),
            format!(
                "          reads {}, then {}; {}; {} per batch, timeout {}s",
                self.mailbox,
                match &self.processed_folder {
                    Some(folder) => format!("moves to {folder}"),
                    None => "leaves mail in place".to_owned(),
                },
                wait,
                self.fetch_batch,
                self.timeout_secs
            ),
        ]
        .join("\n")
    }
}

pub(super) struct RawImap {
    server: RawServer,
    mailbox: Option<String>,
    processed_folder: Option<String>,
    sent_folder: Option<String>,
    idle: Option<bool>,
    idle_renew_secs: Option<i64>,
    poll_interval_secs: Option<i64>,
    fetch_batch: Option<i64>,
}

impl RawImap {
    pub(super) fn read(s: &mut Section<'_>) -> RawImap {
        RawImap {
            server: RawServer::read(s),
            mailbox: s.string("mailbox"),
            processed_folder: s.string("processed_folder"),
            sent_folder: s.string("sent_folder"),
            idle: s.boolean("idle"),
            idle_renew_secs: s.integer("idle_renew_secs"),
            poll_interval_secs: s.integer("poll_interval_secs"),
            fetch_batch: s.integer("fetch_batch"),
        }
    }

    pub(super) fn validate(mut self, check: &mut Check) -> ImapConfig {
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

#[cfg(test)]
mod tests {
    use crate::config::test_support::*;

    #[test]
    fn missing_imap_password_names_the_key_and_the_variable() {
        let text = LOCAL.replace("password = \"secret\"", "");
        let errors = errors_of(load(&text, &[]));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].key, "imap.password");
        assert!(errors[0].message.contains("SECDESK_IMAP_PASSWORD"));
    }
}
