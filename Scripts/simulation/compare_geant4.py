#!/usr/bin/env python3
"""Summarise simulated showers (calotwin simulate output) against the Geant4 reference numbers of
docs/physics.md §3. Usage: compare_geant4.py FILE.h5 [E0_GeV] [rows] — prints ours vs Geant4.
Uses /usr/bin/python3 (h5py, numpy)."""
import sys
import h5py
import numpy as np

G4 = {
    10: dict(frac=2.099, raw=6.74, w=5.63, lmax=9, tpar=6.26, tgam=6.08, r90=16.25,
             c=0.468, c3=0.774, c5=0.876, ncell=224,
             prof=[0.74, 2.15, 4.25, 7.32, 10.33, 12.95, 15.43, 16.74, 17.31, 17.52, 16.52, 15.46, 13.91,
                   12.43, 10.89, 9.38, 7.92, 5.67, 4.22, 3.04, 2.06, 1.53, 0.94, 0.71, 0.46]),
    100: dict(frac=1.893, raw=5.67, w=2.18, lmax=12, tpar=8.53, tgam=8.51, r90=15.43,
              c=0.486, c3=0.788, c5=0.885, ncell=930,
              prof=[1.22, 3.54, 8.99, 18.87, 33.04, 51.64, 73.19, 95.04, 115.07, 131.40, 143.78, 151.34,
                    151.75, 149.17, 142.27, 133.45, 122.20, 101.45, 79.35, 59.83, 44.79, 32.00, 22.91,
                    15.87, 11.02]),
}
DEPTH = np.array([0.617 + 0.666 * l if l <= 16 else 12.548 + 1.277 * (l - 17) for l in range(25)])


def r90(img):
    """img: (51, 51) summed over layers. Radii of cell centres, equal radii merged, linear interpolation."""
    ix = np.arange(51) - 25
    r = np.sqrt(ix[:, None] ** 2 + ix[None, :] ** 2) * 5.1
    rr, inv = np.unique(np.round(r, 6), return_inverse=True)
    e = np.bincount(inv.ravel(), weights=img.ravel())
    c = np.cumsum(e) / e.sum()
    i = np.searchsorted(c, 0.9)
    if i == 0:
        return rr[0]
    return rr[i - 1] + (0.9 - c[i - 1]) / (c[i] - c[i - 1]) * (rr[i] - rr[i - 1])


def stats(ecal, e0):
    esi = ecal.sum(axis=(1, 2, 3))
    lay = ecal.sum(axis=(1, 2))
    w = lay[:, :17].sum(1) + 1.917 * lay[:, 17:].sum(1)
    prof = lay.mean(0)
    lm = int(np.argmax(prof))
    sel = range(max(0, lm - 2), min(25, lm + 3))
    a, b, _ = np.polyfit(DEPTH[list(sel)], prof[list(sel)], 2)
    img = ecal.sum(axis=3)
    tot = img.sum(axis=(1, 2))
    return dict(frac=100 * esi.mean() / e0, raw=100 * esi.std() / esi.mean(), w=100 * w.std() / w.mean(),
                lmax=lm, tpar=-b / (2 * a), r90=np.mean([r90(x) for x in img]),
                c=np.mean(img[:, 25, 25] / tot), c3=np.mean(img[:, 24:27, 24:27].sum((1, 2)) / tot),
                c5=np.mean(img[:, 23:28, 23:28].sum((1, 2)) / tot),
                ncell=np.mean((ecal > 0.05).sum(axis=(1, 2, 3))), prof=prof)


def main():
    path = sys.argv[1]
    e = int(sys.argv[2]) if len(sys.argv) > 2 else None
    with h5py.File(path) as f:
        ecal = f["ECAL"][...].astype(np.float64)
        energy = f["energy"][...]
        cpu = f["cpu_s"][...] if "cpu_s" in f else np.zeros(len(energy))
    if e is None:
        e = int(round(float(energy[0])))
    rows = energy.round() == e
    s = stats(ecal[rows], e * 1000.0)
    g = G4[e]
    print(f"{path}: {rows.sum()} showers at {e} GeV")
    for k in ["frac", "raw", "w", "lmax", "tpar", "r90", "c", "c3", "c5", "ncell"]:
        rel = (s[k] / g[k] - 1) * 100
        print(f"  {k:6s} ours {s[k]:9.4f}  G4 {g[k]:9.4f}  ({rel:+.1f} %)")
    ratio = s["prof"] / np.array(g["prof"])
    if cpu[rows].mean() > 0:
        print(f"  CPU {1000 * cpu[rows].mean() / e:.3f} ms/GeV (one thread; Geant4 7.3 ms/GeV at 50 GeV, 6.9 at 100 GeV)")
    print("  profile ours:", " ".join(f"{x:.2f}" for x in s["prof"]))
    print("  layer ratio ours/G4:", " ".join(f"{x:.3f}" for x in ratio))
    bad = [l for l in range(2, 23) if abs(ratio[l] - 1) > 0.10]
    print("  layers 2-22 outside ±10 %:", bad)


if __name__ == "__main__":
    main()
