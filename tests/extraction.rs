//! How much of a report the desk gets right (issue 14): labelled reports
//! in `tests/reports/` (the generated `dev/` and `heldout/`, the
//! hand-written `hand-dev*/` tuned against, and `hand-heldout*/`, never
//! tuned against), each set with an `expected.jsonl`, read by the same code
//! as `secdesk parse`. Prints per-field accuracy, precision and recall, and
//! fails under the bar.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use secdesk::message::Limits;

/// Fields right, over every checked field of every report of a set.
const BAR: f64 = 0.97;

#[derive(serde::Deserialize)]
struct Expected {
    file: String,
    kind: String,
    language: String,
    cve_ids: Vec<String>,
    cvss_vector: Option<String>,
    cvss_score: Option<f64>,
    reported_score: Option<f64>,
    has_remediation: bool,
    remediation_hint: Option<String>,
    has_customer_message: bool,
    customer_message_hint: Option<String>,
}

/// Counts for one field: right or wrong, and for yes/no fields the
/// confusion counts (a "yes" is a kind named, a field found).
#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
    misses: Vec<String>,
}

impl Tally {
    fn record(
        &mut self,
        right: bool,
        expected_yes: bool,
        got_yes: bool,
        miss: impl FnOnce() -> String,
    ) {
        self.total += 1;
        if right {
            self.right += 1;
        } else {
            self.misses.push(miss());
        }
        match (expected_yes, got_yes) {
            (true, true) if right => self.true_pos += 1,
            (true, true) => {
                // the wrong yes: counts against both
                self.false_pos += 1;
                self.false_neg += 1;
            }
            (false, true) => self.false_pos += 1,
            (true, false) => self.false_neg += 1,
            (false, false) => {}
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn contains_folded(haystack: &str, needle: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(haystack).contains(&fold(needle))
}

/// Score one set; returns the share of fields right and the report.
fn score(dir: &Path) -> (f64, String) {
    let text = std::fs::read_to_string(dir.join("expected.jsonl"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut fields: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut reports = 0;
    let mut reading = std::time::Duration::ZERO;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let e: Expected = serde_json::from_str(line).unwrap_or_else(|err| panic!("{line}: {err}"));
        reports += 1;
        let started = std::time::Instant::now();
        let got = secdesk::cli::parse_file(
            &dir.join(&e.file),
            &Limits::default(),
            "security@example.test",
        )
        .unwrap_or_else(|err| panic!("{}: {err}", e.file));
        reading += started.elapsed();
        let f = &e.file;
        let kind_right = got.kind == e.kind;
        fields.entry("kind").or_default().record(
            kind_right,
            e.kind != "unknown",
            got.kind != "unknown",
            || format!("{f}: kind {} (expected {})", got.kind, e.kind),
        );
        fields.entry("language").or_default().record(
            got.language == e.language,
            true,
            true,
            || format!("{f}: language {} (expected {})", got.language, e.language),
        );
        let mut cves = got.cve_ids.clone();
        cves.sort();
        let mut want_cves = e.cve_ids.clone();
        want_cves.sort();
        fields.entry("cve_ids").or_default().record(
            cves == want_cves,
            !want_cves.is_empty(),
            !cves.is_empty(),
            || format!("{f}: CVEs {cves:?} (expected {want_cves:?})"),
        );
        let vector = got.cvss.as_ref().map(|c| c.vector.clone());
        fields.entry("cvss_vector").or_default().record(
            vector == e.cvss_vector,
            e.cvss_vector.is_some(),
            vector.is_some(),
            || format!("{f}: vector {vector:?} (expected {:?})", e.cvss_vector),
        );
        let score = got.cvss.as_ref().map(|c| c.base_score);
        let score_right = match (score, e.cvss_score) {
            (Some(a), Some(b)) => (a - b).abs() < 0.05,
            (None, None) => true,
            _ => false,
        };
        fields.entry("cvss_score").or_default().record(
            score_right,
            e.cvss_score.is_some(),
            score.is_some(),
            || format!("{f}: score {score:?} (expected {:?})", e.cvss_score),
        );
        let reported_right = match (got.reported_score, e.reported_score) {
            (Some(a), Some(b)) => (a - b).abs() < 0.05,
            (None, None) => true,
            _ => false,
        };
        fields.entry("reported_score").or_default().record(
            reported_right,
            e.reported_score.is_some(),
            got.reported_score.is_some(),
            || {
                format!(
                    "{f}: reported score {:?} (expected {:?})",
                    got.reported_score, e.reported_score
                )
            },
        );
        for (name, found, has, hint) in [
            (
                "remediation",
                &got.remediation,
                e.has_remediation,
                &e.remediation_hint,
            ),
            (
                "customer_message",
                &got.customer_message,
                e.has_customer_message,
                &e.customer_message_hint,
            ),
        ] {
            let right = match (found, has) {
                (Some(text), true) => hint.as_deref().is_none_or(|h| contains_folded(text, h)),
                (None, false) => true,
                _ => false,
            };
            fields
                .entry(name)
                .or_default()
                .record(right, has, found.is_some(), || {
                    format!(
                        "{f}: {name} {found:?} (expected {})",
                        if has {
                            format!("one with {hint:?}")
                        } else {
                            "none".into()
                        }
                    )
                });
        }
    }
    let (right, total) = fields
        .values()
        .fold((0, 0), |(r, t), f| (r + f.right, t + f.total));
    let share = ratio(right, total);
    let mut out = format!(
        "{}: {reports} reports, {right}/{total} fields right = {:.1} %; {:.2} ms per report read (parse and extract, this build)\n",
        dir.display(),
        share * 100.0,
        reading.as_secs_f64() * 1000.0 / reports.max(1) as f64
    );
    for (name, t) in &fields {
        out.push_str(&format!(
            "  {name:<17} {:>5.1} % right   precision {:>5.1} %   recall {:>5.1} %\n",
            ratio(t.right, t.total) * 100.0,
            ratio(t.true_pos, t.true_pos + t.false_pos) * 100.0,
            ratio(t.true_pos, t.true_pos + t.false_neg) * 100.0,
        ));
    }
    for t in fields.values() {
        for miss in &t.misses {
            out.push_str(&format!("  miss: {miss}\n"));
        }
    }
    (share, out)
}

fn set(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reports")
        .join(name)
}

/// The sets tuned against, each held to [`BAR`].
const TUNED: &[&str] = &[
    "dev",
    "heldout",
    "hand-dev",
    "hand-dev-2",
    "hand-dev-3",
    "hand-dev-4",
    "hand-dev-5",
    "hand-dev-6",
    "hand-dev-7",
    "hand-dev-8",
    "hand-dev-9",
    "hand-dev-10",
];

/// Hand-written sets nobody tuned against, with the share they scored on
/// first reading (92.8 % and 94.1 %, tests/reports/README.md): what a new
/// writer gets today. Held to that reading, so that a change that makes
/// unseen mail worse fails; the bar is [`BAR`].
const HELD_OUT: &[(&str, f64)] = &[("hand-heldout", 0.925), ("hand-heldout-2", 0.94)];

#[test]
fn the_desk_reads_the_labelled_reports() {
    let mut failed = Vec::new();
    let sets = TUNED
        .iter()
        .map(|name| (*name, BAR))
        .chain(HELD_OUT.iter().copied());
    for (name, bar) in sets {
        let (share, report) = score(&set(name));
        println!("{report}");
        if share < bar {
            failed.push(format!(
                "{name}: {:.1} % < {:.1} %",
                share * 100.0,
                bar * 100.0
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "under the bar: {failed:?} (run with --nocapture for the misses)"
    );
}
