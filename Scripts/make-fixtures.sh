#!/usr/bin/env bash
# Regenerates every committed test fixture from its independent reference (PyTorch, h5py, numpy,
# scipy, uproot). Not needed to run the tests: CI reads the committed outputs.
# Needs Debian's python3-torch, python3-h5py, python3-scipy (apt) and, for ROOT fixtures, uproot (pip).
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-/usr/bin/python3}
for script in Scripts/fixtures/make_*.py; do
  echo "== $script"
  "$py" "$script"
done
