#!/usr/bin/python3
"""Draws the seed figures (examples/seed-00N.json, the figures the seed descriptions in
../shared/seeds describe) with Debian's seaborn, as their authors drew them, into
bench/data/read-seeds/ for `npm run read-eval` to read back (issue 20). seed-003 is two
panels side by side, which heatfig does not read; it is not drawn.
Run: /usr/bin/python3 scripts/make-read-seeds.py"""
import json
import os

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns
from matplotlib.colors import LinearSegmentedColormap

ROOT = os.path.join(os.path.dirname(__file__), '..')
OUT = os.path.join(ROOT, 'bench', 'data', 'read-seeds')
os.makedirs(OUT, exist_ok=True)

for n in (0, 1, 2, 4):
    spec = json.load(open(os.path.join(ROOT, 'examples', f'seed-00{n}.json')))
    data = spec['data']
    values = np.array([[np.nan if v is None else v for v in row] for row in data['values']], dtype=float)
    cmap = spec['cmap']
    if isinstance(cmap, list):
        cmap = LinearSegmentedColormap.from_list('seed', cmap)
    rows, cols = values.shape
    fig, ax = plt.subplots(figsize=(max(5, cols * 0.6 + 2), max(4, rows * 0.45 + 1.5)))
    sns.heatmap(values, annot=spec.get('annot', False), fmt=spec.get('fmt', '.2g'), cmap=cmap,
                vmin=spec.get('vmin'), vmax=spec.get('vmax'), center=spec.get('center'),
                xticklabels=data['cols'], yticklabels=data['rows'], ax=ax)
    if spec.get('xaxis') == 'top':
        ax.xaxis.tick_top()
    if spec.get('title'):
        ax.set_title(spec['title'])
    ax.set_xlabel(spec.get('xlabel', ''))
    ax.set_ylabel(spec.get('ylabel', ''))
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, f'seed-00{n}.png'), dpi=100)
    plt.close(fig)
print('wrote', sorted(os.listdir(OUT)))
