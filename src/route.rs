//! Classification: what a parsed mail is to the desk. Pure.
//!
//! A mail either starts a ticket, follows up on one, is automatic (bounces,
//! out-of-office, lists, our own mail: recorded, never answered), or points
//! at a ticket its sender may not write to (recorded, flagged, never
//! answered, so it confirms nothing to a stranger).

use crate::message::AutoReason;
use crate::store::TicketRef;

/// Who counts as staff (by address; issue-3 authentication comes on top).
#[derive(Debug, Clone, Default)]
pub struct StaffPolicy {
    /// Lower-cased addresses.
    pub addresses: Vec<String>,
    /// Lower-cased domains.
    pub domains: Vec<String>,
    /// Anyone at the reporter's domain may write to the ticket too.
    pub reporter_domain: bool,
}

impl StaffPolicy {
    pub fn is_staff(&self, address: &str) -> bool {
        let address = address.to_ascii_lowercase();
        self.addresses.contains(&address)
            || address
                .rsplit_once('@')
                .is_some_and(|(_, domain)| self.domains.iter().any(|d| d == domain))
    }
}

/// May `sender` write to `ticket`? Its reporter, its `participants` (added
/// by staff with `/cc`, or the reporters of tickets merged into it) and
/// staff may; a Cc header or a quoted number never widens that.
pub fn may_write(
    ticket: &TicketRef,
    participants: &[String],
    sender: Option<&str>,
    staff: &StaffPolicy,
) -> bool {
    let domain = |address: &str| {
        address
            .rsplit_once('@')
            .map(|(_, d)| d.to_ascii_lowercase())
    };
    match sender {
        Some(sender) => {
            sender.eq_ignore_ascii_case(&ticket.reporter)
                || participants.iter().any(|p| p.eq_ignore_ascii_case(sender))
                || staff.is_staff(sender)
                || (staff.reporter_domain
                    && domain(sender).is_some()
                    && domain(sender) == domain(&ticket.reporter))
        }
        None => false,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// A new report: create a ticket, acknowledge, notify staff.
    NewReport,
    /// A follow-up by someone allowed on the ticket.
    FollowUp { ticket: TicketRef, from_staff: bool },
    /// Points at a ticket (number or thread) but the sender is not allowed on it.
    Stranger { ticket: TicketRef },
    /// Automatic mail: kept (on its ticket when its sender is allowed there),
    /// never answered.
    Automatic {
        reason: AutoReason,
        ticket: Option<TicketRef>,
    },
}

impl Route {
    /// The `disposition` column of the stored message.
    pub fn disposition(&self) -> &'static str {
        match self {
            Route::NewReport => "report",
            Route::FollowUp { .. } => "follow-up",
            Route::Stranger { .. } => "stranger",
            Route::Automatic { .. } => "automatic",
        }
    }
}

/// Decide the route of a mail.
///
/// `referenced` is the ticket the mail points at, found by the shell from
/// In-Reply-To/References (our Message-IDs) or a valid number in the subject.
pub fn route(
    sender: Option<&str>,
    automatic: Option<AutoReason>,
    referenced: Option<TicketRef>,
    staff: &StaffPolicy,
) -> Route {
    route_with(sender, automatic, referenced, &[], staff)
}

/// [`route`] for a ticket with `participants` besides its reporter.
pub fn route_with(
    sender: Option<&str>,
    automatic: Option<AutoReason>,
    referenced: Option<TicketRef>,
    participants: &[String],
    staff: &StaffPolicy,
) -> Route {
    let allowed = referenced
        .as_ref()
        .is_some_and(|t| may_write(t, participants, sender, staff));
    match (automatic, referenced) {
        (Some(reason), ticket) => Route::Automatic {
            reason,
            ticket: ticket.filter(|_| allowed),
        },
        (None, None) => Route::NewReport,
        (None, Some(ticket)) if allowed => Route::FollowUp {
            from_staff: sender.is_some_and(|s| staff.is_staff(s)),
            ticket,
        },
        (None, Some(ticket)) => Route::Stranger { ticket },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket() -> TicketRef {
        TicketRef {
            id: 7,
            number: "SEC-7KQ3-M9PX".into(),
            reporter: "reporter@example.test".into(),
            state: "new".into(),
            language: "en".into(),
            subject: "XSS".into(),
            ..TicketRef::default()
        }
    }

    #[test]
    fn a_participant_may_write_and_a_stranger_still_may_not() {
        let vendor = ["psirt@vendor.test".to_string()];
        assert!(matches!(
            route_with(
                Some("PSIRT@vendor.test"),
                None,
                Some(ticket()),
                &vendor,
                &staff()
            ),
            Route::FollowUp {
                from_staff: false,
                ..
            }
        ));
        assert!(matches!(
            route_with(
                Some("other@vendor.test"),
                None,
                Some(ticket()),
                &vendor,
                &staff()
            ),
            Route::Stranger { .. }
        ));
        assert!(matches!(
            route(Some("psirt@vendor.test"), None, Some(ticket()), &staff()),
            Route::Stranger { .. }
        ));
    }

    #[test]
    fn the_reporters_domain_participates_only_when_configured() {
        let colleague = Some("colleague@example.test");
        assert!(matches!(
            route(colleague, None, Some(ticket()), &staff()),
            Route::Stranger { .. }
        ));
        let policy = StaffPolicy {
            reporter_domain: true,
            ..staff()
        };
        assert!(matches!(
            route(colleague, None, Some(ticket()), &policy),
            Route::FollowUp {
                from_staff: false,
                ..
            }
        ));
        // a Cc or a look-alike domain never widens it
        assert!(matches!(
            route(Some("x@example.test.evil"), None, Some(ticket()), &policy),
            Route::Stranger { .. }
        ));
    }

    fn staff() -> StaffPolicy {
        StaffPolicy {
            addresses: vec!["staff@example.test".into()],
            domains: vec!["desk.example".into()],
            reporter_domain: false,
        }
    }

    #[test]
    fn mail_without_reference_is_a_new_report() {
        assert_eq!(
            route(Some("anyone@x.test"), None, None, &staff()),
            Route::NewReport
        );
    }

    #[test]
    fn reporter_follow_up_joins_the_ticket_whatever_the_case() {
        let r = route(
            Some("Reporter@Example.TEST"),
            None,
            Some(ticket()),
            &staff(),
        );
        assert_eq!(
            r,
            Route::FollowUp {
                ticket: ticket(),
                from_staff: false
            }
        );
    }

    #[test]
    fn staff_by_address_or_domain_may_follow_up() {
        for sender in ["staff@example.test", "alice@desk.example"] {
            assert!(matches!(
                route(Some(sender), None, Some(ticket()), &staff()),
                Route::FollowUp {
                    from_staff: true,
                    ..
                }
            ));
        }
    }

    #[test]
    fn follow_up_from_stranger_is_not_threaded() {
        let r = route(
            Some("stranger@example.test"),
            None,
            Some(ticket()),
            &staff(),
        );
        assert_eq!(r, Route::Stranger { ticket: ticket() });
        assert_eq!(
            route(None, None, Some(ticket()), &staff()),
            Route::Stranger { ticket: ticket() }
        );
    }

    #[test]
    fn a_lookalike_domain_is_not_staff() {
        assert!(!staff().is_staff("eve@evildesk.example"));
        assert!(!staff().is_staff("staff@example.test.evil"));
    }

    #[test]
    fn automatic_mail_is_never_a_report_and_only_joins_an_allowed_ticket() {
        let r = route(
            Some("reporter@example.test"),
            Some(AutoReason::AutoReplyHeader),
            Some(ticket()),
            &staff(),
        );
        assert!(matches!(
            r,
            Route::Automatic {
                ticket: Some(_),
                ..
            }
        ));
        let r = route(
            Some("mailer-daemon@x.test"),
            Some(AutoReason::NullReturnPath),
            Some(ticket()),
            &staff(),
        );
        assert!(matches!(r, Route::Automatic { ticket: None, .. }));
        let r = route(
            Some("a@x.test"),
            Some(AutoReason::MailingList),
            None,
            &staff(),
        );
        assert_eq!(r.disposition(), "automatic");
    }
}
