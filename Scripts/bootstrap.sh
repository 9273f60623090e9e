#!/usr/bin/env bash
# Installs what CaloTwin needs to build and test on Debian 12, skipping what is already there.
# Idempotent: a second run installs nothing and takes about a second.
set -euo pipefail

packages=(
  pkg-config
  libtorch-dev          # tensor engine (libtorch 1.13, C++ API)
  libopenblas0-pthread  # faster BLAS for libtorch's linear layers than the reference BLAS
  libhdf5-dev           # shower files
  libopenmpi-dev openmpi-bin  # multi-process training
  zlib1g-dev liblz4-dev libzstd-dev liblzma-dev  # ROOT basket codecs
  chromium              # headless check of the validation report (CALOTWIN_SLOW_TESTS)
  python3-numpy         # CaloChallenge parity test: numpy reference (CALOTWIN_SLOW_TESTS)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#packages[@]} packages present"
else
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "bootstrap: swift is not on PATH; install Swift 6.3 (https://swift.org) and retry" >&2
  exit 1
fi
