//! secdesk: a security desk run by email.
//!
//! It watches an IMAP mailbox, turns each security report into a ticket,
//! answers at once with a confirmation number, threads every later mail by
//! that number, and keeps everything in SQLite or PostgreSQL.
//!
//! # Layout
//!
//! The path of one mail, module by module:
//!
//! ```text
//! mailbox/   IMAP edge: connect (TLS, STARTTLS, loopback plain), UID SEARCH
//!            above the checkpoint, fetch sizes then BODY.PEEK[], IDLE or poll
//!    │
//! pgp/       OpenPGP: PGP/MIME and inline armor decrypted
//!    │       with the desk key into a plain mail, signatures checked against
//!    │       known keys; keys offered by mail; outgoing mail sealed
//! message/   raw bytes -> ParsedMail (text, HTML as text, attachments with
//!    │       their bytes and what the bytes are: `inspect` holds back
//!    │       executables, scripts, macros), and the loop detector (bounces,
//!    │       auto-replies, lists, our own mail)
//! authenticate DNS edge: DKIM per signature, SPF for the hop our server
//!    │       recorded, DMARC for the From domain -> Authenticity (data,
//!    │       message/authenticity), checked between analysis and commit
//! report/    text -> Report: kind, description, CVE ids, CVSS score,
//!    │       remediation, customer message, language, what is missing
//! route      pure: new report / follow-up (reporter, participant, staff) /
//!    │       stranger / automatic
//! staff/     pure: a reply's new text, its commands (/severity ... /merge),
//!    │       status requests, the `tickets` digest request, staff auth
//!    │       (the desk's own DKIM/DMARC, or our MTA's Authentication-Results)
//! ingest     one transaction per fetched batch: dedupe, ticket, message rows,
//!    │       attachment bytes, participants, the audit trail, outgoing mail
//!    │       (with the files that may travel), mailbox checkpoint — all or nothing;
//!    │       the desk's own Sent copies mark their mail sent (ingest/sent)
//! ticket/    confirmation numbers, severity, priority, states (pure)
//! store/     the database behind one API: a SQLite and a PostgreSQL
//!            implementation (crates/store-*), queries checked at compile time
//!    │
//! outbox/    templates -> RFC 5322 bytes at commit time; the sender drains
//!            the outbox over pooled SMTP, retrying with backoff
//! ```
//!
//! `daemon` wires the reader and the sender together (on PostgreSQL
//! several daemons share a desk: `lease` decides which one reads, with a
//! fencing token every commit checks; `instance` keeps a SQLite desk to one
//! daemon); `config` is the TOML file plus `SECDESK_*` variables, one file
//! per section; `cli` holds the other commands, and `doctor` checks a
//! config against the real servers; `import` feeds a backlog (mbox,
//! Maildir) through the same `ingest`; `web` serves the reporters' status
//! pages, `/metrics` (counted in `metrics`) and the health checks on
//! `[http] listen`. Pure modules (message, report, route, staff, ticket) do
//! no I/O and are unit-tested; the edges are tested against real Dovecot,
//! Postfix, SQLite and PostgreSQL.
//!
//! ## Layers
//!
//! A module imports only from its own layer or the ones below, and no two
//! modules import each other, even through a third (`tests/layout.rs`
//! checks both from the `use crate::…` paths, and that the files of one
//! module do not import each other in a circle):
//!
//! ```text
//! 9 commands   cli doctor import          the binary's other commands
//! 8 wiring     daemon                     reader, sender, triage clock, web
//! 7 services   triage web                 reminders; status pages, metrics, health
//! 6 pipeline   ingest                     one transaction per batch
//! 5 edges      pgp authenticate mailbox outbox    gpg, DNS, IMAP, SMTP
//! 4 settings   config                     file + environment, every error at once
//! 3 decisions  route staff                pure: where a mail goes, what staff asked
//! 2 store      store instance lease       the database behind one API
//! 1 mail       message report ticket      pure: bytes -> mail -> report -> ticket rules
//! 0 base       clock shutdown secret metrics   time, stopping, secrets, counters
//! ```

pub mod authenticate;
pub mod cli;
pub mod clock;
pub mod config;
pub mod daemon;
pub mod doctor;
pub mod import;
pub mod ingest;
pub mod instance;
pub mod lease;
pub mod mailbox;
pub mod message;
pub mod metrics;
pub mod outbox;
pub mod pgp;
pub mod report;
pub mod route;
pub mod secret;
pub mod shutdown;
pub mod staff;
pub mod store;
pub mod ticket;
pub mod triage;
pub mod web;

use std::time::Duration;

pub use config::Config;
pub use daemon::{Daemon, RunError};
pub use shutdown::Shutdown;

/// Run the desk until `shutdown` fires.
pub async fn run(config: Config, shutdown: Shutdown) -> Result<(), RunError> {
    Daemon::prepare(config).await?.run(shutdown).await;
    Ok(())
}

/// rustls refuses to pick a crypto provider on its own when more than one
/// could be compiled in; we ship ring only and say so once.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Delay before reconnect attempt `attempt` (1-based): 0.5 s doubling to a
/// one-minute cap, plus up to 25% jitter so several daemons do not retry in
/// lockstep.
pub fn backoff(attempt: u32) -> Duration {
    let base_ms = 500u64
        .saturating_mul(1u64 << attempt.saturating_sub(1).min(16))
        .min(60_000);
    let jitter = rand::random::<u64>() % (base_ms / 4 + 1);
    Duration::from_millis(base_ms + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_minute() {
        assert!(backoff(1) >= Duration::from_millis(500));
        assert!(backoff(1) <= Duration::from_millis(625));
        assert!(backoff(3) >= Duration::from_secs(2));
        assert!(backoff(40) >= Duration::from_secs(60));
        assert!(backoff(40) <= Duration::from_secs(75));
    }
}
