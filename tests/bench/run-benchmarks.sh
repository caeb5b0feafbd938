#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the optimised benchmark tree and runs every benchmark under tests/bench with its
# measuring settings (installer/setup.sh bench calls this after installing what they need).
# Prints each figure as "name value unit" as it is measured, then a table of the figures that
# have a budget (the issue's, for a 2-core machine) with PASS or MISS, and writes both to the
# results file.
# Environment: BENCH_BUILD_DIR (default build-bench), BENCH_BUILD_TYPE (default RelWithDebInfo),
#              BENCH_RESULTS (default $BENCH_BUILD_DIR/bench-results.txt),
#              BENCH_JOBS (parallel compile jobs, default nproc).
# Exit status: 0 when every benchmark ran and met its budgets, 1 when one failed to run,
#              3 when all ran but a figure missed its budget.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${BENCH_BUILD_DIR:-$root/build-bench}
results=${BENCH_RESULTS:-$build_dir/bench-results.txt}
benches=(bench_startup bench_panes bench_retainedtree bench_shadowdiff bench_signing bench_sandbox)

cmake -S "$root" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE="${BENCH_BUILD_TYPE:-RelWithDebInfo}" -DSHADOWSCOPE_BUILD_TESTS=ON \
    >/dev/null || exit 1
cmake --build "$build_dir" --parallel "${BENCH_JOBS:-$(nproc)}" \
    --target shadowscope shadowscope-sandbox "${benches[@]}" || exit 1

bin=$build_dir/tests/bench
app=$build_dir/app/shadowscope
sandbox=$build_dir/app/shadowscope-sandbox
# The benchmarks' own HOME: nothing reads or writes the user's settings or ~/.aws.
bench_home=$(mktemp -d)
trap 'rm -rf "$bench_home"' EXIT
mkdir -m 700 "$bench_home/runtime"
export HOME=$bench_home XDG_RUNTIME_DIR=$bench_home/runtime QT_QPA_PLATFORM=offscreen

mkdir -p "$(dirname "$results")"
{
    echo "# Shadowscope benchmarks, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "# commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
         "$(nproc) cores, load:$(uptime | sed 's/.*load average://')"
} >"$results"
cat "$results"

failed=()
# run NAME COMMAND...: runs one benchmark, its figures to the terminal and the results file.
run() {
    local name=$1
    shift
    echo "# $name"
    # (The offscreen platform's warning on every window shown is noise here.)
    if ! "$@" 2> >(grep -v '^This plugin does not support propagateSizeHints()$' >&2) \
        | tee -a "$results"; then
        failed+=("$name")
        echo "# $name FAILED" | tee -a "$results"
    fi
}

run bench_startup "$bin/bench_startup" --app "$app" --runs 11
run bench_panes "$bin/bench_panes" --sandbox "$sandbox" --topics 10000 --things 3000 \
    --runs 5 --aws-runs 3
run bench_panes "$bin/bench_panes" --sandbox "$sandbox" --topics 100000 --things 0 \
    --runs 3 --aws-runs 0
run bench_retainedtree "$bin/bench_retainedtree" --topics 100000 --runs 3
run bench_shadowdiff "$bin/bench_shadowdiff" --runs 21
run bench_signing "$bin/bench_signing" --seconds 1 --runs 3
run bench_sandbox "$bin/bench_sandbox" --sandbox "$sandbox" --wrk-seconds 10 --requests 20000

# The budgets: figure, comparison, limit (in the figure's unit), what it stands for.
budgets=(
    "startup_first_paint_ms <= 300 cold start to the first painted window (median)"
    "startup_rss_mb <= 80 resident memory after start"
    "retained_10k_first_page_ms <= 150 10k topics: first page on screen"
    "retained_10k_list_all_ms <= 500 10k topics: all 50 pages listed and shown"
    "retained_10k_max_stall_ms <= 50 10k topics: longest event-loop stall"
    "retained_10k_list_all_vs_aws_cli <= 0.25 10k topics: our time over the aws CLI's"
    "build_tree_with_proxy <= 1000 100k topics: tree built under the pane's proxy"
    "retained_100k_filter_keystroke_p95_ms <= 50 100k topics: filter keystroke to repaint, p95"
    "retained_100k_rss_mb <= 120 100k topics: process memory"
    "things_3k_filter_keystroke_worst_ms <= 20 3,000 things: filter keystroke, worst"
    "shadow_diff_128k_ms <= 10 diff of a 128 KB document"
    "shadow_create_patch_128k_ms <= 10 merge patch created"
    "shadow_apply_patch_128k_ms <= 10 merge patch applied"
    "shadow_threeway_merge_128k_ms <= 10 three-way merge"
    "get_speedup_over_botocore >= 25 SigV4 GET, ours over botocore"
    "post_128k_fraction_of_sha256_bound >= 0.9 SigV4 128 KB POST, of the SHA-256 bound"
    "sandbox_wrk_get_throughput >= 10000 GetThingShadow per second (wrk)"
    "sandbox_wrk_get_latency_p99 <= 5 GetThingShadow p99 (wrk)"
    "sandbox_wrk_update_latency_p99 <= 5 UpdateThingShadow p99 (wrk)"
)
missed=0
{
    echo
    echo "# Budgets"
    printf '# %-40s %12s %-10s %9s  %-6s %s\n' figure value unit budget result ""
    for line in "${budgets[@]}"; do
        read -r name op limit what <<<"$line"
        figure=$(awk -v name="$name" '$1 == name { value = $2; unit = $3 } END { print value, unit }' \
                 "$results")
        read -r value unit <<<"$figure"
        if [ -z "$value" ]; then
            result=ABSENT
            missed=1
        elif awk -v v="$value" -v l="$limit" -v op="$op" \
                 'BEGIN { exit !((op == "<=") ? (v <= l) : (v >= l)) }'; then
            result=PASS
        else
            result=MISS
            missed=1
        fi
        printf '# %-40s %12s %-10s %2s %6s  %-6s %s\n' "$name" "${value:--}" "${unit:-}" \
            "$op" "$limit" "$result" "$what"
    done
    echo "# load at the end:$(uptime | sed 's/.*load average://')"
} | tee -a "$results"
echo "Figures written to $results"
if [ ${#failed[@]} -gt 0 ]; then
    echo "Benchmarks that did not run: ${failed[*]}" >&2
    exit 1
fi
[ "$missed" -eq 0 ] || exit 3
