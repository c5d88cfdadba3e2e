#!/usr/bin/python3
"""Cell texts as Python's str.format writes them, for the annotation-template tests.

    /usr/bin/python3 scripts/make-annot-fixtures.py

Reads the held-out digits confusion matrix (test/fixtures/describe/digits-counts.csv, written
by scikit-learn) with pandas and writes test/fixtures/annot-templates.json: for each
template, the text of every cell, formatted by str.format with the fields heatfig offers
(value, row_pct, col_pct, pct, row, col), so the tests hold heatfig's templates to Python's;
and seaborn's own z_score and standard_scale of it (ClusterGrid), for the transform tests.
"""
import json, os
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
cm = pd.read_csv(os.path.join(here, "..", "test", "fixtures", "describe", "digits-counts.csv"), index_col=0)
values = cm.to_numpy(dtype=float)
rows = [str(r) for r in cm.index]
cols = [str(c) for c in cm.columns]
templates = [
    "{value:.0f}\n({row_pct:.0%})",
    "{value:g} of {row}",
    "{pct:.1%}",
    "{col_pct:.2f}|{col}",
    "{{{value:.1f}}}",
]
out = {"rows": rows, "cols": cols, "values": values.tolist(), "texts": {}}
for t in templates:
    texts = []
    for r in range(values.shape[0]):
        for c in range(values.shape[1]):
            v = values[r, c]
            texts.append(t.format(value=v, row_pct=v / values[r].sum(), col_pct=v / values[:, c].sum(),
                                  pct=v / values.sum(), row=rows[r], col=cols[c]))
    out["texts"][t] = texts
# seaborn's clustermap transforms, by seaborn itself: z_score and standard_scale over rows
# (axis 0) and columns (axis 1); and the fractions of each row (normalize "row").
from seaborn.matrix import ClusterGrid
df = pd.DataFrame(values)
def enc(frame):
    return [[None if pd.isna(v) else float(v) for v in row] for row in frame.to_numpy()]
out["transforms"] = {
    "zScore row": enc(ClusterGrid.z_score(df, 0)),
    "zScore col": enc(ClusterGrid.z_score(df, 1)),
    "standardScale row": enc(ClusterGrid.standard_scale(df, 0)),
    "standardScale col": enc(ClusterGrid.standard_scale(df, 1)),
    "normalize row": enc(df.div(df.sum(axis=1), axis=0)),
}
with open(os.path.join(here, "..", "test", "fixtures", "annot-templates.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote test/fixtures/annot-templates.json")
