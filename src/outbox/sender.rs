//! The outbox worker: claims due mail, sends it over a pool of SMTP
//! connections, and records the outcome. Several daemons on one database
//! each claim their own mail (`Store::claim_outbox`), so none sends what
//! another is sending. A crash between "accepted by SMTP" and "marked sent"
//! leaves that mail claimed by a dead daemon: it comes back in doubt, and
//! goes out again only if the desk's copy of it is not found in time
//! (`ingest::sent`; with `smtp.sent_copy = "off"`, at once: at least once,
//! and at most one mail per connection in flight twice).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use futures::StreamExt;
use lettre::address::Envelope;
use tokio::sync::Notify;

use crate::config::SmtpConfig;
use crate::shutdown::Shutdown;
use crate::store::{Lane, OutboxItem, Store, StoreError, now_millis};

/// Mail claimed at a time, per connection. Small on purpose: a claim is
/// sent in full before its lane reads the outbox again, and the oldest due
/// mail queued meanwhile should not wait long.
const PER_CONNECTION: usize = 8;
/// Longest sleep of an idle sender before it looks at the outbox again.
const IDLE_POLL: Duration = Duration::from_secs(5);
/// Attempts before a transiently failing mail is given up.
const MAX_ATTEMPTS: i64 = 30;
/// How long a claim holds at most (database clock). A daemon that dies
/// loses its claims sooner, when its heartbeat lapses (`lease`); this
/// bounds one that lives but hangs.
const CLAIM: Duration = Duration::from_secs(300);

#[derive(Debug, thiserror::Error)]
pub enum SenderError {
    #[error("smtp: cannot set up {host}:{port}: {message}")]
    Setup {
        host: String,
        port: u16,
        message: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

use super::smtp::Failure;
pub use super::smtp::SmtpPool as Transport;

/// The SMTP client as configured: encryption, CA, credentials.
pub fn transport(cfg: &SmtpConfig) -> Result<Transport, SenderError> {
    Transport::new(cfg).map_err(|message| SenderError::Setup {
        host: cfg.host.clone(),
        port: cfg.port,
        message,
    })
}

/// How the connections are shared: mail to reporters and mail to staff
/// each have their own, so neither waits for the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lanes {
    /// Mail to reporters in flight at once (`smtp.reporter_connections`).
    pub reporters: usize,
    pub staff: usize,
}

impl Lanes {
    /// `reporters` of the `pool` connections for reporters (at least one,
    /// at most the pool), the rest — and at least one — for staff.
    pub fn new(pool: u32, reporters: u32) -> Lanes {
        let pool = pool.max(1) as usize;
        let reporters = (reporters as usize).clamp(1, pool);
        Lanes {
            reporters,
            staff: (pool - reporters).max(1),
        }
    }
}

/// Sends what the outbox holds.
#[derive(Clone)]
pub struct Sender {
    store: Store,
    transport: Transport,
    lanes: Lanes,
    /// Set while mail to reporters is due: staff mail then keeps to one
    /// connection, so acknowledgments get the SMTP server's capacity first.
    reporters_busy: Arc<AtomicBool>,
    /// First retry delay; doubles per attempt.
    retry_initial: Duration,
    /// Poked after every commit that queued mail, so replies leave at once.
    wake: Arc<Notify>,
    /// Who claims the mail this sender sends: the daemon's id.
    holder: Arc<str>,
    /// One more envelope recipient of every mail, the desk's own address,
    /// for its Sent copy (`smtp.sent_copy = "envelope"`).
    copy_to: Option<Arc<str>>,
}

enum Outcome {
    Sent,
    Retry(String),
    GaveUp,
}

/// What one round did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    /// The first transient SMTP error, if any mail waits for a retry.
    pub first_error: Option<String>,
}

impl Round {
    fn absorb(&mut self, other: Round) {
        self.sent += other.sent;
        self.retried += other.retried;
        self.failed += other.failed;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }
}

impl Sender {
    pub fn new(
        store: Store,
        transport: Transport,
        lanes: Lanes,
        retry_initial: Duration,
        wake: Arc<Notify>,
        holder: &str,
        copy_to: Option<&str>,
    ) -> Sender {
        Sender {
            store,
            transport,
            lanes,
            reporters_busy: Arc::new(AtomicBool::new(false)),
            retry_initial,
            wake,
            holder: holder.into(),
            copy_to: copy_to.map(Into::into),
        }
    }

    /// Run until shutdown: send what is due, then wait for a wake-up, the
    /// next retry time, or shutdown. Mail in flight is finished first.
    pub async fn run(self, mut shutdown: Shutdown) {
        let mut errors_in_a_row = 0u32;
        // an SMTP outage is said once when it starts and once when it ends,
        // not once per retried mail
        let mut smtp_failing = false;
        loop {
            if shutdown.is_triggered() {
                break;
            }
            let wait = match self.round_until(&|| shutdown.is_triggered()).await {
                Ok(round) if round.sent + round.retried + round.failed > 0 => {
                    errors_in_a_row = 0;
                    match (&round.first_error, smtp_failing) {
                        (Some(error), false) => {
                            tracing::warn!(retried = round.retried, %error,
                                "SMTP does not take mail; it stays in the outbox and is retried with backoff");
                            smtp_failing = true;
                        }
                        (None, true) if round.sent > 0 => {
                            tracing::info!(sent = round.sent, "SMTP takes mail again");
                            smtp_failing = false;
                        }
                        _ => {}
                    }
                    continue;
                }
                Ok(_) => {
                    errors_in_a_row = 0;
                    self.until_next_due().await
                }
                Err(e) => {
                    if errors_in_a_row == 0 {
                        tracing::error!(error = %e, "outbox: cannot read due mail; retrying");
                    }
                    errors_in_a_row += 1;
                    crate::backoff(errors_in_a_row)
                }
            };
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(wait) => {}
                _ = shutdown.wait() => break,
            }
        }
        tracing::debug!("outbox sender stopped");
    }

    /// Sleep until the next retry is due, but look again after
    /// [`IDLE_POLL`] at most: mail queued by another process (`secdesk
    /// quarantine retry`, a second daemon) has no way to wake this one.
    async fn until_next_due(&self) -> Duration {
        let idle = IDLE_POLL.as_millis() as i64;
        match self.store.next_outbox_due().await {
            Ok(Some(at)) => Duration::from_millis((at - now_millis()).clamp(0, idle) as u64),
            _ => IDLE_POLL,
        }
    }

    /// Send until nothing is due. Public so tests and the CLI can drive it.
    ///
    /// The two lanes run side by side, each claiming a few mails per
    /// connection at a time and claiming again as soon as they are out, so
    /// an acknowledgment queued meanwhile leaves at once and never waits for
    /// staff mail; while acknowledgments are due, staff mail keeps to one
    /// connection and leaves the SMTP server's capacity to them.
    ///
    /// Each mail is marked the moment SMTP took it, so after a crash only
    /// the mail in flight can be in doubt, never a batch.
    pub async fn round(&self) -> Result<Round, SenderError> {
        self.round_until(&|| false).await
    }

    /// [`Sender::round`], stopping between claims once `stop` says so (a
    /// flood's outbox must not hold up shutdown).
    async fn round_until(&self, stop: &(dyn Fn() -> bool + Sync)) -> Result<Round, SenderError> {
        let (reporters, staff) = futures::join!(
            self.drain(Lane::Reporters, self.lanes.reporters, stop),
            self.drain(Lane::Staff, self.lanes.staff, stop),
        );
        self.reporters_busy.store(false, Ordering::Relaxed);
        let mut round = reporters?;
        round.absorb(staff?);
        Ok(round)
    }

    /// Send the due mail of one lane over `connections` connections until
    /// none is due (what fails waits for its retry time, so this ends).
    async fn drain(
        &self,
        lane: Lane,
        connections: usize,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<Round, SenderError> {
        let mut round = Round::default();
        loop {
            // staff mail yields the server to acknowledgments while any are due
            let connections = match lane {
                Lane::Staff if self.reporters_busy.load(Ordering::Relaxed) => 1,
                _ => connections,
            };
            let claim = (connections * PER_CONNECTION) as i64;
            let due = if stop() {
                Vec::new()
            } else {
                self.store
                    .claim_outbox(
                        now_millis(),
                        lane,
                        claim,
                        &self.holder,
                        CLAIM.as_millis() as i64,
                    )
                    .await?
            };
            if lane == Lane::Reporters {
                self.reporters_busy
                    .store(!due.is_empty(), Ordering::Relaxed);
            }
            if due.is_empty() {
                return Ok(round);
            }
            let outcomes: Vec<_> = futures::stream::iter(due)
                .map(|item| self.deliver(item))
                .buffer_unordered(connections)
                .collect()
                .await;
            for outcome in outcomes {
                match outcome? {
                    Outcome::Sent => round.sent += 1,
                    Outcome::Retry(e) => {
                        round.retried += 1;
                        round.first_error.get_or_insert(e);
                    }
                    Outcome::GaveUp => round.failed += 1,
                }
            }
        }
    }

    async fn deliver(&self, item: OutboxItem) -> Result<Outcome, SenderError> {
        match self.send(&item).await {
            Ok(()) => {
                let now = now_millis();
                self.store.mark_sent(&[item.id], now).await?;
                crate::metrics::sent(&item.disposition, item.queued_at, now);
                Ok(Outcome::Sent)
            }
            Err(Failure { message, permanent }) => {
                let attempts = item.attempts + 1;
                let retry_at = (!permanent && attempts < MAX_ATTEMPTS).then(|| {
                    now_millis() + retry_delay(self.retry_initial, attempts).as_millis() as i64
                });
                self.store
                    .mark_attempt_failed(item.id, &message, retry_at)
                    .await?;
                crate::metrics::send_failed(&item.disposition, retry_at.is_none());
                if retry_at.is_some() {
                    Ok(Outcome::Retry(message))
                } else {
                    tracing::error!(outbox_id = item.id, recipients = ?item.recipients,
                        error = %message, attempts, "mail given up; the server's answer is kept in the outbox");
                    Ok(Outcome::GaveUp)
                }
            }
        }
    }

    /// Close the pooled SMTP connections politely (QUIT).
    pub async fn close(&self) {
        self.transport.close().await;
    }

    /// Hand one mail to SMTP. The error says whether retrying can help.
    async fn send(&self, item: &OutboxItem) -> Result<(), Failure> {
        let envelope = envelope(item, self.copy_to.as_deref()).map_err(|message| Failure {
            message,
            permanent: true,
        })?;
        self.transport.send(&envelope, &item.raw).await
    }
}

/// The SMTP envelope of a mail: its recipients, and `copy_to` (the desk's
/// own address, for its Sent copy) unless it is one of them. The copy is an
/// envelope recipient only: no header of the mail names it.
fn envelope(item: &OutboxItem, copy_to: Option<&str>) -> Result<Envelope, String> {
    let from = item
        .envelope_from
        .parse()
        .map_err(|e| format!("bad envelope sender {:?}: {e}", item.envelope_from))?;
    let copy = copy_to.filter(|c| !item.recipients.iter().any(|r| r.eq_ignore_ascii_case(c)));
    let to = item
        .recipients
        .iter()
        .map(String::as_str)
        .chain(copy)
        .map(|r| r.parse().map_err(|e| format!("bad recipient {r:?}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    Envelope::new(Some(from), to).map_err(|e| e.to_string())
}

/// `initial`, doubling per attempt, capped at one hour, with up to 25%
/// jitter so a recovering server is not hit by every mail at once.
fn retry_delay(initial: Duration, attempt: i64) -> Duration {
    let doublings = attempt.saturating_sub(1).clamp(0, 20) as u32;
    let base = initial
        .as_millis()
        .saturating_mul(1 << doublings)
        .min(3_600_000) as u64;
    let jitter = rand::random::<u64>() % (base / 4 + 1);
    Duration::from_millis(base + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_share_the_pool_and_never_leave_a_side_without_a_connection() {
        assert_eq!(
            Lanes::new(4, 1),
            Lanes {
                reporters: 1,
                staff: 3
            }
        );
        assert_eq!(
            Lanes::new(4, 3),
            Lanes {
                reporters: 3,
                staff: 1
            }
        );
        assert_eq!(
            Lanes::new(4, 4),
            Lanes {
                reporters: 4,
                staff: 1
            }
        );
        assert_eq!(
            Lanes::new(1, 1),
            Lanes {
                reporters: 1,
                staff: 1
            }
        );
        assert_eq!(
            Lanes::new(2, 9),
            Lanes {
                reporters: 2,
                staff: 1
            }
        );
        assert_eq!(
            Lanes::new(0, 0),
            Lanes {
                reporters: 1,
                staff: 1
            }
        );
    }

    #[test]
    fn the_desk_gets_its_copy_as_one_more_envelope_recipient_once() {
        let item = OutboxItem {
            id: 1,
            envelope_from: "security@example.test".into(),
            recipients: vec!["rita@example.test".into()],
            attempts: 0,
            raw: Vec::new(),
            disposition: "ack".into(),
            queued_at: 0,
        };
        let to = |copy| -> Vec<String> {
            envelope(&item, copy)
                .unwrap()
                .to()
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        assert_eq!(to(None), ["rita@example.test"]);
        assert_eq!(
            to(Some("security@example.test")),
            ["rita@example.test", "security@example.test"]
        );
        assert_eq!(to(Some("Rita@example.test")), ["rita@example.test"]);
    }

    #[test]
    fn retry_delay_grows_and_is_capped() {
        let ten = Duration::from_secs(10);
        assert!(retry_delay(ten, 1) >= Duration::from_secs(10));
        assert!(retry_delay(ten, 1) <= Duration::from_millis(12_500));
        assert!(retry_delay(ten, 2) >= Duration::from_secs(20));
        assert!(retry_delay(ten, 30) <= Duration::from_secs(4500));
        assert!(retry_delay(ten, 30) >= Duration::from_secs(3600));
    }
}
