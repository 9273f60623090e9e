#!/usr/bin/env python3
"""numpy/scipy twin of the Swift validation engine, for the speed comparison.

Same toy-shower sizes (N vs N showers of 51x51x25, chunks of 500, generation not timed), same
observables (vectorised numpy), the same comparisons (per bin: quantile-range histograms and
separation power, scipy ks_2samp/kstwobign, wasserstein_distance, mean errors, profiles, Pearson),
FPD (10 sizes x 5 batches, np.cov + scipy.linalg.sqrtm) and KPD (10 batches of 1000), and the
gate bootstrap (20 rounds x 21 rules). It writes no HTML. Usage: numpy_validate.py [N]
"""
import math, sys, time
import numpy as np
from scipy import linalg, stats

NX, NY, NL, CELL = 51, 51, 25, 5.1
xs = CELL * (np.arange(NX) + 0.5 - NX / 2)
ys = CELL * (np.arange(NY) + 0.5 - NY / 2)
rr = np.sqrt(xs[:, None] ** 2 + ys[None] ** 2)
ru, rgroup = np.unique(np.round(rr.flatten(), 9), return_inverse=True)
onehot = np.zeros((NX * NY, len(ru))); onehot[np.arange(NX * NY), rgroup] = 1
nrb = NX // 2 + 1
rbin = np.minimum(nrb - 1, (rr / CELL).astype(int)).flatten()
rbin_onehot = np.zeros((NX * NY, nrb)); rbin_onehot[np.arange(NX * NY), rbin] = 1


def toy(energies, rng):
    n = len(energies)
    img = np.zeros((n, NX, NY, NL), dtype=np.float32)
    dep = 300
    vis = 0.02 * energies * (1 + 0.06 * rng.normal(size=n))
    shape = 2.0 + 0.5 * np.log(np.maximum(energies, 1000) / 1000)
    depth = rng.gamma(shape[:, None], size=(n, dep)) * 2.0
    width = np.where(rng.random((n, dep)) < 0.2, 2.5, 0.6) * (1 + depth / NL)
    x = np.floor(NX / 2 + width * rng.normal(size=(n, dep))).astype(int)
    y = np.floor(NY / 2 + width * rng.normal(size=(n, dep))).astype(int)
    l = depth.astype(int)
    ok = (l < NL) & (x >= 0) & (x < NX) & (y >= 0) & (y < NY)
    ev = np.repeat(np.arange(n)[:, None], dep, 1)
    np.add.at(img, (ev[ok], x[ok], y[ok], l[ok]), np.repeat((vis / dep)[:, None], dep, 1)[ok].astype(np.float32))
    return img


def meas_angle(e, layer, total):
    xr = (e.sum((2, 3)) * (np.arange(NX) + 0.5)).sum(1) / total
    yr = (e.sum((1, 3)) * (np.arange(NY) + 0.5)).sum(1) / total
    zr = (layer * (np.arange(NL) + 0.5)).sum(1) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        xm = np.where(layer > 0, (e.sum(2) * (np.arange(NX) + 0.5)[None, :, None]).sum(1) / layer, 0)
        ym = np.where(layer > 0, (e.sum(1) * (np.arange(NY) + 0.5)[None, :, None]).sum(1) / layer, 0)
    z = np.arange(NL) + 0.5
    zp = np.maximum(np.sqrt((xm - xr[:, None]) ** 2 + (z - zr[:, None]) ** 2), 1e-7)
    m = (ym - yr[:, None]) / zp
    m = np.where(z[None] < zr[:, None], -m, m)
    mask = layer > 0
    return ((math.pi / 2 - np.arctan(m)) * z * mask).sum(1) / (z * mask).sum(1)


def features(img, energy):
    e = img.astype(np.float64)
    n = len(e)
    layer = e.sum((1, 2)); total = layer.sum(1)
    px, py = e.sum((2, 3)), e.sum((1, 3))
    xy = e.sum(3).reshape(n, -1)
    grp = xy @ onehot; cum = np.cumsum(grp, 1); t = 0.9 * total
    k = np.argmax(cum >= t[:, None], 1)
    prev = np.where(k > 0, cum[np.arange(n), k - 1], 0)
    r90 = np.where(k > 0, ru[k - 1] + (t - prev) / grp[np.arange(n), k] * (ru[k] - ru[np.maximum(k - 1, 0)]), ru[0])
    cx, cy = NX // 2, NY // 2
    fr = [e[:, cx - h:cx + h + 1, cy - h:cy + h + 1].sum((1, 2, 3)) / total for h in (0, 1, 2)]
    th = [layer[:, :8].sum(1) / total, layer[:, 8:16].sum(1) / total, layer[:, 16:].sum(1) / total]
    mom = []
    for p in (px, py, layer):
        idx = np.arange(p.shape[1]); m1 = (p * idx).sum(1) / total; rel = idx[None] - m1[:, None]
        mom += [m1, (p * rel ** 2).sum(1) / total, (p * rel ** 3).sum(1) / total]
    am = np.array(np.unravel_index(img.reshape(n, -1).argmax(1), (NX, NY, NL)))
    hits = [(e > t0).sum((1, 2, 3)) for t0 in (0, 0.05, 0.5)]
    w = layer + 1e-16
    ecx = np.einsum("nxyl,x->nl", e, xs) / w; ecy = np.einsum("nxyl,y->nl", e, ys) / w
    ecr = np.einsum("nxyl,xy->nl", e, rr) / w
    wx = np.sqrt(np.maximum(0, np.einsum("nxyl,x->nl", e, xs ** 2) / w - ecx ** 2))
    wy = np.sqrt(np.maximum(0, np.einsum("nxyl,y->nl", e, ys ** 2) / w - ecy ** 2))
    wr = np.sqrt(np.maximum(0, np.einsum("nxyl,xy->nl", e, rr ** 2) / w - ecr ** 2))
    sp = 1 - (e > 0).sum((1, 2)) / (NX * NY)
    scal = np.stack([energy, np.full(n, math.pi / 2), total, total / energy, meas_angle(e, layer, total), r90]
                    + fr + th + mom + list(am) + hits, 1)
    spec = np.zeros((n, 80))
    nz = e > 0
    b = np.clip(np.floor((np.log10(e[nz]) + 4) * 10).astype(int), 0, 79)
    np.add.at(spec, (np.nonzero(nz)[0], b), 1)
    return np.concatenate([scal, layer, ecx, ecy, wx, wy, ecr, wr, sp, px, py, xy @ rbin_onehot], 1), spec


def sep(a, b, nb=40, q=0.001):
    lo = min(np.quantile(a, q), np.quantile(b, q)); hi = max(np.quantile(a, 1 - q), np.quantile(b, 1 - q))
    if not hi > lo: lo, hi = lo - 0.5, hi + 0.5
    edges = np.linspace(lo, hi, nb + 1)
    h1 = np.histogram(np.clip(a, lo, hi), edges)[0] / len(a); h2 = np.histogram(np.clip(b, lo, hi), edges)[0] / len(b)
    return 0.5 * np.sum((h1 - h2) ** 2 / (h1 + h2 + 1e-16))


def compare_bin(R, C, sr, sc):
    out = []
    for c in range(27 + 8 * NL):
        a, b = R[:, c], C[:, c]
        out.append((sep(a, b), stats.ks_2samp(a, b, method="asymp").statistic, stats.wasserstein_distance(a, b),
                    (b.mean() - a.mean()) / abs(a.mean()) if a.mean() != 0 else 0))
    for lo, hi in ((27, 27 + NL), (27 + 8 * NL, R.shape[1])):
        r, c2 = R[:, lo:hi].mean(0), C[:, lo:hi].mean(0)
        ok = r > 1e-3 * r.max(); np.mean(np.abs((c2[ok] - r[ok]) / r[ok]))
    np.abs(np.corrcoef(R[:, 27:27 + NL], rowvar=False) - np.corrcoef(C[:, 27:27 + NL], rowvar=False)).max()
    return out


def hl(F):
    L = 27
    g = lambda k: F[:, L + k * NL:L + (k + 1) * NL]
    return np.concatenate([np.log10(F[:, :1]), np.log10(g(0) + 1e-8), g(1) / 100, g(2) / 100, g(3) / 100, g(4) / 100,
                           np.log10(F[:, 2:3] + 1e-8), g(7), g(5) / 100, g(6) / 100], 1)


def frechet(x, y):
    s1, s2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    cm = linalg.sqrtm(s1 @ s2, disp=False)[0].real
    return ((x.mean(0) - y.mean(0)) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(cm)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    energies = np.array([[10000.0, 50000, 100000][i % 3] for i in range(n)])
    tables, spectra, t_feat = [], [], 0.0
    for seed in (1, 2):
        rng = np.random.default_rng(seed)
        parts, sparts = [], []
        for s in range(0, n, 500):
            img = toy(energies[s:s + 500], rng)
            t = time.time(); f, sp = features(img, energies[s:s + 500]); t_feat += time.time() - t
            parts.append(f); sparts.append(sp)
        tables.append(np.concatenate(parts)); spectra.append(np.concatenate(sparts))
    R, C = tables
    t = time.time()
    bins = [np.ones(n, bool)] + [energies == e for e in (10000, 50000, 100000)]
    for m in bins:
        compare_bin(R[m], C[m], spectra[0][m], spectra[1][m])
    X, Y = hl(R), hl(C)
    scale = np.abs(X).max(0); scale[scale == 0] = 1
    X, Y = X / scale, Y / scale
    rng = np.random.default_rng(42)
    ns = (1 / np.linspace(1 / 10000, 1 / 50000, 10)).astype(int)
    vals = [np.mean([frechet(X[rng.integers(0, n, k)], Y[rng.integers(0, n, k)]) for _ in range(5)]) for k in ns]
    np.polyfit(1 / ns, vals, 1)
    mmd = []
    for i in range(10):
        x, y = X[rng.integers(0, n, 1000)], Y[rng.integers(0, n, 1000)]
        d = x.shape[1]
        kxx, kyy, kxy = (x @ x.T / d + 1) ** 4, (y @ y.T / d + 1) ** 4, (x @ y.T / d + 1) ** 4
        mmd.append((kxx.sum() - np.trace(kxx)) / (1000 * 999) + (kyy.sum() - np.trace(kyy)) / (1000 * 999) - 2 * kxy.mean())
    t_cmp = time.time() - t
    t = time.time()
    cols = [3, 2, 5, 18, 19, 13, 16, 9, 11, 7, 25, 3, 5, 18, 19, 9, 7, 25]
    for m in bins:
        rows = np.nonzero(m)[0]
        for r in range(20):
            a = R[rng.choice(rows, len(rows))]; b = R[rng.choice(rows, len(rows))]
            for k, c in enumerate(cols):
                if k < 11: (b[:, c].mean() - a[:, c].mean()) / abs(a[:, c].mean())
                else: sep(a[:, c], b[:, c])
            np.abs(np.corrcoef(a[:, 27:52], rowvar=False) - np.corrcoef(b[:, 27:52], rowvar=False)).max()
    t_gate = time.time() - t
    print(f"numpy: showers {n} vs {n}: features {t_feat:.2f} s, compare+FPD+KPD {t_cmp:.2f} s, gate {t_gate:.2f} s, "
          f"total {t_feat + t_cmp + t_gate:.2f} s")


if __name__ == "__main__":
    main()
