#!/usr/bin/env bash
# Alternating Swift / PyTorch runs of one 3DGAN training step, same batch and threads.
# Usage: Benchmarks/train/run.sh [batch=16] [threads=2] [rounds=2] [steps=2] [preset=faithful]
set -euo pipefail
cd "$(dirname "$0")"
batch=${1:-16}; threads=${2:-2}; rounds=${3:-2}; steps=${4:-2}; preset=${5:-faithful}
swift build -c release -j 2 --product TrainStepBench >/dev/null
bin=$(swift build -c release --show-bin-path)/TrainStepBench
out=$(mktemp)
for r in $(seq 1 "$rounds"); do
  "$bin" --batch "$batch" --threads "$threads" --steps "$steps" --warmup 1 --preset "$preset" | tee -a "$out"
  /usr/bin/python3 train_step.py --batch "$batch" --threads "$threads" --steps "$steps" --warmup 1 --preset "$preset" | tee -a "$out"
done
/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = {k: statistics.median(t for r in rows if r["impl"] == k for t in r["times_s"]) for k in ("swift", "pytorch")}
print(f"median step: swift {med['swift']:.3f} s, pytorch {med['pytorch']:.3f} s, ratio swift/pytorch {med['swift']/med['pytorch']:.3f}")
PY
