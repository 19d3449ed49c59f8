//! Incident or vulnerability: from a plus-address tag, a label value, or the
//! words of the subject and body.

use std::sync::LazyLock;

use regex::Regex;

use super::Kind;

/// `security+incident@example.com`: the tag after `+`.
static PLUS_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+([\p{L}0-9_.-]{1,40})@").expect("valid regex"));

static INCIDENT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:incidents?|incident[ei]|breach(?:ed|es)?|leak(?:ed|s|age)?|compromised?|compromise|attack(?:ed|ers?|s)?|intrusions?|ransomware|malware|phishing|defaced?|exfiltrat\w*|unauthori[sz]ed\s+access|violazion[ei]|violat[oaie]|compromess[oaie]|attacc(?:o|hi|ato|ati)|intrusion[ei]|evento\s+imprevisto|eventi\s+imprevisti|furto\s+di\s+dati|fuga\s+di\s+dati|accesso\s+non\s+autorizzato|esfiltra\w*)\b",
    )
    .expect("valid regex")
});

static VULNERABILITY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:vulnerabilit(?:y|ies)\b|vulnerable\b|vulns?\b|cve\b|cvss|xss\b|cross[-\s]site\b|sql\s*injection\b|sqli\b|injection\b|rce\b|remote\s+code\s+execution\b|exploit(?:s|able)?\b|buffer\s+overflow\b|csrf\b|ssrf\b|(?:path|directory)\s+traversal\b|deserializ\w*|privilege\s+escalation\b|vulnerabilit[àa]|vulnerabil[ei]\b|fall[ae]\b|iniezione\b|esecuzione\s+(?:remota\s+)?di\s+codice\b)",
    )
    .expect("valid regex")
});

/// The kind a plus tag in the recipients names (`+incident`, `+vuln`...).
pub(super) fn from_recipients(recipients: &[String]) -> Option<Kind> {
    recipients
        .iter()
        .flat_map(|r| PLUS_TAG.captures_iter(r))
        .find_map(|caps| from_tag(&caps[1]))
}

fn from_tag(tag: &str) -> Option<Kind> {
    let tag = tag.to_lowercase();
    if tag.contains("incident") {
        Some(Kind::Incident)
    } else if tag.starts_with("vuln") {
        Some(Kind::Vulnerability)
    } else {
        None
    }
}

/// The kind a label value names ("Type: Security incident",
/// "Categoria: Evento imprevisto per la sicurezza"); none if it names both.
pub(super) fn from_label_value(value: &str) -> Option<Kind> {
    match count(value) {
        (incident, 0) if incident > 0 => Some(Kind::Incident),
        (0, vulnerability) if vulnerability > 0 => Some(Kind::Vulnerability),
        _ => None,
    }
}

/// How many incident words and vulnerability words `text` has.
pub(super) fn count(text: &str) -> (usize, usize) {
    (
        INCIDENT_WORDS.find_iter(text).count(),
        VULNERABILITY_WORDS.find_iter(text).count(),
    )
}

/// Evidence for the kind, strongest first.
pub(super) struct Evidence<'a> {
    pub(super) recipients: &'a [String],
    /// From a "Type:"/"Categoria:" label, or a bare "Incident:" label.
    pub(super) label: Option<Kind>,
    pub(super) subject: &'a str,
    /// A CVE id, a valid vector or a bare score was found.
    pub(super) has_cve_or_cvss: bool,
    pub(super) body: &'a str,
}

/// The plus tag wins, then a label, then the subject when it names one kind
/// only; a CVE id or CVSS score means a vulnerability; else whichever kind
/// the body names more often, unknown on a tie.
pub(super) fn decide(evidence: &Evidence<'_>) -> Kind {
    if let Some(kind) = from_recipients(evidence.recipients).or(evidence.label) {
        return kind;
    }
    let subject = count(evidence.subject);
    match subject {
        (i, 0) if i > 0 => return Kind::Incident,
        (0, v) if v > 0 => return Kind::Vulnerability,
        _ => {}
    }
    if evidence.has_cve_or_cvss {
        return Kind::Vulnerability;
    }
    let body = count(evidence.body);
    let (incident, vulnerability) = (subject.0 + body.0, subject.1 + body.1);
    match incident.cmp(&vulnerability) {
        std::cmp::Ordering::Greater => Kind::Incident,
        std::cmp::Ordering::Less => Kind::Vulnerability,
        std::cmp::Ordering::Equal => Kind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipients(addrs: &[&str]) -> Vec<String> {
        addrs.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn plus_tags_name_the_kind() {
        let cases = [
            ("security+incident@example.com", Some(Kind::Incident)),
            (
                "Desk <security+incidente@example.com>",
                Some(Kind::Incident),
            ),
            ("security+vuln@example.com", Some(Kind::Vulnerability)),
            (
                "security+Vulnerability@example.com",
                Some(Kind::Vulnerability),
            ),
            (
                "security+vulnerabilità@example.com",
                Some(Kind::Vulnerability),
            ),
            ("security+urgent@example.com", None),
            ("security@example.com", None),
        ];
        for (addr, expected) in cases {
            assert_eq!(from_recipients(&recipients(&[addr])), expected, "{addr}");
        }
    }

    #[test]
    fn label_values_in_both_languages() {
        assert_eq!(
            from_label_value("Evento imprevisto per la sicurezza"),
            Some(Kind::Incident)
        );
        assert_eq!(from_label_value("Vulnerabilità"), Some(Kind::Vulnerability));
        assert_eq!(from_label_value("security incident"), Some(Kind::Incident));
        assert_eq!(from_label_value("incident or vulnerability"), None);
        assert_eq!(from_label_value("other"), None);
    }
}
