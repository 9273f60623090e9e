#!/usr/bin/env python3
"""Writes Data/root/par04like.root: CaloTwin-simulated electron showers as a Geant4 Par04 ntuple.

Physically consistent by construction: the showers come from our own simulator (`calotwin simulate`)
in Par04's SiW stack (Data/root/par04-mesh.yaml: 90 x (1.4 mm W + 0.3 mm Si), 72 x 72 cells of
1.1625 mm), and each event's cells are rebinned, as Par04SensitiveDetector does with its virtual
mesh (calochallenge-par04.md B.1, B.5), into

    rho = floor(r / 2.325 mm) < 18,  phi = floor((pi + atan2(y, x)) / (2 pi / 50)),  z = layer // 2 < 45

with r, x, y at the cell centre (the primary enters at x = y = 0 along +z), summed in float64;
voxels of at most 0.5 keV and cells outside the mesh (r >= 41.85 mm, the grid's corners) are dropped,
as Par04 drops them. The ntuple is Geant4 11.0-11.1's single `events` tree with Par04's columns:
EnergyMC (double, primary total energy in MeV: kinetic + electron mass), EnergyCell (vector<double>,
MeV, raw active-silicon deposits), rhoCell, phiCell, zCell (vector<int>), SimTime (double, s; 0:
the simulation is not timed, so the file is reproducible).

The simulator's own per-event total deposit in silicon (E_si, MeV, before the rebinning) goes to
Tests/ShowerIOTests/Fixtures/root-par04-simulation.json with the command that made the showers; the
tests (ROOTConvertTests) check the converted cell sums against it and EnergyMC.

Usage (uproot, h5py and numpy from pip; the calotwin executable built with `swift build`):
    python3 Scripts/make_par04like_root.py [.build/debug/calotwin]
    python3 Scripts/fixtures/make_root_fixtures.py      # then the converter's reference values
Writes Data/root/par04like.root (read by the demo and by the ShowerIO tests) and the JSON above.
The same seed gives the same showers on any machine and thread count; uproot's file UUID and
timestamps make the ROOT bytes differ from run to run, the values do not.
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import awkward as ak
import h5py
import numpy as np
import uproot

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEOMETRY = os.path.join(ROOT, "Data", "root", "par04-mesh.yaml")
OUTPUT = os.path.join(ROOT, "Data", "root", "par04like.root")
SIDECAR = os.path.join(ROOT, "Tests", "ShowerIOTests", "Fixtures", "root-par04-simulation.json")
EVENTS = 100
SEED = 20261204
ENERGY_GEV = "1:10"  # uniform; Par04's default gun is 10 GeV
CELL = 1.1625  # mm, as in par04-mesh.yaml
N_CELLS = 72
D_RHO, N_RHO, N_PHI, N_Z, LAYERS_PER_Z = 2.325, 18, 50, 45, 2
THRESHOLD = 0.5e-3  # MeV, Par04's stored-cell threshold
ELECTRON_MASS = 0.51099895  # MeV


def mesh_index():
    """Par04 (z, phi, rho) of each (x, y) cell centre; rho = -1 outside the mesh."""
    centres = (np.arange(N_CELLS) + 0.5) * CELL - N_CELLS * CELL / 2
    x, y = np.meshgrid(centres, centres, indexing="ij")
    rho = np.floor(np.hypot(x, y) / D_RHO).astype(np.int64)
    phi = np.floor((math.pi + np.arctan2(y, x)) / (2 * math.pi / N_PHI)).astype(np.int64)
    phi = np.minimum(phi, N_PHI - 1)
    rho[rho >= N_RHO] = -1
    return rho, phi


def simulate(calotwin, output):
    arguments = ["simulate", "--geometry", "Data/root/par04-mesh.yaml", "--particle", "e-",
                 "--energy-range", ENERGY_GEV, "--events", str(EVENTS), "--seed", str(SEED),
                 "--batch-size", "20", "--quiet"]
    subprocess.run([calotwin] + arguments + ["--threads", "2", "--output", output], check=True, cwd=ROOT)
    return "calotwin " + " ".join(arguments)


def rebin(ecal, rho, phi):
    """One event's (x, y, layer) cells -> sparse Par04 voxels (z, phi, rho), float64 sums."""
    inside = rho >= 0
    dense = np.zeros((N_Z, N_PHI, N_RHO))
    for layer in range(ecal.shape[2]):
        np.add.at(dense[layer // LAYERS_PER_Z], (phi[inside], rho[inside]),
                  ecal[:, :, layer][inside].astype(np.float64))
    z, p, r = np.nonzero(dense > THRESHOLD)
    return dense[z, p, r], r.astype(np.int32), p.astype(np.int32), z.astype(np.int32)


def main():
    calotwin = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "calotwin")
    rho, phi = mesh_index()
    with tempfile.TemporaryDirectory() as folder:
        simulation = os.path.join(folder, "par04like-sim.h5")
        command = simulate(calotwin, simulation)
        with h5py.File(simulation, "r") as f:
            ecal = f["ECAL"]
            assert ecal.shape[1:] == (N_CELLS, N_CELLS, N_Z * LAYERS_PER_Z), ecal.shape
            kinetic = f["energy"][:].astype(np.float64) * 1000  # GeV -> MeV
            silicon = f["E_si"][:].astype(np.float64)
            columns = {"EnergyCell": [], "rhoCell": [], "phiCell": [], "zCell": []}
            for i in range(EVENTS):
                e, r, p, z = rebin(ecal[i], rho, phi)
                for key, value in zip(columns, (e, r, p, z)):
                    columns[key].append(value)
    branches = {
        "EnergyMC": kinetic + ELECTRON_MASS,
        "EnergyCell": columns["EnergyCell"], "rhoCell": columns["rhoCell"],
        "phiCell": columns["phiCell"], "zCell": columns["zCell"],
        "SimTime": np.zeros(EVENTS),
    }
    data = {k: (ak.Array(v) if isinstance(v, list) else v) for k, v in branches.items()}
    with uproot.recreate(OUTPUT, compression=uproot.ZLIB(1)) as out:
        out.mktree("events", {
            "EnergyMC": "f8", "EnergyCell": "var * float64", "rhoCell": "var * int32",
            "phiCell": "var * int32", "zCell": "var * int32", "SimTime": "f8"},
            title="Par04-like events (CaloTwin simulation)")
        out["events"].extend(data)
    with open(SIDECAR, "w") as f:
        json.dump({
            "source": "Data/root/par04like.root, made by Scripts/make_par04like_root.py",
            "simulation": command,
            "tool": f"uproot {uproot.__version__}, h5py {h5py.__version__}, numpy {np.__version__}",
            "energyMC": [float(e) for e in branches["EnergyMC"]],
            "siliconEnergy": [float(e) for e in silicon],
        }, f, indent=0)
        f.write("\n")
    sums = np.array([c.sum() for c in columns["EnergyCell"]])
    cells = sum(len(c) for c in columns["EnergyCell"])
    print(f"{EVENTS} events, {cells} cells, cell sum / EnergyMC: mean {np.mean(sums / branches['EnergyMC']):.5f}, "
          f"range {np.min(sums / branches['EnergyMC']):.5f}-{np.max(sums / branches['EnergyMC']):.5f}; "
          f"{os.path.getsize(OUTPUT)} bytes")


if __name__ == "__main__":
    main()
