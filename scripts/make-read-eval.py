#!/usr/bin/python3
"""Writes the evaluation set of `npm run read-eval` (issue 20) into bench/data/read-eval/:
heatmaps drawn by Debian's seaborn and matplotlib as users draw them, seeded, each NAME.png
and NAME.jpg (JPEG at quality 75, through Pillow, as savefig writes it) beside NAME.json with
what it was drawn from: the values, the numbers printed over the cells
(when annotated), the colorbar's range and its tick values, and the axes' tick labels as
drawn (each with its row or column: seaborn leaves some out on a large grid).
Run: /usr/bin/python3 scripts/make-read-eval.py [count]"""
import json
import os
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns
from matplotlib.colors import LinearSegmentedColormap

OUT = os.path.join(os.path.dirname(__file__), '..', 'bench', 'data', 'read-eval')
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 48
CMAPS = ['viridis', 'magma', 'rocket', 'mako', 'coolwarm', 'RdBu_r', 'jet', 'Blues', 'YlGnBu',
         'Spectral', 'icefire', 'custom']
CUSTOM = LinearSegmentedColormap.from_list('custom', ['#fff7ec', '#fc8d59', '#7f0000'])
# Names as ML figures carry them, on a third of the figures (the others are numbered, as
# numpy arrays are, or named as a DataFrame's rows and columns, below): layers and heads,
# classes, tasks.
CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship',
           'truck', 'apple', 'bridge']
TASKS = ['arith', 'reading', 'science', 'logic', 'coding', 'trivia', 'math', 'ethics', 'law',
         'history', 'physics', 'chem']
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(2026)


def drawn(labels, n, tool):
    # Each label shown, with the row or column it stands at (seaborn's ticks at 0.5, 1.5, ...).
    # Those past the grid (matplotlib's ticks at -5 and 25 of 24 rows) are not drawn.
    # A tick between cells (matplotlib's imshow of 4 rows marks 0.5, 1.5, ...; of 20 columns,
    # 2.5, 7.5, ...) is no cell's label.
    at = [(t.get_position()[i] - (0.5 if tool == 'seaborn' else 0), t.get_text())
          for i, t in labels if t.get_text()]
    return [[int(round(p)), text] for p, text in at
            if abs(p - round(p)) < 1e-6 and 0 <= round(p) < n]


for k in range(COUNT):
    annotated = k % 2 == 0
    rows = int(rng.integers(3, 13 if annotated else 41))
    cols = int(rng.integers(3, 13 if annotated else 41))
    cmap_name = CMAPS[k % len(CMAPS)]
    cmap = CUSTOM if cmap_name == 'custom' else cmap_name
    diverging = cmap_name in ('coolwarm', 'RdBu_r', 'Spectral', 'icefire')
    scale = [1, 10, 100][k % 3]
    values = rng.normal(size=(rows, cols)) if diverging else rng.random((rows, cols))
    values = values * scale
    fmt = 'd' if scale == 100 and not diverging else '.2f'
    if fmt == 'd':
        values = np.round(values).astype(int)
    dpi = 300 if k % 12 == 11 else [72, 100, 150, 200][k % 4]
    tool = 'matplotlib' if k % 5 == 4 and not annotated else 'seaborn'
    size = (max(4, cols * 0.45 + 2), max(3, rows * 0.4 + 1.5)) if annotated else (7, 5.5)
    fig, ax = plt.subplots(figsize=size)
    names = {}
    if k % 3 == 2 and rows <= 12 and cols <= 12:
        names = (dict(yticklabels=[f'layer {i}' for i in range(rows)], xticklabels=TASKS[:cols])
                 if k % 2 == 0 else
                 dict(yticklabels=CLASSES[:rows], xticklabels=[f'head {i}' for i in range(cols)]))
    # Names as a pandas DataFrame's index and columns often are, letters and a number with
    # no space between (sample and feature names; seaborn turns the rows' up when they would
    # overlap), on a third of the figures more.
    if k % 3 == 1 and max(rows, cols) <= (12 if annotated else 30):
        names = (dict(yticklabels=[f'gene{i}' for i in range(rows)],
                      xticklabels=[f's{i}' for i in range(cols)])
                 if k % 2 == 0 else
                 dict(yticklabels=[f'sample_{i}' for i in range(rows)],
                      xticklabels=[f'x{i}' for i in range(cols)]))
    if tool == 'seaborn':
        kw = dict(cmap=cmap, ax=ax, annot=annotated, fmt=fmt, **names)
        if diverging:
            kw['center'] = 0
        if k % 3 == 1:
            kw['linewidths'] = 0.5
        sns.heatmap(values, **kw)
        mesh = ax.collections[0]
    else:
        mesh = ax.imshow(values, cmap=cmap, aspect='auto', interpolation='nearest')
        plt.colorbar(mesh, ax=ax)
    if k % 4 == 3:
        plt.setp(ax.get_xticklabels(), rotation=90)
    if names:
        # Room for the names (without it, "layer 0" runs off the figure's left edge).
        fig.tight_layout()
    fig.canvas.draw()

    row_labels = drawn([(1, t) for t in ax.get_yticklabels()], rows, tool)
    col_labels = drawn([(0, t) for t in ax.get_xticklabels()], cols, tool)
    cbar = mesh.colorbar
    vmin, vmax = (float(v) for v in mesh.get_clim())
    ticks = [float(t) for t in cbar.get_ticks() if vmin - 1e-9 <= t <= vmax + 1e-9]
    name = f'{k:03d}-{tool}-{cmap_name}-{rows}x{cols}{"-annot" if annotated else ""}-{dpi}dpi'
    fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=dpi)
    fig.savefig(os.path.join(OUT, f'{name}.jpg'), dpi=dpi, pil_kwargs={'quality': 75})
    plt.close(fig)
    printed = [[float(format(v, fmt)) for v in row] for row in values] if annotated else None
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'tool': tool, 'cmap': cmap_name, 'dpi': dpi, 'annotated': annotated,
                   'values': np.asarray(values, dtype=float).tolist(), 'printed': printed,
                   'vmin': vmin, 'vmax': vmax, 'ticks': ticks,
                   'rowLabels': row_labels, 'colLabels': col_labels}, f)

# Colorbars whose labels are not the values as written (a seeded set of its own, after the
# others, which it leaves as they were): logarithmic ones (LogNorm, labelled 10^k in
# mathtext) over values spanning 2 to 6 decades, some annotated with counts; and linear ones
# whose labels matplotlib scales by an offset text ("1e-5", "+1e3").
from matplotlib.colors import LogNorm  # noqa: E402

SCALED = COUNT // 2
rng = np.random.default_rng(2027)
for k in range(SCALED):
    offset = k % 4 == 3
    annotated = k % 4 == 1
    rows = int(rng.integers(3, 11 if annotated else 31))
    cols = int(rng.integers(3, 11 if annotated else 31))
    cmap_name = ['viridis', 'rocket', 'magma', 'Blues', 'mako', 'YlGnBu'][k % 6]
    dpi = [72, 100, 150, 200][(k // 2) % 4]
    tool = 'matplotlib' if k % 4 == 2 else 'seaborn'
    if offset:
        # Small values (a factor of 1e-5 or so) or ones near a large number (an amount added).
        values = (rng.random((rows, cols)) * 3 * 10.0 ** -int(rng.integers(4, 7))
                  if k % 8 == 3 else 1000 + rng.random((rows, cols)) * 0.01)
        norm = None
    else:
        decades = int(rng.integers(2, 7))
        low = int(rng.integers(-4, 2))
        values = 10 ** rng.uniform(low, low + decades, (rows, cols))
        if annotated:
            values = np.round(values * 10 ** max(0, -low)).astype(int) + 1
        norm = LogNorm()
    # Annotated counts in columns wide enough for their numbers (a user widens a figure whose
    # numbers run into each other): 0.09 in a digit at seaborn's 10-pt annotations.
    digits = len(str(int(np.max(values)))) if annotated else 0
    size = ((max(4, cols * max(0.55, 0.09 * digits + 0.25) + 2), max(3, rows * 0.45 + 1.5))
            if annotated else (7, 5.5))
    fig, ax = plt.subplots(figsize=size)
    if tool == 'seaborn':
        sns.heatmap(values, cmap=cmap_name, ax=ax, annot=annotated, fmt='d', norm=norm)
        mesh = ax.collections[0]
    else:
        mesh = ax.imshow(values, cmap=cmap_name, aspect='auto', interpolation='nearest',
                         norm=norm)
        plt.colorbar(mesh, ax=ax)
    fig.canvas.draw()
    # (As the set above: the labels of ticks between cells, matplotlib's 2.5 of an `imshow`
    # 20 columns wide, are no cell's; they were scored as the cell rounding put them at.)
    row_labels = drawn([(1, t) for t in ax.get_yticklabels()], rows, tool)
    col_labels = drawn([(0, t) for t in ax.get_xticklabels()], cols, tool)
    cbar = mesh.colorbar
    vmin, vmax = (float(v) for v in mesh.get_clim())
    ticks = [float(t) for t in cbar.get_ticks() if vmin * (1 - 1e-9) <= t <= vmax * (1 + 1e-9)]
    kind = 'offset' if offset else 'log'
    name = (f'{200 + k:03d}-{tool}-{cmap_name}-{rows}x{cols}{"-annot" if annotated else ""}'
            f'-{kind}-{dpi}dpi')
    fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=dpi)
    fig.savefig(os.path.join(OUT, f'{name}.jpg'), dpi=dpi, pil_kwargs={'quality': 75})
    plt.close(fig)
    printed = [[float(v) for v in row] for row in values] if annotated else None
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'tool': tool, 'cmap': cmap_name, 'dpi': dpi, 'annotated': annotated,
                   'scale': kind, 'values': np.asarray(values, dtype=float).tolist(),
                   'printed': printed, 'vmin': vmin, 'vmax': vmax, 'ticks': ticks,
                   'rowLabels': row_labels, 'colLabels': col_labels}, f)
print('wrote', COUNT + SCALED, 'images to', os.path.relpath(OUT))
