#!/usr/bin/env python3
"""Writes Data/calochallenge/binning_dataset_{2,3}.xml from the numbers in
shared/docs/calochallenge-par04.md §A.1: 45 layers of electrons, ds2 9 radial bins of 4.65 mm and
16 angular bins (6480 voxels), ds3 18 radial bins of 2.325 mm and 50 angular bins (40500 voxels),
in the element/attribute format of the CaloChallenge binning_dataset_*.xml files."""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def write(name, pitch_um, n_r, n_alpha):
    edges = ",".join(repr(round(k * pitch_um / 1000, 3)).removesuffix(".0") if k else "0" for k in range(n_r + 1))
    lines = ["<Bins>", '   <Bin pid="11" name="electron">']
    lines += [f'      <Layer id="{l}" r_edges="{edges}" n_bin_alpha="{n_alpha}" />' for l in range(45)]
    lines += ["   </Bin>", "</Bins>", ""]
    (ROOT / "Data/calochallenge" / name).write_text("\n".join(lines))


write("binning_dataset_2.xml", 4650, 9, 16)
write("binning_dataset_3.xml", 2325, 18, 50)
