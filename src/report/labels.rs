//! Labelled reports: "Description:", "ii) CVE:", "**Mitigazione:**",
//! "iii. Eventuale risoluzione o mitigazione", "## Customer message".
//!
//! People word labels freely, so a label is recognised by its words rather
//! than by a list of exact phrases: each field has key words (at least one
//! must appear) and filler words (may appear), in English and Italian, and
//! every word of the label must be one of them. "Eventuale messaggio da
//! inviare ai clienti" is a customer-message label because it has a message
//! word and a customer word and nothing else. Labels are short and sit at
//! the start of a line, after an optional list marker (`i.`, `ii)`, `1.`,
//! `a)`, `-`, `*`), heading marks or bold, and before a colon, the end of the
//! line, or (in a list item) a capitalised value.

use std::sync::LazyLock;

use regex::Regex;

use super::text::tidy;

/// What a label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Description,
    /// Impact, affected products, steps to reproduce: kept with the
    /// description under their own label.
    Context,
    Remediation,
    CustomerMessage,
    /// "Type: incident", "Categoria: Vulnerabilità".
    Kind,
    /// "CVE:", "CVSS:", "Score:"; ids and vectors are read from the whole
    /// text, so the value only needs to end the previous field.
    CveCvss,
    /// Severity, references, contacts...: not used, but they end the field
    /// before them.
    Informational,
}

impl Field {
    /// Fields whose value may run over several paragraphs.
    fn is_free_text(self) -> bool {
        matches!(
            self,
            Field::Description | Field::Context | Field::Remediation | Field::CustomerMessage
        )
    }
}

/// One field's vocabulary.
struct Rule {
    field: Field,
    /// At least one word of each group must appear.
    keys: &'static [&'static [&'static str]],
    /// Words that may also appear.
    fillers: &'static [&'static str],
}

/// Articles and prepositions any label may carry.
const COMMON_FILLERS: &[&str] = &[
    "the", "a", "an", "of", "to", "for", "and", "or", "any", "if", "in", "il", "lo", "la", "le",
    "i", "gli", "di", "del", "della", "dello", "dell", "dei", "delle", "e", "o", "per", "da", "se",
    "un", "una", "your", "our", "vostro", "nostro", "l", "all", "nell",
];

/// Checked in order: the first rule that accepts a label wins.
const RULES: &[Rule] = &[
    Rule {
        field: Field::Kind,
        keys: &[&[
            "type",
            "category",
            "kind",
            "classification",
            "class",
            "tipo",
            "categoria",
            "tipologia",
            "classificazione",
            "classe",
        ]],
        fillers: &[
            "report",
            "event",
            "issue",
            "incident",
            "evento",
            "problema",
            "segnalazione",
            "security",
            "sicurezza",
        ],
    },
    Rule {
        field: Field::CveCvss,
        keys: &[&[
            "cve",
            "cves",
            "cvss",
            "cvss3",
            "cvssv3",
            "cvss31",
            "cvss4",
            "cvssv4",
            "cvss40",
            "score",
            "vector",
            "punteggio",
            "vettore",
        ]],
        fillers: &[
            "id",
            "ids",
            "identifier",
            "identificativo",
            "number",
            "numero",
            "base",
            "calculator",
            "calcolatrice",
            "compilato",
            "compiled",
            "completed",
            "fornire",
            "prega",
            "si",
            "vulnerabilities",
            "vulnerability",
            "vulnerabilita",
            "v3",
            "v31",
            "v30",
            "v4",
            "v40",
            "mitre",
            "org",
            "first",
            "string",
            "stringa",
            "rating",
            "available",
            "disponibile",
            "applicable",
            "applicabile",
        ],
    },
    // a draft for the public, with no audience named: "Suggested advisory
    // text", "Bozza di comunicato", "Proposed statement"
    Rule {
        field: Field::CustomerMessage,
        keys: &[
            &[
                "advisory",
                "avviso",
                "comunicato",
                "communication",
                "comunicazione",
                "announcement",
                "notice",
                "statement",
                "wording",
                "testo",
            ],
            &[
                "suggested",
                "proposed",
                "draft",
                "bozza",
                "proposta",
                "proposto",
                "suggerito",
                "suggerita",
                "public",
                "pubblico",
                "pubblica",
            ],
        ],
        fillers: &["text", "testo", "of", "di", "del", "della", "for", "per"],
    },
    // the words for a notice: "Advisory text", "Testo per l'advisory",
    // "Wording for the announcement"
    Rule {
        field: Field::CustomerMessage,
        keys: &[
            &["text", "testo", "wording", "template", "bozza", "draft"],
            &[
                "advisory",
                "avviso",
                "comunicato",
                "announcement",
                "notice",
                "statement",
                "bulletin",
                "bollettino",
            ],
        ],
        fillers: &["public", "pubblico"],
    },
    Rule {
        field: Field::CustomerMessage,
        keys: &[
            &[
                "message",
                "messages",
                "notice",
                "notification",
                "advisory",
                "communication",
                "text",
                "draft",
                "statement",
                "messaggio",
                "messaggi",
                "comunicazione",
                "comunicato",
                "avviso",
                "notifica",
                "testo",
                "bozza",
                "wording",
                "note",
                "reply",
                "answer",
                "risposta",
            ],
            &[
                "customer",
                "customers",
                "client",
                "clients",
                "user",
                "users",
                "cliente",
                "clienti",
                "utente",
                "utenti",
                "enduser",
                "endusers",
                "subscribers",
                "partner",
                "partners",
                "enti",
                "ospitati",
                "abbonati",
                "destinatari",
            ],
        ],
        fillers: &[
            "end",
            "final",
            "finale",
            "finali",
            "facing",
            "possible",
            "possibile",
            "affected",
            "suggested",
            "proposed",
            "be",
            "sent",
            "shared",
            "public",
            "eventuale",
            "inviare",
            "comunicare",
            "ai",
            "agli",
            "interessati",
            "coinvolti",
            "comuni",
            "proposta",
            "proposto",
            "suggerito",
            "suggerita",
        ],
    },
    // what the writer already did to contain it: "What we did", "Done so
    // far", "Actions taken", "Azioni intraprese", "Cosa abbiamo fatto"
    Rule {
        field: Field::Remediation,
        keys: &[&[
            "did",
            "done",
            "do",
            "fare",
            "taken",
            "intraprese",
            "adottate",
            "effettuati",
            "effettuate",
            "fatto",
            "eseguiti",
            "eseguite",
            "svolte",
            "actions",
            "suggest",
            "suggestions",
        ]],
        fillers: &[
            "have",
            "has",
            "had",
            "been",
            "until",
            "till",
            "now",
            "side",
            "your",
            "lato",
            "nostro",
            "vostro",
            "vostra",
            "ora",
            "adesso",
            "what",
            "we",
            "so",
            "far",
            "actions",
            "action",
            "steps",
            "measures",
            "already",
            "our",
            "immediate",
            "immediately",
            "containment",
            "cosa",
            "abbiamo",
            "finora",
            "azioni",
            "misure",
            "interventi",
            "attivita",
            "gia",
            "nostra",
            "parte",
            "subito",
            "ho",
            "i",
            "noi",
            "us",
            "you",
            "should",
            "can",
            "dovete",
            "potete",
        ],
    },
    // "Recommended action", "Azione consigliata", "Action required"
    Rule {
        field: Field::Remediation,
        keys: &[
            &[
                "action",
                "actions",
                "azione",
                "azioni",
                "measure",
                "measures",
                "misura",
                "misure",
                "intervento",
                "interventi",
            ],
            &[
                "recommended",
                "suggested",
                "required",
                "advised",
                "consigliata",
                "consigliate",
                "consigliato",
                "consigliati",
                "raccomandata",
                "raccomandate",
                "suggerita",
                "suggerite",
                "richiesta",
                "richieste",
                "proposta",
                "proposte",
            ],
        ],
        fillers: &["immediate", "immediata"],
    },
    Rule {
        field: Field::Remediation,
        keys: &[&[
            "remediation",
            "remediations",
            "mitigation",
            "mitigations",
            "fix",
            "fixes",
            "fixed",
            "workaround",
            "workarounds",
            "solution",
            "solutions",
            "resolution",
            "patch",
            "patches",
            "recommendation",
            "recommendations",
            "countermeasure",
            "countermeasures",
            "remedy",
            "corrective",
            "risoluzione",
            "mitigazione",
            "mitigazioni",
            "correzione",
            "correzioni",
            "soluzione",
            "soluzioni",
            "rimedio",
            "rimedi",
            "contromisura",
            "contromisure",
            "correttiva",
            "correttive",
            "correttivi",
            "containment",
            "contenimento",
            "remediate",
            "hotfix",
            "raccomandazione",
            "raccomandazioni",
            "corretta",
            "corrette",
            "corretto",
            "corretti",
            "suggerimento",
            "suggerimenti",
        ]],
        fillers: &[
            "temporary",
            "interim",
            "immediate",
            "short",
            "long",
            "term",
            "taken",
            "measures",
            "temporanea",
            "temporaneo",
            "temporanee",
            "temporanei",
            "immediata",
            "immediate",
            "intraprese",
            "adottate",
            "misure",
            "misura",
            "path",
            "suggested",
            "proposed",
            "recommended",
            "possible",
            "available",
            "steps",
            "actions",
            "action",
            "how",
            "version",
            "eventuale",
            "eventuali",
            "possibile",
            "possibili",
            "suggerita",
            "suggerite",
            "proposta",
            "proposte",
            "disponibile",
            "disponibili",
            "procedura",
            "azioni",
            "azione",
            "consigliata",
            "consigliate",
            "versione",
            "guidance",
            "advice",
            "release",
            "releases",
            "rilascio",
            "versions",
            "versioni",
            "consigli",
            "indicazioni",
        ],
    },
    Rule {
        field: Field::Context,
        keys: &[&[
            "impact",
            "impatto",
            "steps",
            "passi",
            "passaggi",
            "reproduction",
            "reproduce",
            "riprodurre",
            "riproduzione",
            "poc",
            "proof",
            "affected",
            "product",
            "products",
            "version",
            "versions",
            "component",
            "components",
            "system",
            "systems",
            "software",
            "asset",
            "assets",
            "service",
            "services",
            "prodotto",
            "prodotti",
            "versione",
            "versioni",
            "componente",
            "componenti",
            "sistema",
            "sistemi",
            "servizio",
            "servizi",
        ]],
        fillers: &[
            "concept",
            "interessato",
            "interessati",
            "interessata",
            "interessate",
            "coinvolto",
            "coinvolti",
            "coinvolte",
            "vulnerable",
            "vulnerabile",
            "vulnerabili",
            "potential",
            "potenziale",
            "business",
            "name",
            "nome",
            "problema",
            "issue",
        ],
    },
    Rule {
        field: Field::Informational,
        keys: &[&[
            "severity",
            "gravita",
            "priority",
            "priorita",
            "risk",
            "rischio",
            "cwe",
            "references",
            "reference",
            "riferimenti",
            "riferimento",
            "links",
            "link",
            "reporter",
            "researcher",
            "ricercatore",
            "contact",
            "contacts",
            "contatto",
            "contatti",
            "credits",
            "credit",
            "timeline",
            "date",
            "data",
            "status",
            "stato",
            "attachment",
            "attachments",
            "allegato",
            "allegati",
            "url",
            "urls",
            "endpoint",
            "company",
            "azienda",
            "email",
            "phone",
            "telefono",
            "publisher",
            "vendor",
            "editore",
            "venditore",
            "offer",
            "offerta",
            "reported",
            "discovered",
            "segnalato",
            "scoperto",
        ]],
        fillers: &[
            "by",
            "level",
            "livello",
            "estimated",
            "stimata",
            "suggested",
            "proposta",
        ],
    },
    Rule {
        field: Field::Description,
        keys: &[&[
            "vulnerability",
            "vulnerabilities",
            "vulnerabilita",
            "issue",
            "issues",
            "problem",
            "problems",
            "incident",
            "finding",
            "findings",
            "bug",
            "weakness",
            "flaw",
            "description",
            "summary",
            "details",
            "detail",
            "overview",
            "explanation",
            "title",
            "happened",
            "descrizione",
            "riepilogo",
            "sommario",
            "sintesi",
            "dettagli",
            "dettaglio",
            "problema",
            "problemi",
            "incidente",
            "evento",
            "titolo",
            "successo",
        ]],
        fillers: &[
            "found",
            "identified",
            "discovered",
            "observed",
            "detected",
            "reported",
            "short",
            "brief",
            "detailed",
            "technical",
            "full",
            "security",
            "what",
            "report",
            "riscontrato",
            "riscontrata",
            "riscontrati",
            "riscontrate",
            "rilevato",
            "rilevata",
            "rilevati",
            "individuato",
            "individuata",
            "trovato",
            "trovata",
            "identificato",
            "identificata",
            "segnalato",
            "segnalata",
            "breve",
            "dettagliata",
            "tecnica",
            "completa",
            "sicurezza",
            "cosa",
            "imprevisto",
        ],
    },
];

/// List markers: bullets, `i.`, `ii)`, `(iv)`, `1.`, `a)`.
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*•·‣▪◦–]\s+|\(?(?:[ivxIVX]{1,5}|[0-9]{1,2}|[a-hA-H])[.)]\s*)")
        .expect("valid regex")
});

static HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^#{1,6}\s*").expect("valid regex"));

static PARENTHETICAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^)]{0,80}\)|\[[^\]]{0,80}\]").expect("valid regex"));

static WORD_SPAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+").expect("valid regex"));

/// A label is short: anything longer before a colon is a sentence.
const MAX_LABEL_BYTES: usize = 90;
/// Words tried as the label of a list item without a colon.
const MAX_LIST_LABEL_WORDS: usize = 8;

/// Which field a label text introduces, if any.
pub(super) fn classify(label: &str) -> Option<Field> {
    let folded = fold(&PARENTHETICAL.replace_all(label, " "));
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    RULES
        .iter()
        .find(|rule| rule.accepts(&words))
        .map(|rule| rule.field)
        // "Customer message (original)": what the customer wrote, not a
        // message for them
        .filter(|field| *field != Field::CustomerMessage || !super::prose::RECEIVED.is_match(label))
        // "Suggested advisory wording, if it helps": the label before the
        // aside
        .or_else(|| {
            let (head, _) = label.split_once(',')?;
            classify(head)
        })
}

impl Rule {
    fn accepts(&self, words: &[&str]) -> bool {
        let known = |w: &&str| {
            COMMON_FILLERS.contains(w)
                || self.fillers.contains(w)
                || self.keys.iter().any(|group| group.contains(w))
                // version numbers: "CVSS v3.1", "CVSS 3.0"
                || (w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
        };
        words.iter().all(known)
            && self
                .keys
                .iter()
                .all(|group| words.iter().any(|w| group.contains(w)))
    }
}

/// Lower case without accents, so that `Vulnerabilità`, `vulnerabilita'`
/// and `VULNERABILITÀ` read the same.
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' => 'a',
            'è' | 'é' | 'ê' => 'e',
            'ì' | 'í' | 'î' => 'i',
            'ò' | 'ó' | 'ô' => 'o',
            'ù' | 'ú' | 'û' => 'u',
            other => other,
        })
        .collect()
}

/// A line that starts a field.
#[derive(Debug, PartialEq)]
pub(super) struct LabelLine<'a> {
    pub(super) field: Field,
    /// The label as written, without markers.
    pub(super) label: &'a str,
    /// What follows the label on the same line.
    pub(super) value: &'a str,
}

/// The label at the start of `line`, if there is one.
pub(super) fn label_line<'a>(line: &'a str) -> Option<LabelLine<'a>> {
    let (body, listed) = match LIST_MARKER.find(line) {
        Some(m) => (&line[m.end()..], true),
        None => (line.trim_start(), false),
    };
    let body = HEADING.find(body).map_or(body, |m| &body[m.end()..]);
    let body = body.trim_start_matches(['*', '_']);
    let clean = |s: &'a str| -> &'a str {
        s.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
    };

    // "Label: value"; not "CVSS:3.1/..." nor a time or a URL
    if let Some((colon, colon_len)) = body
        .char_indices()
        .take(MAX_LABEL_BYTES)
        .find_map(|(i, c)| matches!(c, ':' | '：').then_some((i, c.len_utf8())))
    {
        let after = &body[colon + colon_len..];
        // "un messaggio\ndel tipo: …": a wrapped line going on, not a label
        let continues = |label: &str| {
            label.starts_with(char::is_lowercase)
                && label
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| COMMON_FILLERS.contains(&w))
        };
        if !after.starts_with(|c: char| c.is_ascii_digit() || c == '/') {
            let label = clean(&body[..colon]);
            if let Some(field) = classify(label).filter(|_| !continues(label)) {
                return Some(LabelLine {
                    field,
                    label,
                    value: clean(after),
                });
            }
        }
    }

    // a label alone on its line, the value below
    let whole = clean(body.trim_end_matches(|c: char| c == ':' || c == '*' || c.is_whitespace()));
    if whole.len() <= MAX_LABEL_BYTES
        && let Some(field) = classify(whole)
    {
        return Some(LabelLine {
            field,
            label: whole,
            value: "",
        });
    }

    // "iii. Eventuale risoluzione o mitigazione Aggiornare alla 2.4"
    if listed {
        let ends: Vec<usize> = WORD_SPAN
            .find_iter(body)
            .take(MAX_LIST_LABEL_WORDS + 1)
            .map(|m| m.end())
            .collect();
        for &end in ends.iter().rev().skip(1) {
            let rest = body[end..].trim_start();
            let after_dash = rest.strip_prefix(['-', '–', '—', '.']).map(str::trim_start);
            let capitalised = rest.chars().next().is_some_and(char::is_uppercase);
            // one word before a capital is a title ("2) Patch Tuesday by
            // the numbers"), not a label
            let one_word = !body[..end].trim().contains(char::is_whitespace);
            if after_dash.is_none() && (!capitalised || one_word) {
                continue;
            }
            let label = clean(&body[..end]);
            if let Some(field) = classify(label) {
                return Some(LabelLine {
                    field,
                    label,
                    value: clean(after_dash.unwrap_or(rest)),
                });
            }
        }
    }
    None
}

/// A line that is only another field's data: a CVSS vector (perhaps after
/// "CVSS v3.1:" and with its score), or CVE ids alone. It ends the free
/// text above it: a vector under the problem is not part of the problem.
static DATA_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:[-*•]\s*)?[*_]*
          (?:
            (?:cvss\s*(?:v?\s*[234](?:\.[01])?)?\s*(?:vector|vettore|score|punteggio|base)?\s*[:=]?\s*)?
            \(?cvss:[234]\.[01]/[A-Z]{1,3}:[A-Z](?:/[A-Z]{1,3}:[A-Z])*\)?[*_]*
            (?:\s*[(\[-]?\s*(?:base\s*)?(?:score\s*)?[0-9]{1,2}(?:[.,][0-9])?(?:\s*[-/]?\s*\w+)?\s*[)\]]?)?
          |
            (?:cve[-‐‑][0-9]{4}[-‐‑][0-9]{4,7}[\s,;]*(?:and|e)?\s*)+
          )
          [*_.]*\s*$",
    )
    .expect("valid regex")
});

/// The line under a setext heading.
static UNDERLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:={3,}|-{3,})\s*$").expect("valid regex"));

/// One labelled field with its value.
#[derive(Debug, PartialEq)]
pub(super) struct Section<'a> {
    pub(super) field: Field,
    pub(super) label: &'a str,
    pub(super) value: String,
}

/// A text cut at its labels.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Sections<'a> {
    pub(super) labelled: Vec<Section<'a>>,
    /// Text under no label (before the first, or after a one-line field).
    pub(super) unlabelled: String,
}

/// Cut `text` into labelled fields. A value runs from its label to the next
/// label; a one-line kind of field (type, CVE, severity...) ends at the first
/// blank line, and what follows it is unlabelled text.
pub(super) fn sections(text: &str) -> Sections<'_> {
    struct Open<'a> {
        field: Field,
        label: &'a str,
        lines: Vec<&'a str>,
    }
    fn close(open: Open<'_>) -> Section<'_> {
        Section {
            field: open.field,
            label: open.label,
            value: tidy(open.lines),
        }
    }

    let mut labelled = Vec::new();
    let mut unlabelled = Vec::new();
    let mut open: Option<Open<'_>> = None;
    // a heading underlined setext-style ("Summary" over "=======")
    let mut heading_above = false;
    for line in text.lines() {
        if std::mem::take(&mut heading_above) && UNDERLINE.is_match(line) {
            continue;
        }
        if DATA_LINE.is_match(line) {
            // read from the whole text by `cve` and `cvss`; here it only
            // ends the field above it
            if let Some(done) = open.take() {
                labelled.push(close(done));
            }
            open = Some(Open {
                field: Field::CveCvss,
                label: "",
                lines: vec![line],
            });
            continue;
        }
        if let Some(found) = label_line(line) {
            if let Some(done) = open.take() {
                labelled.push(close(done));
            }
            heading_above = found.value.is_empty();
            open = Some(Open {
                field: found.field,
                label: found.label,
                lines: vec![found.value],
            });
            continue;
        }
        match open.as_mut() {
            Some(current)
                if !current.field.is_free_text()
                    && line.trim().is_empty()
                    && current.lines.iter().any(|l| !l.trim().is_empty()) =>
            {
                if let Some(done) = open.take() {
                    labelled.push(close(done));
                }
            }
            Some(current) => current.lines.push(line),
            None => unlabelled.push(line),
        }
    }
    if let Some(done) = open.take() {
        labelled.push(close(done));
    }
    Sections {
        labelled,
        unlabelled: tidy(unlabelled),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_recognised_in_english_and_italian() {
        let cases = [
            ("Vulnerability", Some(Field::Description)),
            ("Problem found", Some(Field::Description)),
            (
                "Vulnerabilità e/o problema riscontrato",
                Some(Field::Description),
            ),
            ("Descrizione del problema", Some(Field::Description)),
            ("Summary", Some(Field::Description)),
            (
                "Eventuale risoluzione o mitigazione",
                Some(Field::Remediation),
            ),
            ("Workaround", Some(Field::Remediation)),
            ("Containment", Some(Field::Remediation)),
            ("Suggested fix", Some(Field::Remediation)),
            ("Remediation steps", Some(Field::Remediation)),
            ("Correzione", Some(Field::Remediation)),
            ("Contromisure", Some(Field::Remediation)),
            ("Soluzione temporanea", Some(Field::Remediation)),
            ("Misure di contenimento", Some(Field::Remediation)),
            ("Remediation (if available)", Some(Field::Remediation)),
            ("Message to customers", Some(Field::CustomerMessage)),
            (
                "Eventuale messaggio da inviare ai clienti",
                Some(Field::CustomerMessage),
            ),
            ("Messaggio ai clienti", Some(Field::CustomerMessage)),
            ("Per le vulnerabilità, CVE o CVSS", Some(Field::CveCvss)),
            ("CVSS v3.1 score", Some(Field::CveCvss)),
            ("CVSS v4.0 score", Some(Field::CveCvss)),
            ("CVSSv4", Some(Field::CveCvss)),
            ("CVSS4.0", Some(Field::CveCvss)),
            ("Categoria", Some(Field::Kind)),
            ("Incident type", Some(Field::Kind)),
            ("Gravità", Some(Field::Informational)),
            ("Affected versions", Some(Field::Context)),
            ("Note that the fix", None),
            ("CVE-2024-1234", None),
            ("We found a problem", None),
        ];
        for (label, expected) in cases {
            assert_eq!(classify(label), expected, "{label:?}");
        }
    }

    #[test]
    fn label_lines_take_markers_bold_and_colons() {
        let line = label_line("iii. **Mitigazione:** aggiornare alla 2.4").unwrap();
        assert_eq!(
            (line.field, line.label, line.value),
            (Field::Remediation, "Mitigazione", "aggiornare alla 2.4")
        );
        let line = label_line("ii) CVE: CVE-2024-1234").unwrap();
        assert_eq!(line.field, Field::CveCvss);
        let line = label_line("## Customer message").unwrap();
        assert_eq!((line.field, line.value), (Field::CustomerMessage, ""));
        let line = label_line("iv. Eventuale messaggio da inviare ai clienti Nessuno").unwrap();
        assert_eq!(
            (line.field, line.value),
            (Field::CustomerMessage, "Nessuno")
        );
        assert_eq!(
            label_line("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            None
        );
        assert_eq!(label_line("1. Upgrade to version 2.4"), None);
        assert_eq!(label_line("The meeting is at 10:30"), None);
    }

    #[test]
    fn values_run_to_the_next_label() {
        let text = "Description: SQL injection\nin the login form.\n\nSecond paragraph.\n\
                    CVE: CVE-2024-1234\n\nUnlabelled note.\nFix: upgrade";
        let s = sections(text);
        let fields: Vec<_> = s
            .labelled
            .iter()
            .map(|s| (s.field, s.value.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                (
                    Field::Description,
                    "SQL injection\nin the login form.\n\nSecond paragraph."
                ),
                (Field::CveCvss, "CVE-2024-1234"),
                (Field::Remediation, "upgrade"),
            ]
        );
        assert_eq!(s.unlabelled, "Unlabelled note.");
    }

    #[test]
    fn a_vector_or_cve_line_ends_the_field_above_it() {
        for data in [
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N",
            "cvss:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N (8.1 High)",
            "CVSS v4.0: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "- **CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H** - 9.8",
            "CVE-2024-12345",
            "CVE-2024-1234, CVE-2024-5678",
        ] {
            let text = format!(
                "Problem: the login page leaks the session id\nwhen logging in from the app.\n{data}\nFix: upgrade"
            );
            let s = sections(&text);
            assert_eq!(
                s.labelled[0].value,
                "the login page leaks the session id\nwhen logging in from the app.",
                "{data}"
            );
            assert_eq!(s.labelled.last().map(|l| l.value.as_str()), Some("upgrade"));
        }
        let s = sections("Problem: see CVE-2024-1234 for the details of the flaw");
        assert!(
            s.labelled[0].value.contains("CVE-2024-1234"),
            "a sentence is not data"
        );
    }
}
