#!/usr/bin/env bash
# Extra compile time and peak memory of training at compile time, per compiler:
#   bench/compile_time.sh [ROUNDS]      (default 5 rounds)
# Each round compiles the TU without training, then with each task; a task's
# extra is its CPU time (user + system) minus that round's, so that a slow
# spell of the machine falls on both. Prints the median extra with its
# min-max over the rounds, and the peak resident memory (bench/run.py
# measures the same way, with more tasks).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-5}
# -fsyntax-only: constant evaluation is front-end work, and no output file is
# written (a failing compiler deletes its output file: never let that be /dev/null).
flags=(-std=c++20 -I"$here/../include" -I"$here/../examples" -fsyntax-only "$here/compile_time_task.cpp")

median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

compile() {  # compiler task -> "cpu_seconds peak_kb"
  /usr/bin/time -f '%U %S %M' -o "$timing" "$1" -DCTNN_TASK="$2" "${flags[@]}"
  read -r user system kb < "$timing"
  echo "$(echo "$user + $system" | bc -l) $kb"
}

printf '%-8s %-9s %10s %16s %9s\n' compiler task "extra s" "min-max" "peak MB"
for cxx in g++ clang++; do
  declare -A extras=() peaks=()
  for _ in $(seq "$rounds"); do
    read -r base _ < <(compile "$cxx" 0)
    for task in 1 2; do
      read -r t kb < <(compile "$cxx" "$task")
      extras[$task]+="$(echo "$t - $base" | bc -l) "
      if (( kb > ${peaks[$task]:-0} )); then peaks[$task]=$kb; fi
    done
  done
  for task in 1 2; do
    name=$([ "$task" = 1 ] && echo notebook || echo xor)
    sorted=$(printf '%s\n' ${extras[$task]} | sort -g)
    printf '%-8s %-9s %10.2f %7.2f – %-6.2f %9d\n' "$cxx" "$name" "$(median <<< "$sorted")" \
      "$(head -1 <<< "$sorted")" "$(tail -1 <<< "$sorted")" $((peaks[$task] / 1024))
  done
  unset extras peaks
done
