//! Tickets: what a report becomes, and the rules that govern it.
//!
//! Everything here is pure data and pure functions; the store persists it and
//! the pipeline decides when to change it.

pub mod link;
pub mod number;
pub mod sla;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use number::{ConfirmationNumber, NumberPrefix};

// Severity is a property of the report (its CVSS score gives it); the
// ticket carries it and staff may change it.
pub use crate::report::Severity;

/// How soon the desk acts on a ticket: 1 is the most urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Priority(u8);

impl Priority {
    pub const HIGHEST: Priority = Priority(1);
    pub const LOWEST: Priority = Priority(4);

    pub fn new(level: u8) -> Result<Priority, String> {
        if (Self::HIGHEST.0..=Self::LOWEST.0).contains(&level) {
            Ok(Priority(level))
        } else {
            Err(format!(
                "priority must be 1 (most urgent) to 4, not {level}"
            ))
        }
    }

    pub fn level(self) -> u8 {
        self.0
    }

    /// The initial priority of a new ticket, before staff triage.
    ///
    /// The rule (documented in the README): an incident is something happening
    /// now, so it ranks one step above a vulnerability of the same severity.
    ///
    /// | severity        | incident | vulnerability | unknown kind |
    /// |-----------------|----------|---------------|--------------|
    /// | critical        | 1        | 1             | 1            |
    /// | high            | 1        | 2             | 2            |
    /// | medium          | 2        | 3             | 3            |
    /// | low, none       | 3        | 4             | 4            |
    /// | not known yet   | 2        | 3             | 3            |
    pub fn by_rule(kind: crate::report::Kind, severity: Option<Severity>) -> Priority {
        use crate::report::Kind;
        let base = match severity {
            Some(Severity::Critical) => 1,
            Some(Severity::High) => 2,
            Some(Severity::Medium) | None => 3,
            Some(Severity::Low | Severity::None) => 4,
        };
        let level = match kind {
            Kind::Incident => base - 1,
            Kind::Vulnerability | Kind::Unknown => base,
        };
        Priority(level.max(Self::HIGHEST.0))
    }
}

impl TryFrom<u8> for Priority {
    type Error = String;
    fn try_from(level: u8) -> Result<Self, Self::Error> {
        Priority::new(level)
    }
}

impl From<Priority> for u8 {
    fn from(p: Priority) -> u8 {
        p.0
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "P{}", self.0)
    }
}

/// Where a ticket is in the desk's procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TicketState {
    /// Received and acknowledged; severity and priority not yet confirmed by staff.
    New,
    /// Staff assigned severity and priority (seed step 4).
    Triaged,
    /// Staff are evaluating the report.
    Investigating,
    /// The desk asked the reporter for something and waits.
    AwaitingReporter,
    /// The outcome was communicated; nothing more happens unless it is reopened.
    Closed,
    /// Closed, then a participant wrote again (or staff reopened it): back
    /// in the desk's hands.
    Reopened,
}

impl TicketState {
    pub fn as_str(self) -> &'static str {
        match self {
            TicketState::New => "new",
            TicketState::Triaged => "triaged",
            TicketState::Investigating => "investigating",
            TicketState::AwaitingReporter => "awaiting-reporter",
            TicketState::Closed => "closed",
            TicketState::Reopened => "reopened",
        }
    }

    /// The state after a participant wrote again: a reply to a question puts
    /// the ticket back in the desk's hands, and a closed ticket is reopened
    /// when `reopen_closed` (`desk.reopen_on_follow_up`); otherwise it stays
    /// closed (its follow-ups are still recorded and staff are still told).
    pub fn after_reporter_follow_up(self, reopen_closed: bool) -> TicketState {
        match self {
            TicketState::AwaitingReporter => TicketState::Investigating,
            TicketState::Closed if reopen_closed => TicketState::Reopened,
            other => other,
        }
    }
}

impl fmt::Display for TicketState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TicketState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "new" => Ok(TicketState::New),
            "triaged" => Ok(TicketState::Triaged),
            "investigating" => Ok(TicketState::Investigating),
            "awaiting-reporter" | "awaiting_reporter" => Ok(TicketState::AwaitingReporter),
            "closed" => Ok(TicketState::Closed),
            "reopened" => Ok(TicketState::Reopened),
            other => Err(format!(
                "unknown state {other:?} (expected new, triaged, investigating, awaiting-reporter, closed or reopened)"
            )),
        }
    }
}

/// The result of the desk's evaluation (seed step 5), told to the reporter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The publisher must change the offer.
    ModificationRequested,
    /// The offer is taken off the marketplace.
    OfferRemoved,
    /// No action needed (not a vulnerability, out of scope, already fixed).
    NoAction,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::ModificationRequested => "modification-requested",
            Outcome::OfferRemoved => "offer-removed",
            Outcome::NoAction => "no-action",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Outcome {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "modification-requested" => Ok(Outcome::ModificationRequested),
            "offer-removed" => Ok(Outcome::OfferRemoved),
            "no-action" => Ok(Outcome::NoAction),
            other => Err(format!(
                "unknown outcome {other:?} (expected modification-requested, offer-removed or no-action)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Kind;

    #[test]
    fn incidents_rank_one_step_above_vulnerabilities() {
        let p = |k, s| Priority::by_rule(k, s).level();
        assert_eq!(p(Kind::Incident, Some(Severity::Critical)), 1);
        assert_eq!(p(Kind::Vulnerability, Some(Severity::Critical)), 1);
        assert_eq!(p(Kind::Incident, Some(Severity::High)), 1);
        assert_eq!(p(Kind::Vulnerability, Some(Severity::High)), 2);
        assert_eq!(p(Kind::Vulnerability, Some(Severity::Low)), 4);
        assert_eq!(p(Kind::Incident, None), 2);
        assert_eq!(p(Kind::Unknown, None), 3);
    }

    #[test]
    fn priority_outside_one_to_four_is_rejected() {
        assert!(Priority::new(0).is_err());
        assert!(Priority::new(5).is_err());
        assert_eq!(Priority::new(2).unwrap().to_string(), "P2");
    }

    #[test]
    fn reporter_answer_moves_awaiting_ticket_back_to_the_desk() {
        for reopen in [false, true] {
            assert_eq!(
                TicketState::AwaitingReporter.after_reporter_follow_up(reopen),
                TicketState::Investigating
            );
            assert_eq!(
                TicketState::Investigating.after_reporter_follow_up(reopen),
                TicketState::Investigating
            );
        }
        assert_eq!(
            TicketState::Closed.after_reporter_follow_up(false),
            TicketState::Closed
        );
        assert_eq!(
            TicketState::Closed.after_reporter_follow_up(true),
            TicketState::Reopened
        );
        assert_eq!(
            "awaiting-reporter".parse(),
            Ok(TicketState::AwaitingReporter)
        );
    }
}
