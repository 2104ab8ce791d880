#!/usr/bin/env bash
# Compares ctnn-train with the notebook run by numpy, seed by seed.
#   tests/numpy/compare_seeds.sh BUILD_DIR FIRST LAST [--libm-exp]
# Needs python3-numpy ($PYTHON, default python3). Prints the seeds that differ
# and a summary line. Exits non-zero if it cannot compare (numpy missing,
# ctnn-train missing or failing): docs/reproducibility.md's table rests on it.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 BUILD_DIR FIRST LAST [--libm-exp]" >&2
  exit 2
fi
build=$1 first=$2 last=$3 flag=${4:-}
python=${PYTHON:-python3}
here=$(dirname "$0")
if ! "$python" -c 'import numpy' 2>/dev/null; then
  echo "$0: $python cannot import numpy (install python3-numpy, or set PYTHON)" >&2
  exit 1
fi
if [ ! -x "$build/ctnn-train" ]; then
  echo "$0: no $build/ctnn-train (build the target ctnn-train)" >&2
  exit 1
fi
same=0 differ=0
for seed in $(seq "$first" "$last"); do
  # Captured first, so that a failing run stops the script (set -e) rather than counting as a difference.
  numpy_lines=$("$python" "$here/notebook.py" "$seed" $flag)
  ctnn_output=$("$build/ctnn-train" --seed "$seed")
  ctnn_lines=$(grep -E '^(Epoch [0-9]+ loss: |[A-Z][a-z]+: )' <<<"$ctnn_output")
  if [ "$numpy_lines" = "$ctnn_lines" ]; then
    same=$((same + 1))
  else
    differ=$((differ + 1))
    echo "seed $seed differs"
  fi
done
echo "seeds $first..$last${flag:+ ($flag)}: $same identical, $differ differ"
