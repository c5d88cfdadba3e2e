"""The peer for clustered heatmaps: seaborn's clustermap (scipy's linkage; fastcluster is not
installed, as on Debian), both axes, average linkage of euclidean distances, to PNG.

    /usr/bin/python3 bench/peers/seaborn_clustermap.py INPUT.npy OUTPUT.png
"""
import sys
import warnings
import matplotlib
matplotlib.use("Agg")
import numpy as np
import seaborn as sns

warnings.simplefilter("ignore")
src, out = sys.argv[1], sys.argv[2]
g = sns.clustermap(np.load(src), method="average", metric="euclidean", figsize=(11, 10),
                   xticklabels=False, yticklabels=False)
g.savefig(out, dpi=100)
