//! A staff member answered on a ticket from an ordinary mail client.
//!
//! The mail must be authenticated by the configured policy; then its new
//! text (quotes and signature stripped) is read for commands, which apply
//! all together or not at all; what remains is relayed to the reporter
//! unless the mail is `/internal`; the staff member gets a confirmation or
//! the precise errors; the reporter is told when triage, the outcome or
//! closing changed.

use super::files;
use super::follow_up::{self, Handled, answering, new_text};
use super::history::record_changes;
use super::replies::{self, Context, MergeView, Reply, Threading};
use super::{DeskContext, IngestError, Understood};
use crate::outbox::AutoSubmitted;
use crate::staff::auth::{AuthVerdict, authenticate};
use crate::staff::{Command, CommandError, StaffReply, is_status_request, parse_reply};
use crate::store::{Batch, NewEvent, TicketRef, TicketUpdate};
use crate::ticket::{ConfirmationNumber, TicketState};

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
/// `rule_is_final`; then a new ticket becomes triaged. `/take` makes
/// `sender` the owner.
pub fn plan(
    ticket: &TicketRef,
    commands: &[Command],
    sender: &str,
    rule_is_final: bool,
    now: i64,
) -> Plan {
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
            Command::Assign(owner) => after.owner = owner.clone(),
            Command::Take => after.owner = Some(sender.to_ascii_lowercase()),
            // participants, merges and links are rows of their own, applied by the shell
            Command::Internal
            | Command::Cc { .. }
            | Command::Uncc(_)
            | Command::Merge(_)
            | Command::RevokeLink => {}
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
    let auth = match authenticate(
        &desk.auth,
        sender,
        &understood.authenticity,
        &understood.mail.authentication_results,
    ) {
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
        Ok(reply) => match check(batch, desk, ticket, &reply, sender).await? {
            Err(errors) => rejected(desk, ticket, understood, sender, &errors)?,
            Ok(checked) => {
                accepted(batch, desk, ticket, understood, sender, reply, checked, now).await?
            }
        },
    };
    Ok(StaffHandled {
        handled,
        auth: Some(auth),
    })
}

/// What the commands that need the desk or the database turned out to mean.
#[derive(Debug, Default)]
pub(super) struct Checked {
    /// The ticket `/merge` names (after following earlier merges).
    merge_into: Option<TicketRef>,
    /// Addresses `/cc` adds that were not participants yet.
    cc: Vec<String>,
    /// Whether the reporter is told who joined.
    cc_visible: bool,
    /// Participants `/uncc` removes.
    uncc: Vec<String>,
}

/// Check the commands against the desk and the ticket: an owner must be
/// staff, a `/cc` address must be new to the ticket and not staff, an
/// `/uncc` address a participant, a `/merge` target another ticket, and
/// `/merge` comes alone (only with `/internal` and text). Every problem is
/// returned at once, with its line.
async fn check(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket: &TicketRef,
    reply: &StaffReply,
    sender: &str,
) -> Result<Result<Checked, Vec<CommandError>>, IngestError> {
    let participants: Vec<String> = batch
        .participants(ticket.id)
        .await?
        .into_iter()
        .map(|p| p.address)
        .collect();
    let mut checked = Checked::default();
    let mut errors = Vec::new();
    let has_merge = reply
        .commands
        .iter()
        .any(|c| matches!(c, Command::Merge(_)));
    for (command, &line) in reply.commands.iter().zip(&reply.lines) {
        let mut error = |message: String| {
            errors.push(CommandError {
                line,
                input: command.to_string(),
                message,
            })
        };
        match command {
            Command::Assign(Some(owner)) if !desk.staff.is_staff(owner) => error(format!(
                "{owner} is not a staff address (desk.staff, desk.staff_domains); a ticket is owned by staff"
            )),
            Command::Take if !desk.staff.is_staff(sender) => {
                error(format!("{sender} is not a staff address"))
            }
            Command::Cc { addresses, visible } => {
                checked.cc_visible = *visible;
                for address in addresses {
                    if desk.staff.is_staff(address) {
                        error(format!("{address} is staff: staff see every ticket already"));
                    } else if address.eq_ignore_ascii_case(&ticket.reporter) {
                        error(format!("{address} is the reporter of this ticket"));
                    } else if address.eq_ignore_ascii_case(&desk.address) {
                        error(format!("{address} is the desk itself"));
                    } else if !participants.iter().any(|p| p.eq_ignore_ascii_case(address)) {
                        checked.cc.push(address.clone());
                    }
                }
            }
            Command::Uncc(addresses) => {
                for address in addresses {
                    if participants.iter().any(|p| p.eq_ignore_ascii_case(address)) {
                        checked.uncc.push(address.clone());
                    } else {
                        error(format!(
                            "{address} is not a participant of this ticket (the reporter cannot be removed)"
                        ));
                    }
                }
            }
            Command::Merge(number) => {
                let target = match ConfirmationNumber::parse(number, &desk.prefix) {
                    Ok(parsed) => batch.ticket_by_number(parsed.as_str()).await?,
                    Err(e) => {
                        error(format!("{number:?} is not a confirmation number: {e}"));
                        continue;
                    }
                };
                match target {
                    None => error(format!("there is no ticket {number}")),
                    Some(target) if target.id == ticket.id => {
                        error(format!("{number} is this ticket (or was merged into it)"))
                    }
                    Some(target) => checked.merge_into = Some(target),
                }
            }
            other if has_merge && !matches!(other, Command::Internal) => error(
                "give /merge alone (with /internal or text if you like): the merged ticket is closed, change the target instead".into(),
            ),
            _ => {}
        }
    }
    Ok(if errors.is_empty() {
        Ok(checked)
    } else {
        Err(errors)
    })
}

/// Kept on the ticket as suspicious, not executed, and staff are told —
/// the address the mail claims too: it is a staff address, so the notice
/// reaches the real staff member (who learns why their mail did nothing, or
/// that someone writes in their name), never a forger.
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
    let mut told = desk.notify.clone();
    if !told.iter().any(|a| a.eq_ignore_ascii_case(sender)) {
        told.push(sender.to_string());
    }
    if !told.is_empty() {
        replies.push(replies::build(
            desk,
            "staff-notification",
            "staff-suspicious",
            desk.default_language,
            &ctx,
            told,
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

#[allow(clippy::too_many_arguments)]
async fn accepted(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket: &TicketRef,
    understood: &Understood,
    sender: &str,
    reply: StaffReply,
    checked: Checked,
    now: i64,
) -> Result<Handled, IngestError> {
    let mut plan = plan(
        ticket,
        &reply.commands,
        sender,
        desk.priority_rule_is_final,
        now,
    );
    if checked.merge_into.is_some() {
        // the merged ticket is closed; the reporter hears of the merge instead
        plan.after.state = TicketState::Closed.as_str().into();
        plan.changes.clear();
    }
    let relay = !reply.internal && !reply.text.is_empty();
    let after = &plan.after;
    let mut replies = Vec::new();
    let reporter_thread = Threading::after(batch.reporter_thread(ticket.id, 20).await?);
    let language = replies::ticket_language(after, desk.default_language);
    // everyone outside the desk who takes part, after this mail's /cc and /uncc
    let mut outsiders: Vec<String> = vec![after.reporter.clone()];
    for p in batch.participants(ticket.id).await? {
        if !checked.uncc.contains(&p.address) {
            outsiders.push(p.address);
        }
    }
    outsiders.extend(checked.cc.iter().cloned());

    // a patch or an advisory draft goes to the reporter with the answer;
    // a file held back as dangerous does not, and the staff member is told
    let forwarding = if relay {
        files::forwarding(&understood.mail.attachments, desk.forward_attachments_bytes)
    } else {
        files::Forwarding::default()
    };
    if !reply.commands.is_empty() || forwarding.any_listed() {
        let mut ctx = Context::for_ticket(desk, after).with_files(&forwarding);
        ctx.applied = reply.commands.iter().map(ToString::to_string).collect();
        ctx.text = relay.then_some(reply.text.as_str());
        ctx.staff_member = Some(sender);
        ctx.relayed_to = if relay { outsiders.clone() } else { Vec::new() };
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
        // one mail each: a vendor added with /cc and the reporter do not see
        // each other's addresses
        for to in &outsiders {
            replies.push(replies::build_with_files(
                desk,
                "relay",
                "relay",
                language,
                &ctx,
                vec![to.clone()],
                &reporter_thread,
                AutoSubmitted::Generated,
                &forwarding.files,
            )?);
        }
    }
    let mut changes = plan.changes.clone();
    if checked.cc_visible && !checked.cc.is_empty() {
        changes.push("participants");
    }
    if !changes.is_empty() {
        let mut ctx = Context::for_ticket(desk, after);
        ctx.changes = changes;
        ctx.added = checked.cc.clone();
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
    if let Some(target) = &checked.merge_into {
        replies.extend(merge_notices(batch, desk, ticket, target, &reporter_thread).await?);
    }
    // the rest of the team sees the answer or the note in their mail client
    if !reply.text.is_empty() {
        let colleagues: Vec<String> = desk
            .staff_to_tell(after)
            .into_iter()
            .chain(desk.notify.iter().cloned())
            .filter(|a| !a.eq_ignore_ascii_case(sender))
            .fold(Vec::new(), |mut all, a| {
                if !all.iter().any(|b: &String| b.eq_ignore_ascii_case(&a)) {
                    all.push(a);
                }
                all
            });
        if !colleagues.is_empty() {
            let copied =
                files::forwarding(&understood.mail.attachments, desk.forward_attachments_bytes);
            let mut ctx = Context::for_ticket(desk, after).with_files(&copied);
            ctx.text = Some(&reply.text);
            ctx.staff_member = Some(sender);
            ctx.internal = !relay;
            ctx.relayed_to = if relay { outsiders.clone() } else { Vec::new() };
            ctx.applied = reply.commands.iter().map(ToString::to_string).collect();
            replies.push(replies::build_with_files(
                desk,
                "staff-notification",
                "staff-copy",
                desk.default_language,
                &ctx,
                colleagues,
                &Threading::default(),
                AutoSubmitted::Generated,
                &copied.files,
            )?);
        }
    }

    // now the writes, all in the batch's transaction
    if plan.after != *ticket {
        batch
            .update_ticket(ticket.id, &update_of(&plan), now)
            .await?;
        if plan.after.owner != ticket.owner {
            batch
                .set_owner(ticket.id, plan.after.owner.as_deref(), now)
                .await?;
        }
        record_changes(batch, ticket, &plan.after, Some(sender), now).await?;
    }
    if reply.commands.contains(&Command::RevokeLink) {
        let revoked = batch.revoke_status_links(ticket.id, now).await?;
        batch
            .record_event(
                ticket.id,
                &NewEvent {
                    actor: Some(sender),
                    field: "status-links",
                    old_value: Some(&format!("{revoked} working")),
                    new_value: Some("revoked"),
                    now,
                },
            )
            .await?;
    }
    for address in &checked.cc {
        batch
            .add_participant(ticket.id, address, "cc", Some(sender), now)
            .await?;
        participant_event(batch, ticket.id, sender, None, Some(address), now).await?;
    }
    for address in &checked.uncc {
        batch.remove_participant(ticket.id, address).await?;
        participant_event(batch, ticket.id, sender, Some(address), None, now).await?;
    }
    if let Some(target) = &checked.merge_into {
        batch.merge_ticket(ticket.id, target.id, now).await?;
        for (on, field, value) in [
            (ticket.id, "merged", &target.number),
            (target.id, "merged-from", &ticket.number),
        ] {
            batch
                .record_event(
                    on,
                    &NewEvent {
                        actor: Some(sender),
                        field,
                        old_value: None,
                        new_value: Some(value),
                        now,
                    },
                )
                .await?;
        }
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

async fn participant_event(
    batch: &mut Batch,
    ticket_id: i64,
    actor: &str,
    removed: Option<&str>,
    added: Option<&str>,
    now: i64,
) -> Result<(), IngestError> {
    batch
        .record_event(
            ticket_id,
            &NewEvent {
                actor: Some(actor),
                field: "participant",
                old_value: removed,
                new_value: added,
                now,
            },
        )
        .await?;
    Ok(())
}

/// The two reporters of a merge are told once each, in their own thread and
/// language: the merged ticket's that its number now lives on in the
/// target, the target's that another report of the same issue joined it.
async fn merge_notices(
    batch: &mut Batch,
    desk: &DeskContext,
    merged: &TicketRef,
    target: &TicketRef,
    merged_thread: &Threading,
) -> Result<Vec<Reply>, IngestError> {
    let target_thread = Threading::after(batch.reporter_thread(target.id, 20).await?);
    let mut out = Vec::new();
    for (ticket, other, role, thread) in [
        (merged, target, "merged", merged_thread),
        (target, merged, "target", &target_thread),
    ] {
        if role == "target" && ticket.reporter.eq_ignore_ascii_case(&merged.reporter) {
            // one reporter, one notice
            continue;
        }
        let mut ctx = Context::for_ticket(desk, ticket);
        ctx.merge = Some(MergeView {
            role,
            other: other.number.clone(),
        });
        out.push(replies::build(
            desk,
            "reporter-update",
            "reporter-merged",
            replies::ticket_language(ticket, desk.default_language),
            &ctx,
            vec![ticket.reporter.clone()],
            thread,
            AutoSubmitted::Generated,
        )?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::history::changed_fields;
    use crate::ticket::{Outcome, Priority, Severity};

    const STAFF: &str = "Analyst@Example.test";

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
            STAFF,
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
        let p = plan(
            &t,
            &[Command::Status(TicketState::Investigating)],
            STAFF,
            false,
            1,
        );
        assert_eq!(p.after.triaged_at, None);
        assert_eq!(p.changes, vec!["status"]);
        let p = plan(
            &t,
            &[Command::Priority(Priority::new(2).unwrap())],
            STAFF,
            false,
            1,
        );
        assert_eq!(p.after.triaged_at, Some(1));
        let p = plan(&t, &[], STAFF, true, 1);
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
            STAFF,
            false,
            9,
        );
        assert_eq!(p.changes, vec!["outcome", "closed"]);
        assert_eq!(p.after.outcome.as_deref(), Some("offer-removed"));
        assert_eq!(p.after.customer_message.as_deref(), Some("Please update."));
        assert_eq!(p.after.updated_at, 9);
    }

    #[test]
    fn take_assign_and_unassign_set_the_owner_and_the_trail_says_so() {
        let p = plan(&ticket(), &[Command::Take], STAFF, false, 3);
        assert_eq!(p.after.owner.as_deref(), Some("analyst@example.test"));
        assert!(p.changes.is_empty(), "the reporter is not told who owns it");
        assert_eq!(
            changed_fields(&ticket(), &p.after),
            vec![("owner", None, Some("analyst@example.test".to_string()))]
        );
        let mut owned = ticket();
        owned.owner = Some("anna@example.test".into());
        let p = plan(
            &owned,
            &[
                Command::Assign(None),
                Command::Status(TicketState::Reopened),
            ],
            STAFF,
            false,
            4,
        );
        assert_eq!(p.after.owner, None);
        assert_eq!(p.after.state, "reopened");
        assert_eq!(p.changes, vec!["status"]);
        let fields: Vec<&str> = changed_fields(&owned, &p.after)
            .into_iter()
            .map(|(f, _, _)| f)
            .collect();
        assert_eq!(fields, ["state", "owner"]);
    }

    #[test]
    fn the_trail_records_each_changed_field_with_old_and_new_values() {
        let before = ticket();
        let p = plan(
            &before,
            &[
                Command::Severity(Severity::High),
                Command::Priority(Priority::new(1).unwrap()),
                Command::Outcome(Outcome::NoAction),
            ],
            STAFF,
            false,
            8,
        );
        assert_eq!(
            changed_fields(&before, &p.after),
            vec![
                ("state", Some("new".into()), Some("triaged".into())),
                ("severity", None, Some("high".into())),
                ("priority", Some("P3".into()), Some("P1".into())),
                ("outcome", None, Some("no-action".into())),
            ]
        );
        assert!(changed_fields(&before, &before).is_empty());
    }

    #[test]
    fn repeating_the_current_values_changes_nothing() {
        let mut t = ticket();
        t.outcome = Some("no-action".into());
        let p = plan(
            &t,
            &[Command::Outcome(Outcome::NoAction), Command::Internal],
            STAFF,
            false,
            5,
        );
        assert!(p.changes.is_empty());
        assert_eq!(p.after, t);
    }
}
