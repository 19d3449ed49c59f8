//! Why a CVE id or a CVSS vector given on its own could not be read.

/// A string that is not a CVE id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read {input:?} as a CVE id: expected CVE-YYYY-NNNN (four or more digits)")]
pub struct CveIdError {
    /// The text that was given, for the message.
    pub input: String,
}

/// A string that is not a complete CVSS v3.0, v3.1 or v4.0 vector.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CvssError {
    #[error(
        "cannot read the CVSS vector: it must start with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/ (or AV:)"
    )]
    Prefix,
    #[error("cannot read the CVSS vector: unexpected text at byte {0}")]
    Syntax(usize),
    #[error("cannot score the CVSS vector: base metric {0} is missing")]
    MissingMetric(&'static str),
    #[error("cannot score the CVSS vector: base metric {0} is given twice")]
    DuplicateMetric(&'static str),
    #[error("cannot score the CVSS vector {vector}: {reason}")]
    Invalid { vector: String, reason: String },
}
