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
#   bench/compile_instructions.sh --per-epoch [compiler...]   (default: g++ clang++)
# What one epoch of the notebook's training costs, written each way of
# bench/layers_experiment.cpp (layouts 0-3, 5, 6), as the hand-written loop
# (layout 4: task 6) and as ctnn::train (task 5): the instructions at 300
# epochs minus those at 100, over 200, in millions (M), and the ratio to the
# hand-written loop (docs/compile-time.md). 16 compiles per compiler: 22
# minutes for g++, clang++ and clang++-19 on the project's machine.
set -euo pipefail
shopt -s inherit_errexit  # a failure inside $(...) stops the script too
here=$(cd "$(dirname "$0")" && pwd)
command -v valgrind >/dev/null || { echo "compile_instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
flags=(-std=c++20 -I"$here/../include" -I"$here/../examples" -fsyntax-only)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

count() {  # compiler source defines... -> instructions of the whole compile (driver and cc1plus/cc1 alike)
  local cxx=$1 source=$2
  shift 2
  valgrind --tool=cachegrind --cache-sim=no --trace-children=yes --cachegrind-out-file=/dev/null \
    --log-file="$log" "$cxx" "$@" "${flags[@]}" "$source" ||
    { echo "compile_instructions.sh: $cxx $* failed to compile $source" >&2; exit 1; }
  grep 'I *refs' "$log" | awk '{gsub(",", "", $NF); total += $NF} END {printf "%.0f\n", total}'
}
instructions() {  # compiler task
  count "$1" "$here/compile_time_task.cpp" -DCTNN_TASK="$2"
}

per_epoch_mode=false
if [[ ${1:-} == --per-epoch ]]; then per_epoch_mode=true; shift; fi
compilers=("$@")
if (( ${#compilers[@]} == 0 )); then compilers=(g++ clang++); fi
for cxx in "${compilers[@]}"; do
  [[ $cxx != -* ]] || { echo "usage: compile_instructions.sh [--per-epoch] [compiler...]" >&2; exit 2; }
done

if $per_epoch_mode; then
  per_epoch() {  # compiler source epochs-macro defines... -> M instructions per epoch
    local cxx=$1 source=$2 epochs=$3
    shift 3
    local at100 at300
    at100=$(count "$cxx" "$source" "-D$epochs=100" "$@")
    at300=$(count "$cxx" "$source" "-D$epochs=300" "$@")
    awk -v a="$at100" -v b="$at300" 'BEGIN { printf "%.3f\n", (b - a) / 200 / 1e6 }'
  }
  row() {  # compiler way M-per-epoch M-per-epoch-of-the-hand-written-loop
    awk -v c="$1" -v w="$2" -v m="$3" -v h="$4" 'BEGIN { printf "%-10s %-40s %12.3f %7.2fx\n", c, w, m, m / h }'
  }
  printf '%-10s %-40s %12s %8s\n' compiler "way (docs/compile-time.md)" "M per epoch" ratio
  for cxx in "${compilers[@]}"; do
    handwritten=$(per_epoch "$cxx" "$here/compile_time_task.cpp" CTNN_EPOCHS -DCTNN_TASK=6)
    row "$cxx" "layout 4: named doubles (task 6)" "$handwritten" "$handwritten"
    m=$(per_epoch "$cxx" "$here/layers_experiment.cpp" EPOCHS -DLAYERS=5)
    row "$cxx" "layout 5: ctnn's layers" "$m" "$handwritten"
    m=$(per_epoch "$cxx" "$here/layers_experiment.cpp" EPOCHS -DLAYERS=6)
    row "$cxx" "layout 6: ctnn's layers, two buffers" "$m" "$handwritten"
    m=$(per_epoch "$cxx" "$here/compile_time_task.cpp" CTNN_EPOCHS -DCTNN_TASK=5)
    row "$cxx" "ctnn::train (task 5)" "$m" "$handwritten"
    for layout in 3 2 1 0; do
      m=$(per_epoch "$cxx" "$here/layers_experiment.cpp" EPOCHS -DLAYERS="$layout")
      row "$cxx" "layout $layout" "$m" "$handwritten"
    done
  done
  exit 0
fi

printf '%-10s %14s %14s %14s %14s %10s\n' compiler "none (G)" "notebook (+G)" "hand-written" "its loop" "ratio"
for cxx in "${compilers[@]}"; do
  base=$(instructions "$cxx" 0)
  notebook=$(instructions "$cxx" 1)
  handwritten=$(instructions "$cxx" 6)
  loop=$(instructions "$cxx" 8)
  awk -v c="$cxx" -v b="$base" -v n="$notebook" -v h="$handwritten" -v l="$loop" 'BEGIN {
    printf "%-10s %14.2f %14.2f %14.2f %14.2f %9.2fx\n", c, b / 1e9, (n - b) / 1e9, (h - b) / 1e9, (l - b) / 1e9,
           (n - b) / (h - b) }'
done
