//! A participant wrote again on a ticket: a status request is answered
//! (rate-limited); anything else is kept on the ticket and staff are told.

use super::files;
use super::replies::{self, Context, Reply, Threading};
use super::{DeskContext, IngestError, Understood};
use crate::outbox::AutoSubmitted;
use crate::store::{Batch, TicketRef, TicketUpdate};
use crate::ticket::TicketState;

/// What a follow-up from the reporter leads to.
#[derive(Debug)]
pub(super) struct Handled {
    pub disposition: &'static str,
    pub reason: Option<String>,
    pub replies: Vec<Reply>,
}

/// The threading of an answer to `understood`'s mail.
pub(super) fn answering(understood: &Understood) -> Threading {
    let mail = &understood.mail;
    let parent = mail.message_id.as_ref().map(|m| m.as_str().to_string());
    Threading {
        in_reply_to: parent.clone(),
        references: mail
            .references
            .iter()
            .map(|m| m.as_str().to_string())
            .chain(parent)
            .collect(),
    }
}

/// The new text of a follow-up: quoted history and signature removed.
pub(super) fn new_text(understood: &Understood) -> String {
    let mail = &understood.mail;
    match &mail.html {
        Some(html) => crate::staff::new_text(&crate::message::html_to_text(
            crate::staff::strip_html_quote(html),
        )),
        None => crate::staff::new_text(&mail.text),
    }
}

/// Answer a status request from `to` if the hourly limit allows.
pub(super) async fn status_answer(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket: &TicketRef,
    understood: &Understood,
    to: &str,
    now: i64,
) -> Result<Handled, IngestError> {
    let asked = batch
        .rate_events(to, "status", now - replies::HOUR_MILLIS)
        .await?;
    if asked >= i64::from(desk.status_requests_per_hour) {
        tracing::warn!(number = %ticket.number, %to, "status answer suppressed by the hourly limit");
        return Ok(Handled {
            disposition: "status-request",
            reason: Some(format!(
                "not answered: {to} already had {asked} status answers this hour (desk.status_requests_per_hour)"
            )),
            replies: Vec::new(),
        });
    }
    batch.record_rate_event(to, "status", now).await?;
    let mut ctx = Context::for_ticket(desk, ticket);
    // who owns the ticket is the desk's business, told to staff only
    ctx.for_staff = desk.staff.is_staff(to);
    // the reporter gets a fresh link to the page each time they ask
    let link = match &desk.status_links {
        Some(links) if to.eq_ignore_ascii_case(&ticket.reporter) => Some(links.draw(now)),
        _ => None,
    };
    ctx.status_url = link.as_ref().map(|l| l.url.clone());
    let reply = replies::build(
        desk,
        "status",
        "status",
        replies::ticket_language(ticket, desk.default_language),
        &ctx,
        vec![to.to_string()],
        &answering(understood),
        AutoSubmitted::Replied,
    )?;
    if let Some(link) = &link {
        super::links::keep(batch, ticket.id, link, now).await?;
    }
    Ok(Handled {
        disposition: "status-request",
        reason: None,
        replies: vec![reply],
    })
}

/// A follow-up from the reporter or another participant (a third party
/// added with `/cc`, a merged ticket's reporter, or, when configured, the
/// reporter's domain).
pub(super) async fn from_reporter(
    batch: &mut Batch,
    desk: &DeskContext,
    ticket: &TicketRef,
    understood: &Understood,
    sender: &str,
    now: i64,
) -> Result<Handled, IngestError> {
    let text = new_text(understood);
    if crate::staff::is_status_request(&understood.mail.subject, &text, &desk.prefix).is_some() {
        return status_answer(batch, desk, ticket, understood, sender, now).await;
    }
    let mut after = ticket.clone();
    let mut changes = Vec::new();
    if let Ok(state) = ticket.state.parse::<TicketState>() {
        let next = state.after_reporter_follow_up(desk.reopen_on_follow_up);
        if next != state {
            batch
                .update_ticket(
                    ticket.id,
                    &TicketUpdate {
                        state: Some(next.as_str()),
                        ..TicketUpdate::default()
                    },
                    now,
                )
                .await?;
            after.state = next.as_str().into();
            super::history::record_changes(batch, ticket, &after, Some(sender), now).await?;
            if next == TicketState::Reopened {
                changes.push("reopened");
            }
        }
    }
    let mut replies = Vec::new();
    // an owned ticket's mail goes to its owner (and to `notify` if configured)
    let staff = desk.staff_to_tell(ticket);
    if !staff.is_empty() {
        let forwarding =
            files::forwarding(&understood.mail.attachments, desk.forward_attachments_bytes);
        let mut ctx = Context::for_ticket(desk, &after).with_files(&forwarding);
        ctx.text = Some(&text);
        ctx.sender = Some(sender);
        ctx.changes = changes;
        ctx.unverified = understood.authenticity.why_not_verified();
        ctx.pgp = understood.authenticity.pgp.as_ref().map(|p| p.summary());
        replies.push(replies::build_with_files(
            desk,
            "staff-notification",
            "staff-follow-up",
            desk.default_language,
            &ctx,
            staff,
            &Threading::default(),
            AutoSubmitted::Generated,
            &forwarding.files,
        )?);
    }
    match understood.authenticity.why_not_verified() {
        // threaded all the same: a reporter's provider may not sign, but
        // staff see the flag before trusting what it says
        Some(why) => tracing::warn!(number = %ticket.number, from = sender, %why,
            "follow-up threaded; its sender is not verified"),
        None => tracing::info!(number = %ticket.number, from = sender, "follow-up threaded"),
    }
    Ok(Handled {
        disposition: "follow-up",
        reason: None,
        replies,
    })
}
