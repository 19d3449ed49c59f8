//! The IMAP edge: where mail comes in.
//!
//! Mail is found by UID (never by \Seen flags, which other clients change):
//! everything above the committed `last_uid` is new. Bodies are fetched with
//! `BODY.PEEK[]` so reading does not mark anything, in batches, sizes first so
//! a huge mail is never downloaded whole.

mod connection;

use std::time::Duration;

use async_imap::extensions::idle::IdleResponse;
use async_imap::types::UnsolicitedResponse;
use futures::TryStreamExt;

pub use connection::{ImapSession, MailStream, connect};

use crate::config::ImapConfig;
use crate::shutdown::Shutdown;

#[derive(Debug, thiserror::Error)]
pub enum MailboxError {
    #[error("imap: cannot connect to {host}:{port}: {message}")]
    Connect {
        host: String,
        port: u16,
        message: String,
    },
    #[error("imap: {host} refused login for {user}: {message}")]
    Login {
        host: String,
        user: String,
        message: String,
    },
    #[error("imap: cannot {action}: {source}")]
    Command {
        action: &'static str,
        source: async_imap::error::Error,
    },
    #[error("imap: the server sent no UIDVALIDITY for {0}")]
    NoUidValidity(String),
    #[error("imap: no answer within {secs}s while trying to {action} (imap.timeout_secs)")]
    Timeout { action: &'static str, secs: u64 },
}

/// Run one IMAP exchange, but give up after `limit`: a server that keeps
/// the connection open and stops answering must not hang the reader.
async fn bounded<T>(
    limit: Duration,
    action: &'static str,
    exchange: impl std::future::Future<Output = Result<T, async_imap::error::Error>>,
) -> Result<T, MailboxError> {
    match tokio::time::timeout(limit, exchange).await {
        Ok(result) => result.doing(action),
        Err(_) => Err(MailboxError::Timeout {
            action,
            secs: limit.as_secs(),
        }),
    }
}

/// Slowest transfer rate we wait for before a fetch counts as hung.
const SLOWEST_BYTES_PER_SEC: u64 = 64 * 1024;

trait Doing<T> {
    fn doing(self, action: &'static str) -> Result<T, MailboxError>;
}

impl<T> Doing<T> for Result<T, async_imap::error::Error> {
    fn doing(self, action: &'static str) -> Result<T, MailboxError> {
        self.map_err(|source| MailboxError::Command { action, source })
    }
}

/// One mail as fetched.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub uid: u32,
    pub size: usize,
    /// The whole mail, or only its header when it is over the size limit.
    pub raw: Vec<u8>,
    pub truncated: bool,
}

/// A logged-in session with the report mailbox selected.
pub struct Mailbox {
    session: ImapSession,
    /// Stable identity of this mailbox in the database (account and folder).
    pub id: String,
    pub uid_validity: u32,
    idle_supported: bool,
    /// UID MOVE (RFC 6851) is there; otherwise copy, flag, expunge.
    move_supported: bool,
    /// Longest wait for one command's answer (`imap.timeout_secs`).
    timeout: Duration,
    /// The folder read (selected again after looking into another).
    folder: String,
}

/// The identity of a mailbox, as stored with its checkpoint.
pub fn mailbox_id(cfg: &ImapConfig) -> String {
    format!(
        "imap://{}@{}:{}/{}",
        cfg.username, cfg.host, cfg.port, cfg.mailbox
    )
}

impl Mailbox {
    /// Connect, log in, and select the configured mailbox.
    pub async fn open(cfg: &ImapConfig) -> Result<Mailbox, MailboxError> {
        let timeout = Duration::from_secs(cfg.timeout_secs.max(1));
        let mut session = connect(cfg).await?;
        let caps = bounded(timeout, "read capabilities", session.capabilities()).await?;
        let idle_supported = caps.has_str("IDLE");
        let move_supported = caps.has_str("MOVE");
        let selected = bounded(timeout, "select the mailbox", session.select(&cfg.mailbox)).await?;
        let uid_validity = selected
            .uid_validity
            .ok_or_else(|| MailboxError::NoUidValidity(cfg.mailbox.clone()))?;
        for folder in cfg.processed_folder.iter().chain([&cfg.sent_folder]) {
            // "already exists" is the usual answer, and a real failure shows on MOVE
            let _ = bounded(timeout, "create a folder", session.create(folder)).await;
        }
        Ok(Mailbox {
            session,
            id: mailbox_id(cfg),
            uid_validity,
            idle_supported,
            move_supported,
            timeout,
            folder: cfg.mailbox.clone(),
        })
    }

    /// The UIDs up to `last_uid` of mail `from` sent with our loop header:
    /// copies of the desk's own mail a crash left before they were filed.
    pub async fn own_mail_up_to(
        &mut self,
        last_uid: u32,
        from: &str,
    ) -> Result<Vec<u32>, MailboxError> {
        if last_uid == 0 || from.contains(['"', '\\', '\r', '\n']) {
            return Ok(Vec::new());
        }
        let found = bounded(
            self.timeout,
            "search for the desk's own mail",
            self.session.uid_search(format!(
                "UID 1:{last_uid} HEADER {} \"\" FROM \"{from}\"",
                crate::message::LOOP_HEADER
            )),
        )
        .await?;
        let mut uids: Vec<u32> = found.into_iter().filter(|uid| *uid <= last_uid).collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// Which of `message_ids` (without angle brackets) a mail in `folder`
    /// has as its Message-ID: the desk's Sent folder, after a crash. The
    /// folder read is selected again afterwards.
    pub async fn find_in(
        &mut self,
        folder: &str,
        message_ids: &[String],
    ) -> Result<Vec<String>, MailboxError> {
        let session = &mut self.session;
        bounded(
            self.timeout,
            "look into the Sent folder",
            session.examine(folder),
        )
        .await?;
        let mut found = Vec::new();
        for id in message_ids {
            // a Message-ID is ours (random hex and our domain): nothing to quote
            if id.contains(['"', '\\', '\r', '\n']) {
                continue;
            }
            let hits = bounded(
                self.timeout,
                "search the Sent folder",
                session.uid_search(format!("HEADER Message-ID \"<{id}>\"")),
            )
            .await?;
            if !hits.is_empty() {
                found.push(id.clone());
            }
        }
        let selected = bounded(
            self.timeout,
            "select the mailbox",
            session.select(&self.folder),
        )
        .await?;
        if selected.uid_validity != Some(self.uid_validity) {
            return Err(MailboxError::NoUidValidity(self.folder.clone()));
        }
        Ok(found)
    }

    /// UIDs above `last_uid`, ascending.
    pub async fn new_uids(&mut self, last_uid: u32) -> Result<Vec<u32>, MailboxError> {
        self.drain_unsolicited();
        let from = last_uid.saturating_add(1);
        let found = bounded(
            self.timeout,
            "search for new mail",
            self.session.uid_search(format!("UID {from}:*")),
        )
        .await?;
        // "n:*" always matches the highest UID, even below n
        let mut uids: Vec<u32> = found.into_iter().filter(|uid| *uid > last_uid).collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// Fetch the given mails; those over `max_bytes` come as header only.
    pub async fn fetch(
        &mut self,
        uids: &[u32],
        max_bytes: usize,
    ) -> Result<Vec<Fetched>, MailboxError> {
        if uids.is_empty() {
            return Ok(Vec::new());
        }
        let session = &mut self.session;
        let sizes: Vec<(u32, usize)> = bounded(self.timeout, "fetch sizes", async {
            session
                .uid_fetch(uid_set(uids), "(UID RFC822.SIZE)")
                .await?
                .try_filter_map(|f| async move {
                    Ok(f.uid.map(|uid| (uid, f.size.unwrap_or(0) as usize)))
                })
                .try_collect()
                .await
        })
        .await?;
        let (small, large): (Vec<_>, Vec<_>) =
            sizes.iter().partition(|(_, size)| *size <= max_bytes);
        let mut out = Vec::with_capacity(sizes.len());
        for (query, set, truncated) in [
            ("(UID BODY.PEEK[])", &small, false),
            ("(UID BODY.PEEK[HEADER])", &large, true),
        ] {
            if set.is_empty() {
                continue;
            }
            let uids: Vec<u32> = set.iter().map(|(uid, _)| *uid).collect();
            // a big batch may take a while on a slow link; a hung server never ends
            let bytes: u64 = set.iter().map(|(_, size)| *size as u64).sum();
            let limit = self.timeout + Duration::from_secs(bytes / SLOWEST_BYTES_PER_SEC);
            let session = &mut self.session;
            let fetched: Vec<(u32, Vec<u8>)> = bounded(limit, "fetch mail", async {
                session
                    .uid_fetch(uid_set(&uids), query)
                    .await?
                    .try_filter_map(|f| async move {
                        let body = if truncated { f.header() } else { f.body() };
                        Ok(f.uid.map(|uid| (uid, body.unwrap_or_default().to_vec())))
                    })
                    .try_collect()
                    .await
            })
            .await?;
            for (uid, raw) in fetched {
                let size = set
                    .iter()
                    .find(|(u, _)| *u == uid)
                    .map_or(raw.len(), |(_, s)| *s);
                out.push(Fetched {
                    uid,
                    size,
                    raw,
                    truncated,
                });
            }
        }
        out.sort_by_key(|f| f.uid);
        Ok(out)
    }

    /// Move committed mail out of the way (RFC 6851 MOVE where available).
    pub async fn move_to(&mut self, uids: &[u32], folder: &str) -> Result<(), MailboxError> {
        if uids.is_empty() {
            return Ok(());
        }
        let set = uid_set(uids);
        let session = &mut self.session;
        if self.move_supported {
            return bounded(
                self.timeout,
                "move processed mail",
                session.uid_mv(&set, folder),
            )
            .await;
        }
        bounded(self.timeout, "move processed mail", async {
            session.uid_copy(&set, folder).await?;
            session
                .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
                .await?
                .try_collect::<Vec<_>>()
                .await?;
            session
                .uid_expunge(&set)
                .await?
                .try_collect::<Vec<_>>()
                .await?;
            Ok(())
        })
        .await
    }

    /// Wait until the server reports a change, `renew` (at most
    /// [`IDLE_RECHECK`] in IDLE) passes, or shutdown.
    /// Uses IDLE when the server has it (and the config allows), else sleeps
    /// `poll` and then asks with NOOP. Returns `self` for the next round.
    pub async fn wait_for_change(
        self,
        use_idle: bool,
        renew: Duration,
        poll: Duration,
        shutdown: &mut Shutdown,
    ) -> Result<Option<Mailbox>, MailboxError> {
        let Mailbox {
            session,
            id,
            uid_validity,
            idle_supported,
            move_supported,
            timeout,
            folder,
        } = self;
        let rebuild = |session| Mailbox {
            session,
            id,
            uid_validity,
            idle_supported,
            move_supported,
            timeout,
            folder,
        };
        // new mail the server announced while we searched (an EXISTS inside
        // the SEARCH's answer, after its result was computed) is in the
        // unsolicited queue, and IDLE would not report it again
        let announced =
            std::iter::from_fn(|| session.unsolicited_responses.try_recv().ok()).any(|r| {
                matches!(
                    r,
                    UnsolicitedResponse::Exists(_) | UnsolicitedResponse::Recent(_)
                )
            });
        if announced {
            return Ok(Some(rebuild(session)));
        }
        if use_idle && idle_supported {
            // an EXISTS sent while IDLE starts (before the server's "+") is
            // queued by async-imap, not seen by the wait: look again at least
            // every IDLE_RECHECK so such a mail waits seconds, not the renew
            let renew = renew.min(IDLE_RECHECK);
            let mut idle = session.idle();
            bounded(timeout, "start IDLE", idle.init()).await?;
            let stopped = {
                let (wait, stop) = idle.wait_with_timeout(renew);
                tokio::select! {
                    result = wait => {
                        match result.doing("wait in IDLE")? {
                            IdleResponse::NewData(_) | IdleResponse::Timeout | IdleResponse::ManualInterrupt => false,
                        }
                    }
                    _ = shutdown.wait() => {
                        drop(stop);
                        true
                    }
                }
            };
            let session = bounded(timeout, "end IDLE", idle.done()).await?;
            if stopped {
                rebuild(session).logout().await;
                return Ok(None);
            }
            Ok(Some(rebuild(session)))
        } else {
            let mut session = session;
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                _ = shutdown.wait() => {
                    rebuild(session).logout().await;
                    return Ok(None);
                }
            }
            bounded(timeout, "poll with NOOP", session.noop()).await?;
            Ok(Some(rebuild(session)))
        }
    }

    /// Politely end the session.
    pub async fn logout(mut self) {
        let _ = tokio::time::timeout(self.timeout, self.session.logout()).await;
    }

    /// async-imap queues untagged responses we do not read in a bounded
    /// channel and drops them when it is full; we find new mail by UID SEARCH
    /// anyway, so empty it each round.
    fn drain_unsolicited(&mut self) {
        while self.session.unsolicited_responses.try_recv().is_ok() {}
    }
}

/// The longest one IDLE lasts before the mailbox is searched again, whatever
/// `imap.idle_renew_secs` says: the safety net for an announcement that
/// arrived while IDLE was starting. A search of an unchanged mailbox costs
/// the server next to nothing.
pub const IDLE_RECHECK: Duration = Duration::from_secs(30);

/// A compact UID set: `1:5,7,9:10`.
pub fn uid_set(uids: &[u32]) -> String {
    let mut sorted = uids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut iter = sorted.into_iter().peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&(end.saturating_add(1))) {
            end += 1;
            iter.next();
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}:{end}")
        });
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_compress_runs() {
        assert_eq!(uid_set(&[1, 2, 3, 5, 7, 8]), "1:3,5,7:8");
        assert_eq!(uid_set(&[9]), "9");
        assert_eq!(uid_set(&[3, 1, 2, 2]), "1:3");
    }
}
