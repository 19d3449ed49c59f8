//! A staff member asked for the ticket list by mail (`tickets`, `/list`,
//! Italian `ticket`, `/elenco`): authenticated like any staff command, then
//! answered with one line per ticket, newest first, at most 200.

use super::follow_up::{Handled, answering};
use super::replies::{self, Context, DigestLine};
use super::{DeskContext, IngestError, Understood};
use crate::outbox::AutoSubmitted;
use crate::staff::auth::{AuthVerdict, authenticate};
use crate::staff::digest::{self, DIGEST_LIMIT, DigestRequest};
use crate::store::Batch;

/// Answer a digest request from `sender` (already known to be a staff
/// address); `request` is what `staff::digest` read.
pub(super) async fn answer(
    batch: &mut Batch,
    desk: &DeskContext,
    understood: &Understood,
    sender: &str,
    request: Result<DigestRequest, Vec<String>>,
    now: i64,
) -> Result<(Handled, Option<String>), IngestError> {
    let auth = match authenticate(
        &desk.auth,
        sender,
        &understood.authenticity,
        &understood.mail.authentication_results,
    ) {
        AuthVerdict::Authenticated { method } => method,
        AuthVerdict::Unchecked => "unchecked (desk.authentication = none)".to_string(),
        AuthVerdict::NotAuthenticated { reason } => {
            // a forged request learns nothing: no answer at all
            tracing::warn!(from = sender, %reason, "ticket list requested by unauthenticated mail; not answered");
            return Ok((
                Handled {
                    disposition: "suspicious",
                    reason: Some(format!(
                        "ticket list not sent: not authenticated as staff: {reason}"
                    )),
                    replies: Vec::new(),
                },
                Some(format!("failed: {reason}")),
            ));
        }
    };
    let mut ctx = Context::without_ticket(
        desk,
        &understood.mail.subject,
        sender,
        desk.default_language,
    );
    ctx.staff_member = Some(sender);
    let lines;
    let filters;
    match request {
        Err(errors) => ctx.errors = errors,
        Ok(mut request) => {
            if request.mine {
                request.query.owner = Some(sender.to_ascii_lowercase());
            }
            let tickets = batch.list_tickets(&request.query, DIGEST_LIMIT).await?;
            lines = tickets
                .into_iter()
                .map(|t| DigestLine {
                    age: chrono::DateTime::parse_from_rfc3339(&t.created_at)
                        .map(|at| digest::age(at.timestamp_millis(), now))
                        .unwrap_or_default(),
                    number: t.number,
                    state: match t.merged_into {
                        Some(into) => format!("merged:{into}"),
                        None => t.state,
                    },
                    severity: t.severity.unwrap_or_else(|| "-".into()),
                    priority: t.priority,
                    owner: t.owner.unwrap_or_else(|| "-".into()),
                    subject: t.subject,
                })
                .collect::<Vec<_>>();
            filters = request.filters;
            ctx.digest = Some(replies::DigestView {
                filters: &filters,
                tickets: &lines,
                limit: DIGEST_LIMIT,
            });
        }
    }
    let reply = replies::build(
        desk,
        "staff-confirmation",
        "staff-digest",
        desk.default_language,
        &ctx,
        vec![sender.to_string()],
        &answering(understood),
        AutoSubmitted::Replied,
    )?;
    tracing::info!(from = sender, "ticket list sent");
    Ok((
        Handled {
            disposition: "digest-request",
            reason: None,
            replies: vec![reply],
        },
        Some(auth),
    ))
}
