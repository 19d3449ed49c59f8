//! Which daemon reads the mailbox when several share one PostgreSQL desk.
//!
//! Every daemon keeps a heartbeat in the database (its outbox claims are
//! good while it renews it) and asks for the mailbox's reader lease. The
//! holder reads IMAP, writes the checkpoint and runs the timed jobs (triage
//! reminders); every daemon sends mail. A lease lasts [`LEASE_TTL`] by the
//! database's clock and is renewed every [`RENEW`]; a daemon standing by
//! asks every [`STANDBY_POLL`], so a reader killed with -9 is replaced
//! within `LEASE_TTL + STANDBY_POLL` and one that stops cleanly (it lets
//! the lease go) within `STANDBY_POLL`.
//!
//! Every keeper also takes back, each tick, the outbox claims of daemons
//! whose heartbeat lapsed: in doubt for `smtp.reconcile_secs`, while the
//! reader looks for their Sent copies (`ingest::sent`).
//!
//! Each change of holder increments the lease's token. The reader's store
//! is fenced by it ([`Store::fenced`]): a batch commits only if the token
//! it began under still holds, checked under a row lock in the same
//! transaction, so an old reader that was paused past its expiry and wakes
//! after a takeover commits nothing.
//!
//! On SQLite there is one daemon per desk (`instance`'s file lock): it is
//! the reader and the sender, with no lease.

use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::store::{DaemonInfo, Fence, Store};

/// How long a lease holds without renewal (database clock).
pub const LEASE_TTL: Duration = Duration::from_secs(3);
/// How often the holder renews it (and every daemon its heartbeat).
pub const RENEW: Duration = Duration::from_secs(1);
/// How often a daemon standing by asks for the lease.
pub const STANDBY_POLL: Duration = Duration::from_millis(500);

/// This process, as the other daemons see it.
pub fn identity(started_at: i64) -> DaemonInfo {
    let host = crate::instance::host_name();
    let pid = std::process::id();
    DaemonInfo {
        // unique per start: a restarted daemon with the same pid is another holder
        id: format!("{host}:{pid}:{:08x}", rand::random::<u32>()),
        host,
        pid: i64::from(pid),
        pid_space: pid_space(),
        started_at,
    }
}

/// The kernel boot and PID namespace this process's pid is in: two
/// containers may share a host name or a kernel, never both of these.
fn pid_space() -> String {
    let boot = std::fs::read_to_string("/proc/sys/kernel/random/boot_id")
        .map(|b| b.trim().to_string())
        .unwrap_or_default();
    let namespace = std::fs::read_link("/proc/self/ns/pid")
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    if boot.is_empty() || namespace.is_empty() {
        // unknown: never matches another's, so nothing is declared dead
        format!("unknown {:016x}", rand::random::<u64>())
    } else {
        format!("{boot} {namespace}")
    }
}

/// Of the daemons registered from this PID space, those whose process is
/// gone (not `me`, and `alive` says no): killed and not yet lapsed.
pub fn gone(registered: &[(String, i64)], me: &str, alive: impl Fn(i64) -> bool) -> Vec<String> {
    registered
        .iter()
        .filter(|(id, pid)| id != me && !alive(*pid))
        .map(|(id, _)| id.clone())
        .collect()
}

/// Register this daemon, and free at once the lease and claims of daemons
/// of this machine whose process is gone (a kill -9 and a restart), rather
/// than waiting [`LEASE_TTL`] for their heartbeat to lapse.
pub async fn register(store: &Store, me: &DaemonInfo) {
    let result = async {
        store.heartbeat(me, LEASE_TTL.as_millis() as i64).await?;
        let registered = store.daemons_in(&me.pid_space).await?;
        let alive = |pid: i64| std::path::Path::new(&format!("/proc/{pid}")).exists();
        for id in gone(&registered, &me.id, alive) {
            store.mark_dead(&id).await?;
            tracing::info!(daemon = %id, "that daemon's process is gone: its lease and claims are free");
        }
        Ok::<_, crate::store::StoreError>(())
    };
    if let Err(e) = result.await {
        tracing::warn!(error = %e, "cannot register this daemon yet; its heartbeat retries");
    }
}

/// The lease of the mailbox `mailbox_id` (see `mailbox::mailbox_id`).
pub fn reader_lease(mailbox_id: &str) -> String {
    format!("reader {mailbox_id}")
}

/// What one ask for the lease answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Held, with this token.
    Held(i64),
    /// Another holds it.
    Other,
    /// The database did not answer.
    Unknown,
}

/// What the keeper should do after an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Nothing changed.
    Same,
    /// This daemon reads now (first time, or after a takeover: new token).
    Reader(i64),
    /// This daemon no longer reads: another took the lease, or the
    /// database has not confirmed it for a whole lease.
    Sender,
}

/// The role after `answer`, given the token held (`held`) and how long ago
/// the lease was last confirmed. Pure: the keeper's rules, tested alone.
pub fn step(held: Option<i64>, answer: &Answer, since_confirmed: Duration) -> Change {
    match (held, answer) {
        (Some(t), Answer::Held(n)) if t == *n => Change::Same,
        (_, Answer::Held(n)) => Change::Reader(*n),
        (Some(_), Answer::Other) => Change::Sender,
        // unsure: keep reading until the lease would have expired anyway
        // (the fence keeps commits safe meanwhile), then stand down
        (Some(_), Answer::Unknown) if since_confirmed >= LEASE_TTL => Change::Sender,
        _ => Change::Same,
    }
}

/// Keeps this daemon's heartbeat and, while it can, the reader lease;
/// publishes the fence the reader commits under (`None`: not the reader).
pub struct Keeper {
    pub store: Store,
    pub me: DaemonInfo,
    pub lease: String,
    pub fence: watch::Sender<Option<Fence>>,
    /// How long a dead daemon's mail waits, in doubt, for its Sent copy.
    pub doubt: Duration,
}

impl Keeper {
    /// Who holds the lease now, for the log.
    async fn reader(&self) -> String {
        match self.store.lease(&self.lease).await {
            Ok(Some(lease)) => lease.holder,
            _ => "?".into(),
        }
    }

    /// The claims of daemons that stopped renewing their heartbeat come
    /// back, in doubt: each keeper looks every tick, so they return within
    /// a second of the heartbeat lapsing, not at some sender's next round.
    async fn take_back_claims(&self) {
        match self.store.reap_claims(self.doubt.as_millis() as i64).await {
            Ok(0) => {}
            Ok(mails) => tracing::warn!(
                mails,
                doubt_secs = self.doubt.as_secs(),
                "took back the mail of a daemon that died; each is sent again unless its copy is found in time"
            ),
            Err(e) => tracing::debug!(error = %e, "cannot take back dead daemons' claims"),
        }
    }

    /// Run until dropped (the daemon aborts it once its reader stopped,
    /// then lets the lease go with [`Keeper::release`]).
    pub async fn run(self) {
        let ttl = LEASE_TTL.as_millis() as i64;
        let mut confirmed = Instant::now();
        let mut heartbeat_failing = false;
        let mut first = true;
        loop {
            match self.store.heartbeat(&self.me, ttl).await {
                Ok(()) => heartbeat_failing = false,
                Err(e) if !heartbeat_failing => {
                    heartbeat_failing = true;
                    tracing::warn!(error = %e, "cannot renew this daemon's heartbeat; retrying");
                }
                Err(_) => {}
            }
            // before the lease: a daemon that starts reading after a
            // takeover finds the dead one's mail already in doubt
            self.take_back_claims().await;
            let answer = match self
                .store
                .acquire_lease(&self.lease, &self.me.id, ttl)
                .await
            {
                Ok(Some(token)) => Answer::Held(token),
                Ok(None) => Answer::Other,
                Err(e) => {
                    tracing::debug!(error = %e, "cannot ask for the reader lease");
                    Answer::Unknown
                }
            };
            let held = self.fence.borrow().as_ref().map(|f| f.token);
            if matches!(answer, Answer::Held(_)) {
                confirmed = Instant::now();
            }
            match step(held, &answer, confirmed.elapsed()) {
                Change::Same if first && answer == Answer::Other => {
                    let reader = self.reader().await;
                    tracing::info!(role = "sender", %reader,
                        daemon = %self.me.id, "another daemon reads the mailbox; this one sends and stands by");
                }
                Change::Same => {}
                Change::Reader(token) => {
                    tracing::info!(role = "reader", token, daemon = %self.me.id,
                        "this daemon holds the reader lease and reads the mailbox");
                    self.fence.send_replace(Some(Fence {
                        name: self.lease.clone(),
                        holder: self.me.id.clone(),
                        token,
                    }));
                }
                Change::Sender => {
                    let reader = self.reader().await;
                    tracing::warn!(role = "sender", %reader,
                        daemon = %self.me.id, "this daemon lost the reader lease; it sends and stands by");
                    self.fence.send_replace(None);
                }
            }
            first = false;
            let pause = if self.fence.borrow().is_some() {
                RENEW
            } else {
                STANDBY_POLL
            };
            tokio::time::sleep(pause).await;
        }
    }
}

/// A stopping daemon lets the lease go at once, once it has stopped
/// reading: a standby takes it within [`STANDBY_POLL`], not at its expiry.
pub async fn release(store: &Store, me: &DaemonInfo, lease: &str) {
    match store.release_lease(lease, &me.id).await {
        Ok(()) => tracing::info!(daemon = %me.id, "reader lease let go"),
        Err(e) => tracing::warn!(error = %e,
            "could not let the reader lease go; another daemon takes it when it expires"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Duration = Duration::ZERO;

    #[test]
    fn a_lease_taken_or_taken_over_makes_a_reader_and_a_renewal_changes_nothing() {
        assert_eq!(step(None, &Answer::Held(1), NOW), Change::Reader(1));
        assert_eq!(step(Some(1), &Answer::Held(1), NOW), Change::Same);
        // held under another token: someone held it in between, so every
        // commit must carry the new one
        assert_eq!(step(Some(1), &Answer::Held(3), NOW), Change::Reader(3));
    }

    #[test]
    fn another_holder_makes_a_sender_at_once() {
        assert_eq!(step(Some(4), &Answer::Other, NOW), Change::Sender);
        assert_eq!(step(None, &Answer::Other, NOW), Change::Same);
    }

    #[test]
    fn a_silent_database_ends_reading_only_once_the_lease_would_have_expired() {
        assert_eq!(step(Some(2), &Answer::Unknown, LEASE_TTL / 2), Change::Same);
        assert_eq!(step(Some(2), &Answer::Unknown, LEASE_TTL), Change::Sender);
        assert_eq!(step(None, &Answer::Unknown, LEASE_TTL * 9), Change::Same);
    }

    #[test]
    fn only_other_daemons_whose_process_is_gone_are_declared_dead() {
        let registered = vec![
            ("me".to_string(), 10),
            ("killed".to_string(), 11),
            ("running".to_string(), 12),
        ];
        assert_eq!(gone(&registered, "me", |pid| pid == 12), ["killed"]);
        assert!(gone(&registered, "me", |_| true).is_empty());
    }

    #[test]
    fn every_start_is_another_holder() {
        let a = identity(0);
        let b = identity(0);
        assert_ne!(a.id, b.id);
        assert_eq!(a.pid, i64::from(std::process::id()));
        assert!(a.id.starts_with(&format!("{}:{}:", a.host, a.pid)));
    }
}
