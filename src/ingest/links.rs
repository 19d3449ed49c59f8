//! Status links in the desk's mail: every acknowledgment and every status
//! answer to the reporter carries a fresh link to the ticket's page
//! (`web::status`), kept (hashed) in the same transaction as the mail.

use super::IngestError;
use crate::store::Batch;
use crate::ticket::link::StatusToken;

/// Where the pages are and how long a link works (`[http]`).
#[derive(Debug, Clone)]
pub struct StatusLinks {
    /// `http.public_url`, without a trailing slash.
    pub base: String,
    /// How long a link works, in milliseconds (`http.link_days`).
    pub valid_ms: i64,
}

/// A link drawn for one mail, kept by [`keep`] once its ticket has an id.
pub(super) struct NewLink {
    token: StatusToken,
    pub url: String,
    expires_at: i64,
}

impl StatusLinks {
    pub fn from_config(http: &crate::config::HttpConfig) -> Option<StatusLinks> {
        Some(StatusLinks {
            base: http.public_url.clone()?,
            valid_ms: i64::from(http.link_days) * 24 * 3600 * 1000,
        })
    }

    /// A fresh link, working from `now` for `valid_ms`.
    pub(super) fn draw(&self, now: i64) -> NewLink {
        let token = StatusToken::generate(&mut rand::rng());
        NewLink {
            url: format!("{}/status/{}", self.base, token.as_str()),
            token,
            expires_at: now.saturating_add(self.valid_ms),
        }
    }
}

/// Keep `link` as one of `ticket_id`'s (its token's hash only).
pub(super) async fn keep(
    batch: &mut Batch,
    ticket_id: i64,
    link: &NewLink,
    now: i64,
) -> Result<(), IngestError> {
    batch
        .add_status_link(ticket_id, &link.token.hash(), now, link.expires_at)
        .await?;
    Ok(())
}
