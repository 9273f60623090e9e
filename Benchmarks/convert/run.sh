#!/usr/bin/env bash
# Convert throughput: `calotwin convert --preset par04` against uproot + numpy + h5py doing the same
# conversion (uproot_convert.py) on the same inputs and the same machine, one after the other.
# Reports MB of ROOT input per second, showers per second, the ratio, and checks that both outputs
# hold identical arrays.
#
#   Benchmarks/convert/run.sh [inputs-dir] [repeats]
# Env: PYTHON (python with uproot, awkward, numpy, h5py; default python3), JOBS (calotwin --jobs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
inputs=${1:-/tmp/calotwin-convert-bench}
repeats=${2:-3}
python=${PYTHON:-python3}
jobs=${JOBS:-$(nproc)}

if ! ls "$inputs"/*.root >/dev/null 2>&1; then
  "$python" "$here/make_inputs.py" "$inputs" 4 2000 1500
fi
(cd "$root" && swift build -c release -j 2 --product calotwin >/dev/null)
bin="$(cd "$root" && swift build -c release --show-bin-path)/calotwin"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

best_swift=1e9
best_python=1e9
for i in $(seq "$repeats"); do
  t0=$(date +%s.%N)
  "$bin" convert --preset par04 "$inputs"/*.root -o "$out/calotwin.h5" --quiet --jobs "$jobs" 2>"$out/swift.log"
  t1=$(date +%s.%N)
  "$python" "$here/uproot_convert.py" "$out/uproot.h5" "$inputs"/*.root 2>"$out/python.log"
  t2=$(date +%s.%N)
  best_swift=$(echo "$t1 - $t0" | bc -l | awk -v b="$best_swift" '{print ($1 < b) ? $1 : b}')
  best_python=$(echo "$t2 - $t1" | bc -l | awk -v b="$best_python" '{print ($1 < b) ? $1 : b}')
  echo "run $i: calotwin $(echo "$t1 - $t0" | bc -l | cut -c1-6) s, uproot+h5py $(echo "$t2 - $t1" | bc -l | cut -c1-6) s"
done

"$python" - "$out/calotwin.h5" "$out/uproot.h5" "$best_swift" "$best_python" "$inputs" <<'PY'
import glob, os, sys
import h5py, numpy as np
a, b, ts, tp, inputs = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
mb = sum(os.path.getsize(p) for p in glob.glob(os.path.join(inputs, "*.root"))) / 1e6
with h5py.File(a) as fa, h5py.File(b) as fb:
    n = fa["showers"].shape[0]
    same = fa["showers"].shape == fb["showers"].shape and all(
        np.array_equal(fa["showers"][i:i + 500], fb["showers"][i:i + 500]) for i in range(0, n, 500))
    same = same and np.array_equal(fa["incident_energies"][:], fb["incident_energies"][:])
print(f"input {mb:.1f} MB, {n} showers; outputs identical: {same}")
print(f"calotwin:     {ts:7.2f} s  {mb / ts:7.1f} MB/s  {n / ts:8.0f} showers/s")
print(f"uproot+h5py:  {tp:7.2f} s  {mb / tp:7.1f} MB/s  {n / tp:8.0f} showers/s")
print(f"ratio (uproot time / calotwin time): {tp / ts:.2f}x")
PY
