#!/usr/bin/python3
"""Write examples/data/fold-winners.csv: which of four scikit-learn classifiers scores best on
each of 10 stratified folds of four of scikit-learn's bundled datasets (the first in the
list wins a tie). Cells hold category codes 0-3, in the order of MODELS; the spec
examples/fold-winners.json names them. Run with Debian's python3-sklearn:

    /usr/bin/python3 examples/make-fold-winners.py
"""
import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

MODELS = {
    "logistic regression": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
    "SVM (RBF)": lambda: make_pipeline(StandardScaler(), SVC()),
    "random forest": lambda: RandomForestClassifier(n_estimators=100, random_state=0),
    "k-NN": lambda: make_pipeline(StandardScaler(), KNeighborsClassifier()),
}
DATASETS = {"iris": load_iris, "wine": load_wine, "breast cancer": load_breast_cancer, "digits": load_digits}

rows = {}
for name, load in DATASETS.items():
    X, y = load(return_X_y=True)
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
    winners = []
    for train, test in folds.split(X, y):
        scores = [make().fit(X[train], y[train]).score(X[test], y[test]) for make in MODELS.values()]
        winners.append(int(np.argmax(scores)))
    rows[name] = winners
df = pd.DataFrame.from_dict(rows, orient="index", columns=[f"fold {i + 1}" for i in range(10)])
df.index.name = "dataset"
df.to_csv("examples/data/fold-winners.csv")
print(df)
