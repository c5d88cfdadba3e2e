#!/usr/bin/python3
"""The colours seaborn 0.12 itself gives each cell when `center` is set, for the tests.

    /usr/bin/python3 scripts/export-seaborn-center.py [OUT]

Needs Debian's python3-seaborn and python3-sklearn. Draws heatmaps with sns.heatmap (the
correlation matrix of scikit-learn's breast-cancer data, as users draw it, and smaller
cases: a range all above the centre, vmin/vmax given, robust, a colormap by name) and
writes, for each, the data, the options and the colour of every cell as seaborn's QuadMesh
maps it, as matplotlib's Agg backend puts it into a PNG: floor(c * 255 + 0.5). Default OUT:
test/fixtures/seaborn-center.json.
"""
import json, math, sys
import numpy as np
import pandas as pd
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.datasets import load_breast_cancer

out = sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/seaborn-center.json"


def agg_hex(c):
    return "#" + "".join("%02x" % int(math.floor(x * 255 + 0.5)) for x in c[:3])


cases = []


def case(name, data, **kw):
    data = np.round(np.asarray(data, dtype=float), 12)  # as stored in the JSON, exactly
    fig, ax = plt.subplots()
    sns.heatmap(data, ax=ax, **kw)
    mesh = ax.collections[0]
    colors = mesh.cmap(mesh.norm(mesh.get_array()))
    rows, cols = np.asarray(data).shape
    hexes = [agg_hex(c) for c in colors.reshape(-1, 4)]
    cases.append({
        "name": name,
        "values": data.tolist(),
        "options": kw,
        "colors": [hexes[r * cols:(r + 1) * cols] for r in range(rows)],
        "vmin": float(mesh.norm.vmin),
        "vmax": float(mesh.norm.vmax),
    })
    plt.close(fig)


bc = load_breast_cancer()
corr = pd.DataFrame(bc.data, columns=bc.feature_names).corr().round(12)
case("breast-cancer correlations", corr, center=0)
case("breast-cancer correlations, vlag", corr, center=0, cmap="vlag")
rng = np.random.default_rng(5)
case("all above the centre", rng.uniform(0.2, 1.0, size=(6, 7)), center=0)
case("vmin and vmax given", rng.normal(size=(5, 5)), center=0.5, vmin=-1, vmax=3)
case("robust", rng.standard_t(2, size=(8, 9)), center=0, robust=True)
json.dump(cases, open(out, "w"))
print("wrote", len(cases), "cases to", out)
