//! Preparing the text of a mail for extraction: bounding it, separating the
//! writer's own words from quoted and forwarded text, and trimming the
//! greeting, the sign-off and the signature so that none of them becomes the
//! description.

use std::sync::LazyLock;

use regex::Regex;

/// How much of a body extraction reads (200 KiB). Reports are short and put
/// what the desk needs (labels, CVE ids, the vector) first; a larger body is
/// a pasted log or an attack on the parser, and reading only a prefix keeps
/// the work per mail bounded.
pub(super) const MAX_SCAN_BYTES: usize = 200 * 1024;

/// Longest value kept for a text field (description, remediation, customer
/// message), in characters: the ticket shows it and replies quote it.
pub(super) const MAX_FIELD_CHARS: usize = 4_000;

/// The last lines of a mail where a sign-off is looked for.
const SIGN_OFF_WINDOW_LINES: usize = 12;

/// `-----Original Message-----`, `---------- Forwarded message ---------`,
/// `Inizio messaggio inoltrato:` and the like.
static ORIGINAL_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*[-_=]*\s*(?:original\s+message|forwarded\s+message|begin\s+forwarded\s+message|messaggio\s+originale|messaggio\s+inoltrato|inizio\s+messaggio\s+inoltrato)\s*:?\s*[-_=]*\s*$",
    )
    .expect("valid regex")
});

/// Header lines at the top of a forwarded or Outlook-quoted message.
static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:from|da|sent|inviato|date|data|to|a|cc|ccn|bcc|subject|oggetto|reply-to)\s*:",
    )
    .expect("valid regex")
});

/// "On Mon, 3 Jun 2024, Ann <ann@example.com> wrote:", "Il giorno ... ha scritto:".
static FROM_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:from|da)\s*:").expect("valid regex"));

static SENT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:sent|inviato|date|data|inviato\s+il)\s*:").expect("valid regex")
});

static UNDERSCORES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*_{10,}\s*$").expect("valid regex"));

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:on\s.{0,300}\bwrote|il\s.{0,300}\bha\s+scritto|.{0,300}\bscrisse)\s*:\s*$",
    )
    .expect("valid regex")
});

/// A greeting with its punctuation, at the start of the first line.
static GREETING_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:{GREETINGS})\b[^,!:;.\n]{{0,50}}[,!:;]\s*"
    ))
    .expect("valid regex")
});

/// A first line that is nothing but a greeting ("Hello team").
static GREETING_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*(?:{GREETINGS})\b[^:\n]{{0,40}}$")).expect("valid regex")
});

const GREETINGS: &str = r"hello|hi|hey|dear|good\s+(?:morning|afternoon|evening|day)|greetings|to\s+whom\s+it\s+may\s+concern|buongiorno|buonasera|buon\s+pomeriggio|salve|ciao|gentil[ei]ssim[oaie]|gentil[ei]|spett\.?le|spettabile|egregi[oa]|car[oaie]|alla\s+(?:cortese\s+)?attenzione";

/// A sign-off, alone or with a short name ("Thanks, Ann"): the rest of the
/// mail is the writer's name and contacts.
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:best|kind|warm|warmest|many)\s+(?:regards|wishes|thanks)|regards|best|cheers|thanks(?:\s+(?:again|in\s+advance|a\s+lot))?|thank\s+you(?:\s+(?:in\s+advance|again|very\s+much))?|sincerely|yours(?:\s+(?:truly|sincerely|faithfully))?|respectfully|cordiali\s+saluti|distinti\s+saluti|saluti(?:\s+cordiali)?|un\s+(?:cordiale\s+)?saluto|grazie(?:\s+(?:mille|in\s+anticipo|ancora))?|cordialmente|buona\s+giornata|a\s+presto)\b(?:[,\s]+[\p{L}.'-]+(?:\s+[\p{L}.'-]+){0,2})?[\s,.!]*$",
    )
    .expect("valid regex")
});

/// A closing paragraph that offers more help; only counts when it starts a
/// paragraph, because a customer message may say the same to customers.
static AFTERWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:please\s+)?let\s+(?:me|us)\s+know|feel\s+free|do\s+not\s+hesitate|don't\s+hesitate|looking\s+forward|(?:resto|rimango|restiamo|rimaniamo)\s+a\s+(?:vostra\s+|tua\s+)?disposizione|non\s+esit\w+|fate(?:mi|ci)\s+sapere)\b[^\n]{0,120}$",
    )
    .expect("valid regex")
});

/// "Sent from my iPhone", "Inviato da iPhone", "Get Outlook for Android".
static SENT_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:sent\s+from\s+my\b|inviato\s+da\s+(?:il\s+mio\s+|mio\s+)?(?:iphone|ipad|android|smartphone|outlook|samsung|dispositivo)|get\s+outlook\s+for\b)")
        .expect("valid regex")
});

/// A legal disclaimer's first words: the paragraph is the company's, not
/// the report's ("no fix is implied", "any security breach").
static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*[*_\[(]*\s*(?:
            confidentiality\s+(?:notice|note|warning)|disclaimer|legal\s+notice|privileged\s+(?:and|&)\s+confidential|
            this\s+(?:e-?mail|message|communication)(?:\s+and\s+any\s+(?:attachments?|files?)(?:\s+transmitted\s+with\s+it)?)?\s+(?:is|are|may\s+contain|contains?)\s+(?:strictly\s+)?(?:confidential|privileged|intended)|
            if\s+you\s+(?:have\s+)?received\s+this\s+(?:e-?mail|message)\s+in\s+error|
            the\s+information\s+(?:contained\s+)?in\s+this\s+(?:e-?mail|message)|
            avviso\s+di\s+riservatezza|informativa\s+(?:sulla\s+)?privacy|clausola\s+di\s+riservatezza|
            (?:questo|il\s+presente)\s+(?:messaggio|e-?mail)(?:\s+e\s+(?:i\s+suoi|gli\s+eventuali)\s+allegati)?\s+(?:è|e'|sono|contiene|può\s+contenere|potrebbe\s+contenere)|
            le\s+informazioni\s+contenute\s+(?:in\s+questo|nel\s+presente)|
            se\s+(?:avete|hai)\s+ricevuto\s+(?:questo|il\s+presente)\s+(?:messaggio|e-?mail)\s+per\s+errore|
            ai\s+sensi\s+del\s+(?:d\.?\s*lgs|regolamento|gdpr)
        )",
    )
    .expect("valid regex")
});

/// Drop every paragraph that is a legal disclaimer.
fn without_disclaimers(text: &str) -> String {
    text.split("\n\n")
        .filter(|paragraph| !DISCLAIMER.is_match(paragraph))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The longest prefix of `text` of at most `max` bytes that ends on a
/// character boundary.
pub(super) fn prefix_at_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// At most `max` characters of `text`.
pub(super) fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => text[..end].trim_end().to_owned(),
        None => text.to_owned(),
    }
}

/// `\r\n` and lone `\r` to `\n`.
pub(super) fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The writer's own lines, and the lines they quote or forward.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Parts {
    pub(super) own: String,
    pub(super) quoted: String,
    /// Who wrote what is quoted: attribution lines ("On … X wrote:") and
    /// the `From:` lines of forwarded headers.
    pub(super) authors: Vec<String>,
}

/// Separate quoted (`> `) and forwarded or Outlook-quoted text from the
/// writer's own; drop attribution lines and the header block of a forward.
pub(super) fn split_quoted(text: &str) -> Parts {
    let mut parts = Parts::default();
    let mut in_original = false;
    let mut in_headers = false;
    // a `>` block right after an own line that introduces it ("Something
    // along these lines might work:", a "## Suggested text" heading) is the
    // writer's own, quoted as markdown does
    let mut introduces = false;
    let mut in_own_quote = false;
    let lines: Vec<&str> = text.lines().collect();
    // the second line of an attribution Gmail wrapped ("On Wed, … Desk" then
    // "<security@example.com> wrote:")
    let mut wrapped_attribution = false;
    for (i, &line) in lines.iter().enumerate() {
        if std::mem::take(&mut wrapped_attribution) {
            continue;
        }
        let (is_quoted, line) = match dequote(line) {
            Some(inner) => (true, inner),
            None => (false, line),
        };
        // Outlook quotes the original under a bare header block ("Da: …"
        // then "Inviato: …"), often after a line of underscores
        let outlook_block = |at: usize| {
            lines.get(at).is_some_and(|l| FROM_LINE.is_match(l))
                && lines.get(at + 1).is_some_and(|l| SENT_LINE.is_match(l))
        };
        if !in_original && UNDERSCORES.is_match(line) && outlook_block(i + 1) {
            continue;
        }
        if ORIGINAL_SEPARATOR.is_match(line) || (!in_original && outlook_block(i)) {
            in_original = true;
            in_headers = true;
            if FROM_LINE.is_match(line) {
                parts.authors.push(line.to_owned());
            }
            continue;
        }
        if in_headers {
            if line.trim().is_empty() || HEADER_LINE.is_match(line) {
                if FROM_LINE.is_match(line) {
                    parts.authors.push(line.to_owned());
                }
                in_headers = !line.trim().is_empty();
                continue;
            }
            in_headers = false;
        }
        if ATTRIBUTION.is_match(line) {
            parts.authors.push(line.to_owned());
            continue;
        }
        if !is_quoted
            && let Some(next) = lines.get(i + 1)
            && !ATTRIBUTION.is_match(next)
            && let joined = format!("{line} {next}")
            && ATTRIBUTION.is_match(&joined)
            && lines
                .get(i + 2)
                .is_some_and(|l| l.trim().is_empty() || dequote(l).is_some())
        {
            parts.authors.push(joined);
            wrapped_attribution = true;
            continue;
        }
        if is_quoted && !in_original && (introduces || in_own_quote) {
            in_own_quote = true;
            parts.own.push_str(line);
            parts.own.push('\n');
            continue;
        }
        if !line.trim().is_empty() {
            in_own_quote = false;
            introduces = !is_quoted && {
                let t = line.trim();
                // a colon, a heading, or a bold label line
                t.ends_with(':')
                    || t.starts_with('#')
                    || (t.len() > 4 && t.starts_with("**") && t.ends_with("**"))
            };
        }
        let target = if in_original || is_quoted {
            &mut parts.quoted
        } else {
            &mut parts.own
        };
        target.push_str(line);
        target.push('\n');
    }
    parts
}

/// The text of a quoted line without its `>` markers.
fn dequote(line: &str) -> Option<&str> {
    let mut rest = line.trim_start().strip_prefix('>')?;
    loop {
        rest = rest.strip_prefix(' ').unwrap_or(rest);
        match rest.strip_prefix('>') {
            Some(inner) => rest = inner,
            None => return Some(rest),
        }
    }
}

/// Drop the greeting, the sign-off with what follows it, and the signature.
pub(super) fn trim_mail(text: &str) -> String {
    let text = without_disclaimers(text);
    let mut lines: Vec<&str> = text.lines().collect();

    if let Some(cut) = lines
        .iter()
        .position(|l| l.trim_end() == "--" || SENT_FROM.is_match(l))
    {
        lines.truncate(cut);
    }

    let non_empty: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let window_start = non_empty
        .len()
        .checked_sub(SIGN_OFF_WINDOW_LINES)
        .map_or(0, |i| non_empty[i]);
    let sign_off = (window_start..lines.len()).find(|&i| {
        let starts_paragraph = i == 0 || lines[i - 1].trim().is_empty();
        lines[i].len() <= 160
            && (SIGN_OFF.is_match(lines[i]) || (starts_paragraph && AFTERWORD.is_match(lines[i])))
    });
    if let Some(cut) = sign_off {
        lines.truncate(cut);
    }

    let mut out = String::with_capacity(text.len());
    let mut greeting_checked = false;
    for line in lines {
        let mut line = line;
        if !greeting_checked && !line.trim().is_empty() {
            greeting_checked = true;
            if let Some(m) = GREETING_PREFIX.find(line) {
                line = &line[m.end()..];
            } else if GREETING_LINE.is_match(line) && line.split_whitespace().count() <= 6 {
                line = "";
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_matches('\n').to_owned()
}

/// Trim lines, drop blank lines at both ends and runs of blank lines.
pub(super) fn tidy<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut blank_pending = false;
    for line in lines {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if blank_pending {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank_pending = false;
        out.push_str(line.trim_start_matches(['\u{feff}']));
    }
    out
}

/// Words of three letters or more that are not `CVE`/`CVSS`: how much prose
/// a text holds, apart from ids and vectors.
pub(super) fn prose_words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .filter(|w| !w.eq_ignore_ascii_case("cve") && !w.eq_ignore_ascii_case("cvss"))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_and_forwarded_text_is_set_apart() {
        let text = "FYI see below\n\nOn Mon, 3 Jun 2024, Ann <ann@example.com> wrote:\n> Description: XSS\n>> nested\n\
                    ---------- Forwarded message ---------\nFrom: Bob <bob@example.com>\nSubject: hi\n\nForwarded body\n";
        let parts = split_quoted(text);
        assert_eq!(parts.own, "FYI see below\n\n");
        assert_eq!(parts.quoted, "Description: XSS\nnested\nForwarded body\n");
    }

    #[test]
    fn greeting_sign_off_and_signature_are_trimmed() {
        let text = "Hi team,\nWe found an XSS in the login page.\n\nBest regards,\nAnn\nACME\n-- \nAnn, ACME Corp";
        assert_eq!(trim_mail(text), "We found an XSS in the login page.");
        let text = "Buongiorno, abbiamo trovato una falla.\n\nResto a disposizione.\nCordiali saluti\nMario";
        assert_eq!(trim_mail(text), "abbiamo trovato una falla.");
    }

    #[test]
    fn prefix_respects_character_boundaries() {
        assert_eq!(prefix_at_boundary("è", 1), "");
        assert_eq!(truncate_chars("àèì", 2), "àè");
    }
}
