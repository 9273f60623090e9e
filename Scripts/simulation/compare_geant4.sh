#!/usr/bin/env bash
# Simulates 500 e- showers at normal incidence at 10 and 100 GeV (one thread, fixed seed) with the
# release build and prints every physics.md §3 observable next to Geant4's value
# (Scripts/simulation/compare_geant4.py). Usage: Scripts/simulation/compare_geant4.sh [EVENTS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-500}
seed=${2:-2026}
swift build -c release -j 2 --product calotwin >/dev/null
out=$(mktemp -d)
for e in 10 100; do
  /usr/bin/time -f "  wall %e s, user %U s" .build/release/calotwin simulate --particle e- --energy "$e" \
    --events "$events" --seed "$seed" --threads 1 --quiet --cpu-time --output "$out/e$e.h5"
  /usr/bin/python3 Scripts/simulation/compare_geant4.py "$out/e$e.h5" "$e"
done
rm -rf "$out"
