#!/usr/bin/env bash
# Extra compile time and peak memory of training at compile time, per compiler:
#   bench/compile_time.sh [ROUNDS]      (default 5 rounds)
# Each round compiles the TU without training, then with each task; a task's
# extra is its CPU time (user + system) minus that round's, so that a slow
# spell of the machine falls on both. Prints the median extra with its
# min-max over the rounds, and the peak resident memory (bench/run.py
# measures the same way, with more tasks).
set -euo pipefail
export LC_ALL=C  # a decimal point in /usr/bin/time's output and in printf
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-5}
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [ROUNDS >= 1]" >&2; exit 2; }
# -fsyntax-only: constant evaluation is front-end work, and no output file is
# written (a failing compiler deletes its output file: never let that be /dev/null).
flags=(-std=c++20 -I"$here/../include" -I"$here/../examples" -fsyntax-only "$here/compile_time_task.cpp")

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

compile() {  # compiler task: sets seconds (CPU) and kb (peak memory); a failed compile stops the script
  /usr/bin/time -f '%U %S %M' -o "$timing" "$1" -DCTNN_TASK="$2" "${flags[@]}"
  local user system
  read -r user system kb < "$timing"
  seconds=$(awk -v u="$user" -v s="$system" 'BEGIN {print u + s}')
}

# median, min and max of the numbers on stdin, one per line
summary() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2, a[1], a[NR]}'; }

printf '%-8s %-9s %10s %16s %9s\n' compiler task "extra s" "min-max" "peak MB"
for cxx in g++ clang++; do
  declare -A extras=() peaks=()
  for _ in $(seq "$rounds"); do
    compile "$cxx" 0
    base=$seconds
    for task in 1 2; do
      compile "$cxx" "$task"
      extras[$task]+="$(awk -v t="$seconds" -v b="$base" 'BEGIN {print t - b}') "
      if (( kb > ${peaks[$task]:-0} )); then peaks[$task]=$kb; fi
    done
  done
  for task in 1 2; do
    name=$([ "$task" = 1 ] && echo notebook || echo xor)
    read -r median low high < <(printf '%s\n' ${extras[$task]} | summary)
    printf '%-8s %-9s %10.2f %7.2f – %-6.2f %9d\n' "$cxx" "$name" "$median" "$low" "$high" $((peaks[$task] / 1024))
  done
done
