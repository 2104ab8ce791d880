#!/usr/bin/env bash
# Extra compile time and peak memory of training at compile time, per compiler:
#   bench/compile_time.sh [RUNS]      (default 5 runs; prints medians)
# Each task's TU is compiled RUNS times with and without the training; the
# figure is median(with) - median(without), and the peak resident memory.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-5}
# -fsyntax-only: constant evaluation is front-end work, and no output file is
# written (a failing compiler deletes its output file: never let that be /dev/null).
flags=(-std=c++20 -I"$here/../include" -I"$here/../examples" -fsyntax-only "$here/compile_time_task.cpp")

median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

measure() {  # compiler task -> "median_seconds peak_kb"
  local times=() peak=0 t kb
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$timing" "$1" -DCTNN_TASK="$2" "${flags[@]}"
    read -r t kb < "$timing"
    times+=("$t")
    if (( kb > peak )); then peak=$kb; fi
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $peak"
}

printf '%-8s %-9s %10s %10s %12s\n' compiler task "total s" "extra s" "peak MB"
for cxx in g++ clang++; do
  read -r base base_kb < <(measure "$cxx" 0)
  printf '%-8s %-9s %10.2f %10s %12d\n' "$cxx" none "$base" "-" $((base_kb / 1024))
  for task in 1 2; do
    read -r t kb < <(measure "$cxx" "$task")
    name=$([ "$task" = 1 ] && echo notebook || echo xor)
    printf '%-8s %-9s %10.2f %10.2f %12d\n' "$cxx" "$name" "$t" "$(echo "$t - $base" | bc -l)" $((kb / 1024))
  done
done
