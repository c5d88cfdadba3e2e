"""pandas and seaborn on the long data: read the CSV (pyarrow, which reads Parquet, is not in
Debian 12), pivot_table(mean) or numpy.histogram2d, then seaborn's heatmap to PNG.
usage: pandas_pivot.py evals|points CSV OUT.png [BINS]"""
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

kind, path, out = sys.argv[1:4]
if kind == 'evals':
    df = pd.read_csv(path, dtype={'model': 'category', 'task': 'category', 'score': 'float64'})
    grid = df.pivot_table(index='model', columns='task', values='score', aggfunc='mean', observed=True)
else:
    bins = int(sys.argv[4])
    df = pd.read_csv(path, dtype={'truth': 'float64', 'pred': 'float64'})
    h, ye, xe = np.histogram2d(df.pred, df.truth, bins=bins)
    grid = pd.DataFrame(h[::-1], index=np.round(ye[-2::-1], 3), columns=np.round(xe[:-1], 3))
fig, ax = plt.subplots(figsize=(10, 8))
sns.heatmap(grid, ax=ax)
fig.savefig(out, dpi=100)
