//! Recognising a status request: a mail that asks where a ticket stands.
//!
//! Reporters and staff may write at any time for the status of a ticket
//! (seed step 3). A mail is a status request when
//!
//! * its subject, without reply or forward prefixes and without the
//!   confirmation number, is only "status" or "stato" (or "status request",
//!   "richiesta stato", "status of", "stato della" …), in any case and with
//!   any punctuation, or
//! * its new text (quotes and signature already removed) is a short question
//!   about the status: at most eight words besides the number, one of them
//!   "status" or "stato", and either a question mark or only request words
//!   ("status please", "stato, grazie").
//!
//! A subject that merely contains "status" among other words
//! (`Re: [SEC-…] XSS in login — status?`) is an ordinary follow-up, and so is
//! a short body with other numbers in it ("we still get HTTP status 500?"):
//! those are about something else.

use std::sync::LazyLock;

use regex::Regex;

use crate::ticket::ConfirmationNumber;
use crate::ticket::number::NumberPrefix;

/// A mail that asks for the status of a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusRequest {
    /// The ticket asked about, from the subject or else the body; `None`
    /// when the mail names no valid number (the answer should ask for it).
    pub number: Option<ConfirmationNumber>,
}

/// Whether a mail is a status request, and for which number.
pub fn is_status_request(
    subject: &str,
    new_text: &str,
    prefix: &NumberPrefix,
) -> Option<StatusRequest> {
    if !(subject_asks(subject, prefix) || body_asks(new_text, prefix)) {
        return None;
    }
    let number = ConfirmationNumber::find_all(subject, prefix)
        .into_iter()
        .next()
        .or_else(|| {
            ConfirmationNumber::find_all(new_text, prefix)
                .into_iter()
                .next()
        });
    Some(StatusRequest { number })
}

/// Reply and forward prefixes, stacked, as clients in many languages write
/// them (`Re: R: AW: Fwd: I: …`). One-letter `R:` and `I:` are safe to strip
/// here, because what is left must then be only a status word anyway.
static SUBJECT_PREFIXES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s*(?:re|r|rif|ref|aw|wg|antw|sv|vs|odp|fwd|fw|i|tr|rv|enc|vb|vl|pd|回复|回覆)\s*(?:\[\d+\]|\(\d+\))?\s*[:：])*",
    )
    .expect("the subject prefix pattern is valid")
});

/// The words that make a subject or a short body about the status.
const STATUS_WORDS: &[&str] = &["status", "stato"];
/// Words that may surround the status word in a subject.
const SUBJECT_FILLER: &[&str] = &[
    "request",
    "richiesta",
    "of",
    "for",
    "ticket",
    "di",
    "del",
    "della",
    "dello",
    "per",
    "segnalazione",
];

/// Words that may surround "status" in a body that asks nothing else.
const REQUEST_WORDS: &[&str] = &[
    "status",
    "stato",
    "please",
    "pls",
    "request",
    "richiesta",
    "the",
    "of",
    "for",
    "my",
    "our",
    "ticket",
    "current",
    "update",
    "il",
    "lo",
    "di",
    "del",
    "della",
    "dello",
    "mio",
    "mia",
    "attuale",
    "aggiornamento",
    "segnalazione",
    "per",
    "favore",
    "cortesia",
    "hi",
    "hello",
    "ciao",
    "salve",
    "buongiorno",
    "thanks",
    "thank",
    "you",
    "grazie",
];

/// Most words a body may have, not counting the number, to be a request.
const MAX_BODY_WORDS: usize = 8;

fn subject_asks(subject: &str, prefix: &NumberPrefix) -> bool {
    let rest = SUBJECT_PREFIXES
        .find(subject)
        .map_or(subject, |prefixes| &subject[prefixes.end()..]);
    let words = words_without_numbers(rest, prefix);
    words
        .iter()
        .any(|word| STATUS_WORDS.contains(&word.as_str()))
        && words.iter().all(|word| {
            STATUS_WORDS.contains(&word.as_str()) || SUBJECT_FILLER.contains(&word.as_str())
        })
}

fn body_asks(new_text: &str, prefix: &NumberPrefix) -> bool {
    let words = words_without_numbers(new_text, prefix);
    if words.is_empty()
        || words.len() > MAX_BODY_WORDS
        || !words
            .iter()
            .any(|word| STATUS_WORDS.contains(&word.as_str()))
        || words
            .iter()
            .any(|word| word.chars().any(|c| c.is_ascii_digit()))
    {
        return false;
    }
    new_text.contains('?')
        || words
            .iter()
            .all(|word| REQUEST_WORDS.contains(&word.as_str()))
}

/// The lower-case words of `text`, leaving out confirmation numbers, valid
/// or mistyped (a request with a mistyped number is still a request; the
/// answer asks for the number). A word is a run of letters, digits and inner
/// hyphens or apostrophes, so a number such as `SEC-7KQ3-M9PX` stays one word.
fn words_without_numbers(text: &str, prefix: &NumberPrefix) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|word| word.trim_matches(['-', '\'', '’']))
        .filter(|word| !word.is_empty())
        .filter(|word| !is_number_attempt(word, prefix))
        .flat_map(|word| {
            // "qual'è" and "what's" are two words.
            word.split(['\'', '’'])
                .filter(|part| !part.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A valid number, or a word that starts with the prefix and goes on with
/// digits or a hyphen, like a mistyped one (`SEC-7KQ3-M9PA`); "secure" is
/// not one.
fn is_number_attempt(word: &str, prefix: &NumberPrefix) -> bool {
    let core = prefix.as_str().trim_end_matches('-');
    let looks_like_one = word
        .get(..core.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(core))
        && word[core.len()..].contains(|c: char| c.is_ascii_digit() || c == '-');
    looks_like_one || ConfirmationNumber::parse(word, prefix).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix() -> NumberPrefix {
        NumberPrefix::parse("SEC-").expect("valid prefix")
    }

    fn number() -> ConfirmationNumber {
        ConfirmationNumber::generate(&prefix(), &mut rand::rng())
    }

    fn asks(subject: &str, body: &str) -> Option<StatusRequest> {
        is_status_request(subject, body, &prefix())
    }

    #[test]
    fn subject_that_is_only_status_and_the_number_is_a_request() {
        let n = number();
        for subject in [
            format!("status {n}"),
            format!("Status {n}"),
            format!("STATO {n}"),
            format!("{n} status?"),
            format!("Status request {n}"),
            format!("Richiesta stato {n}"),
            format!("richiesta di stato: {n}"),
            format!("Status of {n}"),
            format!("Re: R: [{n}] status"),
            format!("RE: stato - {n}"),
            format!("Fwd: status ({})", n.as_str().to_lowercase()),
        ] {
            assert_eq!(
                asks(
                    &subject,
                    "Some longer text about other things, not a question."
                ),
                Some(StatusRequest {
                    number: Some(n.clone())
                }),
                "{subject}"
            );
        }
    }

    #[test]
    fn subject_status_without_a_number_is_a_request_without_number() {
        assert_eq!(asks("status", ""), Some(StatusRequest { number: None }));
        assert_eq!(asks("Stato?", ""), Some(StatusRequest { number: None }));
    }

    #[test]
    fn subject_mentioning_status_among_other_words_is_not_a_request() {
        let n = number();
        for subject in [
            format!("Re: [{n}] XSS in login - status?"),
            format!("[{n}] Status page leaks tokens"),
            format!("Re: [{n}] HTTP status codes reveal users"),
            format!("{n}"),
            "Statuses".to_string(),
        ] {
            assert_eq!(
                asks(&subject, "We found another issue on the status page."),
                None,
                "{subject}"
            );
        }
    }

    #[test]
    fn short_body_asking_for_the_status_is_a_request() {
        let n = number();
        for body in [
            "status",
            "Stato",
            "status?",
            "What is the status?",
            "Qual è lo stato?",
            "qual'è lo stato della segnalazione?",
            "Hi, status please. Thanks",
            "Stato, grazie.",
            "Any news on the status?",
        ] {
            assert_eq!(
                asks(&format!("Re: [{n}] XSS in login"), body),
                Some(StatusRequest {
                    number: Some(n.clone())
                }),
                "{body}"
            );
        }
    }

    #[test]
    fn the_number_comes_from_the_body_when_the_subject_has_none() {
        let n = number();
        assert_eq!(
            asks("question", &format!("What is the status of {n}?")),
            Some(StatusRequest {
                number: Some(n.clone())
            })
        );
        assert_eq!(
            asks("question", &format!("stato {}", n.as_str().to_lowercase())),
            Some(StatusRequest { number: Some(n) })
        );
    }

    #[test]
    fn a_request_with_a_mistyped_number_is_a_request_without_number() {
        let n = number();
        let mut typo = n.as_str().to_string();
        let last = if typo.ends_with('A') { "B" } else { "A" };
        typo.replace_range(typo.len() - 1.., last);
        assert!(ConfirmationNumber::parse(&typo, &prefix()).is_err());
        assert_eq!(
            asks(&format!("status {typo}"), ""),
            Some(StatusRequest { number: None })
        );
        assert_eq!(
            asks("question", &format!("status of {typo}?")),
            Some(StatusRequest { number: None })
        );
        assert_eq!(asks("secure status", ""), None);
    }

    #[test]
    fn the_subject_number_wins_over_the_body_number() {
        let prefix = prefix();
        let mut rng = rand::rng();
        let in_subject = ConfirmationNumber::generate(&prefix, &mut rng);
        let in_body = ConfirmationNumber::generate(&prefix, &mut rng);
        assert_eq!(
            asks(
                &format!("Re: [{in_subject}]"),
                &format!("status of {in_body}?")
            ),
            Some(StatusRequest {
                number: Some(in_subject)
            })
        );
    }

    #[test]
    fn long_or_unrelated_bodies_are_not_requests() {
        let n = number();
        let subject = format!("Re: [{n}] XSS in login");
        for body in [
            "",
            "Thanks, here is the CVSS vector you asked for.",
            "We still see HTTP status 500 on the login page?",
            "The status page of the vendor shows the same problem, and it also affects the admin panel.",
            "Status page is down.",
            "Can you check this?",
        ] {
            assert_eq!(asks(&subject, body), None, "{body}");
        }
    }
}
