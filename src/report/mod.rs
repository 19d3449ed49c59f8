//! Extraction: from the text of a mail to a structured security report.
//!
//! Pure functions only. The input is the decoded text of a mail (see
//! `message::ParsedMail`); the output says what the desk understood and
//! what is missing, in English or Italian reports, labelled or free prose.

use serde::Serialize;

use crate::ticket::Severity;

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

/// A complete CVSS v3.0/v3.1 base vector with its computed score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CvssScore {
    /// The vector as normalised (`CVSS:3.1/AV:N/AC:L/...`).
    pub vector: String,
    /// "3.0" or "3.1".
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
    pub language: Language,
    pub description: Option<String>,
    pub cve_ids: Vec<CveId>,
    pub cvss: Option<CvssScore>,
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
}

/// Extract a report from a mail. Never fails: what cannot be found is `None`
/// and listed in `missing`.
pub fn extract(input: &ReportInput<'_>) -> Report {
    let _ = input;
    Report {
        kind: Kind::Unknown,
        language: Language::En,
        description: None,
        cve_ids: Vec::new(),
        cvss: None,
        reported_score: None,
        remediation: None,
        customer_message: None,
        missing: vec![Missing::Kind, Missing::Description],
    }
}
