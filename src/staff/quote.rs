//! Separating what a staff member wrote from what their client quoted.
//!
//! A reply to a notification carries the whole history below (or, for
//! bottom-posters, above) the new text. Only the new text may be relayed to
//! the reporter and read for commands, so this module finds where the quoted
//! history starts, in the shapes real clients produce: the reply and forward
//! headers of Thunderbird's locales, of Outlook (classic, 365, 2019, new),
//! Gmail, Apple Mail, mutt and webmail, as collected by mailgun/talon,
//! crisp-oss/email-reply-parser and crisp-oss/email-forward-parser.
//!
//! HTML replies are cut at the client's structural marker first
//! ([`strip_html_quote`]); the caller turns what is left into text and then
//! runs [`new_text`] over it, which also catches an attribution line
//! ("On … wrote:") that the client left outside its quote element.
//!
//! The rules lean towards keeping text: a line is only taken for a quote
//! header when it has the shape of one (it ends with the "wrote:" verb of a
//! known language and carries an address, a time or a date, or it is followed
//! by a quoted block), so a sentence that merely mentions "wrote" stays.

use std::sync::LazyLock;

use regex::Regex;

/// The part of an HTML reply before its quoted history: everything before
/// the first structural marker a mail client puts around the quote (Gmail,
/// Apple Mail, Thunderbird, Outlook 2003 to 365, Outlook for Mac, Windows
/// Mail, Yahoo, Zimbra, Hotmail, ProtonMail). Without a marker the whole
/// document is returned. Case-insensitive; linear in the length of `html`.
pub fn strip_html_quote(html: &str) -> &str {
    match HTML_QUOTE_MARKER.find(html) {
        Some(marker) => &html[..marker.start()],
        None => html,
    }
}

/// The new text of a plain-text reply.
///
/// The text stops at the first quote header, forward or original-message
/// separator, Outlook header block, signature, or at a `>`-quoted block that
/// nothing new follows. A `>`-quoted block (with its attribution line) that is
/// followed by more unquoted text is an inline or bottom-posted reply: the
/// quoted lines are dropped and the unquoted parts kept. Blank lines at the
/// start and the end, and trailing whitespace at the end, are removed; every
/// other line is kept as written.
pub fn new_text(plain: &str) -> String {
    let plain = plain.strip_prefix('\u{feff}').unwrap_or(plain);
    let lines: Vec<&str> = plain.lines().collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if ends_new_text(&lines, i) {
            break;
        }
        if let Some(header_end) = attribution_at(&lines, i) {
            // A header whose quote is followed by more of the writer's text
            // introduces an inline reply; any other header ends the new text.
            let quote_start = next_non_blank(&lines, header_end);
            if quote_start < lines.len() && is_quoted(lines[quote_start]) {
                let after = quote_run_end(&lines, quote_start);
                if continues_with_new_text(&lines, after) {
                    i = after;
                    continue;
                }
            }
            break;
        }
        if is_quoted(lines[i]) {
            let after = quote_run_end(&lines, i);
            if continues_with_new_text(&lines, after) {
                i = after;
                continue;
            }
            drop_trailing_attribution(&mut kept);
            break;
        }
        kept.push(lines[i]);
        i += 1;
    }
    let first = kept
        .iter()
        .position(|line| !is_blank(line))
        .unwrap_or(kept.len());
    kept[first..].join("\n").trim_end().to_string()
}

/// Structural markers of quoted history in HTML mail. Each alternative starts
/// at the `<` of the element that opens the quote, so the cut keeps whole
/// tags. Markers are matched inside a tag's attributes only, never in text or
/// in a `<style>` block.
static HTML_QUOTE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    let class_markers = [
        "gmail_quote",           // Gmail; wraps the attribution and the quote
        "gmail_attr",            // Gmail's attribution line
        "moz-cite-prefix",       // Thunderbird's attribution line
        "moz-forward-container", // Thunderbird inline forward
        "yahoo_quoted",          // Yahoo Mail
        "protonmail_quote",      // ProtonMail
        "OutlookMessageHeader",  // Outlook 2003
    ];
    let id_markers = [
        "divRplyFwdMsg",        // Outlook 365 / Outlook.com ("x_" when requoted)
        "OLK_SRC_BODY_SECTION", // Outlook for Mac
        "appendonsend",         // Outlook 365, just before the separator
        "mail-editor-reference-message-container", // Outlook for Mac 16
        "SkyDrivePlaceholder",  // Hotmail, placed above the `&gt;` quote
        "yahoo_quoted",         // Yahoo Mail (id form)
        "zwchr",                // Zimbra's `<hr id="zwchr">`
    ];
    let pattern = format!(
        r#"(?i)<(?:[a-z][a-z0-9]*[^<>]*\bclass\s*=\s*["']?[^"'<>]*(?:{classes})|[a-z][a-z0-9]*[^<>]*\bid\s*=\s*["']?[^"'<>]*(?:{ids})|blockquote[^<>]*\btype\s*=\s*["']?cite|div[^<>]*border-top\s*:\s*solid\s+#(?:e1e1e1|b5c4df)|div[^<>]*border-top-color\s*:\s*rgb\(\s*229\s*,\s*229\s*,\s*229\s*\)|hr[^<>]*\btabindex\s*=\s*["']?-1|[a-z][a-z0-9]*[^<>]*\bdata-marker\s*=\s*["']?__DIVIDER__)"#,
        classes = class_markers.join("|"),
        ids = id_markers.join("|"),
    );
    Regex::new(&pattern).expect("the HTML quote marker pattern is valid")
});

/// "-----Original Message-----" and the forward separators of every
/// language in the catalogue, with any number of dashes and spaces.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    let phrases = [
        "original message",
        "forwarded message",
        "messaggio originale",
        "messaggio inoltrato",
        "original-nachricht",
        "ursprüngliche nachricht",
        "weitergeleitete nachricht",
        "message original",
        "message d'origine",
        "message transféré",
        "mensaje original",
        "mensaje reenviado",
        "oorspronkelijk bericht",
        "doorgestuurd bericht",
        "mensagem original",
        "mensagem encaminhada",
        "ursprungligt meddelande",
        "vidarebefordrat meddelande",
        "oprindelig meddelelse",
        "videresendt meddelelse",
        "opprinnelig melding",
        "videresendt melding",
        "alkuperäinen viesti",
        "välitetty viesti",
        "původní zpráva",
        "přeposlaná zpráva",
        "исходное сообщение",
        "перенаправленное сообщение",
        "treść oryginalnej wiadomości",
        "treść przekazanej wiadomości",
    ];
    let pattern = format!(
        r"(?i)^\s*(?:-{{2,}}\s*(?:{})|(?:begin forwarded message|inizio messaggio inoltrato|anfang der weitergeleiteten nachricht|début du message réexpédié|inicio del mensaje reenviado)\s*:)",
        phrases.join("|")
    );
    Regex::new(&pattern).expect("the separator pattern is valid")
});

/// A quote header's ending: the "wrote:" verb of a known language, or the
/// forms where the verb comes before the name or the date ("Am … schrieb
/// Max <m@x>:", "Mario ha scritto il 12/03/2025 alle 10:15:", Finnish
/// "… kirjoitti 20.10.2017 klo 17.50:"), or the Android
/// "---- John Smith wrote ----".
static ATTRIBUTION_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:
            \b(?:wrote|ha\s+scritto|hanno\s+scritto|schrieb|a\s+écrit|escribió|escreveu|schreef
               |geschreven|pisze|napisał|napisała|napsal\(a\)|napsal|skrev|kirjoitti
               |пишет|написал|написала)\s*[:：]
          | 写道\s*[:：]
          | \bföljande\s*:
          | \b(?:ha\s+scritto\s+il|kirjoitti|skrev\s+følgende\s+den|schrieb|schreef|skrev)\b.{1,120}[:：]
          | ^-{2,}.{1,100}\bwrote\s*-{2,}
        )\s*$",
    )
    .expect("the attribution pattern is valid")
});

/// The words that start a wrapped attribution (Gmail wraps at about 78
/// columns, so "On … <" continues as "john@x> wrote:"), or a leading date.
static ATTRIBUTION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:-+\s*)?(?:on|il|il giorno|in data|am|le|el|em|op|den|dne|w dniu)\b|^\s*\d{1,4}[./-]\d{1,2}[./-]\d{2,4}",
    )
    .expect("the attribution start pattern is valid")
});

/// What makes an attribution unmistakable even without a quote below it: a
/// time ("15:00", Finnish "17.50") or a year with the comma that follows the
/// date in every client's header.
static TIME_OR_DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b.*,|,.*\b(?:19|20)\d{2}\b")
        .expect("the time pattern is valid")
});

/// Outlook's header block labels, by role, in the languages of the catalogue.
/// Bold (`*From:*`) and French spacing (`De :`) are allowed, and so is no
/// space after the colon, which is what HTML-to-text turns
/// `<b>From:</b><span> John` into.
static HEADER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*\*{0,2}\s*(?:
            (?P<from>from|da|von|de|van|mittente|od|от|från|fra|lähettäjä)
          | (?P<date>sent|date|inviato|data|gesendet|datum|envoyé|enviado|fecha|verzonden|skickat|sendt|lähetetty|дата|отправлено|wysłano)
          | (?P<to>to|a|an|à|para|aan|till|til|vastaanottaja|кому|do|cc)
          | (?P<subject>subject|oggetto|betreff|objet|asunto|assunto|onderwerp|ämne|emne|aihe|тема|temat)
        )\s*:",
    )
    .expect("the header label pattern is valid")
});

/// Signature lines of mobile and webmail clients. Only taken for a
/// signature when nothing new follows them (see [`is_signature`]).
static CLIENT_SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:sent from my\b|sent from (?:outlook|mail for windows|yahoo mail|samsung|iphone|ipad|android)\b|sent with\b|sent via\b|get outlook for\b|inviato da (?:iphone|ipad|android|outlook|yahoo|libero|samsung|smartphone|dispositivo|posta)\b|inviato dal mio\b|inviato con\b|scarica outlook per\b|ottieni outlook per\b|envoyé de mon\b|envoyé depuis\b|gesendet von meinem\b|von meinem\b.{1,30}\bgesendet|enviado desde mi\b|enviado do meu\b|verzonden vanaf mijn\b|skickat från min\b|sendt fra min\b|wysłane z\b)",
    )
    .expect("the client signature pattern is valid")
});

/// How many lines after an Outlook "From:" line its header block may span
/// (To: and Cc: wrap over several lines when there are many recipients).
const HEADER_BLOCK_LINES: usize = 8;
/// Longest attribution we accept, joined: long enough for a name, an
/// address and a date in any language, short enough to rule out a paragraph.
const MAX_ATTRIBUTION_LEN: usize = 400;
/// A client signature line is short; a longer line is a sentence.
const MAX_CLIENT_SIGNATURE_LEN: usize = 60;

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn is_quoted(line: &str) -> bool {
    line.trim_start().starts_with('>')
}

fn next_non_blank(lines: &[&str], from: usize) -> usize {
    (from..lines.len())
        .find(|&i| !is_blank(lines[i]))
        .unwrap_or(lines.len())
}

/// The index just after a `>`-quoted block starting at `start`, including
/// blank lines inside it and after it.
fn quote_run_end(lines: &[&str], start: usize) -> usize {
    (start..lines.len())
        .find(|&i| !is_quoted(lines[i]) && !is_blank(lines[i]))
        .unwrap_or(lines.len())
}

/// Whether the writer's own text resumes at `from` (after a quoted block).
fn continues_with_new_text(lines: &[&str], from: usize) -> bool {
    let next = next_non_blank(lines, from);
    next < lines.len() && !ends_new_text(lines, next) && attribution_at(lines, next).is_none()
}

/// A line at which the new text certainly ends: a signature, a separator,
/// or the start of an Outlook header block.
fn ends_new_text(lines: &[&str], i: usize) -> bool {
    is_signature(lines, i) || SEPARATOR.is_match(lines[i]) || is_header_block(lines, i)
}

/// The `-- ` delimiter (also `--`, as many clients strip trailing spaces),
/// or a client's "Sent from my iPhone" line with nothing new after it.
fn is_signature(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    if line.starts_with("--") && line[2..].trim().is_empty() {
        return true;
    }
    let trimmed = line.trim();
    if trimmed.chars().count() > MAX_CLIENT_SIGNATURE_LEN
        || trimmed.ends_with('.')
        || !CLIENT_SIGNATURE.is_match(trimmed)
    {
        return false;
    }
    let next = next_non_blank(lines, i + 1);
    next == lines.len()
        || is_quoted(lines[next])
        || SEPARATOR.is_match(lines[next])
        || is_header_block(lines, next)
        || attribution_at(lines, next).is_some()
        || lines[next].starts_with("--")
}

/// Outlook's header block: a "From:" line (optionally after a line of
/// underscores, as Outlook 365 writes) with a date label and a recipient or
/// subject label in the lines right after it.
fn is_header_block(lines: &[&str], i: usize) -> bool {
    let trimmed = lines[i].trim();
    let from_line = if trimmed.len() >= 10 && trimmed.chars().all(|c| c == '_') {
        next_non_blank(lines, i + 1)
    } else {
        i
    };
    if from_line >= lines.len() || from_line > i + 2 {
        return false;
    }
    let Some(first) = HEADER_LABEL.captures(lines[from_line]) else {
        return false;
    };
    if first.name("from").is_none() {
        return false;
    }
    let (mut has_date, mut has_recipient_or_subject) = (false, false);
    let block_end = lines.len().min(from_line + 1 + HEADER_BLOCK_LINES);
    for line in &lines[from_line + 1..block_end] {
        if is_blank(line) {
            break;
        }
        if let Some(label) = HEADER_LABEL.captures(line) {
            has_date |= label.name("date").is_some();
            has_recipient_or_subject |=
                label.name("to").is_some() || label.name("subject").is_some();
        }
    }
    has_date && has_recipient_or_subject
}

/// If a quote header ("On … wrote:", "Il … ha scritto:", possibly wrapped
/// over up to three lines) starts at line `i`, the index just after it.
fn attribution_at(lines: &[&str], i: usize) -> Option<usize> {
    if is_blank(lines[i]) || is_quoted(lines[i]) {
        return None;
    }
    for end in i..lines.len().min(i + 3) {
        if end > i && (is_blank(lines[end]) || is_quoted(lines[end])) {
            return None;
        }
        // Every header ends with a colon (or the Android dashes): a cheap test
        // that spares most lines the join and the pattern.
        if !lines[end].trim_end().ends_with([':', '：', '-']) {
            continue;
        }
        // Joined, so that a verb wrapped over two lines ("ha\nscritto:") reads whole.
        let joined = lines[i..=end].join(" ");
        if joined.len() > MAX_ATTRIBUTION_LEN {
            return None;
        }
        if !ATTRIBUTION_END.is_match(&joined) {
            continue;
        }
        if end > i && !is_wrapped_start(lines[i], lines[i + 1]) {
            return None;
        }
        return (is_unmistakable_attribution(&joined) || quote_follows(lines, end + 1))
            .then_some(end + 1);
    }
    None
}

/// Whether `first` begins a header that the client wrapped onto `second`:
/// the wrap fell inside an address, or `first` opens like a header and is not
/// a finished sentence while `second` does not open a header of its own.
fn is_wrapped_start(first: &str, second: &str) -> bool {
    let first = first.trim_end();
    let second = second.trim_start();
    let wrapped_in_address = first.ends_with('<')
        || first.ends_with('(')
        || second.starts_with('<')
        || second.starts_with('(')
        || second.starts_with("mailto:");
    wrapped_in_address
        || (ATTRIBUTION_START.is_match(first)
            && !first.ends_with(['.', '!', '?'])
            && !ATTRIBUTION_START.is_match(second))
}

fn is_unmistakable_attribution(joined: &str) -> bool {
    joined.contains('@') || TIME_OR_DATED.is_match(joined)
}

/// Whether a quoted block (`>` lines) follows line `from`, after blank lines.
fn quote_follows(lines: &[&str], from: usize) -> bool {
    let next = next_non_blank(lines, from);
    next < lines.len() && is_quoted(lines[next])
}

/// The new text ended at a quoted block: if the paragraph just before it is
/// an attribution in a language we have no verb for (Russian Gmail writes
/// "30 апр. 2025 г. в 15:19, John <j@x>:"), it is part of the quote.
fn drop_trailing_attribution(kept: &mut Vec<&str>) {
    while kept.last().is_some_and(|line| is_blank(line)) {
        kept.pop();
    }
    let Some(last) = kept.last() else {
        return;
    };
    let last = last.trim_end();
    if !(last.ends_with(':') || last.ends_with('：')) {
        return;
    }
    let mut start = kept.len() - 1;
    while start > 0
        && kept.len() - start < 3
        && !is_blank(kept[start - 1])
        && is_wrapped_start(kept[start - 1], kept[start])
    {
        start -= 1;
    }
    let joined = kept[start..].join(" ");
    if joined.len() <= MAX_ATTRIBUTION_LEN && is_unmistakable_attribution(&joined) {
        kept.truncate(start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPLY: &str = "Thanks, we are looking into it.\n\nWe will write again by Friday.";

    fn assert_new_text(mail: &str, expected: &str) {
        assert_eq!(new_text(mail), expected, "in:\n{mail}");
    }

    #[test]
    fn thunderbird_english_header_ends_the_new_text() {
        let mail = format!(
            "{REPLY}\n\nOn 15/12/2024 15:00, John Smith wrote:\n> The login form is vulnerable.\n>\n> John\n"
        );
        assert_new_text(&mail, REPLY);
    }

    #[test]
    fn thunderbird_italian_header_ends_the_new_text() {
        let reply = "Grazie, stiamo verificando.\n\nVi aggiorniamo entro venerdì.";
        let mail = format!(
            "{reply}\n\nIl 12/03/2025 10:15, Mario Rossi ha scritto:\n> Il modulo di login è vulnerabile.\n"
        );
        assert_new_text(&mail, reply);
    }

    #[test]
    fn thunderbird_italian_author_only_and_author_first_headers_end_the_new_text() {
        let reply = "Confermo la gravità.";
        for header in [
            "Mario Rossi ha scritto:",
            "Mario Rossi ha scritto il 12/03/2025 alle 10:15:",
        ] {
            let mail = format!("{reply}\n\n{header}\n> testo citato\n");
            assert_new_text(&mail, reply);
        }
    }

    #[test]
    fn thunderbird_bottom_posted_reply_keeps_the_text_after_the_quote() {
        let mail = "On 04/02/2012 06:26 PM, Megan One wrote:\n> Hi \nHello";
        assert_new_text(mail, "Hello");
    }

    #[test]
    fn thunderbird_original_message_separators_end_the_new_text() {
        for separator in [
            "-------- Original Message --------",
            "-------- Messaggio originale --------",
            "-------- Messaggio Inoltrato --------",
            "-------- Forwarded Message --------",
        ] {
            let mail = format!(
                "{REPLY}\n\n{separator}\nOggetto: \tXSS\nData: \t12/03/2025\nMittente: \tMario <m@example.it>\n\nquoted"
            );
            assert_new_text(&mail, REPLY);
        }
    }

    #[test]
    fn outlook_classic_english_block_ends_the_new_text() {
        let mail = format!(
            "{REPLY}\n\n-----Original Message-----\nFrom: John Smith [mailto:john@example.com]\nSent: Monday, December 15, 2024 3:00 PM\nTo: Security Desk\nSubject: XSS in login\n\nThe login form is vulnerable.\n"
        );
        assert_new_text(&mail, REPLY);
    }

    #[test]
    fn outlook_classic_italian_block_ends_the_new_text() {
        let reply = "Buongiorno,\nabbiamo chiesto una modifica al fornitore.";
        let mail = format!(
            "{reply}\n\n-----Messaggio originale-----\nDa: Mario Rossi [mailto:mario@example.it]\nInviato: lunedì 20 luglio 2020 08:26\nA: Security Desk\nOggetto: XSS nel login\n\nIl modulo è vulnerabile.\n"
        );
        assert_new_text(&mail, reply);
    }

    #[test]
    fn outlook_block_without_separator_ends_the_new_text() {
        // Outlook.com / the talon "outlook" sample: no separator line at all.
        let mail = format!(
            "{REPLY}\n\nFrom: xxx@example.org [mailto:xxx@example.org]\nSent: March-09-12 4:22 PM\nTo: Dan Le\nSubject: The manager has commented\n\nHi dan,\n"
        );
        assert_new_text(&mail, REPLY);
    }

    #[test]
    fn new_outlook_italian_block_with_data_label_ends_the_new_text() {
        let reply = "Chiudo la segnalazione.";
        let mail = format!(
            "{reply}\n\nDa: John Doe <john.doe@acme.com>\nData: giovedì, 28 ottobre 2021 12:46\nA: Security Desk <desk@example.com>\nCc: Altri <a@example.com>\nOggetto: XSS\n\ntesto\n"
        );
        assert_new_text(&mail, reply);
    }

    #[test]
    fn outlook_365_underscore_line_and_bold_labels_are_cut_with_the_block() {
        let underscores = "_".repeat(32);
        for (from, sent, to, subject) in [
            ("From:", "Sent:", "To:", "Subject:"),
            ("*From:*", "*Sent:*", "*To:*", "*Subject:*"),
            ("Da:", "Inviato:", "A:", "Oggetto:"),
        ] {
            for before in [format!("{underscores}\n"), String::new()] {
                let mail = format!(
                    "{REPLY}\n\n{before}{from} John <john@example.com>\n{sent} Monday, December 15, 2024 3:00 PM\n{to} Desk <desk@example.com>\n{subject} XSS\n\nquoted text\n"
                );
                assert_new_text(&mail, REPLY);
            }
        }
    }

    #[test]
    fn gmail_english_header_wrapped_before_the_address_ends_the_new_text() {
        let mail = format!(
            "{REPLY}\n\nOn Mon, Dec 15, 2024 at 3:00 PM John Smith <\njohn@example.com> wrote:\n\n> The login form is vulnerable.\n"
        );
        assert_new_text(&mail, REPLY);
    }

    #[test]
    fn gmail_italian_header_wrapped_between_ha_and_scritto_ends_the_new_text() {
        let reply = "Ok, procediamo con la rimozione dell'offerta.";
        let mail = format!(
            "{reply}\n\nIl giorno mer 9 mar 2022 alle ore 20:09 Julien Grall <julien@xen.org> ha\nscritto:\n\n> testo citato\n"
        );
        assert_new_text(&mail, reply);
        let mail = format!(
            "{reply}\n\nIl giorno mer 20 gen 2021 alle ore 14:44 Robert Foss\n<robert.foss@linaro.org> ha scritto:\n\n> testo citato\n"
        );
        assert_new_text(&mail, reply);
    }

    #[test]
    fn gmail_english_header_wrapped_before_wrote_ends_the_new_text() {
        let mail = format!(
            "{REPLY}\nOn Mon, Dec 15, 2024 at 3:00 PM John Smith <john@example.com>\nwrote:\n\n> quoted\n"
        );
        assert_new_text(&mail, REPLY);
    }

    #[test]
    fn yahoo_and_hubspot_italian_forwards_end_the_new_text() {
        for separator in [
            "----- Messaggio inoltrato ----- Da: John Doe <j@acme.com>A: \"b@acme.com\" <b@acme.com>Oggetto: XSS",
            "---------- Messaggio inoltrato ---------",
        ] {
            assert_new_text(&format!("{REPLY}\n\n{separator}\nquoted\n"), REPLY);
        }
    }

    #[test]
    fn gmail_forward_ends_the_new_text() {
        let mail = format!(
            "{REPLY}\n\n---------- Forwarded message ---------\nDa: Mario <m@example.it>\nDate: mer 27 ott 2021 alle ore 09:31\nSubject: XSS\nTo: <desk@example.com>\n\nforwarded text\n"
        );
        assert_new_text(&mail, REPLY);
    }

    #[test]
    fn apple_mail_headers_and_forwards_end_the_new_text() {
        let mail = format!(
            "{REPLY}\n\nOn 15 Dec 2024, at 15:00, John Smith <john@example.com> wrote:\n\n> quoted\n"
        );
        assert_new_text(&mail, REPLY);
        for separator in ["Begin forwarded message:", "Inizio messaggio inoltrato:"] {
            let mail =
                format!("{REPLY}\n\n{separator}\n\n> Da: Mario <m@example.it>\n> Oggetto: XSS\n");
            assert_new_text(&mail, REPLY);
        }
    }

    #[test]
    fn apple_mail_quoted_header_directly_under_the_text_ends_it() {
        let mail =
            "Hello\n> On 22 Aug 2015, at 19:21, Adam <adam@example.com> wrote:\n>\n> Hi there!\n\n";
        assert_new_text(mail, "Hello");
    }

    #[test]
    fn mutt_header_and_nested_quotes_end_the_new_text() {
        let mail = format!(
            "{REPLY}\n\nOn Fri, Apr 22, 2022 at 09:05:50AM +0200, Marcus Meissner wrote:\n> > nested\n> quoted\n"
        );
        assert_new_text(&mail, REPLY);
    }

    #[test]
    fn outlook_2019_indented_quote_after_header_ends_the_new_text() {
        let mail = format!(
            "\u{feff}{REPLY}\n\nOn 28/10/2021, 12:46, \"John Doe\" <john.doe@acme.com> wrote:\n\n    The login form is vulnerable.\n    John\n"
        );
        assert_new_text(&mail, REPLY);
        let reply = "Confermato.";
        let mail = format!(
            "{reply}\n\nIl giorno 28/10/2021, 12:46 \"John Doe\" <john.doe@acme.com> ha scritto:\n\n    testo citato\n"
        );
        assert_new_text(&mail, reply);
    }

    #[test]
    fn other_client_italian_in_data_header_ends_the_new_text() {
        let reply = "Grazie.";
        let mail = format!(
            "{reply}\n\nIn data 11 ottobre 2017 21:11:31 \"John Doe - Stripe\" <s.test.i@mail.stripe.com> ha scritto:\n\ntesto\n"
        );
        assert_new_text(&mail, reply);
    }

    #[test]
    fn headers_in_other_languages_end_the_new_text() {
        for header in [
            "Am 12.03.2025 um 10:15 schrieb Max Muster <max@example.de>:",
            "Le 12/03/2025 à 10:15, Jean Dupont a écrit :",
            "El 12/03/2025 a las 10:15, Juan escribió:",
            "Op 12-03-2025 om 10:15 schreef Jan:",
            "Em 12/03/2025 10:15, João escreveu:",
            "Den 12.03.2025 kl. 10:15, skrev Sven:",
            "Dne 12.03.2025 v 10:15 Jan Novák napsal(a):",
            "12.03.2025 10:15, Иван пишет:",
            "---- John Smith wrote ----",
        ] {
            let mail = format!("{REPLY}\n\n{header}\n\n> quoted\n");
            assert_new_text(&mail, REPLY);
        }
    }

    #[test]
    fn unknown_language_attribution_before_a_final_quote_is_dropped() {
        let mail = "Hello\n02.04.2012 14:20 пользователь \"bob@example.org\" <\nbob@example.org> написал:\n\n> Hi\n";
        assert_new_text(mail, "Hello");
        let mail = "Hello\n\nср, 30 апр. 2025 г. в 15:19, John Doe <doe@example.com>:\n\n> Hi\n";
        assert_new_text(mail, "Hello");
    }

    #[test]
    fn dash_dash_space_signature_and_everything_after_it_is_removed() {
        let mail = format!(
            "{REPLY}\n\n-- \nJane Doe\nSecurity Desk\n\nOn Tuesday, April 3, 2012 at 4:55 PM, xxx wrote:\n> Hi\n"
        );
        assert_new_text(&mail, REPLY);
        let mail = format!("{REPLY}\n--\nJane");
        assert_new_text(&mail, REPLY);
    }

    #[test]
    fn mobile_signatures_are_removed() {
        for signature in [
            "Sent from my iPhone",
            "Inviato da iPhone",
            "Inviato dal mio dispositivo Samsung",
            "Get Outlook for iOS<https://aka.ms/o0ukef>",
        ] {
            let mail = format!(
                "{REPLY}\n\n{signature}\n\nOn Apr 3, 2012, at 4:19 PM, bob <bob@example.com> wrote:\n\n> Hi\n"
            );
            assert_new_text(&mail, REPLY);
            assert_new_text(&format!("{REPLY}\n\n{signature}\n"), REPLY);
        }
    }

    #[test]
    fn sentence_starting_like_a_mobile_signature_stays() {
        let text = "Inviato da noi al fornitore il 3 marzo\ne confermato il giorno dopo.";
        assert_new_text(text, text);
    }

    #[test]
    fn inline_reply_keeps_the_answers_and_drops_the_quoted_lines() {
        let mail = "Thanks, see below.\n\n> Is the admin panel affected?\n\nYes, from version 2.1.\n\n> Is there a fix?\n> Please advise.\n\nNot yet.\n\nOn 15/12/2024 15:00, John Smith wrote:\n> old\n";
        let kept = new_text(mail);
        assert_eq!(
            kept,
            "Thanks, see below.\n\nYes, from version 2.1.\n\nNot yet."
        );
        assert!(!kept.contains('>'));
    }

    #[test]
    fn inline_reply_under_a_header_drops_the_header_too() {
        let mail = "On 15/12/2024 15:00, John Smith wrote:\n> Is the admin panel affected?\n\nYes.\n\n> Is there a fix?\nNot yet.\n";
        assert_new_text(mail, "Yes.\n\nNot yet.");
    }

    #[test]
    fn sentences_that_mention_wrote_stay() {
        for text in [
            "The researcher wrote: the fix is in 2.3.1, please check.",
            "As the publisher wrote:\n\nthe offer will be updated tomorrow.",
            "On Monday the publisher wrote:\nthey will patch it.",
            "Il fornitore ha scritto:\nla patch arriva domani.",
        ] {
            assert_new_text(text, text);
        }
    }

    #[test]
    fn text_line_right_above_a_header_is_not_taken_for_its_first_line() {
        for (text, header) in [
            (
                "Il fornitore ha confermato.",
                "Il 12/03/2025 10:15, Mario Rossi ha scritto:",
            ),
            ("I saw the report", "On 15/12/2024 15:00, John Smith wrote:"),
            (
                "On it",
                "On Mon, Dec 15, 2024 at 3:00 PM John <j@example.com> wrote:",
            ),
        ] {
            let mail = format!("{text}\n{header}\n> quoted\n");
            assert_new_text(&mail, text);
        }
    }

    #[test]
    fn header_block_flattened_from_html_is_recognised() {
        let mail = "Allo!\n\u{a0}\nFrom:xxx@example.org [mailto:xxx@example.org]\nSent:March-09-12 4:22 PM\nTo:Dan Le\nSubject:Loop\n\nHi";
        assert_new_text(mail, "Allo!");
    }

    #[test]
    fn pasted_header_lines_without_a_date_stay() {
        let text = "The phishing mail had\nFrom: it@examp1e.com\nTo: all staff\nand a link to a fake login page.";
        assert_new_text(text, text);
    }

    #[test]
    fn pasted_paths_and_arrows_stay() {
        let text = "The file /etc/passwd is world readable.\nSee -> the attached log.";
        assert_new_text(text, text);
    }

    #[test]
    fn leading_and_trailing_blank_lines_are_trimmed_but_inner_ones_kept() {
        assert_new_text("\n\n  \nHello\n\n\nWorld\n\n \t\n", "Hello\n\n\nWorld");
        assert_new_text("", "");
        assert_new_text("> only a quote\n", "");
    }

    #[test]
    fn windows_line_endings_are_handled() {
        let mail = "Hello\r\n\r\nOn 15/12/2024 15:00, John Smith wrote:\r\n> Hi\r\n";
        assert_new_text(mail, "Hello");
    }

    #[test]
    fn html_gmail_quote_is_cut() {
        let html = r#"<div dir="ltr">Confermato.</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Il giorno ... ha scritto:</div><blockquote class="gmail_quote">old</blockquote></div>"#;
        assert_eq!(
            strip_html_quote(html),
            r#"<div dir="ltr">Confermato.</div><br>"#
        );
    }

    #[test]
    fn html_markers_of_each_client_are_cut_case_insensitively() {
        for quote in [
            r#"<blockquote type="cite">old</blockquote>"#,
            r#"<div class="moz-cite-prefix">On ... wrote:</div>"#,
            r#"<div id="divRplyFwdMsg" dir="ltr"><b>From:</b></div>"#,
            r#"<div id="x_divRplyFwdMsg">"#,
            r#"<DIV ID="OLK_SRC_BODY_SECTION">"#,
            r#"<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">"#,
            r#"<div style='border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"#,
            r#"<hr size=3 width="100%" align=center tabindex=-1>"#,
            r#"<hr style="display:inline-block;width:98%" tabindex="-1">"#,
            r#"<div style='padding-top: 5px; border-top-color: rgb(229, 229, 229); border-top-width: 1px;'>"#,
            r#"<hr data-marker="__DIVIDER__">"#,
            r#"<div class="yahoo_quoted" style="display: block;">"#,
            r#"<div id="appendonsend"></div>"#,
            r#"<hr id="zwchr">"#,
        ] {
            let html = format!("<p>New text</p>\n{quote}<p>quoted</p>");
            assert_eq!(strip_html_quote(&html), "<p>New text</p>\n", "{quote}");
        }
    }

    #[test]
    fn html_marker_names_in_text_or_styles_do_not_cut() {
        let html = "<style>.gmail_quote{margin:0} blockquote[type=cite]{}</style><p>see class=\"gmail_quote\" and divRplyFwdMsg</p>";
        assert_eq!(strip_html_quote(html), html);
    }

    #[test]
    fn html_earliest_marker_wins() {
        let html =
            r#"<p>new</p><div id="appendonsend"></div><hr tabindex="-1"><div id="divRplyFwdMsg">"#;
        assert_eq!(strip_html_quote(html), "<p>new</p>");
    }

    #[test]
    fn html_cut_is_linear_on_large_input() {
        let html = "<div a=\"b\" ".repeat(200_000);
        let started = std::time::Instant::now();
        assert_eq!(strip_html_quote(&html).len(), html.len());
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn new_text_is_linear_on_large_input() {
        let block = "text line\n> quoted\nanswer A\nOn 15/12/2024 15:00, John Smith wrote:\n> q\nanswer B\nSent from my iPhone\nmore\n";
        let mail = block.repeat(5_000);
        let started = std::time::Instant::now();
        let kept = new_text(&mail);
        assert!(
            kept.starts_with(
                "text line\nanswer A\nanswer B\nSent from my iPhone\nmore\ntext line\n"
            )
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn fixture_replies_come_out_as_written() {
        for (name, mail, expected) in [
            (
                "outlook_it_inline",
                include_str!("../../tests/replies/outlook_it_inline.txt"),
                include_str!("../../tests/replies/outlook_it_inline.expected.txt"),
            ),
            (
                "gmail_it_commands",
                include_str!("../../tests/replies/gmail_it_commands.txt"),
                include_str!("../../tests/replies/gmail_it_commands.expected.txt"),
            ),
            (
                "thunderbird_en_signature",
                include_str!("../../tests/replies/thunderbird_en_signature.txt"),
                include_str!("../../tests/replies/thunderbird_en_signature.expected.txt"),
            ),
        ] {
            assert_eq!(new_text(mail), expected.trim_end(), "{name}");
        }
    }
}
