//! A staff member answered on a ticket from an ordinary mail client.
//!
//! The mail must be authenticated by the configured policy; then its new
//! text (quotes and signature stripped) is read for commands, which apply
//! all together or not at all; what remains is relayed to the reporter
//! unless the mail is `/internal`; the staff member gets a confirmation or
//! the precise errors; the reporter is told when triage, the outcome or
//! closing changed.

use super::follow_up::{self, Handled, answering, new_text};
use super::replies::{self, Context, Threading};
use super::{DeskContext, IngestError, Understood};
use crate::outbox::AutoSubmitted;
use crate::staff::auth::{AuthVerdict, authenticate};
use crate::staff::{Command, StaffReply, is_status_request, parse_reply};
use crate::store::{Batch, TicketRef, TicketUpdate};
use crate::ticket::TicketState;

/// What the commands of one mail change, decided before anything is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// The ticket as it will be.
    pub after: TicketRef,
    /// What the reporter is told about: "triaged", "outcome", "closed", "status".
    pub changes: Vec<&'static str>,
}

/// Apply `commands` to `ticket` (pure). Triage is complete when a severity is
/// known and the priority was set by staff, or by the rule when
/// `rule_is_final`; then a new ticket becomes triaged.
pub fn plan(ticket: &TicketRef, commands: &[Command], rule_is_final: bool, now: i64) -> Plan {
    let mut after = ticket.clone();
    let mut changes = Vec::new();
    let mut explicit_state = None;
    for command in commands {
        match command {
            Command::Severity(s) => {
                after.severity = Some(s.as_str().to_string());
                after.severity_source = Some("staff".into());
            }
            Command::Priority(p) => {
                after.priority = i64::from(p.level());
                after.priority_source = "staff".into();
            }
            Command::Status(state) => explicit_state = Some(*state),
            Command::Outcome(outcome) => {
                if after.outcome.as_deref() != Some(outcome.as_str()) {
                    changes.push("outcome");
                }
                after.outcome = Some(outcome.as_str().to_string());
            }
            Command::CustomerMessage(text) => after.customer_message = Some(text.clone()),
            Command::Internal => {}
        }
    }
    let priority_assigned = after.priority_source == "staff" || rule_is_final;
    if after.triaged_at.is_none() && after.severity.is_some() && priority_assigned {
        after.triaged_at = Some(now);
        changes.insert(0, "triaged");
        if after.state == TicketState::New.as_str() {
            after.state = TicketState::Triaged.as_str().into();
        }
    }
    if let Some(state) = explicit_state
        && state.as_str() != ticket.state
    {
        after.state = state.as_str().into();
        changes.push(if state == TicketState::Closed {
            "closed"
        } else {
            "status"
        });
    }
    if after != *ticket {
        after.updated_at = now;
    }
    Plan { after, changes }
}

fn update_of(plan: &Plan) -> TicketUpdate<'_> {
    let t = &plan.after;
    TicketUpdate {
        state: Some(&t.state),
        severity: t.severity.as_deref(),
        severity_source: t.severity_source.as_deref(),
        priority: Some(t.priority),
        priority_source: Some(&t.priority_source),
        outcome: t.outcome.as_deref(),
        customer_message: t.customer_message.as_deref(),
        triaged_at: t.triaged_at,
    }
}

/// What a staff mail led to; `auth` is kept with the stored message.
#[derive(Debug)]
pub(super) struct StaffHandled {
    pub handled: Handled,
    pub auth: Option<String>,
}

pub(super) async fn reply(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket: &TicketRef,
    understood: &Understood,
    sender: &str,
    now: i64,
) -> Result<StaffHandled, IngestError> {
    let auth = match authenticate(&desk.auth, sender, &understood.mail.authentication_results) {
        AuthVerdict::Authenticated { method } => method,
        AuthVerdict::Unchecked => "unchecked (desk.authentication = none)".to_string(),
        AuthVerdict::NotAuthenticated { reason } => {
            return suspicious(desk, ticket, understood, sender, &reason);
        }
    };
    let text = new_text(understood);
    let handled = match parse_reply(&text) {
        Err(errors) => rejected(desk, ticket, understood, sender, &errors)?,
        Ok(reply)
            if reply.commands.is_empty()
                && is_status_request(&understood.mail.subject, &reply.text, &desk.prefix)
                    .is_some() =>
        {
            follow_up::status_answer(batch, desk, ticket, understood, sender, now).await?
        }
        Ok(reply) => accepted(batch, desk, ticket, understood, sender, reply, now).await?,
    };
    Ok(StaffHandled {
        handled,
        auth: Some(auth),
    })
}

/// Kept on the ticket as suspicious, not executed, and staff are told.
fn suspicious(
    desk: &DeskContext,
    ticket: &TicketRef,
    understood: &Understood,
    sender: &str,
    reason: &str,
) -> Result<StaffHandled, IngestError> {
    tracing::warn!(number = %ticket.number, from = sender, %reason,
        "mail claiming to be staff failed authentication; not executed");
    let mut ctx = Context::for_ticket(desk, ticket);
    let text = new_text(understood);
    ctx.text = Some(&text);
    ctx.sender = Some(sender);
    ctx.reason = Some(reason);
    let mut replies = Vec::new();
    if !desk.notify.is_empty() {
        replies.push(replies::build(
            desk,
            "staff-notification",
            "staff-suspicious",
            desk.default_language,
            &ctx,
            desk.notify.clone(),
            &Threading::default(),
            AutoSubmitted::Generated,
        )?);
    }
    Ok(StaffHandled {
        handled: Handled {
            disposition: "suspicious",
            reason: Some(format!("not authenticated as staff: {reason}")),
            replies,
        },
        auth: Some(format!("failed: {reason}")),
    })
}

/// Invalid commands: nothing applies, nothing is relayed, the staff member
/// learns exactly what was wrong.
fn rejected(
    desk: &DeskContext,
    ticket: &TicketRef,
    understood: &Understood,
    sender: &str,
    errors: &[crate::staff::CommandError],
) -> Result<Handled, IngestError> {
    let mut ctx = Context::for_ticket(desk, ticket);
    ctx.errors = errors.iter().map(ToString::to_string).collect();
    ctx.staff_member = Some(sender);
    let reply = replies::build(
        desk,
        "staff-confirmation",
        "staff-command-error",
        desk.default_language,
        &ctx,
        vec![sender.to_string()],
        &answering(understood),
        AutoSubmitted::Replied,
    )?;
    Ok(Handled {
        disposition: "staff-reply-rejected",
        reason: Some(ctx.errors.join("; ")),
        replies: vec![reply],
    })
}

async fn accepted(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket: &TicketRef,
    understood: &Understood,
    sender: &str,
    reply: StaffReply,
    now: i64,
) -> Result<Handled, IngestError> {
    let plan = plan(ticket, &reply.commands, desk.priority_rule_is_final, now);
    let relay = !reply.internal && !reply.text.is_empty();
    let after = &plan.after;
    let mut replies = Vec::new();
    let reporter_thread = Threading::after(batch.reporter_thread(ticket.id, 20).await?);
    let language = replies::ticket_language(after, desk.default_language);

    if !reply.commands.is_empty() {
        let mut ctx = Context::for_ticket(desk, after);
        ctx.applied = reply.commands.iter().map(ToString::to_string).collect();
        ctx.text = relay.then_some(reply.text.as_str());
        ctx.staff_member = Some(sender);
        replies.push(replies::build(
            desk,
            "staff-confirmation",
            "staff-confirmation",
            desk.default_language,
            &ctx,
            vec![sender.to_string()],
            &answering(understood),
            AutoSubmitted::Replied,
        )?);
    }
    if relay {
        let mut ctx = Context::for_ticket(desk, after);
        ctx.text = Some(&reply.text);
        ctx.staff_member = desk.expose_staff_address.then_some(sender);
        replies.push(replies::build(
            desk,
            "relay",
            "relay",
            language,
            &ctx,
            vec![after.reporter.clone()],
            &reporter_thread,
            AutoSubmitted::Generated,
        )?);
    }
    if !plan.changes.is_empty() {
        let mut ctx = Context::for_ticket(desk, after);
        ctx.changes = plan.changes.clone();
        replies.push(replies::build(
            desk,
            "reporter-update",
            "reporter-update",
            language,
            &ctx,
            vec![after.reporter.clone()],
            &reporter_thread,
            AutoSubmitted::Generated,
        )?);
    }
    if plan.after != *ticket {
        batch
            .update_ticket(ticket.id, &update_of(&plan), now)
            .await?;
    }
    tracing::info!(number = %ticket.number, from = sender, commands = reply.commands.len(),
        relayed = relay, internal = reply.internal, "staff reply applied");
    Ok(Handled {
        disposition: if reply.internal {
            "internal-note"
        } else {
            "staff-reply"
        },
        reason: None,
        replies,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::{Outcome, Priority, Severity};

    fn ticket() -> TicketRef {
        TicketRef {
            id: 1,
            number: "SEC-7KQ3-M9PX".into(),
            reporter: "r@example.test".into(),
            state: "new".into(),
            language: "en".into(),
            priority: 3,
            priority_source: "rule".into(),
            ..TicketRef::default()
        }
    }

    #[test]
    fn severity_and_staff_priority_complete_triage() {
        let p = plan(
            &ticket(),
            &[
                Command::Severity(Severity::High),
                Command::Priority(Priority::new(1).unwrap()),
            ],
            false,
            42,
        );
        assert_eq!(p.after.state, "triaged");
        assert_eq!(p.after.triaged_at, Some(42));
        assert_eq!(p.after.severity.as_deref(), Some("high"));
        assert_eq!(p.after.priority, 1);
        assert_eq!(p.changes, vec!["triaged"]);
    }

    #[test]
    fn a_cvss_severity_still_needs_a_staff_priority_unless_the_rule_is_final() {
        let mut t = ticket();
        t.severity = Some("critical".into());
        t.severity_source = Some("cvss".into());
        let p = plan(&t, &[Command::Status(TicketState::Investigating)], false, 1);
        assert_eq!(p.after.triaged_at, None);
        assert_eq!(p.changes, vec!["status"]);
        let p = plan(
            &t,
            &[Command::Priority(Priority::new(2).unwrap())],
            false,
            1,
        );
        assert_eq!(p.after.triaged_at, Some(1));
        let p = plan(&t, &[], true, 1);
        assert_eq!(p.changes, vec!["triaged"]);
    }

    #[test]
    fn outcome_and_closing_are_told_to_the_reporter() {
        let mut t = ticket();
        t.triaged_at = Some(1);
        t.state = "investigating".into();
        let p = plan(
            &t,
            &[
                Command::Outcome(Outcome::OfferRemoved),
                Command::CustomerMessage("Please update.".into()),
                Command::Status(TicketState::Closed),
            ],
            false,
            9,
        );
        assert_eq!(p.changes, vec!["outcome", "closed"]);
        assert_eq!(p.after.outcome.as_deref(), Some("offer-removed"));
        assert_eq!(p.after.customer_message.as_deref(), Some("Please update."));
        assert_eq!(p.after.updated_at, 9);
    }

    #[test]
    fn repeating_the_current_values_changes_nothing() {
        let mut t = ticket();
        t.outcome = Some("no-action".into());
        let p = plan(
            &t,
            &[Command::Outcome(Outcome::NoAction), Command::Internal],
            false,
            5,
        );
        assert!(p.changes.is_empty());
        assert_eq!(p.after, t);
    }
}
