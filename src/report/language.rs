//! English or Italian, by counting common function words.

use std::sync::LazyLock;

use regex::Regex;

use super::Language;

/// Words counted per text: enough to decide, bounded work on a long mail.
const MAX_WORDS: usize = 5_000;

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}+").expect("valid regex"));

/// Italian function words, and words of the Italian labels, which count
/// three times: a report that follows the Italian form is Italian even when
/// its values are short or technical.
const ITALIAN: &[&str] = &[
    "il",
    "lo",
    "la",
    "gli",
    "le",
    "di",
    "che",
    "per",
    "non",
    "una",
    "uno",
    "sono",
    "della",
    "delle",
    "dello",
    "dei",
    "degli",
    "del",
    "è",
    "con",
    "nel",
    "nella",
    "nei",
    "alla",
    "alle",
    "al",
    "ai",
    "questo",
    "questa",
    "anche",
    "come",
    "ma",
    "più",
    "può",
    "sul",
    "sulla",
    "essere",
    "stato",
    "stata",
    "viene",
    "abbiamo",
    "ho",
    "hanno",
    "ci",
    "si",
    "se",
    "dal",
    "dalla",
    "tra",
    "grazie",
    "buongiorno",
    "salve",
    "cordiali",
    "saluti",
    "ed",
    "tutti",
    "quindi",
    "e",
    "da",
    "vi",
    "mi",
    "ti",
    "voi",
    "noi",
    "me",
    "io",
    "secondo",
    "ancora",
    "dopo",
    "ogni",
    "loro",
    "nostro",
    "nostra",
    "vostro",
    "vostra",
    "sembra",
    "subito",
];
const ITALIAN_LABELS: &[&str] = &[
    "vulnerabilità",
    "problema",
    "riscontrato",
    "descrizione",
    "risoluzione",
    "mitigazione",
    "correzione",
    "eventuale",
    "messaggio",
    "clienti",
    "inviare",
    "incidente",
    "evento",
    "imprevisto",
    "categoria",
    "tipo",
    "gravità",
    "versione",
    "aggiornare",
];
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "is",
    "that",
    "with",
    "for",
    "this",
    "are",
    "was",
    "be",
    "have",
    "has",
    "it",
    "an",
    "on",
    "by",
    "we",
    "you",
    "not",
    "can",
    "which",
    "from",
    "will",
    "our",
    "your",
    "there",
    "been",
    "were",
    "would",
    "should",
    "could",
    "please",
    "thanks",
    "hello",
    "regards",
    "dear",
    "found",
    "issue",
    "customers",
    "description",
    "remediation",
    "message",
    "my",
    "here",
    "see",
    "below",
    "just",
    "about",
    "if",
    "but",
    "what",
    "when",
    "they",
    "their",
    "us",
    "do",
    "any",
];

/// Italian needs some evidence and a clear lead over English: French,
/// Spanish and German mail shares a few short words with Italian ("le",
/// "la", "se"), and English is the safer answer for a language we do not
/// speak.
const MIN_ITALIAN: usize = 3;

/// Italian when Italian words clearly outnumber English ones; English otherwise.
pub(super) fn detect(texts: &[&str]) -> Language {
    let (italian, english) = tally(texts);
    if italian >= MIN_ITALIAN && italian * 2 > english * 3 {
        Language::It
    } else {
        Language::En
    }
}

/// Function words a writer's own text needs before it decides alone.
const MIN_OWN_WORDS: usize = 6;

/// The writer's language: their own words decide when there are enough of
/// them (an Italian colleague forwarding an English report writes Italian,
/// and is answered in Italian); otherwise everything, quoted text included.
pub(super) fn detect_writer(own: &[&str], all: &[&str]) -> Language {
    let (italian, english) = tally(own);
    if italian + english >= MIN_OWN_WORDS {
        detect(own)
    } else {
        detect(all)
    }
}

/// Italian and English function words counted in `texts` (labels weigh
/// three).
fn tally(texts: &[&str]) -> (usize, usize) {
    let (mut italian, mut english) = (0usize, 0usize);
    let words = texts
        .iter()
        .flat_map(|text| WORD.find_iter(text))
        .take(MAX_WORDS);
    for word in words {
        let word = word.as_str().to_lowercase();
        let word = word.as_str();
        if ITALIAN_LABELS.contains(&word) {
            italian += 3;
        } else if ITALIAN.contains(&word) {
            italian += 1;
        } else if ENGLISH.contains(&word) {
            english += 1;
        }
    }
    (italian, english)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_and_english_prose_are_told_apart() {
        assert_eq!(
            detect(&["Abbiamo trovato una falla nel modulo di login che non filtra l'input."]),
            Language::It
        );
        assert_eq!(
            detect(&["We found a flaw in the login module that does not filter the input."]),
            Language::En
        );
    }

    #[test]
    fn italian_labels_count_strongly_and_english_is_the_default() {
        assert_eq!(
            detect(&["Descrizione: XSS\nMitigazione: patch 2.4"]),
            Language::It
        );
        assert_eq!(detect(&["CVE-2024-1234"]), Language::En);
        // French or German is not Italian on the strength of "le" or "la"
        assert_eq!(
            detect(&["Bonjour, le formulaire de connexion est vulnérable."]),
            Language::En
        );
        assert_eq!(
            detect(&["Hallo, die Anmeldung ist verwundbar, siehe Anhang."]),
            Language::En
        );
        // a short Italian report is still Italian
        assert_eq!(
            detect(&["Buongiorno, ho trovato una falla nel login. Grazie"]),
            Language::It
        );
        assert_eq!(detect(&[""]), Language::En);
    }
}
