#!/usr/bin/python3
"""Writes test/fixtures/query/: a long evaluation log as pandas writes it (evals.csv), and what
pandas and numpy make of it (expected.json): pivot_table for each aggregate heatfig's engines
compute (mean, sum, count, min, max, median, std, quantile) and numpy.histogram2d counts over
the edges of round-width bins. Run with Debian's python3-pandas: /usr/bin/python3 scripts/make-query-fixtures.py
"""
import json
import os

import numpy as np
import pandas as pd

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'query')
rng = np.random.default_rng(2026)
n = 3000
models = np.array(['gpt-small', 'gpt-medium', 'llama-7b', 'llama-13b', 'mistral-7b', "o'brien-1"])
tasks = np.array([f'task{i}' for i in range(1, 25)])
df = pd.DataFrame({
    'model': models[rng.integers(0, len(models), n)],
    'task': tasks[np.minimum(23, np.floor(np.sqrt(rng.integers(0, 576, n)))).astype(int)],
    'seed': rng.integers(0, 5, n),
    'score': np.round(rng.beta(2, 3, n), 4),
    'pred': np.round(rng.normal(0.0, 1.0, n), 3),
    'truth': np.round(rng.normal(0.0, 1.5, n), 3),
})
# What real logs have: a missing score here and there, and a row without a model.
df.loc[rng.choice(n, 40, replace=False), 'score'] = np.nan
df.loc[[7, 1234], 'model'] = np.nan
df.to_csv(os.path.join(OUT, 'evals.csv'), index=False)

back = pd.read_csv(os.path.join(OUT, 'evals.csv'))
expected = {}
aggs = {
    'mean': 'mean', 'sum': 'sum', 'count': 'count', 'min': 'min', 'max': 'max',
    'median': 'median', 'std': 'std', 'quantile(0.9)': lambda s: s.quantile(0.9),
}
for name, fn in aggs.items():
    p = back.pivot_table(index='model', columns='task', values='score', aggfunc=fn)
    expected[name] = {
        'rows': [str(r) for r in p.index],
        'cols': [str(c) for c in p.columns],
        'values': [[None if np.isnan(v) else float(v) for v in row] for row in p.to_numpy()],
    }
# Rows counted per cell (no value column): pandas' groupby size.
size = back.dropna(subset=['model', 'task']).groupby(['model', 'task']).size().unstack(fill_value=0)
expected['rows'] = {
    'rows': [str(r) for r in size.index],
    'cols': [str(c) for c in size.columns],
    'values': size.to_numpy().astype(float).tolist(),
}
# A 2-D histogram of pred × truth in bins of width 0.5 from multiples of it.
w = 0.5
xe = np.arange(np.floor(back.pred.min() / w) * w, back.pred.max() + w, w)
ye = np.arange(np.floor(back.truth.min() / w) * w, back.truth.max() + w, w)
h, _, _ = np.histogram2d(back.truth, back.pred, bins=[ye, xe])
expected['hist'] = {'width': w, 'xlo': float(xe[0]), 'ylo': float(ye[0]), 'counts': h.tolist()}
with open(os.path.join(OUT, 'expected.json'), 'w') as f:
    json.dump(expected, f)
print('wrote', len(back), 'rows;', {k: (len(v['rows']), len(v['cols'])) for k, v in expected.items() if 'rows' in v})
