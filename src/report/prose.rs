//! Free prose: a remediation is taken from it only when a sentence plainly
//! offers one. Precision over recall: a sentence that negates ("no fix is
//! available yet") or asks is not a remediation.

use std::sync::LazyLock;

use regex::Regex;

static REMEDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:mitigat\w*|workarounds?|fix(?:ed|es)?|patch(?:ed|es)?|upgrad(?:e|ing)\s+to|updat(?:e|ing)\s+to|mitigazion[ei]|mitigar\w*|correzion[ei]|aggiornare|aggiornando|aggiornamento\s+al(?:la)?)\b",
    )
    .expect("valid regex")
});

static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:no|not|none|nessun[oa]?|non|without|senza|yet|ancora)\b|n't\b")
        .expect("valid regex")
});

/// Sentences kept at most, and their longest length in characters.
const MAX_SENTENCES: usize = 3;
const MAX_SENTENCE_CHARS: usize = 500;

/// The sentences of `text` that offer a fix, workaround or mitigation.
pub(super) fn remediation_sentences(text: &str) -> Option<String> {
    let picked: Vec<String> = sentences(text)
        .filter(|s| s.chars().count() <= MAX_SENTENCE_CHARS)
        .filter(|s| REMEDY.is_match(s) && !NEGATION.is_match(s) && !s.ends_with('?'))
        .take(MAX_SENTENCES)
        .collect();
    (!picked.is_empty()).then(|| picked.join(" "))
}

/// Sentences of a text whose lines may be wrapped: paragraphs are joined,
/// then cut after `.`, `!` or `?` followed by white space (so that "2.4.1"
/// stays whole).
fn sentences(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n").flat_map(|paragraph| {
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = joined.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' ') {
                out.push(joined[start..=i].trim().to_owned());
                start = i + 1;
            }
        }
        out.push(joined[start..].trim().to_owned());
        out.into_iter().filter(|s| !s.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sentences_that_offer_a_fix_are_kept() {
        let text = "The login form is vulnerable to SQL injection.\nUpgrade to version\n2.4.1, which sanitises the input. \
                    No patch exists for 1.x yet. Is there a workaround?";
        assert_eq!(
            remediation_sentences(text).as_deref(),
            Some("Upgrade to version 2.4.1, which sanitises the input.")
        );
        assert_eq!(
            remediation_sentences("Non esiste ancora una correzione."),
            None
        );
        assert_eq!(
            remediation_sentences("Come mitigazione si può disabilitare il modulo.").as_deref(),
            Some("Come mitigazione si può disabilitare il modulo.")
        );
    }
}
