#!/usr/bin/env bash
# The demo: the longest real path that exists today, on embedded defaults.
set -euo pipefail
calotwin=${1:?usage: demo.sh PATH_TO_CALOTWIN}
out=${CALOTWIN_DEMO_OUT:-demo-out}
mkdir -p "$out"
"$calotwin" --version
