//! The audit trail of a ticket: which fields changed, from what to what,
//! and by whom. Staff commands and a reporter's follow-up (which may reopen
//! a ticket) both write it.

use super::IngestError;
use crate::store::{Batch, NewEvent, TicketRef};

/// The audit-trail entries between two versions of a ticket (pure):
/// `(field, old, new)` for each column staff can change that differs.
pub(super) fn changed_fields(
    before: &TicketRef,
    after: &TicketRef,
) -> Vec<(&'static str, Option<String>, Option<String>)> {
    let mut out = Vec::new();
    let mut compare = |field, old: Option<String>, new: Option<String>| {
        if old != new {
            out.push((field, old, new));
        }
    };
    compare(
        "state",
        Some(before.state.clone()),
        Some(after.state.clone()),
    );
    compare("severity", before.severity.clone(), after.severity.clone());
    compare(
        "priority",
        Some(format!("P{}", before.priority)),
        Some(format!("P{}", after.priority)),
    );
    compare("owner", before.owner.clone(), after.owner.clone());
    compare("outcome", before.outcome.clone(), after.outcome.clone());
    compare(
        "customer-message",
        before.customer_message.clone(),
        after.customer_message.clone(),
    );
    out
}

/// Record every change between `before` and `after` by `actor`.
pub(super) async fn record_changes(
    batch: &mut Batch,
    before: &TicketRef,
    after: &TicketRef,
    actor: Option<&str>,
    now: i64,
) -> Result<(), IngestError> {
    for (field, old, new) in changed_fields(before, after) {
        batch
            .record_event(
                before.id,
                &NewEvent {
                    actor,
                    field,
                    old_value: old.as_deref(),
                    new_value: new.as_deref(),
                    now,
                },
            )
            .await?;
    }
    Ok(())
}
