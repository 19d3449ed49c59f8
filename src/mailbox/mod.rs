//! The IMAP edge: where mail comes in.
//!
//! Mail is found by UID (never by \Seen flags, which other clients change):
//! everything above the committed `last_uid` is new. Bodies are fetched with
//! `BODY.PEEK[]` so reading does not mark anything, in batches, sizes first so
//! a huge mail is never downloaded whole.

mod connection;

use std::time::Duration;

use async_imap::extensions::idle::IdleResponse;
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
}

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
        let mut session = connect(cfg).await?;
        let caps = session.capabilities().await.doing("read capabilities")?;
        let idle_supported = caps.has_str("IDLE");
        let move_supported = caps.has_str("MOVE");
        let selected = session
            .select(&cfg.mailbox)
            .await
            .doing("select the mailbox")?;
        let uid_validity = selected
            .uid_validity
            .ok_or_else(|| MailboxError::NoUidValidity(cfg.mailbox.clone()))?;
        if let Some(folder) = &cfg.processed_folder {
            // "already exists" is the usual answer, and a real failure shows on MOVE
            let _ = session.create(folder).await;
        }
        Ok(Mailbox {
            session,
            id: mailbox_id(cfg),
            uid_validity,
            idle_supported,
            move_supported,
        })
    }

    /// UIDs above `last_uid`, ascending.
    pub async fn new_uids(&mut self, last_uid: u32) -> Result<Vec<u32>, MailboxError> {
        self.drain_unsolicited();
        let from = last_uid.saturating_add(1);
        let found = self
            .session
            .uid_search(format!("UID {from}:*"))
            .await
            .doing("search for new mail")?;
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
        let sizes: Vec<(u32, usize)> = self
            .session
            .uid_fetch(uid_set(uids), "(UID RFC822.SIZE)")
            .await
            .doing("fetch sizes")?
            .try_filter_map(
                |f| async move { Ok(f.uid.map(|uid| (uid, f.size.unwrap_or(0) as usize))) },
            )
            .try_collect()
            .await
            .doing("fetch sizes")?;
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
            let fetched: Vec<(u32, Vec<u8>)> = self
                .session
                .uid_fetch(uid_set(&uids), query)
                .await
                .doing("fetch mail")?
                .try_filter_map(|f| async move {
                    let body = if truncated { f.header() } else { f.body() };
                    Ok(f.uid.map(|uid| (uid, body.unwrap_or_default().to_vec())))
                })
                .try_collect()
                .await
                .doing("fetch mail")?;
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
        if self.move_supported {
            self.session
                .uid_mv(&set, folder)
                .await
                .doing("move processed mail")?;
        } else {
            self.session
                .uid_copy(&set, folder)
                .await
                .doing("copy processed mail")?;
            self.session
                .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
                .await
                .doing("flag processed mail")?
                .try_collect::<Vec<_>>()
                .await
                .doing("flag processed mail")?;
            self.session
                .uid_expunge(&set)
                .await
                .doing("expunge processed mail")?
                .try_collect::<Vec<_>>()
                .await
                .doing("expunge processed mail")?;
        }
        Ok(())
    }

    /// Wait until the server reports a change, `renew` passes, or shutdown.
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
        } = self;
        let rebuild = |session| Mailbox {
            session,
            id,
            uid_validity,
            idle_supported,
            move_supported,
        };
        if use_idle && idle_supported {
            let mut idle = session.idle();
            idle.init().await.doing("start IDLE")?;
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
            let session = idle.done().await.doing("end IDLE")?;
            Ok((!stopped).then(|| rebuild(session)))
        } else {
            let mut session = session;
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                _ = shutdown.wait() => return Ok(None),
            }
            session.noop().await.doing("poll with NOOP")?;
            Ok(Some(rebuild(session)))
        }
    }

    /// Politely end the session.
    pub async fn logout(mut self) {
        let _ = self.session.logout().await;
    }

    /// async-imap queues untagged responses we do not read in a bounded
    /// channel and drops them when it is full; we find new mail by UID SEARCH
    /// anyway, so empty it each round.
    fn drain_unsolicited(&mut self) {
        while self.session.unsolicited_responses.try_recv().is_ok() {}
    }
}

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
