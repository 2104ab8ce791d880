#!/usr/bin/env bash
# The cost of training at compile time in instructions the compiler executes,
# counted by valgrind (Debian's valgrind package): the same on every run, so
# two ways of writing the code can be compared on this noisy machine without
# repeating compiles. Time is still what users pay (bench/compile_time.sh);
# this says which of two versions costs less, and by how much.
#   bench/compile_instructions.sh [compiler...]   (default: g++ clang++)
# For each compiler: the instructions of the translation unit without training
# (task 0, bench/compile_time_task.cpp), the extra of the notebook's task
# (ctnn::trained), of the same training as a hand-written constexpr loop
# (task 6), and of that loop with a trivial sigmoid (task 8, no exp: the loop's
# own cost), then the ratio notebook / hand-written.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v valgrind >/dev/null || { echo "compile_instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
flags=(-std=c++20 -I"$here/../include" -I"$here/../examples" -fsyntax-only "$here/compile_time_task.cpp")
log=$(mktemp)
trap 'rm -f "$log"' EXIT

instructions() {  # compiler task -> instructions of the whole compile (driver and cc1plus/cc1 alike)
  valgrind --tool=cachegrind --cache-sim=no --trace-children=yes --cachegrind-out-file=/dev/null \
    --log-file="$log" "$1" -DCTNN_TASK="$2" "${flags[@]}"
  grep 'I *refs' "$log" | awk '{gsub(",", "", $NF); total += $NF} END {printf "%.0f\n", total}'
}

printf '%-10s %14s %14s %14s %14s %10s\n' compiler "none (G)" "notebook (+G)" "hand-written" "its loop" "ratio"
compilers=("$@")
if (( ${#compilers[@]} == 0 )); then compilers=(g++ clang++); fi
for cxx in "${compilers[@]}"; do
  base=$(instructions "$cxx" 0)
  notebook=$(instructions "$cxx" 1)
  handwritten=$(instructions "$cxx" 6)
  loop=$(instructions "$cxx" 8)
  awk -v c="$cxx" -v b="$base" -v n="$notebook" -v h="$handwritten" -v l="$loop" 'BEGIN {
    printf "%-10s %14.2f %14.2f %14.2f %14.2f %9.2fx\n", c, b / 1e9, (n - b) / 1e9, (h - b) / 1e9, (l - b) / 1e9,
           (n - b) / (h - b) }'
done
