//! CVSS v3.0/v3.1: finding a vector in mangled mail text, scoring it, and
//! reading a bare score ("CVSS 8.1", "punteggio 7,5") when there is none.
//!
//! Vectors reach us damaged: a quoted-printable soft break turned into a real
//! newline or left as a stray `=`, HTML tags removed leaving spaces or
//! newlines between metrics, `> ` quote markers, markdown brackets around it.
//! So a vector is read one significant byte at a time from a cursor that
//! skips such noise, within tight limits, and stops at the first byte that
//! cannot continue it. The RustSec `cvss` crate then validates and scores a
//! canonical string rebuilt from what was read. That crate scores an
//! incomplete vector (`CVSS:3.1/AV:N/AC:L`) as 0.0, so all eight base
//! metrics are required here first.

use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;

use super::CvssScore;
use super::error::CvssError;
use crate::ticket::Severity;

/// The eight base metrics, in the order the FIRST calculator writes them.
const BASE_METRICS: [&str; 8] = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

/// 8 base, 3 temporal and 11 environmental metrics: a longer run is not one
/// vector, and the cap bounds the work per candidate.
const MAX_METRICS: usize = 22;

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

static SCORE_TRIGGER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:cvss|score|punteggio)").expect("valid regex"));

static VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)v?3(?:\.[01])?").expect("valid regex"));

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,2})(?:[.,]([0-9]{1,2}))?").expect("valid regex"));

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{L}+'?").expect("valid regex"));

/// Words that may sit between a trigger and its number:
/// "CVSS v3 base score is 9.8", "punteggio CVSS di base pari a 7,5".
const SCORE_FILLERS: &[&str] = &[
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
    /// Read one complete CVSS v3.0/v3.1 base vector and compute its score.
    ///
    /// Accepts what reporters paste: a lower-case `cvss:` prefix, spaces or
    /// soft breaks between metrics, metrics in any order, temporal and
    /// environmental metrics after the base ones (ignored: the score is the
    /// base score and [`CvssScore::vector`] keeps the eight base metrics).
    /// A vector without the `CVSS:3.x/` prefix but with all eight base
    /// metrics is read as CVSS 3.1, whose base score equals 3.0's.
    pub fn parse(text: &str) -> Result<CvssScore, CvssError> {
        let text = text.trim();
        let mut cursor = Cursor::new(text, 0);
        let minor = match text.get(..4) {
            Some(head) if head.eq_ignore_ascii_case("cvss") => {
                cursor.pos = 4;
                read_prefix(&mut cursor).ok_or(CvssError::Prefix)?
            }
            _ if BARE_START.find(text).is_some_and(|m| m.start() == 0) => 1,
            _ => return Err(CvssError::Prefix),
        };
        let metrics = read_metrics(&mut cursor);
        cursor.skip_noise();
        if cursor.pos != text.len() {
            return Err(CvssError::Syntax(cursor.pos));
        }
        score_metrics(minor, &metrics)
    }
}

/// The first complete, valid vector in `text`: prefixed ones first, then a
/// bare `AV:../AC:..` run (read as 3.1). Incomplete vectors are skipped.
pub(super) fn find_vector(text: &str) -> Option<CvssScore> {
    let prefixed = PREFIX.find_iter(text).take(MAX_CANDIDATES).find_map(|m| {
        let mut cursor = Cursor::new(text, m.end());
        let minor = read_prefix(&mut cursor)?;
        score_metrics(minor, &read_metrics(&mut cursor)).ok()
    });
    prefixed.or_else(|| {
        BARE_START
            .find_iter(text)
            .take(MAX_CANDIDATES)
            .filter(|m| !continues_a_path(text, m.start()))
            .find_map(|m| score_metrics(1, &read_metrics(&mut Cursor::new(text, m.start()))).ok())
    })
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

/// After `CVSS` (any case): `:3.0/` or `:3.1/`, noise allowed. The minor
/// version (0 or 1).
fn read_prefix(cursor: &mut Cursor<'_>) -> Option<u8> {
    for expected in [b':', b'3', b'.'] {
        cursor.skip_noise();
        if cursor.peek()? != expected {
            return None;
        }
        cursor.pos += 1;
    }
    cursor.skip_noise();
    let minor = match cursor.peek()? {
        b'0' => 0,
        b'1' => 1,
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
    Some(minor)
}

/// `NAME:V` pairs separated by `/`, as far as they go. Names are upper-cased.
fn read_metrics(cursor: &mut Cursor<'_>) -> Vec<(String, u8)> {
    let mut metrics = Vec::new();
    while metrics.len() < MAX_METRICS {
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

fn read_metric(cursor: &mut Cursor<'_>) -> Option<(String, u8)> {
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
        read_value(cursor)
    };
    match value {
        Some(value) => Some((name, value)),
        None => {
            cursor.pos = start;
            None
        }
    }
}

/// `:V` after a metric name.
fn read_value(cursor: &mut Cursor<'_>) -> Option<u8> {
    if cursor.peek()? != b':' {
        return None;
    }
    cursor.pos += 1;
    cursor.skip_noise();
    let value = cursor.peek().filter(u8::is_ascii_alphabetic)?;
    cursor.pos += 1;
    // every v3 value is one letter: "AV:Network" is prose, not a metric
    if cursor.peek().is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some(value.to_ascii_uppercase())
}

/// Validate the base metrics and score them with the `cvss` crate.
fn score_metrics(minor: u8, metrics: &[(String, u8)]) -> Result<CvssScore, CvssError> {
    let mut base: [Option<u8>; 8] = [None; 8];
    for (name, value) in metrics {
        if let Some(i) = BASE_METRICS.iter().position(|m| m == name) {
            if base[i].is_some() {
                return Err(CvssError::DuplicateMetric(BASE_METRICS[i]));
            }
            base[i] = Some(*value);
        }
    }
    let mut vector = format!("CVSS:3.{minor}");
    for (name, value) in BASE_METRICS.iter().zip(base) {
        let value = value.ok_or(CvssError::MissingMetric(name))?;
        vector.push('/');
        vector.push_str(name);
        vector.push(':');
        vector.push(char::from(value));
    }
    let parsed = cvss::v3::Vector::from_str(&vector).map_err(|e| CvssError::Invalid {
        vector: vector.clone(),
        reason: e.to_string(),
    })?;
    let base_score = parsed.base_score().value();
    Ok(CvssScore {
        version: format!("3.{minor}"),
        vector,
        base_score,
        severity: Severity::from_cvss_score(base_score),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            CvssScore::parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
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
    }
}
