#!/usr/bin/python3
"""Answers from Python and matplotlib that the tests compare against (never used at run time).

    /usr/bin/python3 scripts/export-test-fixtures.py

Writes:
- test/fixtures/python-format.json: Python's format(value, spec) for many values and specs;
- test/fixtures/seed-colors.json: the colour matplotlib gives every cell of every seed example,
  with the same cmap and norm (Normalize, or TwoSlopeNorm for center) as the spec, as its Agg
  backend writes it into a PNG: floor(c * 255 + 0.5). (Its SVG backend's to_hex rounds exact
  halves to even instead, so at the rare exact ties, 70 of jet's 768 channels, the two
  backends of matplotlib differ by one; heatfig follows the PNG.)
"""
import glob, json, math, os, random
import numpy as np
import matplotlib
import matplotlib.colors as mcolors

random.seed(11)
values = [0.0, -0.0, 1.0, -1.0, 0.5, 0.125, 0.005, -0.00002, 0.967, 0.9999, 1.3714, -0.3675, 123456.789, -0.04999, 1e-7, 2.5e12, 42.0, 7.0, 0.1 + 0.2]
values += [random.uniform(-2, 2) for _ in range(60)] + [random.uniform(-1e6, 1e6) for _ in range(20)] + [10 ** random.uniform(-8, 8) for _ in range(20)]
specs = ["", "#.3g", "G", "E", "n", "_.2f", "z.2f", "z.1f", ".0e", "#.0e", "#.0f", ".2f", ".1f", ".4f", ".0f", ".1%", ".0%", ".2%", ".2g", ".3g", "g", ".2e", ".3e", "+.2f", ",.2f", ",", "8.3f", ">8.2f", "<8.2f", "^9.1f", "08.3f", ",.0f", ".6g"]
cases = []
for spec in specs:
    for v in values:
        cases.append([spec, v, format(v, spec)])
ints = [0, 1, -5, 42, 1234567, -98765]
for spec in ["d", ",d", "+d", "5d", "x", "b", "o"]:
    for v in ints:
        cases.append([spec, v, format(v, spec)])
json.dump(cases, open("test/fixtures/python-format.json", "w"))

def agg_hex(c):
    return '#' + ''.join('%02x' % int(math.floor(x * 255 + 0.5)) for x in c[:3])

out = {}
for path in sorted(glob.glob("examples/seed-*.json")):
    spec = json.load(open(path))
    if "data" not in spec and "panels" not in spec:
        continue
    panels = [spec["data"]] if "data" in spec else [p["data"] for p in spec["panels"]]
    grids = []
    for d in panels:
        rows = d["values"] if isinstance(d, dict) else d
        ncol = max(len(r) for r in rows)
        grids.append(np.array([[np.nan if v is None else v for v in r] + [np.nan] * (ncol - len(r)) for r in rows], dtype=float))
    allv = np.concatenate([g.ravel() for g in grids])
    vmin = spec.get("vmin", np.nanmin(allv))
    vmax = spec.get("vmax", np.nanmax(allv))
    cm = spec.get("cmap", "rocket")
    cmap = matplotlib.colormaps[cm] if isinstance(cm, str) else mcolors.LinearSegmentedColormap.from_list("c", cm)
    norm = mcolors.TwoSlopeNorm(vcenter=spec["center"], vmin=vmin, vmax=vmax) if "center" in spec else mcolors.Normalize(vmin, vmax)
    out[os.path.basename(path)[:-5]] = [
        [[None if math.isnan(v) else agg_hex(cmap(norm(v))) for v in row] for row in g] for g in grids
    ]
json.dump(out, open("test/fixtures/seed-colors.json", "w"))
print("wrote", len(cases), "format cases and", len(out), "seed colour grids")
