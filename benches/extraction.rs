//! Extraction alone, in-process: what `secdesk parse` and the daemon spend
//! turning one parsed mail into a report. Run by hand:
//!
//! ```sh
//! cargo bench --bench extraction               # every labelled mail, 20 rounds
//! cargo bench --bench extraction -- --rounds 50
//! ```
//!
//! It reads every `.eml` under `tests/reports/`, parses each once (MIME
//! decoding is not what is measured here), then times `ingest::report_of`
//! per mail. The first call is printed on its own: it pays for compiling
//! the rules' regular expressions, once per process.

use std::path::Path;
use std::time::{Duration, Instant};

use secdesk::message::{self, Limits};

fn main() {
    // `cargo test --all-targets` runs this binary without `--bench`: only
    // `cargo bench` should spend minutes timing a debug build
    if !std::env::args().any(|a| a == "--bench") {
        println!("extraction benchmark: run it with `cargo bench --bench extraction`");
        return;
    }
    let rounds = std::env::args()
        .skip_while(|a| a != "--rounds")
        .nth(1)
        .map(|n| n.parse::<usize>().expect("--rounds takes a number"))
        .unwrap_or(20);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reports");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/reports")
        .flatten()
        .filter(|set| set.path().is_dir())
        .flat_map(|set| std::fs::read_dir(set.path()).expect("a set").flatten())
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    let limits = Limits::default();
    let mails: Vec<_> = files
        .iter()
        .map(|p| message::parse(&std::fs::read(p).expect("read"), &limits).expect("parse"))
        .collect();
    let desk = "security@example.test";

    let first = Instant::now();
    std::hint::black_box(secdesk::ingest::report_of(&mails[0], desk));
    let first = first.elapsed();

    let mut times: Vec<Duration> = Vec::with_capacity(mails.len() * rounds);
    for _ in 0..rounds {
        for mail in &mails {
            let start = Instant::now();
            std::hint::black_box(secdesk::ingest::report_of(mail, desk));
            times.push(start.elapsed());
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let total: Duration = times.iter().sum();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{} mails x {rounds} rounds: mean {:.3} ms, p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms per report; first call {:.1} ms",
        mails.len(),
        ms(total) / times.len() as f64,
        ms(at(0.5)),
        ms(at(0.99)),
        ms(*times.last().expect("some mails")),
        ms(first),
    );
}
