//! `/healthz` and `/readyz`. The daemon's parts report how they are doing
//! into [`Health`]; `/readyz` adds what it checks itself (the database, a
//! fresh SMTP session at most every [`SMTP_PROBE_EVERY`]) and decides,
//! purely, from those facts.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A fresh SMTP session per probe would cost the server a connection per
/// scrape; the answer is reused this long.
pub const SMTP_PROBE_EVERY: Duration = Duration::from_secs(10);

/// How the mailbox reader is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reader {
    /// Not connected yet.
    Starting,
    /// Logged in and reading.
    Reading,
    /// Another daemon holds the reader lease; this one only sends.
    Standby,
    /// The last session failed with this error; reconnecting.
    Failing(String),
    /// Shutting down.
    Stopped,
}

/// What the daemon's parts say about themselves.
#[derive(Debug)]
pub struct Health {
    reader: Mutex<Reader>,
    smtp: tokio::sync::Mutex<Option<(Instant, Result<(), String>)>>,
}

impl Default for Health {
    fn default() -> Health {
        Health {
            reader: Mutex::new(Reader::Starting),
            smtp: tokio::sync::Mutex::new(None),
        }
    }
}

impl Health {
    pub fn set_reader(&self, state: Reader) {
        *self.reader.lock().unwrap_or_else(|e| e.into_inner()) = state;
    }

    pub fn reader(&self) -> Reader {
        self.reader
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The SMTP server's last answer to `probe`, asked again when older
    /// than [`SMTP_PROBE_EVERY`].
    pub async fn smtp<F>(&self, probe: F) -> Result<(), String>
    where
        F: std::future::Future<Output = Result<(), String>>,
    {
        let mut last = self.smtp.lock().await;
        match &*last {
            Some((at, answer)) if at.elapsed() < SMTP_PROBE_EVERY => answer.clone(),
            _ => {
                let answer = probe.await;
                *last = Some((Instant::now(), answer.clone()));
                answer
            }
        }
    }
}

/// The facts `/readyz` decides on.
#[derive(Debug, Clone)]
pub struct Facts {
    pub database: Result<(), String>,
    pub reader: Reader,
    pub smtp: Result<(), String>,
    /// Who holds the reader lease (PostgreSQL), if anyone.
    pub lease: Option<String>,
}

/// Ready (200) or not (503), with one line per part.
pub fn readiness(facts: &Facts) -> (bool, String) {
    let mut ready = true;
    let mut lines = Vec::new();
    let mut line = |ok: bool, text: String| {
        ready &= ok;
        lines.push(format!("{} {text}", if ok { "ok  " } else { "FAIL" }));
    };
    match &facts.database {
        Ok(()) => line(true, "database: reachable".into()),
        Err(e) => line(false, format!("database: {e}")),
    }
    match &facts.reader {
        Reader::Reading => line(true, "imap: reading the mailbox".into()),
        Reader::Standby => line(true, "imap: standing by, another daemon reads".into()),
        Reader::Starting => line(false, "imap: not connected yet".into()),
        Reader::Failing(e) => line(false, format!("imap: {e}")),
        Reader::Stopped => line(false, "imap: stopping".into()),
    }
    match &facts.smtp {
        Ok(()) => line(true, "smtp: session accepted".into()),
        Err(e) => line(false, format!("smtp: {e}")),
    }
    if let Some(holder) = &facts.lease {
        line(true, format!("reader lease: held by {holder}"));
    }
    let mut body = lines.join("\n");
    body.push('\n');
    (ready, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts {
            database: Ok(()),
            reader: Reader::Reading,
            smtp: Ok(()),
            lease: None,
        }
    }

    #[test]
    fn ready_when_every_part_is_and_each_failure_is_named() {
        assert!(readiness(&facts()).0);
        let standby = Facts {
            reader: Reader::Standby,
            lease: Some("b@host".into()),
            ..facts()
        };
        let (ready, body) = readiness(&standby);
        assert!(ready, "a standby daemon serves: it sends");
        assert!(body.contains("reader lease: held by b@host"));
        let broken = Facts {
            database: Err("connection refused".into()),
            smtp: Err("535 authentication failed".into()),
            ..facts()
        };
        let (ready, body) = readiness(&broken);
        assert!(!ready);
        assert!(body.contains("FAIL database: connection refused"), "{body}");
        assert!(
            body.contains("FAIL smtp: 535 authentication failed"),
            "{body}"
        );
        assert!(body.contains("ok   imap: reading"), "{body}");
        let (ready, _) = readiness(&Facts {
            reader: Reader::Failing("login refused".into()),
            ..facts()
        });
        assert!(!ready);
    }
}
