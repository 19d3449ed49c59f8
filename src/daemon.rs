//! `secdesk run`: the mailbox reader and the outbox sender, side by side,
//! until shutdown. On PostgreSQL several daemons may serve one desk: each
//! sends, and the one holding the reader lease (`lease`) reads the mailbox
//! and runs the triage clock.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use crate::authenticate::Verifier;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::ingest::{self, DeskContext};
use crate::mailbox::{Mailbox, MailboxError};
use crate::outbox::sender::{self, Sender, SenderError};
use crate::outbox::{TemplateError, Templates};
use crate::route::StaffPolicy;
use crate::shutdown::Shutdown;
use crate::staff::auth::AuthPolicy;
use crate::store::{MailboxState, Store, StoreError};
use crate::ticket::NumberPrefix;
use crate::web::Web;
use crate::web::health::{Health, Reader};

/// How long a stopping daemon keeps trying to send what is queued (and,
/// again, to QUIT its SMTP connections); the service unit's TimeoutStopSec
/// is longer than both (tests/service.rs).
pub const FLUSH_ON_STOP: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Templates(#[from] TemplateError),
    #[error(transparent)]
    Sender(#[from] SenderError),
    #[error("desk.number_prefix: {0}")]
    Prefix(String),
    #[error("dns: {0}")]
    Dns(#[from] crate::authenticate::VerifierError),
    #[error("{key}: {problem}")]
    Pgp { key: &'static str, problem: String },
    #[error(transparent)]
    Instance(#[from] crate::instance::InstanceError),
    #[error("http.listen {addr}: cannot listen: {source}")]
    Http {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
}

/// The desk's OpenPGP key and keyring from `[pgp]`, checked: a key that
/// cannot be read or unlocked stops the start (encrypted reports would be
/// quarantined one by one); one that expires within 30 days is warned of.
pub(crate) fn load_pgp(
    config: &crate::config::PgpConfig,
    now: std::time::SystemTime,
) -> Result<Option<crate::ingest::PgpDesk>, RunError> {
    let Some(key_file) = &config.key_file else {
        return Ok(None);
    };
    let read = |key: &'static str, path: &std::path::Path| {
        std::fs::read(path).map_err(|e| RunError::Pgp {
            key,
            problem: format!("cannot read {}: {e}", path.display()),
        })
    };
    let bytes = read("pgp.key_file", key_file)?;
    let key =
        crate::pgp::DeskKey::from_armored(&bytes, config.passphrase.as_ref().map(|p| p.expose()))
            .map_err(|e| RunError::Pgp {
            key: "pgp.key_file",
            problem: format!("{}: {e}", key_file.display()),
        })?;
    key.check_usable(now).map_err(|e| RunError::Pgp {
        key: "pgp.key_file",
        problem: e.to_string(),
    })?;
    if let Some(expires) = key.expires_at(now)
        && expires < now + Duration::from_secs(30 * 24 * 3600)
    {
        tracing::warn!(
            fingerprint = key.fingerprint(),
            "the desk's OpenPGP key expires within 30 days: extend it and publish it again"
        );
    }
    let keyring =
        match &config.keyring_file {
            Some(path) => crate::pgp::Keyring::from_armored(&read("pgp.keyring_file", path)?)
                .map_err(|e| RunError::Pgp {
                    key: "pgp.keyring_file",
                    problem: format!("{}: {e}", path.display()),
                })?,
            None => crate::pgp::Keyring::new(),
        };
    tracing::info!(
        fingerprint = key.fingerprint(),
        known_keys = keyring.len(),
        "OpenPGP on"
    );
    Ok(Some(crate::ingest::PgpDesk {
        key,
        keyring,
        encrypt_staff_copies: config.encrypt_staff_copies,
    }))
}

#[derive(Debug, thiserror::Error)]
enum ReadError {
    #[error(transparent)]
    Mailbox(#[from] MailboxError),
    #[error(transparent)]
    Ingest(#[from] ingest::IngestError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The pieces of a running desk, ready to start.
pub struct Daemon {
    config: Arc<Config>,
    store: Store,
    desk: Arc<DeskContext>,
    sender: Sender,
    wake: Arc<Notify>,
    triage_wake: Arc<Notify>,
    /// This daemon's hold on a SQLite desk, released when it is dropped.
    _instance: Option<crate::instance::InstanceLock>,
    /// Who this daemon is to the others on the database.
    me: crate::store::DaemonInfo,
    /// How the reader is doing, for `/readyz`.
    health: Arc<Health>,
    /// The web side, bound, when `[http] listen` is set.
    web: Option<(tokio::net::TcpListener, Arc<Web>)>,
}

/// The part of the config the pipeline reads, checked.
pub fn desk_context(config: &Config, clock: Arc<dyn Clock>) -> Result<DeskContext, RunError> {
    Ok(DeskContext {
        address: config.desk.address.clone(),
        name: config.desk.name.clone(),
        prefix: NumberPrefix::parse(&config.desk.number_prefix).map_err(RunError::Prefix)?,
        staff: StaffPolicy {
            addresses: config.desk.staff.clone(),
            domains: config.desk.staff_domains.clone(),
            reporter_domain: config.desk.reporter_domain_participates,
        },
        notify: config.desk.notify.clone(),
        default_language: config.desk.default_language,
        limits: config.limits.message_limits(),
        templates: Templates::load(&config.desk.templates_dir)?,
        auth: config.desk.authentication.clone(),
        verifier: Arc::new(Verifier::new(&config.dns)?),
        pgp: load_pgp(&config.pgp, clock.now().into())?.map(Arc::new),
        calendar: config.calendar.business.clone(),
        reminder_lead: chrono::TimeDelta::hours(i64::from(config.calendar.reminder_lead_hours)),
        expose_staff_address: config.desk.expose_staff_address,
        status_requests_per_hour: config.desk.status_requests_per_hour,
        priority_rule_is_final: config.desk.priority_rule_is_final,
        reopen_on_follow_up: config.desk.reopen_on_follow_up,
        notify_all_when_owned: config.desk.notify_all_when_owned,
        auto_replies_per_address_per_hour: config.limits.auto_replies_per_address_per_hour,
        auto_replies_per_hour: config.limits.auto_replies_per_hour,
        forward_attachments_bytes: config.limits.forward_attachments_bytes,
        status_links: crate::ingest::links::StatusLinks::from_config(&config.http),
        replies: crate::ingest::ReplyMode::Send,
        clock,
    })
}

impl Daemon {
    /// Open the database (migrating it), load templates, set up SMTP.
    pub async fn prepare(config: Config) -> Result<Daemon, RunError> {
        Daemon::prepare_with_clock(config, Arc::new(SystemClock)).await
    }

    /// As [`Daemon::prepare`], on a clock of the caller's (tests move it).
    pub async fn prepare_with_clock(
        config: Config,
        clock: Arc<dyn Clock>,
    ) -> Result<Daemon, RunError> {
        crate::install_crypto_provider();
        if config.desk.authentication == AuthPolicy::None {
            tracing::warn!(
                "desk.authentication = \"none\": staff mail is trusted by its From address alone; \
                 use it only on the local test stack"
            );
        }
        let desk = Arc::new(desk_context(&config, clock)?);
        // before the database is touched: a second daemon on this SQLite
        // desk stops here, naming the first
        let instance = crate::instance::lock_desk(config.database.url.expose())?;
        let store = Store::connect(&config.database.url, config.database.max_connections).await?;
        store.migrate().await?;
        let me = crate::lease::identity(desk.clock.now_millis());
        let doubt = config.smtp.doubt();
        let doubt_until = desk.clock.now_millis() + doubt.as_millis() as i64;
        if instance.is_some() {
            // the file lock proves no other daemon sends: claims left are
            // those of one that died, maybe inside an SMTP transaction
            store.release_claims(None, Some(doubt_until)).await?;
        }
        let transport = sender::transport(&config.smtp)?;
        let health = Arc::new(Health::default());
        let web = match config.http.listen {
            Some(addr) => {
                // bound now: a taken port stops the start, with its name
                let listener = tokio::net::TcpListener::bind(addr)
                    .await
                    .map_err(|source| RunError::Http { addr, source })?;
                let lease = (store.backend() == crate::store::Backend::Postgres).then(|| {
                    (
                        crate::lease::reader_lease(&crate::mailbox::mailbox_id(&config.imap)),
                        me.id.clone(),
                    )
                });
                let web = Web {
                    store: store.clone(),
                    desk: Arc::clone(&desk),
                    pages: crate::web::status::StatusPages::load(&config.desk.templates_dir)?,
                    health: Arc::clone(&health),
                    smtp: transport.clone(),
                    lease,
                    metrics: crate::metrics::handle(),
                    limiter: std::sync::Mutex::new(crate::web::limit::RateLimiter::new(
                        config.http.requests_per_minute,
                    )),
                };
                tracing::info!(%addr, public_url = ?config.http.public_url, "HTTP listener on");
                Some((listener, Arc::new(web)))
            }
            None => None,
        };
        let wake = Arc::new(Notify::new());
        let sender = Sender::new(
            store.clone(),
            transport,
            sender::Lanes::new(config.smtp.pool_size, config.smtp.reporter_connections),
            Duration::from_secs(config.smtp.retry_initial_secs),
            Arc::clone(&wake),
            &me.id,
            (config.smtp.sent_copy == crate::config::SentCopy::Envelope)
                .then_some(config.desk.address.as_str()),
        );
        Ok(Daemon {
            config: Arc::new(config),
            store,
            desk,
            sender,
            wake,
            triage_wake: Arc::new(Notify::new()),
            _instance: instance,
            me,
            health,
            web,
        })
    }

    /// Poke the triage clock: it looks for due reminders at once (tests
    /// use it after moving their clock).
    pub fn triage_wake(&self) -> Arc<Notify> {
        Arc::clone(&self.triage_wake)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Run until `shutdown`: stop reading, commit the batch in hand, send
    /// what is queued (bounded), close.
    pub async fn run(mut self, shutdown: Shutdown) {
        if self.store.backend() == crate::store::Backend::Postgres {
            crate::lease::register(&self.store, &self.me).await;
        }
        let web_task = self.web.take().map(|(listener, web)| {
            AbortOnDrop(tokio::spawn(crate::web::serve(
                listener,
                web,
                shutdown.clone(),
            )))
        });
        // aborted if this future is dropped, so nothing outlives the daemon
        let mut sender_task = AbortOnDrop(tokio::spawn(self.sender.clone().run(shutdown.clone())));
        match self.store.backend() {
            // one daemon per SQLite desk: it reads, no lease
            crate::store::Backend::Sqlite => self.read(&self.store, shutdown).await,
            crate::store::Backend::Postgres => self.read_while_leased(shutdown).await,
        }
        self.health.set_reader(Reader::Stopped);
        let _ = (&mut sender_task.0).await;
        // a round drains: everything due goes, or waits for its retry
        match tokio::time::timeout(FLUSH_ON_STOP, self.sender.round()).await {
            Ok(Ok(round)) if round.sent > 0 => {
                tracing::info!(sent = round.sent, "flushed the outbox")
            }
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "could not flush the outbox; it is sent on next start")
            }
            Err(_) => tracing::warn!("outbox flush timed out; the rest is sent on next start"),
            _ => {}
        }
        let _ = tokio::time::timeout(FLUSH_ON_STOP, self.sender.close()).await;
        if self.store.backend() == crate::store::Backend::Postgres {
            // a flush cut short may have left a transaction in flight
            let until = self.desk.clock.now_millis() + self.config.smtp.doubt().as_millis() as i64;
            let _ = self
                .store
                .release_claims(Some(&self.me.id), Some(until))
                .await;
            let _ = self.store.forget_daemon(&self.me.id).await;
        }
        if let Some(mut task) = web_task {
            // requests in flight finish; a stuck client does not hold us
            let _ = tokio::time::timeout(Duration::from_secs(2), &mut task.0).await;
        }
        self.store.close().await;
        tracing::info!("stopped");
    }

    /// Read the mailbox and run the triage clock on `store` until shutdown.
    async fn read(&self, store: &Store, shutdown: Shutdown) {
        let triage = crate::triage::run(
            store.clone(),
            Arc::clone(&self.desk),
            Duration::from_secs(self.config.calendar.check_interval_secs.max(1)),
            Arc::clone(&self.triage_wake),
            Arc::clone(&self.wake),
            shutdown.clone(),
        );
        let reader = read_mailbox(
            Arc::clone(&self.config),
            store.clone(),
            Arc::clone(&self.desk),
            Arc::clone(&self.wake),
            Arc::clone(&self.health),
            shutdown,
        );
        tokio::join!(reader, triage);
    }

    /// [`Daemon::read`] while this daemon holds the mailbox's reader lease,
    /// on a store fenced by it; standing by (sending only) while another
    /// daemon holds it. The lease goes the moment reading has stopped.
    async fn read_while_leased(&self, mut shutdown: Shutdown) {
        let lease = crate::lease::reader_lease(&crate::mailbox::mailbox_id(&self.config.imap));
        let (fence_tx, mut fence) = tokio::sync::watch::channel(None);
        let keeper = AbortOnDrop(tokio::spawn(
            crate::lease::Keeper {
                store: self.store.clone(),
                me: self.me.clone(),
                lease: lease.clone(),
                fence: fence_tx,
                doubt: self.config.smtp.doubt(),
            }
            .run(),
        ));
        let fenced = self.store.fenced(fence.clone());
        loop {
            self.health.set_reader(Reader::Standby);
            let token = tokio::select! {
                held = fence.wait_for(Option::is_some) => match held {
                    Ok(f) => f.as_ref().map(|f| f.token),
                    Err(_) => break,
                },
                _ = shutdown.wait() => break,
            };
            let lost = fence.wait_for(|f| f.as_ref().map(|f| f.token) != token);
            tokio::select! {
                _ = self.read(&fenced, shutdown.clone()) => break,
                // the session in hand is dropped: its open batch rolls back
                // and the new reader reads that mail again
                _ = lost => continue,
            }
        }
        drop(keeper);
        if fence.borrow().is_some() {
            crate::lease::release(&self.store, &self.me, &lease).await;
        }
    }
}

/// How often the reader looks again while mail is in doubt.
const IN_DOUBT_RECHECK: Duration = Duration::from_secs(1);

/// With a server that files sent mail itself (`smtp.sent_copy =
/// "server"`): the copies of mail in doubt (its sender died, maybe inside
/// an SMTP transaction) are looked for in the Sent folder by Message-ID,
/// and those found are marked sent. Returns whether mail is in doubt.
/// (Our own envelope copies arrive in the mailbox read and are found there.)
async fn look_in_sent(
    config: &Config,
    store: &Store,
    desk: &DeskContext,
    mailbox: &mut Mailbox,
) -> Result<bool, ReadError> {
    let doubt = store.in_doubt(256).await?;
    if doubt.is_empty() {
        return Ok(false);
    }
    let ids: Vec<String> = doubt.into_iter().map(|(_, id)| id).collect();
    let found = mailbox.find_in(&config.imap.sent_folder, &ids).await?;
    if !found.is_empty() {
        let mut batch = store.begin().await?;
        for id in &found {
            batch.confirm_sent(id, desk.clock.now_millis()).await?;
        }
        batch.commit().await?;
        tracing::info!(
            found = found.len(),
            folder = %config.imap.sent_folder,
            "copies of mail in doubt found in the Sent folder: marked sent, not sent again"
        );
    }
    Ok(true)
}

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Read the mailbox forever: reconnect with backoff after any error, and
/// say so once per outage, not once per attempt.
async fn read_mailbox(
    config: Arc<Config>,
    store: Store,
    desk: Arc<DeskContext>,
    wake: Arc<Notify>,
    health: Arc<Health>,
    mut shutdown: Shutdown,
) {
    let mut failures = 0u32;
    while !shutdown.is_triggered() {
        let result = read_session(
            &config,
            &store,
            &desk,
            &wake,
            &health,
            &mut shutdown,
            &mut failures,
        )
        .await;
        match result {
            Ok(()) => break,
            Err(e) => {
                health.set_reader(Reader::Failing(e.to_string()));
                failures += 1;
                if matches!(e, ReadError::Mailbox(_)) {
                    crate::metrics::imap_reconnect();
                }
                if failures == 1 {
                    tracing::error!(error = %e, "mailbox reader failed; reconnecting with backoff");
                } else {
                    tracing::debug!(error = %e, attempt = failures, "mailbox still failing");
                }
                tokio::select! {
                    _ = tokio::time::sleep(crate::backoff(failures)) => {}
                    _ = shutdown.wait() => break,
                }
            }
        }
    }
}

/// Real work succeeded again: say so once, and reset the backoff.
fn recovered(failures: &mut u32) {
    if *failures > 0 {
        tracing::info!(after_attempts = *failures, "mailbox reader working again");
        *failures = 0;
    }
}

/// One IMAP session: catch up from the checkpoint, then wait for news.
async fn read_session(
    config: &Config,
    store: &Store,
    desk: &Arc<DeskContext>,
    wake: &Notify,
    health: &Health,
    shutdown: &mut Shutdown,
    failures: &mut u32,
) -> Result<(), ReadError> {
    let imap = &config.imap;
    let mut mailbox = Mailbox::open(imap).await?;
    health.set_reader(Reader::Reading);
    let mut last_uid = match store.mailbox_state(&mailbox.id).await? {
        Some(s) if s.uid_validity == mailbox.uid_validity => s.last_uid,
        Some(s) => {
            tracing::warn!(
                old = s.uid_validity,
                new = mailbox.uid_validity,
                "UIDVALIDITY changed (mailbox recreated): reading it again; mail already stored is skipped by Message-ID"
            );
            0
        }
        None => 0,
    };
    // the extraction rules are compiled now, not on the first mail's budget
    if tokio::task::spawn_blocking(crate::report::warm_up)
        .await
        .is_err()
    {
        tracing::warn!("compiling the extraction rules failed; the first mail compiles them");
    }
    tracing::info!(mailbox = %mailbox.id, last_uid, "reading");
    if config.smtp.sent_copy == crate::config::SentCopy::Envelope {
        // a crash between a batch's commit and its MOVE leaves that batch's
        // copies behind the checkpoint: they are filed now
        let stray = mailbox.own_mail_up_to(last_uid, &desk.address).await?;
        if !stray.is_empty() {
            mailbox.move_to(&stray, &imap.sent_folder).await?;
            tracing::info!(
                copies = stray.len(),
                folder = %imap.sent_folder,
                "filed copies of the desk's own mail an earlier stop left in the mailbox"
            );
        }
    }
    loop {
        let uids = mailbox.new_uids(last_uid).await?;
        if uids.is_empty() {
            let mut renew = Duration::from_secs(imap.idle_renew_secs);
            let mut poll = Duration::from_secs(imap.poll_interval_secs);
            if config.smtp.sent_copy == crate::config::SentCopy::Server {
                // no copy arrives to wake us: look every second while mail
                // is in doubt, and at least twice in every doubt window
                // otherwise, or a dead sender's mail would go out again
                // before its copy was looked for
                let look = if look_in_sent(config, store, desk, &mut mailbox).await? {
                    IN_DOUBT_RECHECK
                } else {
                    (config.smtp.doubt() / 2).max(IN_DOUBT_RECHECK)
                };
                renew = renew.min(look);
                poll = poll.min(look);
            }
            let waited = mailbox
                .wait_for_change(imap.idle, renew, poll, shutdown)
                .await?;
            recovered(failures);
            match waited {
                Some(m) => mailbox = m,
                None => return Ok(()),
            }
            continue;
        }
        for chunk in uids.chunks(imap.fetch_batch.max(1) as usize) {
            let fetched = mailbox.fetch(chunk, desk.limits.max_message_bytes).await?;
            let count = fetched.len();
            let highest = chunk.iter().copied().max().unwrap_or(last_uid);
            let checkpoint = MailboxState {
                uid_validity: mailbox.uid_validity,
                last_uid: highest,
            };
            let outcome =
                ingest::process_batch(store, desk, &mailbox.id, checkpoint, fetched).await?;
            recovered(failures);
            crate::metrics::batch(
                count,
                outcome.new_tickets.len(),
                outcome.follow_ups,
                outcome.automatic,
                &outcome.quarantine_reasons,
            );
            last_uid = highest;
            if outcome.queued_mail() {
                wake.notify_one();
            }
            tracing::debug!(?outcome, last_uid, "batch committed");
            // the desk's copies of its own mail go to the Sent folder, the
            // rest where processed mail goes (if anywhere)
            mailbox
                .move_to(&outcome.sent_copies, &imap.sent_folder)
                .await?;
            if let Some(folder) = &imap.processed_folder {
                let rest: Vec<u32> = chunk
                    .iter()
                    .copied()
                    .filter(|uid| !outcome.sent_copies.contains(uid))
                    .collect();
                mailbox.move_to(&rest, folder).await?;
            }
            if shutdown.is_triggered() {
                mailbox.logout().await;
                return Ok(());
            }
        }
    }
}
