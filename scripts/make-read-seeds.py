#!/usr/bin/python3
"""Draws the seed figures (examples/seed-00N.json, the figures the seed descriptions in
../shared/seeds describe) with Debian's seaborn, as their authors drew them, into
bench/data/read-seeds/ for `npm run read-eval` to read back (issue 20). seed-003 is four
panels one over another (a copy task's targets and outputs, 8 × 96 each) sharing one
colorbar, each named at its left; read-eval reads each with its panel number.
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
# seed-003: four panels one over another, each 8 × 96 cells, white lines after every 24
# columns, one colorbar for all (jet, 0 to 1, ticks every 0.1), each panel named at its left,
# the time axis titled under the last.
spec = json.load(open(os.path.join(ROOT, 'examples', 'seed-003.json')))
panels = spec['panels']
fig, axes = plt.subplots(len(panels), 1, figsize=(12, 7))
cax = fig.add_axes([0.92, 0.15, 0.015, 0.7])
for ax, panel in zip(axes, panels):
    sns.heatmap(np.array(panel['data']['values'], dtype=float), cmap=spec['cmap'],
                vmin=spec['vmin'], vmax=spec['vmax'], xticklabels=False, yticklabels=False,
                ax=ax, cbar_ax=cax, cbar_kws={'ticks': np.arange(0, 1.01, 0.1)})
    for x in spec['separators']['cols']:
        ax.axvline(x, color='white', lw=2)
    ax.set_ylabel(panel['title'], rotation=0, ha='right', va='center')
axes[-1].set_xlabel(spec['xlabel'])
fig.subplots_adjust(left=0.1, right=0.9, hspace=0.3)
fig.savefig(os.path.join(OUT, 'seed-003.png'), dpi=100)
plt.close(fig)
print('wrote', sorted(os.listdir(OUT)))
