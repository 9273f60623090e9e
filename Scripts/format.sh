#!/usr/bin/env bash
# Formats the Swift sources in place, then lints them (the same lint CI runs with --strict).
set -euo pipefail
cd "$(dirname "$0")/.."
swift format format --in-place --recursive Sources Tests Package.swift Benchmarks
swift format lint --strict --recursive Sources Tests Package.swift Benchmarks
