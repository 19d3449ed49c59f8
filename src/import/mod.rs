//! `secdesk import PATH`: a backlog of mail (an mbox, a Maildir, a directory
//! of `.eml` files) taken in through the very pipeline the IMAP reader
//! feeds (`ingest::process_batch`): the same parsing, limits, quarantine,
//! DKIM/SPF/DMARC checks and threading, the same dedupe by Message-ID (or
//! by the bytes), so an interrupted import run again creates nothing twice.
//!
//! What is imported tells nobody unless asked: without `--send-acks` the
//! desk runs with [`ReplyMode::RecordOnly`], so every acknowledgment and
//! notification the pipeline writes is kept on its ticket as `suppressed`
//! and never enters the outbox, in the same transaction as the ticket.
//! With it they are queued as usual and the next `secdesk run` sends them;
//! the import itself never opens an IMAP or SMTP connection.
//!
//! A thread reads the files (`read`: pure splitting over a reader) and hands
//! batches to the async side, which commits them one transaction each.

pub mod read;

use std::fs::File;
use std::io::{BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::clock::SystemClock;
use crate::config::Config;
use futures::StreamExt;

use crate::ingest::{self, BatchOutcome, DeskContext, IngestError, ReplyMode};
use crate::mailbox::Fetched;
use crate::store::{MailboxState, Store, StoreError};
use read::{Mbox, RawMail};

/// Mails committed per transaction: large enough that the commit's cost
/// (an fsync) is shared, small enough that a crash re-reads little.
pub const BATCH_MAILS: usize = 64;
/// A batch also ends past this many bytes of mail, so a run of large mails
/// is not held in memory sixty-four at a time.
const BATCH_BYTES: usize = 16 << 20;
/// Batches analysed and checked against DNS while the one before them
/// commits: the analysis waits on the CPU, the checks on DNS, the commit on
/// the database, and with a resolver that does not answer each batch
/// waits out its DNS budget (`Verifier::budget`) beside the others, not
/// after them.
const PREPARED_AHEAD: usize = 4;
/// Without a terminal, a progress line every this many mails or seconds.
const PLAIN_EVERY_MAILS: u64 = 500;
const PLAIN_EVERY: Duration = Duration::from_secs(5);
/// A database that went away is waited for this many times (with backoff)
/// before the import gives up; run again, it goes on where it stopped.
const TRANSIENT_RETRIES: u32 = 8;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Desk(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot commit mail {first}-{last} of {path}: {source}")]
    Ingest {
        path: String,
        first: u32,
        last: u32,
        source: IngestError,
    },
}

/// Where the mail comes from.
#[derive(Debug)]
enum Source {
    Mbox(PathBuf),
    /// Files of one mail each, in the order they are imported.
    Files(Vec<PathBuf>),
}

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportSummary {
    pub read: u64,
    pub tickets: u64,
    pub follow_ups: u64,
    /// Already in the database (an earlier import, or the mailbox): skipped.
    pub duplicates: u64,
    pub quarantined: u64,
    /// Automatic mail, strangers' mail, staff requests, the desk's own copies.
    pub other: u64,
    /// Files of a directory that could not be read (each logged).
    pub unreadable: u64,
    pub seconds: f64,
    pub send_acks: bool,
}

impl ImportSummary {
    fn add(&mut self, outcome: &BatchOutcome, mails: usize) {
        let tickets = outcome.new_tickets.len() as u64;
        let follow_ups = outcome.follow_ups as u64;
        let duplicates = outcome.duplicates as u64;
        let quarantined = outcome.quarantined as u64;
        self.read += mails as u64;
        self.tickets += tickets;
        self.follow_ups += follow_ups;
        self.duplicates += duplicates;
        self.quarantined += quarantined;
        self.other +=
            (mails as u64).saturating_sub(tickets + follow_ups + duplicates + quarantined);
    }

    pub fn rate(&self) -> f64 {
        if self.seconds > 0.0 {
            self.read as f64 / self.seconds
        } else {
            0.0
        }
    }

    /// What the command prints at the end.
    pub fn describe(&self, path: &Path) -> String {
        let mut out = format!(
            "imported {}: {} mails read in {:.1} s ({:.0} mails/s)\n\
             \x20 tickets created:  {}\n\
             \x20 follow-ups:       {}\n\
             \x20 already present:  {} (skipped as duplicates)\n\
             \x20 quarantined:      {}{}\n\
             \x20 other:            {} (automatic mail, strangers, staff requests)\n",
            path.display(),
            self.read,
            self.seconds,
            self.rate(),
            self.tickets,
            self.follow_ups,
            self.duplicates,
            self.quarantined,
            if self.quarantined > 0 {
                " (see `secdesk quarantine list`)"
            } else {
                ""
            },
            self.other,
        );
        if self.unreadable > 0 {
            out.push_str(&format!(
                "  unreadable files: {} (see the log above)\n",
                self.unreadable
            ));
        }
        out.push_str(if self.send_acks {
            "acknowledgments and notifications are queued: the next `secdesk run` sends them"
        } else {
            "nothing was sent and nothing is queued: acknowledgments and notifications are \
             recorded on their tickets as suppressed (--send-acks queues them instead)"
        });
        out
    }
}

/// Import every mail under `path` into the desk `config` describes.
pub async fn import(
    config: &Config,
    path: &Path,
    send_acks: bool,
) -> Result<ImportSummary, ImportError> {
    let mut desk = crate::daemon::desk_context(config, Arc::new(SystemClock))
        .map_err(|e| ImportError::Desk(e.to_string()))?;
    if !send_acks {
        desk.replies = ReplyMode::RecordOnly;
    }
    let desk = Arc::new(desk);
    let source = source(path)?;
    let total_bytes = source.bytes();
    let store = crate::cli::open_store(config).await.map_err(|e| match e {
        crate::cli::CliError::Store(e) => ImportError::Store(e),
        other => ImportError::Desk(other.to_string()),
    })?;
    // one checkpoint row per imported source: where the last run got to
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mailbox_id = format!("import:{}", absolute.display());
    let limit = desk.limits.max_message_bytes;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Chunk>(PREPARED_AHEAD);
    let reader = std::thread::spawn(move || read_source(source, limit, tx));

    let started = Instant::now();
    let mut summary = ImportSummary {
        send_acks,
        ..ImportSummary::default()
    };
    let mut progress = Progress::new(total_bytes);
    let shown = path.display().to_string();
    let chunks = futures::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let mut ready = chunks
        .map(|chunk| prepare_ahead(&desk, chunk, &shown))
        .buffered(PREPARED_AHEAD);
    let mut failure = None;
    while let Some(batch) = ready.next().await {
        let batch = match batch {
            Ok(batch) => batch,
            Err(e) => {
                failure = Some(e);
                break;
            }
        };
        summary.unreadable += batch.unreadable;
        if !batch.prepared.is_empty() {
            match commit(&store, &desk, &mailbox_id, &batch, &shown).await {
                Ok(outcome) => summary.add(&outcome, batch.prepared.len()),
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        summary.seconds = started.elapsed().as_secs_f64();
        progress.update(&summary, batch.consumed);
    }
    // the channel goes with the stream: the reader stops at its next send
    drop(ready);
    let _ = reader.join();
    store.close().await;
    progress.finish();
    summary.seconds = started.elapsed().as_secs_f64();
    match failure {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// A batch analysed and checked against DNS, waiting for its commit.
struct Ready {
    prepared: ingest::Prepared,
    /// UIDs (places in the source) of its first and last mail.
    first: u32,
    last: u32,
    consumed: u64,
    unreadable: u64,
}

/// Start preparing `chunk` at once, on a task of its own (so its analysis
/// and DNS checks go on while earlier batches commit); the future gives it
/// ready to commit.
fn prepare_ahead(
    desk: &Arc<DeskContext>,
    chunk: Chunk,
    path: &str,
) -> impl Future<Output = Result<Ready, ImportError>> + use<> {
    let path = path.to_string();
    let started = match chunk {
        Chunk::Mails {
            mails,
            consumed,
            unreadable,
        } => {
            let first = mails.first().map_or(0, |m| m.uid);
            let last = mails.last().map_or(0, |m| m.uid);
            let task = tokio::spawn(ingest::prepare_batch(Arc::clone(desk), mails));
            Ok((task, first, last, consumed, unreadable))
        }
        Chunk::Failed(e) => Err(e),
    };
    async move {
        let (task, first, last, consumed, unreadable) = started?;
        let failed = |source| ImportError::Ingest {
            path: path.clone(),
            first,
            last,
            source,
        };
        let prepared = task
            .await
            .map_err(|e| failed(IngestError::Analysis(e.to_string())))?
            .map_err(failed)?;
        Ok(Ready {
            prepared,
            first,
            last,
            consumed,
            unreadable,
        })
    }
}

/// One batch committed, waiting out a database that went away.
async fn commit(
    store: &Store,
    desk: &DeskContext,
    mailbox_id: &str,
    batch: &Ready,
    path: &str,
) -> Result<BatchOutcome, ImportError> {
    let checkpoint = MailboxState {
        uid_validity: 1,
        last_uid: batch.last,
    };
    let mut attempt = 0;
    loop {
        match ingest::commit_batch(store, desk, mailbox_id, checkpoint, &batch.prepared).await {
            Ok(outcome) => return Ok(outcome),
            Err(e) if e.is_transient() && attempt < TRANSIENT_RETRIES => {
                attempt += 1;
                tracing::warn!(error = %e, attempt, "the database is away; retrying the batch");
                tokio::time::sleep(crate::backoff(attempt)).await;
            }
            Err(source) => {
                return Err(ImportError::Ingest {
                    path: path.to_string(),
                    first: batch.first,
                    last: batch.last,
                    source,
                });
            }
        }
    }
}

/// What the reading thread hands over.
enum Chunk {
    Mails {
        mails: Vec<Fetched>,
        /// Bytes of the source read so far.
        consumed: u64,
        unreadable: u64,
    },
    Failed(ImportError),
}

/// The kind of `path`: a Maildir (a directory with `cur/` or `new/`), a
/// directory of `.eml` files, one `.eml` file, or an mbox.
fn source(path: &Path) -> Result<Source, ImportError> {
    let error = |source| ImportError::Read {
        path: path.display().to_string(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(error)?;
    if !meta.is_dir() {
        let eml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("eml"));
        return Ok(if eml {
            Source::Files(vec![path.to_path_buf()])
        } else {
            Source::Mbox(path.to_path_buf())
        });
    }
    let maildir: Vec<PathBuf> = ["cur", "new"]
        .iter()
        .map(|d| path.join(d))
        .filter(|d| d.is_dir())
        .collect();
    let mut files = Vec::new();
    if maildir.is_empty() {
        for entry in std::fs::read_dir(path).map_err(error)? {
            let entry = entry.map_err(error)?;
            let file = entry.path();
            if file.is_file()
                && file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("eml"))
            {
                files.push(file);
            }
        }
    } else {
        for dir in &maildir {
            for entry in std::fs::read_dir(dir).map_err(error)? {
                let file = entry.map_err(error)?.path();
                if file.is_file() {
                    files.push(file);
                }
            }
        }
    }
    // a Maildir file's name begins with its delivery time: by name is by
    // arrival, so a report comes before the follow-ups that thread to it
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(Source::Files(files))
}

impl Source {
    fn bytes(&self) -> u64 {
        match self {
            Source::Mbox(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Source::Files(files) => files
                .iter()
                .filter_map(|f| std::fs::metadata(f).ok())
                .map(|m| m.len())
                .sum(),
        }
    }
}

/// Read `source` mail by mail (each numbered by its place, from 1) and send
/// it on in batches. Runs on a thread of its own: file reads block.
fn read_source(source: Source, limit: usize, tx: tokio::sync::mpsc::Sender<Chunk>) {
    let mut batch = Batcher::default();
    match source {
        Source::Mbox(path) => {
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(source) => {
                    let _ = tx.blocking_send(Chunk::Failed(ImportError::Read {
                        path: path.display().to_string(),
                        source,
                    }));
                    return;
                }
            };
            let mut mbox = Mbox::new(BufReader::with_capacity(1 << 16, file), limit);
            while let Some(mail) = mbox.next() {
                let mail = match mail {
                    Ok(m) => m,
                    Err(source) => {
                        let _ = tx.blocking_send(Chunk::Failed(ImportError::Read {
                            path: path.display().to_string(),
                            source,
                        }));
                        return;
                    }
                };
                if let Some(chunk) = batch.push(mail, mbox.consumed)
                    && tx.blocking_send(chunk).is_err()
                {
                    return;
                }
            }
            let _ = tx.blocking_send(batch.flush(mbox.consumed));
        }
        Source::Files(files) => {
            let mut consumed = 0;
            for file in files {
                let mail =
                    File::open(&file).and_then(|f| read::read_mail(BufReader::new(f), limit));
                let mail = match mail {
                    Ok(m) => m,
                    Err(e) => {
                        tracing::warn!(file = %file.display(), error = %e, "cannot read a mail file; skipped");
                        batch.unreadable += 1;
                        continue;
                    }
                };
                consumed += mail.size as u64;
                if let Some(chunk) = batch.push(mail, consumed)
                    && tx.blocking_send(chunk).is_err()
                {
                    return;
                }
            }
            let _ = tx.blocking_send(batch.flush(consumed));
        }
    }
}

/// Mails gathered into batches of [`BATCH_MAILS`] or [`BATCH_BYTES`].
#[derive(Default)]
struct Batcher {
    mails: Vec<Fetched>,
    bytes: usize,
    /// Mails numbered so far: the next one's UID is this plus one.
    numbered: u32,
    unreadable: u64,
}

impl Batcher {
    fn push(&mut self, mail: RawMail, consumed: u64) -> Option<Chunk> {
        self.numbered = self.numbered.saturating_add(1);
        self.bytes += mail.raw.len();
        self.mails.push(Fetched {
            uid: self.numbered,
            size: mail.size,
            raw: mail.raw,
            truncated: mail.truncated,
        });
        (self.mails.len() >= BATCH_MAILS || self.bytes >= BATCH_BYTES).then(|| self.flush(consumed))
    }

    fn flush(&mut self, consumed: u64) -> Chunk {
        self.bytes = 0;
        Chunk::Mails {
            mails: std::mem::take(&mut self.mails),
            consumed,
            unreadable: std::mem::take(&mut self.unreadable),
        }
    }
}

/// A bar on a terminal (bytes of the source, with mails, rate and ETA);
/// elsewhere a plain line now and then.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: u64,
    last_line: Instant,
    last_mails: u64,
}

impl Progress {
    fn new(total: u64) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total);
            let style = indicatif::ProgressStyle::with_template(
                "{elapsed_precise} [{bar:30}] {percent:>3}% {msg} ETA {eta}",
            )
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            total,
            last_line: Instant::now(),
            last_mails: 0,
        }
    }

    fn update(&mut self, summary: &ImportSummary, consumed: u64) {
        let said = format!(
            "{} mails ({:.0}/s), {} tickets",
            summary.read,
            summary.rate(),
            summary.tickets
        );
        if let Some(bar) = &self.bar {
            bar.set_position(consumed);
            bar.set_message(said);
            return;
        }
        if summary.read - self.last_mails < PLAIN_EVERY_MAILS
            && self.last_line.elapsed() < PLAIN_EVERY
        {
            return;
        }
        self.last_mails = summary.read;
        self.last_line = Instant::now();
        let percent = if self.total > 0 {
            consumed as f64 * 100.0 / self.total as f64
        } else {
            100.0
        };
        let eta = if consumed > 0 && summary.seconds > 0.0 {
            let left = self.total.saturating_sub(consumed) as f64;
            format!("{:.0} s", left * summary.seconds / consumed as f64)
        } else {
            "-".into()
        };
        eprintln!("import: {said}, {percent:.0}% of the bytes, ETA {eta}");
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_every_mail_once_and_says_what_was_sent() {
        let mut summary = ImportSummary::default();
        summary.add(
            &BatchOutcome {
                new_tickets: vec!["SEC-7KQ3-M9PX".into(), "SEC-4D2N-QW8E".into()],
                follow_ups: 1,
                duplicates: 3,
                quarantined: 1,
                automatic: 1,
                replies: 5,
                ..BatchOutcome::default()
            },
            9,
        );
        assert_eq!(
            (
                summary.read,
                summary.tickets,
                summary.duplicates,
                summary.other
            ),
            (9, 2, 3, 2),
            "mails that are none of the named kinds are `other`"
        );
        let text = summary.describe(Path::new("old.mbox"));
        assert!(
            text.starts_with("imported old.mbox: 9 mails read"),
            "{text}"
        );
        assert!(text.contains("  already present:  3 (skipped as duplicates)\n"));
        assert!(text.contains("quarantined:      1 (see `secdesk quarantine list`)"));
        assert!(
            text.ends_with("(--send-acks queues them instead)"),
            "{text}"
        );
        summary.send_acks = true;
        assert!(
            summary
                .describe(Path::new("old.mbox"))
                .ends_with("the next `secdesk run` sends them")
        );
    }

    #[test]
    fn batches_end_at_their_mail_count_and_number_mails_from_one() {
        let mut batcher = Batcher::default();
        let mail = || RawMail {
            raw: b"Subject: x\n\ny\n".to_vec(),
            size: 14,
            truncated: false,
        };
        for n in 1..BATCH_MAILS {
            assert!(batcher.push(mail(), n as u64).is_none());
        }
        let Some(Chunk::Mails {
            mails, consumed, ..
        }) = batcher.push(mail(), 99)
        else {
            panic!("a full batch");
        };
        assert_eq!(mails.len(), BATCH_MAILS);
        assert_eq!((mails[0].uid, mails[BATCH_MAILS - 1].uid), (1, 64));
        assert_eq!(consumed, 99);
        batcher.push(mail(), 100);
        let Chunk::Mails { mails, .. } = batcher.flush(100) else {
            panic!("the rest");
        };
        assert_eq!(mails[0].uid, 65);
    }
}
