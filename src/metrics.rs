//! What the desk counts for `/metrics` (Prometheus text, rendered by
//! `web`). The counters are bumped where the work is committed or sent;
//! the gauges (outbox depth, oldest pending mail, reader lease) are read
//! from the database when scraped, so every daemon of a desk reports the
//! same outbox.
//!
//! Without a recorder (no `[http]`, or in unit tests) every call here is a
//! no-op of the `metrics` crate.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const MAILS_FETCHED: &str = "secdesk_mails_fetched_total";
pub const TICKETS_CREATED: &str = "secdesk_tickets_created_total";
pub const FOLLOW_UPS: &str = "secdesk_follow_ups_total";
pub const QUARANTINED: &str = "secdesk_quarantined_total";
pub const LOOPS_SUPPRESSED: &str = "secdesk_loops_suppressed_total";
pub const MAILS_SENT: &str = "secdesk_mails_sent_total";
pub const MAILS_FAILED: &str = "secdesk_mails_failed_total";
pub const SEND_RETRIES: &str = "secdesk_send_retries_total";
pub const IMAP_RECONNECTS: &str = "secdesk_imap_reconnects_total";
pub const ACK_LATENCY: &str = "secdesk_ack_latency_seconds";
pub const OUTBOX_DEPTH: &str = "secdesk_outbox_depth";
pub const OUTBOX_OLDEST: &str = "secdesk_outbox_oldest_pending_seconds";
pub const LEASE_HELD: &str = "secdesk_reader_lease_held";
pub const LEASE_HOLDER: &str = "secdesk_reader_lease_holder";

/// Seconds from a report's arrival to its acknowledgment leaving: what a
/// reporter waits for, from a blink to a mail server that was away.
const ACK_LATENCY_BUCKETS: &[f64] = &[
    0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0,
];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process's recorder, installed on first use; `None` when another
/// recorder was installed first (an embedding program's).
pub fn handle() -> Option<PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(ACK_LATENCY.into()), ACK_LATENCY_BUCKETS)
                .ok()?;
            let handle = builder.install_recorder().ok()?;
            describe();
            Some(handle)
        })
        .clone()
}

/// Help texts, and every unlabelled counter at 0, so a scrape before the
/// first mail already lists them.
fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    for (name, help) in [
        (MAILS_FETCHED, "Mails fetched from the mailbox."),
        (TICKETS_CREATED, "Tickets opened by new reports."),
        (FOLLOW_UPS, "Follow-ups threaded on tickets."),
        (QUARANTINED, "Mails quarantined, by reason."),
        (
            LOOPS_SUPPRESSED,
            "Automatic mails (bounces, auto-replies, lists) recorded and not answered.",
        ),
        (MAILS_SENT, "Mails handed to SMTP, by kind."),
        (
            MAILS_FAILED,
            "Mails given up after their last attempt, by kind.",
        ),
        (
            SEND_RETRIES,
            "Send attempts that failed and will be retried, by kind.",
        ),
        (
            IMAP_RECONNECTS,
            "Times the mailbox reader reconnected after an error.",
        ),
    ] {
        describe_counter!(name, help);
    }
    for name in [
        MAILS_FETCHED,
        TICKETS_CREATED,
        FOLLOW_UPS,
        LOOPS_SUPPRESSED,
        IMAP_RECONNECTS,
    ] {
        metrics::counter!(name).increment(0);
    }
    describe_histogram!(
        ACK_LATENCY,
        Unit::Seconds,
        "From a report's arrival (its commit) to its acknowledgment accepted by SMTP."
    );
    describe_gauge!(OUTBOX_DEPTH, "Mails waiting in the outbox.");
    describe_gauge!(
        OUTBOX_OLDEST,
        Unit::Seconds,
        "Age of the oldest mail waiting in the outbox (0 when none waits)."
    );
    describe_gauge!(LEASE_HELD, "1 when this daemon holds the reader lease.");
    describe_gauge!(
        LEASE_HOLDER,
        "1, labelled with the daemon that holds the reader lease."
    );
}

/// What one committed batch of mail did: mails fetched, tickets opened,
/// follow-ups threaded, automatic mail suppressed, and one reason per mail
/// quarantined. Plain figures, so the counters sit below the pipeline that
/// produces them.
pub fn batch(
    fetched: usize,
    new_tickets: usize,
    follow_ups: usize,
    automatic: usize,
    quarantine_reasons: &[&'static str],
) {
    metrics::counter!(MAILS_FETCHED).increment(fetched as u64);
    metrics::counter!(TICKETS_CREATED).increment(new_tickets as u64);
    metrics::counter!(FOLLOW_UPS).increment(follow_ups as u64);
    metrics::counter!(LOOPS_SUPPRESSED).increment(automatic as u64);
    for reason in quarantine_reasons {
        metrics::counter!(QUARANTINED, "reason" => *reason).increment(1);
    }
}

/// A mail went out; an acknowledgment's wait since its report is measured.
pub fn sent(kind: &str, queued_at: i64, now: i64) {
    metrics::counter!(MAILS_SENT, "kind" => kind.to_owned()).increment(1);
    if kind == "ack" {
        metrics::histogram!(ACK_LATENCY).record((now - queued_at).max(0) as f64 / 1000.0);
    }
}

/// A send attempt failed: retried later, or given up.
pub fn send_failed(kind: &str, given_up: bool) {
    let name = if given_up { MAILS_FAILED } else { SEND_RETRIES };
    metrics::counter!(name, "kind" => kind.to_owned()).increment(1);
}

pub fn imap_reconnect() {
    metrics::counter!(IMAP_RECONNECTS).increment(1);
}
