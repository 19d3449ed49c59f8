//! Extraction: from the text of a mail to a structured security report.
//!
//! Pure functions only. The input is the decoded text of a mail (see
//! `message::ParsedMail`); the output says what the desk understood and
//! what is missing, in English or Italian reports, labelled or free prose.
//!
//! # Layout
//!
//! - `text`: bounds the body (200 KiB), separates quoted and forwarded text
//!   from the writer's own, trims greeting, sign-off and signature.
//! - `labels`: finds labelled fields ("Description:", "iii. Eventuale
//!   risoluzione o mitigazione") by their words, in both languages.
//! - `cve`, `cvss`: CVE ids, CVSS v3.0, v3.1 and v4.0 vectors (through soft
//!   breaks and markup) scored with the RustSec `cvss` crate, bare scores.
//! - `kind`, `language`, `prose`: incident or vulnerability, en or it, a
//!   remediation stated in free prose.
//!
//! The writer's own text comes first; quoted or forwarded text fills what it
//! lacks, so a forwarded report is understood and a reply's "see below" is
//! not taken for the description.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

mod cve;
mod cvss;
mod error;
mod kind;
mod labels;
mod language;
mod prose;
mod severity;
#[cfg(test)]
mod tests;
mod text;

pub use error::{CveIdError, CvssError};
pub use kind::KindBasis;
pub use severity::Severity;

use labels::Field;

/// What the report is about (the seed's two categories).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Incident,
    Vulnerability,
    Unknown,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Incident => "incident",
            Kind::Vulnerability => "vulnerability",
            Kind::Unknown => "unknown",
        }
    }
}

/// The language replies are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    It,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::It => "it",
        }
    }
}

/// A CVE id, normalised to upper case (`CVE-2024-12345`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CveId(String);

impl CveId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A complete CVSS v3.0, v3.1 or v4.0 base vector with its computed base
/// score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CvssScore {
    /// The vector as normalised: its base metrics only, in the FIRST
    /// calculator's order (`CVSS:3.1/AV:N/AC:L/...`, `CVSS:4.0/AV:N/AC:L/AT:N/...`).
    pub vector: String,
    /// "3.0", "3.1" or "4.0".
    pub version: String,
    pub base_score: f64,
    pub severity: Severity,
}

/// A field the desk needs and the report did not give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// Neither "incident" nor "vulnerability" could be told.
    Kind,
    /// No description of the problem.
    Description,
    /// A vulnerability with neither a CVE id nor a CVSS vector/score.
    CveOrCvss,
    /// No fix or mitigation.
    Remediation,
    /// No message for the affected customers.
    CustomerMessage,
}

/// What the desk understood of one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub kind: Kind,
    /// What decided the kind, and the writer's sentence that did when one
    /// did: shown to staff and the reporter, who can correct a misreading.
    pub kind_basis: KindBasis,
    pub kind_quote: Option<String>,
    pub language: Language,
    pub description: Option<String>,
    pub cve_ids: Vec<CveId>,
    /// The vector severity and priority come from: the 4.0 one when the
    /// report has one, else the first of `cvss_vectors`.
    pub cvss: Option<CvssScore>,
    /// Every distinct vector of the report, at most one per version (so at
    /// most three), in the order found; `cvss` is one of them.
    pub cvss_vectors: Vec<CvssScore>,
    /// A bare score ("CVSS 8.1", "8,1") given without a vector.
    pub reported_score: Option<f64>,
    pub remediation: Option<String>,
    pub customer_message: Option<String>,
    pub missing: Vec<Missing>,
}

impl Report {
    /// Severity from the computed score, else from a bare reported score.
    pub fn severity(&self) -> Option<Severity> {
        self.cvss
            .as_ref()
            .map(|c| c.severity)
            .or(self.reported_score.map(Severity::from_cvss_score))
    }
}

/// The parts of a mail extraction reads.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    /// Decoded subject.
    pub subject: &'a str,
    /// Decoded text body (HTML already converted to text).
    pub body: &'a str,
    /// Addresses the mail was sent to (To, Cc, Delivered-To), for a plus tag
    /// such as `security+incident@example.com`.
    pub recipients: &'a [String],
    /// The desk's own address: a reply quoting the desk's mail is not a
    /// report of what the desk wrote.
    pub desk_address: &'a str,
}

/// Compile the rules before the first mail: their regular expressions are
/// built on first use, which in a debug build takes longer than the CPU
/// budget one mail is given (`limits.max_processing_ms`), and the first
/// report after a start must not pay for it. The sample reaches every kind
/// of rule: labels, prose fixes and messages, quotes, kind, scores.
pub fn warm_up() {
    const SAMPLE: &str = "Hello,\n\n\
        Vulnerability: stored XSS in the profile page, CVE-2000-0001.\n\
        CVSS: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n\
        Fix: upgrade to 2.4.9.\n\n\
        We noticed suspicious logins last night and have already rotated the keys. \
        Nel frattempo si può disattivare il modulo; ai clienti scriverei che devono cambiare \
        la password. I'd rate it 7.5. Any update on my report?\n\n\
        On Mon, 1 Jan 2024, Desk <security@example.test> wrote:\n\
        > Thank you for your report.\n";
    for subject in ["Vulnerability report", "domanda"] {
        let _ = extract(&ReportInput {
            subject,
            body: SAMPLE,
            recipients: &[],
            desk_address: "security@example.test",
        });
    }
}

/// Extract a report from a mail. Never fails: what cannot be found is `None`
/// and listed in `missing`.
///
/// Work is bounded: only the first 200 KiB of the body and 2 KiB of the
/// subject are read, with linear-time regexes and capped candidate searches.
pub fn extract(input: &ReportInput<'_>) -> Report {
    let body = text::normalise_newlines(text::prefix_at_boundary(input.body, text::MAX_SCAN_BYTES));
    let subject = text::prefix_at_boundary(input.subject, MAX_SUBJECT_BYTES);
    let parts = text::split_quoted(&body);
    let own_text = text::trim_mail(&parts.own);
    let quoted_text = text::trim_mail(&parts.quoted);
    let own = read_fields(&own_text);
    let quoted = read_fields(&quoted_text);

    let cve_ids = cve::find_cves(&format!("{subject}\n{body}"));
    let cvss_vectors = cvss::find_vectors(&[&body, subject]);
    let cvss = cvss::preferred(&cvss_vectors).cloned();
    let reported_score = match cvss {
        Some(_) => None,
        None => cvss::find_bare_score(&body).or_else(|| cvss::find_bare_score(subject)),
    };

    let quotes_desk = quotes(&parts.authors, input.desk_address);
    let decision = kind::decide(&kind::Evidence {
        recipients: input.recipients,
        label: own.kind.or(quoted.kind),
        subject,
        has_cve_or_cvss: !cve_ids.is_empty() || cvss.is_some() || reported_score.is_some(),
        labelled_report: own.labelled_description || quoted.labelled_description || cvss.is_some(),
        own: &own_text,
        quoted: &quoted_text,
        quotes_the_desk: quotes_desk,
        // greeting and signature trimmed, so a quoted sentence is the report's
        body: &format!("{own_text}\n\n{quoted_text}"),
    });
    let kind = decision.kind;
    let language =
        language::detect_writer(&[subject, &own_text], &[subject, &own_text, &quoted_text]);

    // a newsletter's advice is addressed to every subscriber, and a mail
    // that reports nothing (a questionnaire, a question) gives no fix in
    // its prose; labels still count, except a newsletter's ("2) Patch
    // Tuesday by the numbers" is a headline)
    let prose_counts = decision.basis != KindBasis::Question;
    let labels_count = prose_counts || !kind::is_bulk(&body);
    let pick = |own: &Option<String>,
                own_labelled: bool,
                quoted: &Option<String>,
                quoted_labelled: bool| {
        let counts = |labelled: bool| if labelled { labels_count } else { prose_counts };
        let own = own.clone().filter(|_| counts(own_labelled));
        let quoted = quoted.clone().filter(|_| counts(quoted_labelled));
        match (own, quoted) {
            // what the forwarder did, and the fix the report gives under
            // its label: both
            (Some(o), Some(q)) if !own_labelled && quoted_labelled => Some(text::truncate_chars(
                &format!("{o}\n\n{q}"),
                text::MAX_FIELD_CHARS,
            )),
            (o, q) => o.or(q),
        }
    };
    let remediation = pick(
        &own.remediation,
        own.remediation_labelled,
        &quoted.remediation,
        quoted.remediation_labelled,
    );
    let customer_message = pick(
        &own.customer_message,
        own.customer_message_labelled,
        &quoted.customer_message,
        quoted.customer_message_labelled,
    );
    // what the desk itself wrote is not the reporter's description
    let description = if quotes_desk {
        own.description
    } else {
        choose_description(own, quoted)
    };

    let mut missing = Vec::new();
    if kind == Kind::Unknown {
        missing.push(Missing::Kind);
    }
    if description.is_none() {
        missing.push(Missing::Description);
    }
    if kind == Kind::Vulnerability
        && cve_ids.is_empty()
        && cvss.is_none()
        && reported_score.is_none()
    {
        missing.push(Missing::CveOrCvss);
    }
    if remediation.is_none() {
        missing.push(Missing::Remediation);
    }
    if customer_message.is_none() {
        missing.push(Missing::CustomerMessage);
    }

    Report {
        kind,
        kind_basis: decision.basis,
        kind_quote: decision.quote,
        language,
        description,
        cve_ids,
        cvss,
        cvss_vectors,
        reported_score,
        remediation,
        customer_message,
        missing,
    }
}

/// A subject longer than this is not a subject a person wrote.
const MAX_SUBJECT_BYTES: usize = 2 * 1024;

/// Unlabelled prose shorter than this (in words of three letters or more,
/// ids and vectors aside) is not a description: "see below", a bare vector.
const MIN_DESCRIPTION_WORDS: usize = 3;

/// Whether one of the quoted mails' authors is `address`.
fn quotes(authors: &[String], address: &str) -> bool {
    let address = address.trim().to_lowercase();
    !address.is_empty() && authors.iter().any(|a| a.to_lowercase().contains(&address))
}

/// Own prose at least this long is preferred to a quoted report's prose: a
/// forwarder's "FYI, see below" is shorter.
const SUBSTANTIAL_NOTE_WORDS: usize = 8;

/// Values that say there is nothing: "N/A", "none", "nessuno", "TBD", "-".
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:n/?a|n\.?d\.?|none|nessun[oa]?|no|nothing|niente|nil|null|tbd|tba|da\s+definire|unknown|sconosciut[oa]|not\s+(?:available|applicable|yet)|non\s+(?:disponibile|applicabile|ancora)|-+|\?+|…|\.{3})?\s*[.!]?\s*$",
    )
    .expect("valid regex")
});

/// A labelled fix that says there is none: "No fix is available yet",
/// "Non esiste ancora una correzione", "None known".
static NO_REMEDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            (?:there\s+is\s+|we\s+have\s+|we\s+know\s+of\s+)?no\s+(?:known\s+)?(?:fix|patch|workaround|mitigation|solution|remediation)s?\b
            |(?:none|nothing)\s+(?:yet|known|available|so\s+far|at\s+the\s+moment)
            |not\s+(?:yet\s+)?(?:available|known|fixed|patched)|(?:still\s+)?unknown|under\s+investigation|to\s+be\s+determined
            |non\s+(?:esiste|esistono|c'?\s*è|ci\s+sono|è\s+(?:ancora\s+)?disponibile|sono\s+(?:ancora\s+)?disponibili|abbiamo|conosciamo|conosco|nota|noto)
            |nessun[ao]?\s+(?:correzione|patch|soluzione|mitigazione|workaround|rimedio)
            |(?:ancora\s+)?(?:sconosciut[oa]|in\s+(?:corso\s+di\s+)?(?:analisi|valutazione)|da\s+definire)
        )[^\n]{0,100}$",
    )
    .expect("valid regex")
});

/// A labelled value that declines: "I am not aware of any workaround",
/// "I couldn't find one", "Non ho una correzione da proporre", "non
/// ritengo di avere elementi per proporne uno", "Nessuna contromisura nota".
static DECLINES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\W*(?:
            i\s+am\s+not\s+aware|i'?m\s+not\s+aware|not\s+aware\s+of|i\s+(?:could\s*n[o']t|can\s*n[o']t|did\s*n[o']t|do\s*n[o']t)\s+(?:find|know|have|see|think)
            |we\s+(?:could\s*n[o']t|can\s*n[o']t|did\s*n[o']t|do\s*n[o']t)\s+(?:find|know|have|see)|none\s+that\s+i\s+know|not\s+(?:needed|necessary|required|applicable|sure)|no\s+need
            |non\s+(?:ne\s+)?(?:ho|abbiamo)\s+(?:trovat|individuat|vist)\w*|non\s+(?:ho|abbiamo)\s+(?:una|un|nessuna|nessun|alcuna|alcun)\b|non\s+(?:ritengo|credo|penso|saprei|so)\b
            |non\s+(?:è|sono)\s+(?:necessari|previst|not)\w*|nessun[ao]?\s+(?:contromisur|correzion|soluzion|mitigazion|workaround|patch|rimedi|messaggi|comunicazion)\w*
        )",
    )
    .expect("valid regex")
});

/// What the labels and prose of one text (own or quoted) give.
struct TextFields {
    /// From description labels, else from unlabelled prose; with context
    /// fields (impact, affected versions) appended.
    description: Option<String>,
    /// The description came from a label, not from prose.
    labelled_description: bool,
    /// Amount of unlabelled prose (see [`text::prose_words`]).
    prose_words: usize,
    remediation: Option<String>,
    /// The remediation came from a label, not from prose.
    remediation_labelled: bool,
    customer_message: Option<String>,
    customer_message_labelled: bool,
    /// From a "Type:" label, or a one-word "Incident:"/"Vulnerability:" label.
    kind: Option<Kind>,
}

fn read_fields(text: &str) -> TextFields {
    let sections = labels::sections(text);
    let mut description: Vec<&str> = Vec::new();
    let mut context: Vec<String> = Vec::new();
    // what follows the first paragraph of a context field (steps, PoC) is
    // often the writer going on: a question, a fix, a customer message
    let mut after_context: Vec<&str> = Vec::new();
    let mut remediation: Vec<&str> = Vec::new();
    let mut customer_message: Vec<&str> = Vec::new();
    let mut type_label = None;
    let mut heading_hint = None;
    for section in &sections.labelled {
        // a later paragraph about what to tell customers is not this
        // field's: it is read as prose
        let value = match section.value.split_once("\n\n") {
            Some((first, rest))
                if section.field != Field::CustomerMessage && prose::has_customer_cue(rest) =>
            {
                after_context.push(rest);
                first
            }
            _ => section.value.as_str(),
        };
        if PLACEHOLDER.is_match(value) {
            continue;
        }
        match section.field {
            Field::Description => {
                description.push(value);
                // "Incident: ...", but not the seed's "Vulnerabilità e/o
                // problema riscontrato", which serves both kinds
                if section.label.split_whitespace().count() == 1 {
                    heading_hint = heading_hint.or(kind::from_label_value(section.label));
                }
            }
            Field::Context => {
                context.push(format!("{}: {value}", section.label));
                if let Some((_, rest)) = value.split_once("\n\n") {
                    after_context.push(rest);
                }
            }
            Field::Remediation if NO_REMEDY.is_match(value) || DECLINES.is_match(value) => {}
            Field::CustomerMessage if DECLINES.is_match(value) => {}
            Field::Remediation => remediation.push(value),
            Field::CustomerMessage => customer_message.push(value),
            Field::Kind => type_label = type_label.or(kind::from_label_value(value)),
            Field::CveCvss | Field::Informational => {}
        }
    }

    let prose = sections.unlabelled.as_str();
    let prose_words = text::prose_words(prose);
    let labelled_description = !description.is_empty();
    let free_text = std::iter::once(prose)
        .chain(description.iter().copied())
        .chain(after_context.iter().copied())
        .collect::<Vec<&str>>()
        .join("\n\n");
    let customer_message_labelled = !customer_message.is_empty();
    let remediation_labelled = !remediation.is_empty();
    let customer_message = if customer_message.is_empty() {
        // a fix's list may carry it too ("- warn the other customers, with
        // a text like: …")
        let told = std::iter::once(free_text.as_str())
            .chain(remediation.iter().copied())
            .collect::<Vec<&str>>()
            .join("\n\n");
        prose::customer_message(&told).map(|m| text::truncate_chars(&m, text::MAX_FIELD_CHARS))
    } else {
        Some(joined(&customer_message))
    };
    let remediation = if remediation.is_empty() {
        // what customers are to be told ("please change your password") is
        // not the desk's fix
        let rest = match &customer_message {
            Some(m) => free_text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace(
                    m.split_whitespace().collect::<Vec<_>>().join(" ").as_str(),
                    ". ",
                ),
            None => free_text.clone(),
        };
        prose::remediation_sentences(&rest).map(|r| text::truncate_chars(&r, text::MAX_FIELD_CHARS))
    } else {
        let labelled = joined(&remediation);
        Some(match prose::done_remedies(&free_text) {
            Some(done) if !labelled.contains(&done) => {
                text::truncate_chars(&format!("{labelled}\n\n{done}"), text::MAX_FIELD_CHARS)
            }
            _ => labelled,
        })
    };

    let mut parts: Vec<String> = description.iter().map(|d| (*d).to_owned()).collect();
    if parts.is_empty() && prose_words >= MIN_DESCRIPTION_WORDS {
        parts.push(prose.to_owned());
    }
    parts.extend(context);
    let description = (!parts.is_empty()).then(|| {
        let all: Vec<&str> = parts.iter().map(String::as_str).collect();
        joined(&all)
    });

    TextFields {
        description,
        labelled_description,
        prose_words,
        remediation_labelled,
        remediation,
        customer_message_labelled,
        customer_message,
        kind: type_label.or(heading_hint),
    }
}

/// Values of one field given more than once, in order, bounded.
fn joined(values: &[&str]) -> String {
    text::truncate_chars(&values.join("\n\n"), text::MAX_FIELD_CHARS)
}

/// A labelled description wins (own, then quoted); else own prose if it is
/// more than a forwarding note; else the quoted report's prose.
fn choose_description(own: TextFields, quoted: TextFields) -> Option<String> {
    if own.labelled_description {
        own.description
    } else if quoted.labelled_description {
        quoted.description
    } else if own.prose_words >= SUBSTANTIAL_NOTE_WORDS || quoted.description.is_none() {
        own.description.or(quoted.description)
    } else {
        quoted.description
    }
}
