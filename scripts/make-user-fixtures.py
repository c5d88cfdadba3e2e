#!/usr/bin/python3
"""Files as pandas, numpy and scikit-learn users write them, for issue 11's loader tests.

    /usr/bin/python3 scripts/make-user-fixtures.py [OUT_DIR]

Needs Debian's python3-pandas, python3-numpy, python3-sklearn and python3-seaborn. Writes
into OUT_DIR (default test/fixtures/user) the files below and expected.json: for each file
what the user meant, as pandas reads it back (read_csv(index_col=0, header=[...]),
read_json(orient=...)) and seaborn labels it (seaborn's own _index_to_label and
_index_to_ticklabels): rows, cols, values (null for NaN), ylabel, xlabel.
"""
import json, os, sys
import numpy as np
import pandas as pd
from seaborn.matrix import _index_to_label, _index_to_ticklabels
from sklearn.datasets import load_iris, load_digits
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import GridSearchCV
from sklearn.svm import SVC
from sklearn.linear_model import LogisticRegression

out = sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/user"
os.makedirs(out, exist_ok=True)
expected = {}


def label(index):
    """An axis title as seaborn writes it ("-".join of the level names), but with the levels
    that have no name left out where seaborn writes "None" (heatfig's one difference)."""
    names = [n for n in index.names if n is not None]
    return "-".join(map(str, names)) if names else None


def expect(name, df, **extra):
    v = [[None if np.isnan(x) else float(x) for x in row] for row in df.values.astype(float)]
    e = {
        "rows": [str(x) for x in _index_to_ticklabels(df.index)],
        "cols": [str(x) for x in _index_to_ticklabels(df.columns)],
        "values": v,
        "ylabel": label(df.index),
        "xlabel": label(df.columns),
        "seaborn_ylabel": _index_to_label(df.index),
        "seaborn_xlabel": _index_to_label(df.columns),
    }
    e.update(extra)
    expected[name] = e


# A scikit-learn grid search, pivoted for a heatmap (the index is named, its labels numbers).
iris = load_iris()
search = GridSearchCV(SVC(), {"C": [0.1, 1, 10, 100], "gamma": [0.001, 0.01, 0.1, 1]}, cv=3)
search.fit(iris.data, iris.target)
res = pd.DataFrame(search.cv_results_)
pivot = res.pivot(index="param_C", columns="param_gamma", values="mean_test_score")
pivot.to_csv(os.path.join(out, "gridsearch.csv"))
back = pd.read_csv(os.path.join(out, "gridsearch.csv"), index_col=0, float_precision="round_trip")
expect("gridsearch.csv", back)

# The same with two value columns: MultiIndex columns, three header lines.
multi = res.pivot(index="param_C", columns="param_gamma", values=["mean_test_score", "std_test_score"])
multi.to_csv(os.path.join(out, "gridsearch-multi.csv"))
expect("gridsearch-multi.csv", pd.read_csv(os.path.join(out, "gridsearch-multi.csv"), index_col=0, header=[0, 1], float_precision="round_trip"))
unnamed = multi.copy()
unnamed.index.name = None
unnamed.columns.names = [None, None]
unnamed.to_csv(os.path.join(out, "multi-unnamed.csv"))
expect("multi-unnamed.csv", pd.read_csv(os.path.join(out, "multi-unnamed.csv"), index_col=0, header=[0, 1], float_precision="round_trip"))

# A confusion matrix: crosstab of named Series, and a DataFrame whose index is named "true".
digits = load_digits()
clf = LogisticRegression(max_iter=200).fit(digits.data[:1200], digits.target[:1200])
y_true = digits.target[1200:]
y_pred = clf.predict(digits.data[1200:])
ct = pd.crosstab(pd.Series(y_true, name="true"), pd.Series(y_pred, name="predicted"))
ct.to_csv(os.path.join(out, "crosstab.csv"))
expect("crosstab.csv", pd.read_csv(os.path.join(out, "crosstab.csv"), index_col=0, float_precision="round_trip"))
cm = pd.DataFrame(confusion_matrix(y_true, y_pred))
cm.index.name = "true"
cm.to_csv(os.path.join(out, "confusion-true.csv"))
expect("confusion-true.csv", pd.read_csv(os.path.join(out, "confusion-true.csv"), index_col=0, float_precision="round_trip"))

# A plain numeric table written without its index: every column is data.
plain = pd.DataFrame(np.round(np.random.default_rng(3).normal(size=(6, 3)), 3), columns=["a", "b", "c"])
plain.to_csv(os.path.join(out, "plain-noindex.csv"), index=False)
expect("plain-noindex.csv", pd.read_csv(os.path.join(out, "plain-noindex.csv"), float_precision="round_trip"))

# A training log with its epoch as the index: a named column of ordered whole numbers over
# named columns could be pandas' index or data; heatfig takes it as the index and says so.
hist = pd.DataFrame({"epoch": np.arange(1, 7), "train_loss": np.round(np.linspace(1, 0.2, 6), 3),
                     "val_loss": np.round(np.linspace(1.1, 0.4, 6), 3)}).set_index("epoch")
hist.to_csv(os.path.join(out, "history.csv"))
expect("history.csv", pd.read_csv(os.path.join(out, "history.csv"), index_col=0, float_precision="round_trip"), note="index")
# The same shape with ids in no order, written without the index: drawn as data, with a note.
ids = pd.DataFrame({"id": [7, 3, 9, 1, 5], "x": [0.5, 0.25, 0.75, 0.1, 0.3], "y": [1.5, 1.25, 1.75, 1.1, 1.3]})
ids.to_csv(os.path.join(out, "ids.csv"), index=False)
expect("ids.csv", pd.read_csv(os.path.join(out, "ids.csv"), float_precision="round_trip"), note="data")

# Every orient of DataFrame.to_json.
small = pivot.copy()
for orient in ["split", "index", "columns", "values", "records", "table"]:
    path = os.path.join(out, f"orient-{orient}.json")
    small.to_json(path, orient=orient)
    back = pd.read_json(path, orient=orient, precise_float=True)
    if orient in ("index", "columns", "split"):
        back = back.loc[:, sorted(back.columns)].sort_index()
    if orient == "table":
        # pandas 1.5 reads its own table orient back as NaN when the column labels are
        # floats; the values are those of the split file, written with the same rounding.
        rounded = pd.read_json(os.path.join(out, "orient-split.json"), orient="split", precise_float=True)
        t = pd.DataFrame(rounded.values, index=small.index, columns=list(small.columns))
        expect(path.split("/")[-1], t)
    else:
        # read_json turns the number-like labels into numbers; they are labels as written.
        e = {
            "split": lambda: small,
            "index": lambda: small,
            "columns": lambda: small,
            "values": lambda: pd.DataFrame(small.values),
            "records": lambda: pd.DataFrame(small.values, columns=small.columns),
        }[orient]()
        # to_json rounds to 10 significant digits (double_precision=10): the values are the file's.
        f = pd.DataFrame(back.values, index=list(e.index), columns=list(e.columns))
        expect(path.split("/")[-1], f)

# np.savetxt: space separated, %.18e, no header; and a decimal comma with ';'.
arr = np.random.default_rng(7).normal(size=(5, 4))
np.savetxt(os.path.join(out, "savetxt.txt"), arr)
expect("savetxt.txt", pd.DataFrame(np.loadtxt(os.path.join(out, "savetxt.txt"))))
pivot.to_csv(os.path.join(out, "decimal-comma.csv"), sep=";", decimal=",")
dc = pd.read_csv(os.path.join(out, "decimal-comma.csv"), sep=";", decimal=",", index_col=0, float_precision="round_trip")
expect("decimal-comma.csv", dc)

json.dump(expected, open(os.path.join(out, "expected.json"), "w"), indent=1)
print("wrote", len(os.listdir(out)), "files to", out)
