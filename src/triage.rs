//! The triage clock: staff are reminded before a ticket's triage (severity
//! and priority) is due, and told when it is missed. Each ticket is told
//! once per kind, recorded in the same transaction as the queued mail.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use crate::ingest::{self, DeskContext};
use crate::shutdown::Shutdown;
use crate::store::Store;

/// Check every `interval`, or at once when `wake` is poked, until shutdown.
pub async fn run(
    store: Store,
    desk: Arc<DeskContext>,
    interval: Duration,
    wake: Arc<Notify>,
    sender_wake: Arc<Notify>,
    mut shutdown: Shutdown,
) {
    let mut failing = false;
    loop {
        match ingest::triage_reminders(&store, &desk).await {
            Ok(0) => failing = false,
            Ok(sent) => {
                failing = false;
                tracing::info!(sent, "triage reminders queued");
                sender_wake.notify_one();
            }
            Err(e) => {
                if !failing {
                    tracing::error!(error = %e, "cannot check the triage clock; retrying");
                }
                failing = true;
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = wake.notified() => {}
            _ = shutdown.wait() => break,
        }
    }
}
