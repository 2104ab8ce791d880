#!/usr/bin/env bash
# Compares ctnn-train with the notebook run by numpy, seed by seed.
#   tests/numpy/compare_seeds.sh BUILD_DIR FIRST LAST [--libm-exp]
# Needs python3-numpy. Prints the seeds that differ and a summary line.
set -u
build=$1 first=$2 last=$3 flag=${4:-}
here=$(dirname "$0")
same=0 differ=0
for seed in $(seq "$first" "$last"); do
  if cmp -s <(python3 "$here/notebook.py" "$seed" $flag) \
            <("$build/ctnn-train" --seed "$seed" | grep -E '^(Epoch [0-9]+ loss: |[A-Z][a-z]+: )'); then
    same=$((same + 1))
  else
    differ=$((differ + 1))
    echo "seed $seed differs"
  fi
done
echo "seeds $first..$last${flag:+ ($flag)}: $same identical, $differ differ"
