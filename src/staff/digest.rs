//! The ticket list by mail: a staff member writes to the desk with the
//! subject `tickets` (or `/list`; Italian `ticket`, `/elenco`) and gets a
//! digest back. Pure: the request is read here, the shell lists and answers.
//!
//! Filters follow the keyword in the subject, or stand on the first line
//! of the text when the subject is only the keyword:
//!
//! ```text
//! Subject: tickets open mine severity:high
//! Subject: ticket aperti cve:CVE-2024-6387 openssh
//! ```
//!
//! | filter                          | Italian                 | lists                          |
//! |---------------------------------|-------------------------|--------------------------------|
//! | `open`                          | `aperti`                | tickets not closed             |
//! | `closed`                        | `chiusi`                | closed tickets                 |
//! | `mine`                          | `miei`                  | tickets the sender owns        |
//! | `unassigned`                    | `liberi`                | tickets nobody owns            |
//! | `overdue`                       | `scaduti`               | triage overdue                 |
//! | `state:S`                       | `stato:S`               | in state S                     |
//! | `severity:S`                    | `gravità:S`             | of severity S                  |
//! | `priority:N` (or `P1`)          | `priorità:N`            | of priority N                  |
//! | `kind:K`                        | `tipo:K`                | of kind K                      |
//! | `cve:CVE-…` (or a bare CVE id)  |                         | naming that CVE                |
//! | `owner:ADDRESS`, `reporter:ADDRESS` | `assegnato:`, `segnalante:` | owned / reported by      |
//! | any other word                  |                         | full-text search               |

use std::str::FromStr;

use super::commands::{italian_severity, italian_state};
use crate::store::TicketQuery;
use crate::ticket::{Priority, Severity, TicketState};

/// How many tickets a digest lists at most.
pub const DIGEST_LIMIT: i64 = 200;

/// What a digest request asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DigestRequest {
    /// The filters; `owner` is left to the shell for `mine` (the sender).
    pub query: TicketQuery,
    /// `mine`: owned by the sender.
    pub mine: bool,
    /// The filters as written, for the answer's first line.
    pub filters: String,
}

/// Whether `subject` (and the first line of `text`) ask for a digest, and
/// which; `Err` lists every filter that could not be read. `now` is for
/// `overdue`.
pub fn digest_request(
    subject: &str,
    text: &str,
    now: i64,
) -> Option<Result<DigestRequest, Vec<String>>> {
    let mut words = subject.split_whitespace();
    let keyword = words.next()?.to_lowercase();
    if !matches!(
        keyword.as_str(),
        "tickets" | "ticket" | "/list" | "/elenco" | "/tickets" | "/ticket"
    ) {
        return None;
    }
    let mut filters: Vec<&str> = words.collect();
    if filters.is_empty() {
        filters = text
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .map(|line| line.split_whitespace().collect())
            .unwrap_or_default();
    }
    let mut request = DigestRequest {
        filters: filters.join(" "),
        ..DigestRequest::default()
    };
    let mut errors = Vec::new();
    let mut search = Vec::new();
    for filter in &filters {
        if let Err(message) = apply(filter, &mut request, &mut search, now) {
            errors.push(format!("{filter}: {message}"));
        }
    }
    if !search.is_empty() {
        request.query.search = Some(search.join(" "));
    }
    Some(if errors.is_empty() {
        Ok(request)
    } else {
        Err(errors)
    })
}

fn apply(
    filter: &str,
    request: &mut DigestRequest,
    search: &mut Vec<String>,
    now: i64,
) -> Result<(), String> {
    let q = &mut request.query;
    let lower = filter.to_lowercase();
    match lower.as_str() {
        "open" | "aperti" | "aperto" => q.open = true,
        "closed" | "chiusi" | "chiuso" => q.state = Some(TicketState::Closed.as_str().into()),
        "mine" | "miei" | "mio" => request.mine = true,
        "unassigned" | "liberi" | "nobody" => q.unowned = true,
        "overdue" | "scaduti" => q.overdue_at = Some(now),
        _ => return keyed(filter, &lower, q, search),
    }
    Ok(())
}

/// A filter that is not a plain word: a CVE id, `P1`, `key:value`, or text.
fn keyed(
    filter: &str,
    lower: &str,
    q: &mut TicketQuery,
    search: &mut Vec<String>,
) -> Result<(), String> {
    if let Ok(id) = crate::report::CveId::parse(filter) {
        q.cve = Some(id.as_str().to_string());
        return Ok(());
    }
    if let Some(level) = lower.strip_prefix('p')
        && level.len() == 1
        && level.chars().all(|c| c.is_ascii_digit())
    {
        q.priority = Some(priority(level)?);
        return Ok(());
    }
    let Some((key, value)) = lower.split_once(':') else {
        search.push(filter.to_string());
        return Ok(());
    };
    let value = value.trim();
    if value.is_empty() {
        return Err("needs a value after the colon".into());
    }
    match key {
        "state" | "stato" => {
            let state = TicketState::from_str(italian_state(value).unwrap_or(value))?;
            q.state = Some(state.as_str().into());
        }
        "severity" | "gravità" | "gravita" => {
            let severity = Severity::from_str(italian_severity(value).unwrap_or(value))?;
            q.severity = Some(severity.as_str().into());
        }
        "priority" | "priorità" | "priorita" => {
            q.priority = Some(priority(value.trim_start_matches('p'))?);
        }
        "kind" | "tipo" => {
            let kind = match value {
                "vulnerability" | "vulnerabilità" | "vulnerabilita" => "vulnerability",
                "incident" | "incidente" => "incident",
                "unknown" | "sconosciuto" => "unknown",
                other => {
                    return Err(format!(
                        "unknown kind {other:?} (expected vulnerability, incident or unknown)"
                    ));
                }
            };
            q.kind = Some(kind.into());
        }
        "cve" => {
            let id = crate::report::CveId::parse(value)
                .map_err(|_| "expected a CVE id such as CVE-2024-6387".to_string())?;
            q.cve = Some(id.as_str().to_string());
        }
        "owner" | "assegnato" => q.owner = Some(crate::message::normalize_address(value)),
        "reporter" | "segnalante" => {
            q.reporter = Some(crate::message::normalize_address(value));
        }
        other => {
            return Err(format!(
                "unknown filter {other:?} (expected state, severity, priority, kind, cve, owner or reporter)"
            ));
        }
    }
    Ok(())
}

fn priority(level: &str) -> Result<i64, String> {
    let level: u8 = level
        .parse()
        .map_err(|_| format!("unknown priority {level:?} (expected 1 to 4)"))?;
    Priority::new(level).map(|p| i64::from(p.level()))
}

/// How old a ticket is, for a digest line: "45m", "5h", "3d".
pub fn age(created_at_millis: i64, now: i64) -> String {
    let minutes = (now - created_at_millis).max(0) / 60_000;
    match minutes {
        m if m < 60 => format!("{m}m"),
        m if m < 48 * 60 => format!("{}h", m / 60),
        m => format!("{}d", m / (24 * 60)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(subject: &str, text: &str) -> DigestRequest {
        match digest_request(subject, text, 1_000) {
            Some(Ok(r)) => r,
            other => panic!("{subject:?}: {other:?}"),
        }
    }

    #[test]
    fn only_the_keywords_ask_for_a_digest() {
        for subject in [
            "SQL injection in search",
            "ticketing system flaw",
            "",
            "Re: tickets",
        ] {
            assert!(digest_request(subject, "", 0).is_none(), "{subject}");
        }
        for subject in ["tickets", "Tickets", "/list", "ticket", "/elenco"] {
            assert_eq!(request(subject, ""), DigestRequest::default(), "{subject}");
        }
    }

    #[test]
    fn filters_in_the_subject_narrow_the_list() {
        let r = request("tickets open mine severity:high cve:CVE-2024-6387 P1", "");
        assert!(r.query.open && r.mine);
        assert_eq!(r.query.severity.as_deref(), Some("high"));
        assert_eq!(r.query.cve.as_deref(), Some("CVE-2024-6387"));
        assert_eq!(r.query.priority, Some(1));
        assert_eq!(r.filters, "open mine severity:high cve:CVE-2024-6387 P1");
    }

    #[test]
    fn italian_filters_and_free_words_become_a_search() {
        let r = request(
            "ticket aperti gravità:alta stato:in-analisi openssh regreSSHion",
            "",
        );
        assert!(r.query.open);
        assert_eq!(r.query.severity.as_deref(), Some("high"));
        assert_eq!(r.query.state.as_deref(), Some("investigating"));
        assert_eq!(r.query.search.as_deref(), Some("openssh regreSSHion"));
    }

    #[test]
    fn filters_may_stand_on_the_first_line_of_the_text() {
        let r = request("tickets", "\n  overdue unassigned\nthanks\n");
        assert_eq!(r.query.overdue_at, Some(1_000));
        assert!(r.query.unowned);
        assert_eq!(r.query.search, None);
    }

    #[test]
    fn every_unreadable_filter_is_explained() {
        let errors = digest_request("tickets severity:huge colour:red priority:9 cve:", "", 0)
            .expect("a request")
            .expect_err("bad filters");
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].starts_with("severity:huge: unknown severity"));
        assert!(errors[1].contains("unknown filter \"colour\""));
        assert!(errors[2].contains("priority must be 1"));
        assert!(errors[3].contains("needs a value"));
    }

    #[test]
    fn ages_read_in_the_largest_sensible_unit() {
        assert_eq!(age(0, 45 * 60_000), "45m");
        assert_eq!(age(0, 5 * 3_600_000), "5h");
        assert_eq!(age(0, 3 * 86_400_000), "3d");
        assert_eq!(age(10, 0), "0m");
    }
}
