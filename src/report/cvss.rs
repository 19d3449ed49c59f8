//! CVSS v3.0, v3.1 and v4.0: finding vectors in mangled mail text, scoring
//! them, and reading a bare score ("CVSS 8.1", "punteggio 7,5") when there
//! is none.
//!
//! Vectors reach us damaged: a quoted-printable soft break turned into a real
//! newline or left as a stray `=`, HTML tags removed leaving spaces or
//! newlines between metrics, `> ` quote markers, markdown brackets around it.
//! So a vector is read one significant byte at a time from a cursor that
//! skips such noise, within tight limits, and stops at the first byte that
//! cannot continue it. The RustSec `cvss` crate then validates and scores a
//! canonical string of the base metrics rebuilt from what was read (its `v3`
//! module for 3.x, its `v4` module for 4.0: the 4.0 scoring tables are the
//! crate's, not ours). That crate scores an incomplete v3 vector
//! (`CVSS:3.1/AV:N/AC:L`) as 0.0, so all base metrics (eight in 3.x, eleven
//! in 4.0) are required here first, for both versions alike.
//!
//! A report may carry one vector per version (a 4.0 vector with the 3.1 one
//! for tools that do not read 4.0 yet): [`find_vectors`] keeps each, and
//! [`preferred`] says which one decides the ticket's severity.

use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;

use super::CvssScore;
use super::Severity;
use super::error::CvssError;

/// The eight base metrics of 3.x, in the order the FIRST calculator writes them.
const BASE_METRICS_V3: [&str; 8] = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

/// The eleven base metrics of 4.0, in the order the FIRST calculator writes them.
const BASE_METRICS_V4: [&str; 11] = [
    "AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA",
];

/// Base metrics that exist only in 4.0: a run without a prefix that has one
/// of them is a 4.0 vector, never a 3.x one.
const ONLY_IN_V4: [&str; 7] = ["AT", "VC", "VI", "VA", "SC", "SI", "SA"];

/// 3.x: 8 base, 3 temporal and 11 environmental metrics. A longer run is not
/// one vector, and the cap bounds the work per candidate.
const MAX_METRICS_V3: usize = 22;

/// 4.0: 11 base, 1 threat, 14 environmental and 6 supplemental metrics.
const MAX_METRICS_V4: usize = 32;

/// At most one vector per version is kept (3.0, 3.1, 4.0), so a report
/// never carries more than this many.
const MAX_VECTORS: usize = 3;

/// The values of the 4.0 supplemental metric Provider Urgency (`U:Amber`),
/// the only metric whose value is a word rather than one letter.
const URGENCY_WORDS: [&str; 4] = ["Clear", "Green", "Amber", "Red"];

/// A version of CVSS whose vectors the desk reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V3_0,
    V3_1,
    V4_0,
}

impl Version {
    fn as_str(self) -> &'static str {
        match self {
            Version::V3_0 => "3.0",
            Version::V3_1 => "3.1",
            Version::V4_0 => "4.0",
        }
    }

    fn base_metrics(self) -> &'static [&'static str] {
        match self {
            Version::V3_0 | Version::V3_1 => &BASE_METRICS_V3,
            Version::V4_0 => &BASE_METRICS_V4,
        }
    }

    fn max_metrics(self) -> usize {
        match self {
            Version::V3_0 | Version::V3_1 => MAX_METRICS_V3,
            Version::V4_0 => MAX_METRICS_V4,
        }
    }
}

/// Noise tolerated between two significant bytes of a vector: enough for a
/// soft break plus indentation, too little to join two unrelated paragraphs.
const MAX_GAP_BYTES: usize = 16;
const MAX_GAP_NEWLINES: usize = 3;

/// Candidate positions tried per text. Each try reads a bounded number of
/// bytes, so the whole search stays linear in the text.
const MAX_CANDIDATES: usize = 2_000;

/// How far after a trigger word a bare score may be.
const SCORE_WINDOW_BYTES: usize = 80;

static PREFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)cvss").expect("valid regex"));

static BARE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bav\s*:").expect("valid regex"));

static SCORE_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:cvss|score|punteggio|severity|sev\b|gravit[àa]|rated|scored|valutat[aoie]|metterei\s+a\b|call\s+it\b|darei\b|give\s+it\b|rate\s+it\b)")
        .expect("valid regex")
});

/// A score with its rating beside it: "7.5 (high)", "8,1 (alto)".
static SCORE_WITH_RATING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s(])((?:10|[0-9])[.,][0-9])\s*\(\s*(?:critical|high|medium|low|critico|critica|alto|alta|medio|media|basso|bassa|elevat[oa])\s*\)")
        .expect("valid regex")
});

/// A score written before its trigger: "gli darei un 6,5 di CVSS",
/// "a 9.8 CVSS".
static SCORE_BEFORE_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s(])((?:10|[0-9])[.,][0-9])\s+(?:di\s+|of\s+|in\s+|come\s+|as\s+|on\s+(?:the\s+)?)?(?:cvss|punteggio|severity|gravit[àa]|score)\b")
        .expect("valid regex")
});

/// A CVSS version after the word CVSS ("CVSS 3.1", "CVSSv4", "CVSS 4.0"),
/// which is not a score.
static VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)v?(?:3(?:\.[01])?|4(?:\.0)?)").expect("valid regex"));

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,2})(?:[.,]([0-9]{1,2}))?").expect("valid regex"));

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{L}+'?").expect("valid regex"));

/// Words that may sit between a trigger and its number:
/// "CVSS v3 base score is 9.8", "punteggio CVSS di base pari a 7,5".
const SCORE_FILLERS: &[&str] = &[
    // "rated it 8.1", "darei un 7.5", "give it a 6.5"
    "it",
    "un",
    "a",
    "direi",
    "darei",
    "metterei",
    "say",
    "stimato",
    "stimata",
    "estimated",
    "calcolato",
    "calcolata",
    "approx",
    "approximately",
    "circa",
    "about",
    "base",
    "score",
    "scores",
    "punteggio",
    "rating",
    "severity",
    "overall",
    "calculated",
    "computed",
    "is",
    "of",
    "was",
    "at",
    "di",
    "del",
    "della",
    "è",
    "e'",
    "pari",
    "a",
    "al",
    "totale",
    "complessivo",
    "calcolato",
    "circa",
];

impl CvssScore {
    /// Read one complete CVSS v3.0, v3.1 or v4.0 base vector and compute its
    /// base score.
    ///
    /// Accepts what reporters paste: a lower-case `cvss:` prefix, spaces or
    /// soft breaks between metrics, metrics in any order, and after the base
    /// ones the temporal and environmental metrics of 3.x or the threat,
    /// environmental and supplemental metrics of 4.0 (ignored: the score is
    /// the base score and [`CvssScore::vector`] keeps the base metrics only).
    /// A vector without a `CVSS:` prefix is read as 3.1 (whose base score
    /// equals 3.0's) when it has the eight 3.x base metrics, else as 4.0
    /// when it has the eleven 4.0 ones.
    pub fn parse(text: &str) -> Result<CvssScore, CvssError> {
        let text = text.trim();
        let mut cursor = Cursor::new(text, 0);
        let version = match text.get(..4) {
            Some(head) if head.eq_ignore_ascii_case("cvss") => {
                cursor.pos = 4;
                Some(read_prefix(&mut cursor).ok_or(CvssError::Prefix)?)
            }
            _ if BARE_START.find(text).is_some_and(|m| m.start() == 0) => None,
            _ => return Err(CvssError::Prefix),
        };
        let metrics = read_metrics(
            &mut cursor,
            version.map_or(MAX_METRICS_V4, Version::max_metrics),
        );
        cursor.skip_noise();
        if cursor.pos != text.len() {
            return Err(CvssError::Syntax(cursor.pos));
        }
        match version {
            Some(version) => score_metrics(version, &metrics),
            None => score_bare(&metrics),
        }
    }
}

/// Every complete, valid vector in `texts` (the body, then the subject), at
/// most one per version: the first of each, in the order found. In each text
/// vectors with a `CVSS:` prefix come first, in text order, then runs without
/// one (`AV:N/AC:L/...`). Incomplete vectors are skipped.
pub(super) fn find_vectors(texts: &[&str]) -> Vec<CvssScore> {
    let mut found = Vec::new();
    for text in texts {
        collect_vectors(text, &mut found);
    }
    found
}

/// The vector that decides severity and priority: the 4.0 one when there is
/// one, else the first found. 4.0 is FIRST's current standard, and a reporter
/// who gives both wrote the 3.x vector for tools that do not read 4.0 yet; it
/// is also the finer assessment (attack requirements, the impact on
/// subsequent systems that 3.x folds into Scope). The others stay on the
/// ticket beside it.
pub(super) fn preferred(vectors: &[CvssScore]) -> Option<&CvssScore> {
    vectors
        .iter()
        .find(|c| c.version == Version::V4_0.as_str())
        .or(vectors.first())
}

fn collect_vectors(text: &str, found: &mut Vec<CvssScore>) {
    let known = |found: &[CvssScore], version: &str| found.iter().any(|c| c.version == version);
    for m in PREFIX.find_iter(text).take(MAX_CANDIDATES) {
        if found.len() >= MAX_VECTORS {
            return;
        }
        let mut cursor = Cursor::new(text, m.end());
        let Some(version) = read_prefix(&mut cursor) else {
            continue;
        };
        // the first vector of a version is the one kept: the same vector
        // repeated (a markdown link, a quoted copy) is not scored again
        if known(found, version.as_str()) {
            continue;
        }
        let metrics = read_metrics(&mut cursor, version.max_metrics());
        if let Ok(score) = score_metrics(version, &metrics) {
            found.push(score);
        }
    }
    for m in BARE_START.find_iter(text).take(MAX_CANDIDATES) {
        // a run without a prefix is read as 3.1 or 4.0 only
        if found.len() >= MAX_VECTORS
            || (known(found, Version::V3_1.as_str()) && known(found, Version::V4_0.as_str()))
        {
            return;
        }
        if continues_a_path(text, m.start()) {
            continue;
        }
        let metrics = read_metrics(&mut Cursor::new(text, m.start()), MAX_METRICS_V4);
        if let Ok(score) = score_bare(&metrics)
            && !known(found, &score.version)
        {
            found.push(score);
        }
    }
}

/// Whether `AV:` at `start` follows a `/`: then it belongs to a vector
/// whose prefix was refused (`CVSS:3.2/`, `CVSS:31/`), not a bare vector.
fn continues_a_path(text: &str, start: usize) -> bool {
    text.as_bytes()[..start]
        .iter()
        .rev()
        .take(MAX_GAP_BYTES)
        .find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'='))
        == Some(&b'/')
}

/// The first bare score in `text`, 0.0–10.0, rounded to one decimal.
///
/// A number counts only after a trigger word (`CVSS`, `score`, `punteggio`),
/// possibly through a few filler words. A version right after `CVSS`
/// ("CVSS 3.1", "CVSSv3") is skipped, not read as a score; a number followed
/// by `/` (a vector, a date) is refused unless it is `/10`.
pub(super) fn find_bare_score(text: &str) -> Option<f64> {
    SCORE_TRIGGER
        .find_iter(text)
        .take(MAX_CANDIDATES)
        .filter(|m| m.as_str().eq_ignore_ascii_case("cvss") || !foreign_score(&text[..m.start()]))
        .find_map(|m| {
            let after_cvss = m.as_str().eq_ignore_ascii_case("cvss");
            let window = super::text::prefix_at_boundary(&text[m.end()..], SCORE_WINDOW_BYTES);
            score_after_trigger(window, after_cvss)
        })
        .or_else(|| {
            let caps = SCORE_BEFORE_TRIGGER
                .captures(text)
                .or_else(|| SCORE_WITH_RATING.captures(text))?;
            let score: f64 = caps[1].replace(',', ".").parse().ok()?;
            (0.0..=10.0).contains(&score).then_some(score)
        })
}

/// Whether a bare "score" belongs to something else: part of a longer
/// token (`X-Spam-Score`, `risk_score`) or a spam filter's verdict pasted
/// into the report (`spam score`, `SpamAssassin ... score=3.3`).
fn foreign_score(before: &str) -> bool {
    if before.ends_with(['-', '_', '.']) {
        return true;
    }
    let line = before.rsplit('\n').next().unwrap_or(before);
    let tail: String = line
        .chars()
        .rev()
        .take(40)
        .collect::<String>()
        .chars()
        .rev()
        .collect::<String>()
        .to_lowercase();
    tail.contains("spam")
}

fn score_after_trigger(window: &str, after_cvss: bool) -> Option<f64> {
    let mut rest = window;
    let mut version_allowed = after_cvss;
    for _ in 0..8 {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix([':', '=', '-', '(', '–', '—', '*', '_']) {
            rest = after;
            version_allowed = false;
            continue;
        }
        if (version_allowed || rest.starts_with(['v', 'V']))
            && let Some(m) = VERSION.find(rest)
        {
            let after = &rest[m.end()..];
            let continues_number = after.starts_with(|c: char| c.is_ascii_digit())
                || (after.starts_with(['.', ','])
                    && after[1..].starts_with(|c: char| c.is_ascii_digit()));
            if !continues_number {
                rest = after;
                version_allowed = false;
                continue;
            }
        }
        version_allowed = false;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return read_score_number(rest);
        }
        let word = WORD.find(rest)?;
        if !SCORE_FILLERS.contains(&word.as_str().to_lowercase().as_str()) {
            return None;
        }
        rest = &rest[word.end()..];
    }
    None
}

fn read_score_number(text: &str) -> Option<f64> {
    let caps = NUMBER.captures(text)?;
    let whole = caps.get(0)?;
    let after = &text[whole.end()..];
    let digit_follows = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    if digit_follows(after) || after.starts_with('%') {
        return None;
    }
    if after.starts_with(['.', ',']) && digit_follows(&after[1..]) {
        // "3.1.2": a version, not a score
        return None;
    }
    if let Some(out_of) = after.strip_prefix('/') {
        let ten = out_of.strip_prefix("10")?;
        if digit_follows(ten) {
            return None;
        }
    }
    let integer: f64 = caps.get(1)?.as_str().parse().ok()?;
    let fraction = match caps.get(2) {
        Some(f) => f.as_str().parse::<f64>().ok()? / 10f64.powi(f.as_str().len() as i32),
        None => 0.0,
    };
    let score = ((integer + fraction) * 10.0).round() / 10.0;
    (0.0..=10.0).contains(&score).then_some(score)
}

/// Reads significant bytes of a vector, skipping transport and markup noise.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str, pos: usize) -> Self {
        Cursor {
            bytes: text.as_bytes(),
            pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skip a gap of noise; a gap wider than the limits is left in place so
    /// that the vector ends there.
    fn skip_noise(&mut self) {
        let mut p = self.pos;
        let mut newlines = 0;
        loop {
            let len = noise_len(self.bytes, p, newlines > 0);
            if len == 0 {
                break;
            }
            if self.bytes[p] == b'\n' {
                newlines += 1;
            }
            p += len;
            if p - self.pos > MAX_GAP_BYTES || newlines > MAX_GAP_NEWLINES {
                return;
            }
        }
        self.pos = p;
    }
}

/// Length of the noise at `p`, 0 if the byte there is significant.
fn noise_len(bytes: &[u8], p: usize, after_newline: bool) -> usize {
    let Some(&b) = bytes.get(p) else { return 0 };
    let next = bytes.get(p + 1).copied();
    match b {
        b' ' | b'\t' | b'\r' | b'\n' => 1,
        // quoted-printable soft break left in the text, or turned into a space
        b'=' if matches!(next, None | Some(b'\r' | b'\n' | b' ' | b'\t')) => 1,
        // quote marker at the start of a continuation line
        b'>' if after_newline => 1,
        // no-break space
        0xC2 if next == Some(0xA0) => 2,
        // zero-width space / non-joiner / joiner, and a stray BOM
        0xE2 if next == Some(0x80) && matches!(bytes.get(p + 2), Some(0x8B..=0x8D)) => 3,
        0xEF if next == Some(0xBB) && bytes.get(p + 2) == Some(&0xBF) => 3,
        _ => 0,
    }
}

/// After `CVSS` (any case): `:3.0/`, `:3.1/` or `:4.0/`, noise allowed.
fn read_prefix(cursor: &mut Cursor<'_>) -> Option<Version> {
    cursor.skip_noise();
    if cursor.peek()? != b':' {
        return None;
    }
    cursor.pos += 1;
    cursor.skip_noise();
    let major = cursor.peek()?;
    cursor.pos += 1;
    cursor.skip_noise();
    if cursor.peek()? != b'.' {
        return None;
    }
    cursor.pos += 1;
    cursor.skip_noise();
    let version = match (major, cursor.peek()?) {
        (b'3', b'0') => Version::V3_0,
        (b'3', b'1') => Version::V3_1,
        (b'4', b'0') => Version::V4_0,
        _ => return None,
    };
    cursor.pos += 1;
    if cursor.peek().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    cursor.skip_noise();
    if cursor.peek()? != b'/' {
        return None;
    }
    cursor.pos += 1;
    Some(version)
}

/// `NAME:VALUE` pairs separated by `/`, as far as they go, at most `max`.
/// Names and one-letter values are upper-cased.
fn read_metrics(cursor: &mut Cursor<'_>, max: usize) -> Vec<(String, String)> {
    let mut metrics = Vec::new();
    while metrics.len() < max {
        let Some(metric) = read_metric(cursor) else {
            break;
        };
        metrics.push(metric);
        let before = cursor.pos;
        cursor.skip_noise();
        if cursor.peek() == Some(b'/') {
            cursor.pos += 1;
        } else {
            cursor.pos = before;
            break;
        }
    }
    metrics
}

fn read_metric(cursor: &mut Cursor<'_>) -> Option<(String, String)> {
    let start = cursor.pos;
    let mut name = String::new();
    cursor.skip_noise();
    while let Some(b) = cursor.peek() {
        if !b.is_ascii_alphabetic() || name.len() == 3 {
            break;
        }
        name.push(char::from(b.to_ascii_uppercase()));
        cursor.pos += 1;
        cursor.skip_noise();
    }
    let value = if name.is_empty() {
        None
    } else {
        read_value(cursor, &name)
    };
    match value {
        Some(value) => Some((name, value)),
        None => {
            cursor.pos = start;
            None
        }
    }
}

/// `:V` after a metric name: one letter, or for 4.0's Provider Urgency
/// (`U`) one of its words.
fn read_value(cursor: &mut Cursor<'_>, name: &str) -> Option<String> {
    if cursor.peek()? != b':' {
        return None;
    }
    cursor.pos += 1;
    cursor.skip_noise();
    let first = cursor.peek().filter(u8::is_ascii_alphabetic)?;
    if name == "U" {
        let rest = &cursor.bytes[cursor.pos..];
        let word = URGENCY_WORDS.iter().find(|w| {
            rest.get(..w.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(w.as_bytes()))
                && !rest.get(w.len()).is_some_and(u8::is_ascii_alphanumeric)
        });
        if let Some(word) = word {
            cursor.pos += word.len();
            return Some((*word).to_string());
        }
    }
    cursor.pos += 1;
    // every other value is one letter: "AV:Network" is prose, not a metric
    if cursor.peek().is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some(char::from(first.to_ascii_uppercase()).to_string())
}

/// A run without a `CVSS:` prefix: 3.1 when it has the eight 3.x base
/// metrics, else 4.0 when it names a metric only 4.0 has.
fn score_bare(metrics: &[(String, String)]) -> Result<CvssScore, CvssError> {
    score_metrics(Version::V3_1, metrics).or_else(|v3| {
        if metrics
            .iter()
            .any(|(name, _)| ONLY_IN_V4.contains(&name.as_str()))
        {
            score_metrics(Version::V4_0, metrics)
        } else {
            Err(v3)
        }
    })
}

/// Validate the base metrics and score them with the `cvss` crate.
fn score_metrics(version: Version, metrics: &[(String, String)]) -> Result<CvssScore, CvssError> {
    let names = version.base_metrics();
    let mut base: Vec<Option<&str>> = vec![None; names.len()];
    for (name, value) in metrics {
        if let Some(i) = names.iter().position(|m| m == name) {
            if base[i].is_some() {
                return Err(CvssError::DuplicateMetric(names[i]));
            }
            base[i] = Some(value);
        }
    }
    let mut vector = format!("CVSS:{}", version.as_str());
    for (name, value) in names.iter().zip(base) {
        let value = value.ok_or(CvssError::MissingMetric(name))?;
        vector.push('/');
        vector.push_str(name);
        vector.push(':');
        vector.push_str(value);
    }
    let invalid = |reason: String| CvssError::Invalid {
        vector: vector.clone(),
        reason,
    };
    // only base metrics are in `vector`, so the crate's score is the base
    // score (for 4.0, the "CVSS-B" score)
    let base_score = match version {
        Version::V3_0 | Version::V3_1 => cvss::v3::Vector::from_str(&vector)
            .map_err(|e| invalid(e.to_string()))?
            .base_score()
            .value(),
        Version::V4_0 => cvss::v4::Vector::from_str(&vector)
            .map_err(|e| invalid(e.to_string()))?
            .score()
            .value(),
    };
    Ok(CvssScore {
        version: version.as_str().to_string(),
        vector,
        base_score,
        severity: Severity::from_cvss_score(base_score),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vector a text's severity would come from.
    fn find_vector(text: &str) -> Option<CvssScore> {
        preferred(&find_vectors(&[text])).cloned()
    }

    fn score(vector: &str) -> f64 {
        CvssScore::parse(vector)
            .unwrap_or_else(|e| panic!("{vector}: {e}"))
            .base_score
    }

    /// Expected scores from the FIRST calculator (RedHat `cvss` test
    /// vectors and an independent oracle), copied so the test stands alone.
    #[test]
    fn crate_scores_match_the_first_calculator() {
        let cases = [
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
            ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N", 8.1),
            ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N", 4.7),
            ("CVSS:3.1/AV:P/AC:L/PR:H/UI:R/S:U/C:N/I:H/A:N", 3.9),
            ("CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:C/C:L/I:L/A:N", 4.0),
            ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:N/A:H", 6.9),
            ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:H/A:L", 7.0),
            ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:L", 8.9),
            ("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.0),
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 10.0),
            ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:C/C:N/I:N/A:N", 0.0),
            ("CVSS:3.0/AV:L/AC:L/PR:N/UI:R/S:C/C:N/I:L/A:N", 3.6),
            ("CVSS:3.0/AV:A/AC:L/PR:H/UI:R/S:C/C:H/I:N/A:N", 5.7),
            // temporal and environmental metrics do not change the base score
            (
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:H/A:N/E:F/RL:X/RC:U/IR:M/MS:C/MC:N/MI:L/MA:H",
                6.9,
            ),
            (
                "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L/E:X/RL:W/RC:X",
                3.5,
            ),
            // metrics in any order
            (
                "CVSS:3.1/E:F/RL:W/RC:U/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:L/A:N",
                8.2,
            ),
            ("CVSS:3.1/PR:H/C:N/AV:A/AC:L/I:H/UI:N/A:H/S:C", 8.1),
        ];
        for (vector, expected) in cases {
            assert_eq!(score(vector), expected, "{vector}");
        }
    }

    #[test]
    fn severity_follows_the_score() {
        let critical = CvssScore::parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").unwrap();
        assert_eq!(critical.severity, Severity::Critical);
        let medium = CvssScore::parse("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N").unwrap();
        assert_eq!(medium.severity, Severity::Medium);
    }

    #[test]
    fn normalised_vector_keeps_the_base_metrics_in_calculator_order() {
        let parsed =
            CvssScore::parse("cvss:3.0/S:U/AV:n/AC:L/PR:N/UI:N/C:H/I:H/A:H/E:P/RL:O").unwrap();
        assert_eq!(
            parsed.vector,
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
        );
        assert_eq!(parsed.version, "3.0");
        assert_eq!(parsed.base_score, 9.8);
    }

    #[test]
    fn incomplete_or_invalid_vectors_are_rejected() {
        assert_eq!(
            CvssScore::parse("CVSS:3.1/AV:N/AC:L"),
            Err(CvssError::MissingMetric("PR"))
        );
        assert_eq!(
            CvssScore::parse("CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            Err(CvssError::DuplicateMetric("AV"))
        );
        assert!(matches!(
            CvssScore::parse("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            Err(CvssError::Invalid { .. })
        ));
        assert_eq!(
            CvssScore::parse("CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            Err(CvssError::Prefix)
        );
        assert_eq!(
            CvssScore::parse("CVSS:4.1/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
            Err(CvssError::Prefix)
        );
        assert!(CvssScore::parse("AV:N/AC:L/Au:N/C:P/I:P/A:P").is_err());
        assert!(CvssScore::parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H and more").is_err());
    }

    #[test]
    fn vector_without_prefix_is_read_as_3_1() {
        let parsed = CvssScore::parse("AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N").unwrap();
        assert_eq!(parsed.version, "3.1");
        assert_eq!(parsed.base_score, 8.1);
    }

    #[test]
    fn vector_is_found_through_soft_breaks_tags_and_brackets() {
        let texts = [
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/\nS:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/=\nS:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:N/U=\nI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/= S:U/C:H/I:H/A:H",
            "CVSS:3.1 / AV:N / AC:L / PR:N / UI:N / S:U / C:H / I:H / A:H",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "[CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H](https://www.first.org/cvss/calculator/3.1)",
            "> CVSS:3.1/AV:N/AC:L/PR:N/UI:N/\n> S:U/C:H/I:H/A:H",
            "score (CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C).",
        ];
        for text in texts {
            let found = find_vector(text).unwrap_or_else(|| panic!("no vector in {text:?}"));
            assert_eq!(found.vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
            assert_eq!(found.base_score, 9.8);
        }
    }

    #[test]
    fn a_vector_of_another_version_is_not_read_as_bare() {
        for text in [
            "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:31/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:2.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        ] {
            assert_eq!(find_vector(text), None, "{text}");
        }
    }

    #[test]
    fn a_paragraph_break_ends_a_vector() {
        let text = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/\n\n\n\n\n\nS:U/C:H/I:H/A:H";
        assert_eq!(find_vector(text), None);
    }

    #[test]
    fn bare_scores_are_read_after_a_trigger() {
        let cases = [
            ("CVSS 8.1", Some(8.1)),
            ("CVSS score: 8,1", Some(8.1)),
            ("punteggio CVSS 7,5", Some(7.5)),
            ("Punteggio CVSS di base pari a 6,3.", Some(6.3)),
            ("CVSS v3 base score 9.8", Some(9.8)),
            ("CVSSv3.1: 5.4 (medium)", Some(5.4)),
            ("CVSS 3.1 base score is 7.2", Some(7.2)),
            ("Score: 6.5/10", Some(6.5)),
            ("CVSS 3.5", Some(3.5)),
            ("CVSS: 10.0", Some(10.0)),
            ("**CVSS:** 5.4 (Medium)", Some(5.4)),
            ("CVSS 3.1 AV:N/AC:L", None),
            ("CVSS:3.1/AV:N/AC:L", None),
            ("see the CVSS calculator v3.1", None),
            ("score 2024", None),
            ("CVSS 11", None),
            ("credit score 700", None),
            ("CVSS 3.1.2", None),
            ("CVSS 4.0 base score 9.3", Some(9.3)),
            ("CVSSv4: 5.1", Some(5.1)),
            ("CVSS v4.0 score: 8,7", Some(8.7)),
            ("CVSS 4.5", Some(4.5)),
            ("CVSS 4.0", None),
            ("CVSS:4.0/AV:N/AC:L", None),
            ("X-Spam-Score: ham, score=3.30", None),
            ("spam score 5.1 over the threshold", None),
            ("X-Spam-Status: No, score=-0.1", None),
        ];
        for (text, expected) in cases {
            assert_eq!(find_bare_score(text), expected, "{text:?}");
        }
    }

    #[test]
    fn pathological_input_is_handled_quickly() {
        let text = "CVSS:3.1/AV:N/".repeat(20_000) + &"cvss ".repeat(20_000);
        assert_eq!(find_vector(&text), None);
        assert_eq!(find_bare_score(&text), None);
        let text = "CVSS:4.0/AV:N/AC:L/AT:N/".repeat(20_000) + &"AV:N/AT:N/".repeat(20_000);
        assert_eq!(find_vector(&text), None);
        let complete = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N ";
        assert_eq!(find_vectors(&[&complete.repeat(20_000)]).len(), 1);
    }

    const V4_CRITICAL: &str = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    /// Base scores published with CVSS 4.0: FIRST's specification and
    /// calculator examples, and Red Hat's reference implementation of
    /// FIRST's calculator (`RedHatProductSecurity/cvss`, `tests/test_cvss4.py`
    /// and `tests/vectors_simple4`; its `vectors_base4` is what the `cvss`
    /// crate's own tests check every base vector against). Copied so the
    /// test stands alone.
    #[test]
    fn v4_scores_match_the_published_examples() {
        let cases = [
            // FIRST
            (V4_CRITICAL, 9.3, Severity::Critical),
            (
                "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                8.5,
                Severity::High,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
                0.0,
                Severity::None,
            ),
            // Red Hat, test_cvss4.py
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N",
                8.7,
                Severity::High,
            ),
            (
                "CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
                0.0,
                Severity::None,
            ),
            // Red Hat, vectors_simple4
            (
                "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:N/SA:H",
                9.5,
                Severity::Critical,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                8.6,
                Severity::High,
            ),
            (
                "CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:N/VC:H/VI:H/VA:L/SC:H/SI:H/SA:L",
                7.1,
                Severity::High,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:L/SA:N",
                6.9,
                Severity::Medium,
            ),
            (
                "CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:H/SA:N",
                4.0,
                Severity::Medium,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:N/SA:N",
                2.1,
                Severity::Low,
            ),
            (
                "CVSS:4.0/AV:P/AC:L/AT:P/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:N/SA:L",
                1.0,
                Severity::Low,
            ),
            (
                "CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
                0.0,
                Severity::None,
            ),
        ];
        for (vector, base_score, severity) in cases {
            let parsed = CvssScore::parse(vector).unwrap_or_else(|e| panic!("{vector}: {e}"));
            assert_eq!(parsed.vector, vector);
            assert_eq!(parsed.version, "4.0");
            assert_eq!(parsed.base_score, base_score, "{vector}");
            assert_eq!(parsed.severity, severity, "{vector}");
        }
    }

    /// The score is the base score ("CVSS-B"): threat, environmental and
    /// supplemental metrics are read past, not scored. With them Red Hat's
    /// implementation gives 7.9 (AR:L) and 7.7 (MSI:H) as CVSS-BE scores.
    #[test]
    fn v4_metrics_after_the_base_ones_do_not_change_the_base_score() {
        let cases = [
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/AR:L",
                8.7,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MSI:H",
                0.0,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/CR:H/IR:X/AR:L\
                 /MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S\
                 /S:N/AU:N/R:I/V:C/RE:H/U:Green",
                9.3,
            ),
            // metrics in any order, Provider Urgency in any case
            (
                "CVSS:4.0/E:A/U:red/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/AU:Y/SA:N",
                9.3,
            ),
        ];
        for (text, base_score) in cases {
            let parsed = CvssScore::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(parsed.base_score, base_score, "{text}");
            assert_eq!(parsed.vector.matches('/').count(), 11, "{text}");
            let found = find_vector(text).unwrap_or_else(|| panic!("no vector in {text:?}"));
            assert_eq!(found, parsed);
        }
    }

    #[test]
    fn v4_vector_is_normalised_to_its_base_metrics_in_calculator_order() {
        let parsed =
            CvssScore::parse("cvss:4.0/sa:n/SI:N/SC:N/VA:h/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N/E:P")
                .unwrap();
        assert_eq!(parsed.vector, V4_CRITICAL);
        assert_eq!(parsed.base_score, 9.3);
    }

    #[test]
    fn incomplete_or_invalid_v4_vectors_are_rejected() {
        let eleventh_missing = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N";
        assert_eq!(
            CvssScore::parse(eleventh_missing),
            Err(CvssError::MissingMetric("SA"))
        );
        assert_eq!(find_vector(eleventh_missing), None);
        // a 3.x vector labelled 4.0 is not a 4.0 vector
        assert_eq!(
            CvssScore::parse("CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            Err(CvssError::MissingMetric("AT"))
        );
        assert_eq!(
            CvssScore::parse(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VC:L/VI:H/VA:H/SC:N/SI:N/SA:N"
            ),
            Err(CvssError::DuplicateMetric("VC"))
        );
        for invalid in [
            // S (safety) is a value of MSI/MSA only; X is no base value
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:S",
            "CVSS:4.0/AV:N/AC:L/AT:X/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        ] {
            assert!(
                matches!(CvssScore::parse(invalid), Err(CvssError::Invalid { .. })),
                "{invalid}"
            );
            assert_eq!(find_vector(invalid), None, "{invalid}");
        }
        assert!(CvssScore::parse(&format!("{V4_CRITICAL}/U:Purple")).is_err());
        assert!(
            CvssScore::parse("AV:Network/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
                .is_err()
        );
    }

    #[test]
    fn v4_vector_is_found_through_soft_breaks_tags_quotes_and_brackets() {
        let texts = [
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/\nVC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/V=\nI:H/VA:H/SC:N/SI:N/SA:N",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/= VA:H/SC:N/SI:N/SA:N",
            "CVSS: 4.0 / AV:N / AC:L / AT:N / PR:N / UI:N / VC:H / VI:H / VA:H / SC:N / SI:N / SA:N",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/\n\nUI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "[CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N]\
             (https://www.first.org/cvss/calculator/4.0#CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N)",
            "> CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/\n> VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            "score (CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/U:Amber).",
            "\u{feff}CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H\u{00a0}/VI:H/VA:H/\u{200b}SC:N/SI:N/SA:N",
        ];
        for text in texts {
            let found = find_vector(text).unwrap_or_else(|| panic!("no vector in {text:?}"));
            assert_eq!(found.vector, V4_CRITICAL, "{text:?}");
            assert_eq!(found.version, "4.0");
            assert_eq!(found.base_score, 9.3);
            assert_eq!(found.severity, Severity::Critical);
        }
    }

    #[test]
    fn a_v4_vector_without_prefix_is_read_as_4_0() {
        let bare = "AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        assert_eq!(CvssScore::parse(bare).unwrap().vector, V4_CRITICAL);
        let found = find_vector(&format!("We scored it CVSS v4.0 {bare}.")).expect("a vector");
        assert_eq!(found.vector, V4_CRITICAL);
        // but not the tail of a vector whose prefix was refused
        assert_eq!(find_vector(&format!("CVSS:4.1/{bare}")), None);
        assert_eq!(find_vector(&format!("CVSS:40/{bare}")), None);
    }

    #[test]
    fn one_vector_per_version_is_kept_in_the_order_found() {
        let v31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        let v30 = "CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N";
        let other_v31 = "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N";
        let vectors = |text: &str| -> Vec<String> {
            find_vectors(&[text])
                .into_iter()
                .map(|c| c.vector)
                .collect()
        };
        let text = format!("3.1: {v31}\n4.0: {V4_CRITICAL}\nagain {v31} and {V4_CRITICAL}");
        assert_eq!(vectors(&text), [v31, V4_CRITICAL]);
        assert_eq!(find_vector(&text).unwrap().vector, V4_CRITICAL);
        let text = format!("{V4_CRITICAL}\n{other_v31}\n{v31}\n{v30}");
        assert_eq!(vectors(&text), [V4_CRITICAL, other_v31, v30]);
        assert_eq!(find_vector(&text).unwrap().vector, V4_CRITICAL);
        // without 4.0 the first one found decides, as before 4.0 was read
        let text = format!("{v30} then {v31}");
        assert_eq!(find_vector(&text).unwrap().vector, v30);
        // a run without a prefix comes after the prefixed vectors of its text
        let text = "AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N and ".to_string() + v31;
        assert_eq!(vectors(&text), [v31, V4_CRITICAL]);
        // body first, then subject
        let found = find_vectors(&[v31, V4_CRITICAL]);
        assert_eq!(found.len(), 2);
        assert_eq!(preferred(&found).unwrap().vector, V4_CRITICAL);
        assert!(find_vectors(&[&text.repeat(50), &text]).len() <= MAX_VECTORS);
    }

    /// Every 4.0 base vector (4 × 2 × 2 × 3 × 3 × 3⁶ = 104,976) scores
    /// between 0.0 and 10.0 without a panic, its severity in its band.
    #[test]
    fn every_v4_base_vector_is_scored() {
        let values: [&[&str]; 11] = [
            &["N", "A", "L", "P"],
            &["L", "H"],
            &["N", "P"],
            &["N", "L", "H"],
            &["N", "P", "A"],
            &["H", "L", "N"],
            &["H", "L", "N"],
            &["H", "L", "N"],
            &["H", "L", "N"],
            &["H", "L", "N"],
            &["H", "L", "N"],
        ];
        let total: usize = values.iter().map(|v| v.len()).product();
        for n in 0..total {
            let mut rest = n;
            let metrics: Vec<(String, String)> = BASE_METRICS_V4
                .iter()
                .zip(values)
                .map(|(name, values)| {
                    let value = values[rest % values.len()];
                    rest /= values.len();
                    ((*name).to_string(), value.to_string())
                })
                .collect();
            let score = score_metrics(Version::V4_0, &metrics)
                .unwrap_or_else(|e| panic!("{metrics:?}: {e}"));
            assert!((0.0..=10.0).contains(&score.base_score), "{}", score.vector);
            assert_eq!(score.severity, Severity::from_cvss_score(score.base_score));
        }
    }
}
