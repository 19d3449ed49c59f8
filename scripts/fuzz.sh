#!/usr/bin/env bash
# Fuzzes the pure parsing code with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]      default 60
#   FUZZ_TARGETS="numbers" scripts/fuzz.sh 30  only some targets
#
# Targets (fuzz/fuzz_targets/): parse_extract (raw mail -> message::parse ->
# detect_automatic -> report::extract), html_and_quotes (html_to_text,
# strip_html_quote, new_text, parse_reply, is_status_request on lossy UTF-8)
# and numbers (ConfirmationNumber::find_all / parse).
#
# Each target runs for SECONDS_PER_TARGET with -max_len=262144 -timeout=5
# -rss_limit_mb=2048, so a panic, an input slower than 5 s or a process above
# 2 GB is a failure. Seeds are rebuilt from the project's own test mails
# (fuzz/seeds.py) into fuzz/corpus/<target>/, where the fuzzer also keeps what
# it finds; a failing input is written to fuzz/artifacts/<target>/. Replay one
# with `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET ARTIFACT` and
# shrink it with `cargo fuzz tmin TARGET ARTIFACT` (same variable).
# Exits non-zero when any target fails.
#
# Stable toolchain: cargo-fuzz passes nightly-only flags to rustc
# (-Zsanitizer=address and friends). RUSTC_BOOTSTRAP=1 makes the stable
# rustc accept them; the stable toolchain ships the ASan runtime for
# x86_64-unknown-linux-gnu, so no nightly is needed. FUZZ_SANITIZER=none
# builds without ASan (faster; safe Rust gains little from ASan).
#
# The fuzz crate is its own workspace and builds in fuzz/target, so it never
# touches ../target or the main crate's `cargo test`/clippy.
set -euo pipefail

SECONDS_PER_TARGET=${1:-60}
TARGETS=${FUZZ_TARGETS:-parse_extract html_and_quotes numbers}
SANITIZER=${FUZZ_SANITIZER:-address}
if ! [[ $SECONDS_PER_TARGET =~ ^[0-9]+$ ]] || ((SECONDS_PER_TARGET < 1)); then
    echo "usage: $0 [SECONDS_PER_TARGET]" >&2
    exit 2
fi

cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz from crates.io"
    cargo install --locked cargo-fuzz
fi

echo "== building seed corpora from the test mails"
python3 seeds.py corpus

echo "== building the fuzz targets (sanitizer: $SANITIZER)"
cargo fuzz build --release --sanitizer "$SANITIZER"

mkdir -p logs
summary=()
failed=0
for target in $TARGETS; do
    log="logs/$target.log"
    dict=()
    [[ $target == numbers ]] || dict=(-dict=mail.dict)
    echo "== $target for ${SECONDS_PER_TARGET}s (log: fuzz/$log)"
    start=$(date +%s)
    set +e
    cargo fuzz run --release --sanitizer "$SANITIZER" "$target" "corpus/$target" -- \
        -max_total_time="$SECONDS_PER_TARGET" -max_len=262144 -timeout=5 \
        -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" >"$log" 2>&1
    rc=$?
    set -e
    elapsed=$(($(date +%s) - start))
    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
    execs=$(stat number_of_executed_units)
    rate=$(stat average_exec_per_sec)
    rss=$(stat peak_rss_mb)
    slowest=$(stat slowest_unit_time_sec)
    corpus=$(find "corpus/$target" -type f | wc -l)
    if ((rc == 0)); then
        verdict=ok
    else
        failed=1
        verdict="FAILED (exit $rc)"
        grep -A1 -E "panicked at" "$log" | head -4 || true
        grep -E "^==[0-9]+== ?ERROR|^SUMMARY|Test unit written|ALARM|out-of-memory" "$log" | head -8 || true
    fi
    summary+=("$(printf '%-16s %6ss %12s execs %7s/s  slowest %3ss  peak %5s MB  corpus %6s  %s' \
        "$target" "$elapsed" "${execs:-?}" "${rate:-?}" "${slowest:-?}" "${rss:-?}" "$corpus" "$verdict")")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
if ((failed)); then
    echo "failing inputs are in fuzz/artifacts/<target>/" >&2
fi
exit "$failed"
