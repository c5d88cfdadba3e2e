"""Writes test/fixtures/cluster/scipy.json: scipy's linkage, dendrogram leaves and optimal
leaf ordering over every method x metric on random, tied, duplicate and degenerate inputs,
and seaborn's clustermap orders for one z-scored table. Run with Debian's python3-scipy and
python3-seaborn: /usr/bin/python3 scripts/make-cluster-fixtures.py [OUT [SEED]] (the tests run
it again with another seed and compare heatfig with what scipy answers then)."""
import json
import sys
import warnings

import numpy as np
import scipy
from scipy.cluster import hierarchy
from scipy.spatial import distance

warnings.simplefilter("ignore")
OUT = sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/cluster/scipy.json"
rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 18)
inputs = {
    "random": rng.normal(size=(14, 6)),
    "ties": rng.integers(0, 3, size=(16, 3)).astype(float),
    "duplicates": np.array([[1, 2, 3], [1, 2, 3], [4, 5, 6], [1, 2, 3], [4, 5, 6], [0, 0, 1]], float),
    "two": np.array([[0.5, 1.0, 2.0], [1.5, -1.0, 0.25]]),
    "three-equal": np.array([[0, 0], [1, 0], [0, 1]], float),
    "wide": rng.normal(size=(9, 40)),
    "tall": rng.uniform(size=(60, 4)),
    "grid": np.array([[i % 4, i // 4] for i in range(16)], float),
}
methods = ["single", "complete", "average", "weighted", "centroid", "median", "ward"]
metrics = ["euclidean", "sqeuclidean", "cityblock", "chebyshev", "cosine", "correlation"]
cases = []
for name, X in inputs.items():
    for method in methods:
        for metric in metrics:
            if method in ("centroid", "median", "ward") and metric != "euclidean":
                continue
            case = {"input": name, "method": method, "metric": metric}
            try:
                Z = hierarchy.linkage(X, method=method, metric=metric)
            except ValueError as e:
                case["error"] = str(e)
                cases.append(case)
                continue
            case["Z"] = Z.tolist()
            case["leaves"] = [int(i) for i in hierarchy.dendrogram(Z, no_plot=True)["leaves"]]
            if method not in ("centroid", "median"):
                O = hierarchy.optimal_leaf_ordering(Z, distance.pdist(X, metric))
                case["olo"] = [int(i) for i in hierarchy.leaves_list(O)]
            cases.append(case)

# seaborn's clustermap on a small table, rows z-scored (z_score=0), as a user calls it.
import pandas as pd
import seaborn as sns
import matplotlib
matplotlib.use("Agg")
df = pd.DataFrame(rng.normal(size=(12, 7)) + np.arange(7), index=[f"r{i}" for i in range(12)], columns=list("abcdefg"))
g = sns.clustermap(df, z_score=0, method="average", metric="correlation")
seaborn = {
    "values": df.values.tolist(),
    "rows": g.dendrogram_row.reordered_ind,
    "cols": g.dendrogram_col.reordered_ind,
    "rowZ": g.dendrogram_row.linkage.tolist(),
}
out = {
    "scipy": scipy.__version__,
    "seaborn": sns.__version__,
    "inputs": {k: v.tolist() for k, v in inputs.items()},
    "cases": cases,
    "clustermap": seaborn,
}
with open(OUT, "w") as f:
    json.dump(out, f)
print(len(cases), "cases,", sum("error" in c for c in cases), "refused by scipy")
