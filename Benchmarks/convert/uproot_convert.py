#!/usr/bin/env python3
"""The same conversion as `calotwin convert --preset par04`, with uproot + numpy + h5py.

Reads EnergyMC, EnergyCell, rhoCell, phiCell, zCell of the `events` tree in steps, sums the cells
into dense (z, alpha, r) = 45 x 50 x 18 voxels per event (np.bincount: float64, entry order, then
float32), and appends them to an HDF5 file with the CaloChallenge layout exactly as CaloTwin's
ShowerFileWriter writes it: `showers` float32 (N, 40500), chunks (1, 40500), gzip 4;
`incident_energies` float32 (N, 1), chunks (1024, 1). The file is written to a temporary name and
renamed at the end.

Usage: uproot_convert.py OUTPUT.h5 INPUT.root ...
"""
import os
import sys

import awkward as ak
import h5py
import numpy as np
import uproot

SHAPE = (45, 50, 18)
VOXELS = SHAPE[0] * SHAPE[1] * SHAPE[2]
STEP = 500


def main():
    output, inputs = sys.argv[1], sys.argv[2:]
    temporary = output + ".tmp-uproot"
    events = 0
    with h5py.File(temporary, "w") as h5:
        showers = h5.create_dataset(
            "showers", shape=(0, VOXELS), maxshape=(None, VOXELS), dtype="f4", chunks=(1, VOXELS),
            compression="gzip", compression_opts=4)
        incident = h5.create_dataset(
            "incident_energies", shape=(0, 1), maxshape=(None, 1), dtype="f4", chunks=(1024, 1))
        for path in inputs:
            tree = uproot.open(path)["events"]
            for arrays in tree.iterate(["EnergyMC", "EnergyCell", "rhoCell", "phiCell", "zCell"], step_size=STEP):
                n = len(arrays)
                counts = ak.to_numpy(ak.num(arrays["EnergyCell"]))
                energy = ak.to_numpy(ak.flatten(arrays["EnergyCell"]))
                z = ak.to_numpy(ak.flatten(arrays["zCell"])).astype(np.int64)
                phi = ak.to_numpy(ak.flatten(arrays["phiCell"])).astype(np.int64)
                rho = ak.to_numpy(ak.flatten(arrays["rhoCell"])).astype(np.int64)
                event = np.repeat(np.arange(n), counts)
                inside = (z >= 0) & (z < SHAPE[0]) & (phi >= 0) & (phi < SHAPE[1]) & (rho >= 0) & (rho < SHAPE[2])
                flat = event * VOXELS + (z * SHAPE[1] + phi) * SHAPE[2] + rho
                dense = np.bincount(flat[inside], weights=energy[inside], minlength=n * VOXELS)
                dense = dense.astype(np.float32).reshape(n, VOXELS)
                showers.resize(events + n, axis=0)
                showers[events:events + n] = dense
                incident.resize(events + n, axis=0)
                incident[events:events + n, 0] = ak.to_numpy(arrays["EnergyMC"]).astype(np.float32)
                events += n
    os.replace(temporary, output)
    print(f"{events} showers", file=sys.stderr)


if __name__ == "__main__":
    main()
