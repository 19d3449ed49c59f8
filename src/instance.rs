//! One daemon per SQLite desk.
//!
//! Two `secdesk run` on one SQLite file would both read the mailbox and
//! both send every queued mail. SQLite cannot share a desk between machines
//! anyway, so the daemon takes an exclusive `flock` on a file beside the
//! database (`DB.secdesk-lock`) before it opens the database, and keeps it
//! while it runs. The kernel drops the lock when the process ends, however
//! it ends (kill -9 included), so a stale lock never blocks a restart.
//! The file says who holds it (pid, host, since when), and a second daemon
//! refuses to start with exactly that. (PostgreSQL desks share one database
//! between daemons on purpose; they coordinate in the database.)

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Held for as long as the daemon runs; dropping it releases the desk.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum InstanceError {
    #[error(
        "another secdesk is already running on this database: {holder} (lock {path}); stop it first — two daemons on one SQLite desk would both read the mailbox and send every mail"
    )]
    Held { holder: String, path: PathBuf },
    #[error("cannot lock {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Take the desk of the database at `url` (SQLite only; `Ok(None)` for
/// others), or say who has it.
pub fn lock_desk(url: &str) -> Result<Option<InstanceLock>, InstanceError> {
    let Some(db) = crate::store::sqlite_file(url) else {
        return Ok(None);
    };
    let mut name = db.clone().into_os_string();
    name.push(".secdesk-lock");
    lock_file(Path::new(&name)).map(Some)
}

fn lock_file(path: &Path) -> Result<InstanceLock, InstanceError> {
    let io = |source| InstanceError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            return Err(InstanceError::Held {
                holder: if holder.is_empty() {
                    "a process that has not said who it is yet".into()
                } else {
                    holder.to_string()
                },
                path: path.to_path_buf(),
            });
        }
        Err(TryLockError::Error(e)) => return Err(io(e)),
    }
    // who holds it, for the next one that tries
    let host = host_name();
    let since = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC");
    let said = format!("pid {} on {host}, since {since}\n", std::process::id());
    file.set_len(0).map_err(io)?;
    file.rewind().map_err(io)?;
    file.write_all(said.as_bytes()).map_err(io)?;
    Ok(InstanceLock { _file: file })
}

/// This machine's name, as the kernel has it, for messages naming a daemon.
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "this host".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_the_first_ones_name_until_it_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/desk.db", dir.path().display());
        let first = lock_desk(&url).unwrap().expect("a SQLite desk is locked");
        match lock_desk(&url) {
            Err(InstanceError::Held { holder, .. }) => {
                assert!(
                    holder.starts_with(&format!("pid {} on ", std::process::id())),
                    "{holder}"
                );
            }
            other => panic!("expected the desk to be held, got {other:?}"),
        }
        drop(first);
        assert!(lock_desk(&url).unwrap().is_some(), "released on drop");
    }
}
