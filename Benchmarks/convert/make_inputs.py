#!/usr/bin/env python3
"""Writes Par04-like ROOT inputs for the convert benchmark (uproot; pyenv python with uproot, numpy).

Each file holds one `events` tree as uproot writes it (counted arrays, zlib level 1 like Geant4):
EnergyMC (double), EnergyCell[n] (double), rhoCell[n], phiCell[n], zCell[n] (int32), with n cells
per event drawn around a 10 GeV electron shower in the 45 x 50 x 18 (z, alpha, r) mesh: indices
concentrated near the axis and the shower maximum, energies exponential (MeV).

Usage: make_inputs.py OUTDIR [files] [events per file] [mean cells per event]
"""
import os
import sys

import awkward as ak
import numpy as np
import uproot


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    events = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    mean_cells = int(sys.argv[4]) if len(sys.argv) > 4 else 1500
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20261123)
    for f in range(files):
        counts = rng.poisson(mean_cells, events).astype(np.int64)
        total = int(counts.sum())
        z = np.clip(rng.gamma(4.0, 3.0, total), 0, 44).astype(np.int32)
        rho = np.clip(rng.exponential(2.5, total), 0, 17).astype(np.int32)
        phi = rng.integers(0, 50, total).astype(np.int32)
        energy = rng.exponential(2.0, total)
        split = np.cumsum(counts)[:-1]
        path = os.path.join(out, f"par04like-{f:02d}.root")
        with uproot.recreate(path, compression=uproot.ZLIB(1)) as file:
            tree = file.mktree("events", {
                "EnergyMC": "f8", "EnergyCell": "var * float64", "rhoCell": "var * int32",
                "phiCell": "var * int32", "zCell": "var * int32"})
            step = 500
            for start in range(0, events, step):
                sl = slice(start, min(start + step, events))
                lo = int(counts[:sl.start].sum())
                hi = int(counts[:sl.stop].sum())
                def j(a):
                    return ak.unflatten(a[lo:hi], counts[sl])
                tree.extend({
                    "EnergyMC": np.full(sl.stop - sl.start, 10000.0),
                    "EnergyCell": j(energy), "rhoCell": j(rho), "phiCell": j(phi), "zCell": j(z)})
        print(path, os.path.getsize(path), "bytes,", events, "events,", total, "cells")


if __name__ == "__main__":
    main()
