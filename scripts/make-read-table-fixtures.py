"""
pandas DataFrames coloured by their Styler (`df.style.background_gradient(...).format(...)`),
as users screenshot them from a notebook or a page, for `heatfig read` (issue 20). Writes each
table's HTML (Styler.to_html(), in a page with the table CSS of JupyterLab and nbsphinx, or a
browser's own) to the directory given, and its truth (the numbers as printed, the labels) to
test/fixtures/read; scripts/make-read-table-fixtures.ts runs this with Debian's python3-pandas
(and python3-sklearn, for the confusion matrix) and screenshots each table in Debian's
Chromium at 1 and 2 device pixels a CSS px.

Run: /usr/bin/python3 scripts/make-read-table-fixtures.py OUTDIR
"""
import json
import os
import sys

import numpy as np
import pandas as pd

HTML_DIR = sys.argv[1]
FIX = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'read')

# JupyterLab's and nbsphinx's rendered-HTML table rules (jupyterlab rendermime, nbsphinx's
# CSS): collapsed borders, 0.5em padding, right-aligned, bold headers, a rule under the head,
# every other body row shaded.
JUPYTER = """
body { font-family: sans-serif; font-size: 13px; margin: 8px; }
table { border: none; border-collapse: collapse; border-spacing: 0; color: black;
        font-size: 12px; table-layout: fixed; }
thead { border-bottom: 1px solid black; vertical-align: bottom; }
tr, th, td { text-align: right; vertical-align: middle; padding: 0.5em 0.5em;
             line-height: normal; white-space: normal; max-width: none; border: none; }
th { font-weight: bold; }
tbody tr:nth-child(odd) { background: #f5f5f5; }
"""
# A page of its own (Styler.to_html() saved and opened): the browser's table style, cells
# 2 px apart, text at the left.
PAGE = 'body { font-family: sans-serif; }'

METRICS = ['accuracy', 'f1', 'precision', 'recall', 'auc', 'mcc', 'bleu']
CASES = [
    # name, css, rows, cols, cmap, format, axis (None: the whole table's range; 0: each column's)
    ('styler-jupyter-viridis-5x4', JUPYTER, [f'run-{k}' for k in range(5)], METRICS[:4],
     'viridis', '{:.2f}', 0),
    ('styler-jupyter-ylorrd-6x6', JUPYTER, [f'seed {k}' for k in range(6)], METRICS[:6],
     'YlOrRd', '{:.1f}', None),
    ('styler-page-rdylgn-percent-6x5', PAGE, [f'model_{k}' for k in range(6)], METRICS[:5],
     'RdYlGn', '{:.1%}', None),
    ('styler-page-blues-4x5', PAGE, ['dev', 'test', 'ood', 'adv'], METRICS[:5],
     'Blues', '{:.3f}', None),
]

# A confusion matrix as a DataFrame (counts, scikit-learn's confusion_matrix), its columns of
# one width, its counts at their cells' right as JupyterLab sets numbers.
CASES.append(('styler-jupyter-confusion-5x5', JUPYTER, [f'true {k}' for k in 'ABCDE'],
              [f'pred {k}' for k in 'ABCDE'], 'Blues', '{:d}', None))

# A caption over the table (Styler.set_caption), across its columns.
CASES.append(('styler-jupyter-caption-6x5', JUPYTER, [f'model {k}' for k in 'ABCDEF'],
              ['mmlu', 'gsm8k', 'arc', 'hellaswag', 'truthfulqa'], 'Greens', '{:.2f}', None))
CAPTIONS = {'styler-jupyter-caption-6x5': 'Accuracy by benchmark'}

# The index named (df.index.name: a line of its own under the header, over the row labels),
# and scores missing (NaN, which the Styler prints "nan" on its null colour).
CASES.append(('styler-jupyter-index-name-nan-5x4', JUPYTER, ['llama', 'mistral', 'qwen', 'phi',
              'gemma'], ['bleu', 'chrf', 'ter', 'comet'], 'PuBu', '{:.2f}', None))
INDEX_NAMES = {'styler-jupyter-index-name-nan-5x4': 'model'}
MISSING = {'styler-jupyter-index-name-nan-5x4': [(1, 2), (3, 0)]}

# Missing scores printed as an em dash (Styler.format(na_rep='—')), as papers' tables mark a
# run not made: text recognition read the 2x dash "ee".
CASES.append(('styler-jupyter-na-dash-4x5', JUPYTER, ['base', 'sft', 'dpo', 'rlhf'],
              ['mmlu', 'gsm8k', 'arc', 'bbh', 'drop'], 'Oranges', '{:.3f}', None))
MISSING['styler-jupyter-na-dash-4x5'] = [(0, 4), (2, 1), (3, 3)]
NA_REPS = {'styler-jupyter-na-dash-4x5': '—'}

rng = np.random.default_rng(20)
for name, css, rows, cols, cmap, fmt, axis in CASES:
    if fmt == '{:d}':
        from sklearn.metrics import confusion_matrix
        truth = rng.integers(0, len(rows), 300)
        guess = np.where(rng.uniform(size=300) < 0.7, truth, rng.integers(0, len(rows), 300))
        data = confusion_matrix(truth, guess)
    else:
        scale = 100 if fmt == '{:.1f}' else 1
        data = np.round(rng.uniform(0, 1, (len(rows), len(cols))) * scale, 3)
    for r, c in MISSING.get(name, []):
        data[r, c] = np.nan
    df = pd.DataFrame(data, index=rows, columns=cols)
    df.index.name = INDEX_NAMES.get(name)
    na_rep = NA_REPS.get(name, 'nan')
    styler = df.style.background_gradient(cmap=cmap, axis=axis).format(fmt, na_rep=na_rep)
    if name in CAPTIONS:
        styler = styler.set_caption(CAPTIONS[name])
    html = styler.to_html()
    with open(os.path.join(HTML_DIR, f'{name}.html'), 'w') as f:
        f.write(f'<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head>'
                f'<body>{html}</body></html>')
    printed = [[na_rep if v != v else fmt.format(v) for v in row] for row in data]
    # The values as printed: a percentage's number is its printed one over 100.
    values = [[None if t == na_rep else round(float(t[:-1]) / 100, 6) if t.endswith('%')
               else float(t) for t in row] for row in printed]
    if fmt == '{:d}':
        values = [[int(t) for t in row] for row in printed]
    for suffix in ['', '-2x']:
        with open(os.path.join(FIX, f'{name}{suffix}.json'), 'w') as f:
            json.dump({'values': values, 'printed': printed, 'rows': rows, 'cols': cols,
                       'cmap': cmap, 'format': fmt}, f)
print('ok')
