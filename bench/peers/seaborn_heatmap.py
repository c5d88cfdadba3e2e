"""The peer a heatfig user would otherwise reach for: seaborn (annotated) or matplotlib imshow (large).

    /usr/bin/python3 bench/peers/seaborn_heatmap.py INPUT OUTPUT

INPUT: a heatfig spec (.json, data inline) drawn with seaborn.heatmap and the same cmap, range
and annotation format; or a .npy drawn with matplotlib imshow at 1000×1000 px with a colorbar.
"""
import json, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

src, out = sys.argv[1], sys.argv[2]
if src.endswith(".json"):
    import seaborn as sns
    spec = json.load(open(src))
    data = np.array(spec["data"], dtype=float)
    n = data.shape[0]
    fig, ax = plt.subplots(figsize=(max(6.4, n * 0.45), max(4.8, n * 0.4)))
    sns.heatmap(data, annot=spec.get("annot", False), fmt=spec.get("fmt", ".2g"), cmap=spec.get("cmap"),
                vmin=spec.get("vmin"), vmax=spec.get("vmax"), center=spec.get("center"), ax=ax)
    fig.savefig(out, dpi=100)
else:
    data = np.load(src)
    fig = plt.figure(figsize=(11, 10), dpi=100)
    ax = fig.add_axes([0.06, 0.05, 0.8, 0.9])
    im = ax.imshow(data, cmap="rocket" if "rocket" in matplotlib.colormaps else "magma", interpolation="nearest")
    fig.colorbar(im, ax=ax)
    fig.savefig(out, dpi=100)
