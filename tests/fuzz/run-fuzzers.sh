#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzzes each target under tests/fuzz with libFuzzer for a fixed time, with AddressSanitizer
# and UndefinedBehaviorSanitizer, and reports the executions and coverage each reached:
#   tests/fuzz/run-fuzzers.sh [SECONDS [TARGET...]]    (default: 60 s each, every target)
# Builds with clang into FUZZ_BUILD_DIR (default build-fuzz). Each target starts from its
# inputs in tests/data/fuzz/<target>/ and keeps what it finds in build-fuzz/corpus/<target>.
# A crash is written to build-fuzz/artifacts/<target>/; copy it into tests/data/fuzz/<target>/
# (the normal test run replays every file there: <target>_inputs) and fix the cause.
# Exit status: 0 when no target crashed, 1 otherwise.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_sigv4 fuzz_awsconfig fuzz_shadow fuzz_threeway fuzz_sandbox)

cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="-O1 -g -fsanitize=fuzzer-no-link" -DSHADOWSCOPE_SANITIZE=ON \
    -DSHADOWSCOPE_FUZZ=ON -DSHADOWSCOPE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" --target "${targets[@]}"

export QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=print_stacktrace=1
summary=$build_dir/fuzz-summary.txt
printf '%-16s %8s %12s %10s %8s %8s %8s %7s\n' target seconds executions exec/s cov ft corpus crashes >"$summary"
crashed=0
for target in "${targets[@]}"; do
    corpus=$build_dir/corpus/$target
    artifacts=$build_dir/artifacts/$target
    log=$build_dir/$target.log
    mkdir -p "$corpus" "$artifacts"
    echo "== $target: $seconds s"
    status=0
    "$build_dir/tests/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
        -rss_limit_mb=4096 -artifact_prefix="$artifacts/" "$corpus" "$root/tests/data/fuzz/$target" \
        >"$log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    crashes=$(find "$artifacts" -type f | wc -l)
    printf '%-16s %8s %12s %10s %8s %8s %8s %7s\n' "$target" "$seconds" "${executions:--}" "${rate:--}" \
        "${cov:--}" "${ft:--}" "$(find "$corpus" -type f | wc -l)" "$crashes" >>"$summary"
    if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
        crashed=1
        echo "$target: crashed (exit $status); its log: $log"
        grep -E 'ERROR|invariant broken|runtime error|SUMMARY' "$log" | head -5 || true
    fi
done
cat "$summary"
exit $crashed
