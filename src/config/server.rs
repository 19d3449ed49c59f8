//! What `[imap]` and `[smtp]` share: the server's name, port, encryption,
//! login and timeout, read and validated once for both sections.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Secret;
use super::check::{Check, optional};
use super::read::Section;

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

/// What IMAP and SMTP share: where the server is and how to reach it.
pub(super) struct RawServer {
    pub(super) host: Option<String>,
    pub(super) port: Option<i64>,
    pub(super) encryption: Option<String>,
    pub(super) allow_plaintext: Option<bool>,
    pub(super) username: Option<String>,
    pub(super) password: Option<Secret>,
    pub(super) ca_file: Option<String>,
    pub(super) timeout_secs: Option<i64>,
}

impl RawServer {
    pub(super) fn read(s: &mut Section<'_>) -> RawServer {
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

/// The connection settings IMAP and SMTP share, validated.
pub(super) struct Endpoint {
    pub(super) host: String,
    pub(super) port: u16,
    pub(super) encryption: Encryption,
    pub(super) allow_plaintext: bool,
    pub(super) ca_file: Option<PathBuf>,
    pub(super) timeout_secs: u64,
}

impl Check {
    /// The shared keys of `[imap]` or `[smtp]` (`section`), validated; the
    /// port's default follows the encryption.
    pub(super) fn endpoint(
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

/// Whether `host` is this machine (plaintext to it is allowed).
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The summary's warning for a connection that is not encrypted.
pub(super) fn plaintext_note(encryption: Encryption, host: &str) -> &'static str {
    match encryption {
        Encryption::None if !is_loopback(host) => ", PLAINTEXT over the network",
        _ => "",
    }
}

/// The summary's note on extra CA certificates, if any.
pub(super) fn ca_note(file: Option<&Path>) -> String {
    match file {
        Some(file) => format!(", extra CAs from {}", file.display()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::test_support::*;

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
}
