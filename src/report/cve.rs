//! CVE ids as people type them: any case, en-dashes from word processors,
//! underscores from file names (`cve_2024_1234`).

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::CveId;
use super::error::CveIdError;

/// More ids than this in one report is a list pasted from a scanner; the
/// ticket keeps the first ones.
pub(super) const MAX_CVE_IDS: usize = 100;

/// `CVE`, a year 1999–2099, a sequence number of four or more digits; the
/// separators may be any dash, an underscore or a space.
static CVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bCVE[-_ \u{00A0}\u{2010}-\u{2015}\u{2212}]?((?:19|20)[0-9]{2})[-_ \u{00A0}\u{2010}-\u{2015}\u{2212}]([0-9]{4,19})\b",
    )
    .expect("valid regex")
});

impl CveId {
    /// Read one CVE id, normalising case and separators:
    /// `cve–2024–1234` becomes `CVE-2024-1234`.
    pub fn parse(text: &str) -> Result<CveId, CveIdError> {
        let trimmed = text.trim();
        match CVE.captures(trimmed) {
            Some(caps) if caps.get(0).is_some_and(|m| m.len() == trimmed.len()) => {
                Ok(CveId(format!("CVE-{}-{}", &caps[1], &caps[2])))
            }
            _ => Err(CveIdError {
                input: text.to_owned(),
            }),
        }
    }
}

/// Every CVE id in `text`, normalised, without duplicates, in order of first
/// appearance, at most [`MAX_CVE_IDS`].
pub(super) fn find_cves(text: &str) -> Vec<CveId> {
    let mut seen = HashSet::new();
    let mut ids = Vec::new();
    for caps in CVE.captures_iter(text) {
        let id = CveId(format!("CVE-{}-{}", &caps[1], &caps[2]));
        if seen.insert(id.clone()) {
            ids.push(id);
            if ids.len() == MAX_CVE_IDS {
                break;
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        find_cves(text)
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect()
    }

    #[test]
    fn ids_are_normalised_deduplicated_and_kept_in_order() {
        let text = "Fixes cve-2024-12345 and CVE–2023–0001 (see CVE_2024_12345, \
                    CVE-2024-12345 and https://nvd.nist.gov/vuln/detail/CVE-2021-44228).";
        assert_eq!(
            ids(text),
            ["CVE-2024-12345", "CVE-2023-0001", "CVE-2021-44228"]
        );
    }

    #[test]
    fn short_numbers_and_odd_years_are_not_ids() {
        assert!(ids("CVE-2024-123 CVE-1899-12345 XCVE-2024-1234 CVE-2024-1234a").is_empty());
    }

    #[test]
    fn parse_accepts_one_id_only() {
        assert_eq!(
            CveId::parse(" cve-2021-44228 ").map(|c| c.as_str().to_owned()),
            Ok("CVE-2021-44228".to_owned())
        );
        assert!(CveId::parse("CVE-2021-44228 and more").is_err());
        assert!(CveId::parse("CVE-21-44228").is_err());
    }
}
