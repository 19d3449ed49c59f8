//! The reporter's status page: what the desk shows the holder of a status
//! link. Pure: a stored ticket in, the public view out; the templates
//! (`templates/status-page.LANG.html`, HTML-escaped by minijinja) make it
//! a page.
//!
//! The public history is the reporter's own mail and what the desk sent
//! the reporter besides the acknowledgments and status answers (which
//! carry links): relayed staff answers, updates, merge notices. Internal
//! notes, staff mail, other participants' mail and every address stay out;
//! a staff member's address appears only inside a relayed answer, where
//! `desk.expose_staff_address` already put it.

use std::path::Path;

use minijinja::Environment;
use serde::Serialize;

use crate::outbox::TemplateError;
use crate::report::Language;
use crate::store::{MessageView, TicketDetail};
use crate::ticket::sla::BusinessCalendar;

/// Characters of one history entry shown; the rest is cut with a mark.
const ENTRY_CHARS: usize = 20_000;

/// Outgoing mail to the reporter that the page shows.
const SHOWN_OUTGOING: &[&str] = &["relay", "reporter-update", "reporter-merged"];
/// The reporter's mail that the page shows (not status requests).
const SHOWN_INCOMING: &[&str] = &["report", "follow-up"];

/// What the page shows.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PublicStatus {
    pub number: String,
    pub subject: String,
    pub language: &'static str,
    pub state: String,
    pub kind: String,
    pub severity: Option<String>,
    pub priority: i64,
    /// When severity and priority are due, while the ticket awaits triage.
    pub triage_due: Option<String>,
    pub outcome: Option<String>,
    pub created_at: String,
    pub merged_into: Option<String>,
    pub history: Vec<Entry>,
    pub desk: DeskView,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeskView {
    pub name: String,
    pub address: String,
}

/// One mail of the public history.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
    pub at: String,
    /// `reporter` (their own mail) or `desk`.
    pub from: &'static str,
    pub text: String,
}

/// The public view of `ticket`, its times in the desk's calendar.
pub fn public_view(
    ticket: &TicketDetail,
    calendar: &BusinessCalendar,
    desk: DeskView,
    default_language: Language,
) -> PublicStatus {
    let local = |rfc3339: &str| {
        chrono::DateTime::parse_from_rfc3339(rfc3339)
            .map(|at| calendar.local_text(at.to_utc()))
            .unwrap_or_else(|_| rfc3339.to_owned())
    };
    let history = ticket
        .messages
        .iter()
        .filter_map(|m| {
            let (from, text) = entry(m, &ticket.reporter)?;
            Some(Entry {
                at: local(&m.at),
                from,
                text,
            })
        })
        .collect();
    let awaiting_triage = ticket.state == "new";
    PublicStatus {
        number: ticket.number.clone(),
        subject: ticket.subject.clone(),
        language: match ticket.language.as_str() {
            "it" => Language::It,
            "en" => Language::En,
            _ => default_language,
        }
        .as_str(),
        state: ticket.state.clone(),
        kind: ticket.kind.clone(),
        severity: ticket.severity.clone(),
        priority: ticket.priority,
        triage_due: ticket
            .triage_due_at
            .as_deref()
            .filter(|_| awaiting_triage)
            .map(local),
        outcome: ticket.outcome.clone(),
        created_at: local(&ticket.created_at),
        merged_into: ticket.merged_into.clone(),
        history,
        desk,
    }
}

/// Whether `m` is on the public history, and as what text.
fn entry(m: &MessageView, reporter: &str) -> Option<(&'static str, String)> {
    let body = m.body.as_deref().unwrap_or_default();
    let from = match m.direction.as_str() {
        "in" if SHOWN_INCOMING.contains(&m.disposition.as_str())
            && m.from
                .as_deref()
                .is_some_and(|f| f.eq_ignore_ascii_case(reporter)) =>
        {
            "reporter"
        }
        "out"
            if SHOWN_OUTGOING.contains(&m.disposition.as_str())
                && m.to.len() == 1
                && m.to[0].eq_ignore_ascii_case(reporter) =>
        {
            "desk"
        }
        _ => return None,
    };
    // a report whole; later mail without its quotes and signature (the
    // desk's own footer included)
    let text = if m.disposition == "report" {
        body.trim().to_owned()
    } else {
        crate::staff::new_text(body)
    };
    Some((from, cut(text)))
}

fn cut(text: String) -> String {
    match text.char_indices().nth(ENTRY_CHARS) {
        Some((at, _)) => format!("{} […]", &text[..at]),
        None => text,
    }
}

/// The page templates, loaded (and tried) when the daemon starts.
#[derive(Debug)]
pub struct StatusPages {
    env: Environment<'static>,
}

const NOT_FOUND: &str = "status-not-found.html";

impl StatusPages {
    pub fn load(dir: &Path) -> Result<StatusPages, TemplateError> {
        let mut env = Environment::new();
        // `.html` templates escape every value: a subject is never markup
        for file in [
            page_file(Language::En),
            page_file(Language::It),
            NOT_FOUND.to_owned(),
            "status-style.html".to_owned(),
        ] {
            let path = dir.join(&file);
            let source = std::fs::read_to_string(&path)
                .map_err(|source| TemplateError::Read { path, source })?;
            env.add_template_owned(file.clone(), source)
                .map_err(|e| TemplateError::Invalid {
                    name: file,
                    message: e.to_string(),
                })?;
        }
        let pages = StatusPages { env };
        pages.smoke_test()?;
        Ok(pages)
    }

    fn smoke_test(&self) -> Result<(), TemplateError> {
        let sample = sample();
        for language in [Language::En, Language::It] {
            self.page(&PublicStatus {
                language: language.as_str(),
                ..sample.clone()
            })?;
            self.page(&PublicStatus {
                language: language.as_str(),
                severity: None,
                triage_due: None,
                outcome: None,
                merged_into: None,
                history: Vec::new(),
                ..sample.clone()
            })?;
        }
        self.not_found()?;
        Ok(())
    }

    pub fn page(&self, status: &PublicStatus) -> Result<String, TemplateError> {
        let language = if status.language == "it" {
            Language::It
        } else {
            Language::En
        };
        self.render(&page_file(language), status)
    }

    /// The one page for every link that does not open one.
    pub fn not_found(&self) -> Result<String, TemplateError> {
        self.render(NOT_FOUND, &())
    }

    fn render<C: Serialize>(&self, file: &str, context: &C) -> Result<String, TemplateError> {
        let invalid = |e: minijinja::Error| TemplateError::Invalid {
            name: file.to_owned(),
            message: e.to_string(),
        };
        self.env
            .get_template(file)
            .map_err(invalid)?
            .render(minijinja::value::Serde(context))
            .map_err(invalid)
    }
}

fn page_file(language: Language) -> String {
    format!("status-page.{}.html", language.as_str())
}

fn sample() -> PublicStatus {
    PublicStatus {
        number: "SEC-0000-0000".into(),
        subject: "sample <b>subject</b>".into(),
        language: "en",
        state: "investigating".into(),
        kind: "vulnerability".into(),
        severity: Some("high".into()),
        priority: 2,
        triage_due: Some("2026-11-26 17:00 CET".into()),
        outcome: Some("modification-requested".into()),
        created_at: "2026-11-25 17:00 CET".into(),
        merged_into: Some("SEC-0000-0001".into()),
        history: vec![
            Entry {
                at: "2026-11-25 17:00 CET".into(),
                from: "reporter",
                text: "sample".into(),
            },
            Entry {
                at: "2026-11-25 18:00 CET".into(),
                from: "desk",
                text: "sample".into(),
            },
        ],
        desk: DeskView {
            name: "Security Desk".into(),
            address: "security@example.com".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(
        direction: &str,
        disposition: &str,
        from: &str,
        to: &[&str],
        body: &str,
    ) -> MessageView {
        MessageView {
            id: 0,
            direction: direction.into(),
            disposition: disposition.into(),
            from: Some(from.into()),
            to: to.iter().map(|s| s.to_string()).collect(),
            subject: String::new(),
            message_id: None,
            at: "2026-12-01T10:00:00Z".into(),
            body: Some(body.into()),
            attachments: Vec::new(),
            auth: None,
            authenticity: None,
        }
    }

    fn ticket(messages: Vec<MessageView>) -> TicketDetail {
        TicketDetail {
            number: "SEC-2026-0001".into(),
            state: "new".into(),
            kind: "vulnerability".into(),
            severity: None,
            priority: 3,
            reporter: "rita@example.org".into(),
            subject: "XSS".into(),
            language: "it".into(),
            created_at: "2026-12-01T10:00:00Z".into(),
            outcome: None,
            triage_due_at: Some("2026-12-02T10:00:00Z".into()),
            cve_ids: Vec::new(),
            cvss: None,
            cvss_vectors: Vec::new(),
            reported_score: None,
            description: None,
            remediation: None,
            customer_message: None,
            missing: Vec::new(),
            owner: Some("ana@desk.example".into()),
            participants: Vec::new(),
            merged_into: None,
            merged: Vec::new(),
            messages,
        }
    }

    fn view(t: &TicketDetail) -> PublicStatus {
        let desk = DeskView {
            name: "Desk".into(),
            address: "security@desk.example".into(),
        };
        let calendar = BusinessCalendar::new(
            "Europe/Rome",
            crate::ticket::sla::DEFAULT_WORKING_DAYS,
            &[],
            crate::ticket::sla::DEFAULT_OPENS,
            crate::ticket::sla::DEFAULT_CLOSES,
        )
        .unwrap();
        public_view(t, &calendar, desk, Language::En)
    }

    #[test]
    fn the_history_is_the_reporters_mail_and_what_they_were_sent() {
        let rita = "rita@example.org";
        let t = ticket(vec![
            message(
                "in",
                "report",
                "Rita@Example.org",
                &["security@desk.example"],
                "the report\n",
            ),
            message(
                "out",
                "ack",
                "security@desk.example",
                &[rita],
                "link https://x/status/abc",
            ),
            message(
                "in",
                "internal-note",
                "ana@desk.example",
                &[],
                "secret note",
            ),
            message(
                "in",
                "staff-reply",
                "ana@desk.example",
                &[],
                "/severity high\nwe fixed it",
            ),
            message(
                "out",
                "relay",
                "security@desk.example",
                &[rita],
                "we fixed it\n\n-- \nDesk",
            ),
            message(
                "out",
                "relay",
                "security@desk.example",
                &["vendor@example.net"],
                "to the vendor",
            ),
            message(
                "out",
                "staff-notification",
                "security@desk.example",
                &["ana@desk.example"],
                "copy",
            ),
            message(
                "in",
                "follow-up",
                "vendor@example.net",
                &[],
                "vendor's mail",
            ),
            message("in", "status-request", rita, &[], "status"),
            message("in", "follow-up", rita, &[], "thanks!\n\n> we fixed it\n"),
        ]);
        let v = view(&t);
        let shown: Vec<(&str, &str)> = v
            .history
            .iter()
            .map(|e| (e.from, e.text.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("reporter", "the report"),
                ("desk", "we fixed it"),
                ("reporter", "thanks!")
            ]
        );
        let all = format!("{v:?}");
        for hidden in [
            "secret note",
            "/severity",
            "vendor",
            "ana@desk.example",
            "status/abc",
        ] {
            assert!(!all.contains(hidden), "{hidden} must not be shown: {all}");
        }
        assert_eq!(v.language, "it");
        assert!(v.triage_due.is_some(), "due while awaiting triage");
    }

    #[test]
    fn the_triage_deadline_goes_once_triaged() {
        let mut t = ticket(Vec::new());
        t.state = "triaged".into();
        assert_eq!(view(&t).triage_due, None);
    }

    #[test]
    fn the_pages_escape_what_reporters_wrote() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let pages = StatusPages::load(&dir).unwrap();
        let mut v = sample();
        v.subject = "<script>alert(1)</script>".into();
        v.history[0].text = "<img src=x onerror=alert(1)>".into();
        let html = pages.page(&v).unwrap();
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("SEC-0000-0000"));
        let it = pages
            .page(&PublicStatus {
                language: "it",
                ..v
            })
            .unwrap();
        assert!(it.contains("lang=\"it\""));
    }
}
