#!/usr/bin/env bash
# The demo: the whole loop that exists today, on the data and configs shipped in Data/.
#  1. simulate electron showers in the CLIC-like SiW ECAL and inspect the file;
#  2. validate them against the shipped Geant4 sample (HTML report + quality gate);
#  3. convert a Geant4 Par04 ROOT ntuple to the CaloChallenge HDF5 layout;
#  4. simulate a small 12 x 12 x 10 calorimeter and train a reduced 3DGAN on it for a few steps.
set -euo pipefail
calotwin=${1:?usage: demo.sh PATH_TO_CALOTWIN}
cd "$(dirname "$0")/.."
out=${CALOTWIN_DEMO_OUT:-demo-out}
rm -rf "$out"
mkdir -p "$out"
step() { printf '\n== %s\n' "$*"; }

step "calotwin $("$calotwin" --version)"

step "1. Simulate 200 electrons of 10 GeV at normal incidence (seed 1, 2 threads)"
"$calotwin" simulate --particle e- --energy 10 --theta 90 --events 200 --seed 1 --threads 2 \
  --output "$out/sim-e-10GeV.h5"
"$calotwin" inspect "$out/sim-e-10GeV.h5"

step "2. Validate the simulation against Geant4 (Data/geant4, 10 GeV bin)"
set +e
"$calotwin" validate --reference Data/geant4/e-_normal_10GeV_100GeV.h5 \
  --candidate "$out/sim-e-10GeV.h5" --report "$out/report-sim-vs-geant4" --gate default \
  --minimum-showers 50
status=$?
set -e
case $status in
  0) echo "gate: passed" ;;
  1) echo "gate: failed (listed above); the report says where the simulation and Geant4 differ" ;;
  *) echo "validate could not compare the files (status $status)"; exit "$status" ;;
esac
echo "report: $out/report-sim-vs-geant4/index.html"

step "3. Convert a Geant4 Par04 ROOT ntuple to the CaloChallenge layout"
"$calotwin" inspect Data/root/par04like.root | head -20
"$calotwin" convert --preset par04 Data/root/par04like.root --output "$out/par04.h5"
"$calotwin" inspect "$out/par04.h5"

step "4. Simulate a small calorimeter (12 x 12 cells x 10 layers) and train a reduced 3DGAN on it"
"$calotwin" simulate --geometry Data/demo/small-ecal.yaml --particle e- --energy-range 5:50 \
  --events 320 --seed 2 --threads 2 --output "$out/small-ecal.h5"
"$calotwin" train --config Data/demo/train-small.yaml --set "data.files=[$out/small-ecal.h5]" \
  --max-steps 160 --output "$out/train"
echo "checkpoints: $(ls "$out/train/checkpoints" | tr '\n' ' ')"
echo "metrics: $out/train/metrics.jsonl ($(wc -l < "$out/train/metrics.jsonl") records)"

step "done: outputs in $out/"
