#!/usr/bin/python3
"""The data of two gallery examples, made with scikit-learn as its users make them.

    /usr/bin/python3 examples/make-real-examples.py

Needs Debian's python3-sklearn and python3-pandas. Writes (both committed, so the gallery
needs no Python):
- examples/data/gridsearch-svc.csv: GridSearchCV over an RBF SVM's C and gamma on the digits
  data, its cv_results_ pivoted to C x gamma and written with DataFrame.to_csv(), so the
  index's name (param_C) sits in the first header cell;
- examples/data/mlp-activations.npy: the 24 hidden units of an MLP trained on 20,000
  samples of make_classification, one row per sample (20000 x 24, float32), samples sorted
  by the predicted probability of class 1.
"""
import os
import numpy as np
import pandas as pd
from sklearn.datasets import load_digits, make_classification
from sklearn.model_selection import GridSearchCV
from sklearn.neural_network import MLPClassifier
from sklearn.svm import SVC

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
os.makedirs(out, exist_ok=True)

digits = load_digits()
grid = {"C": [0.01, 0.1, 1, 10, 100], "gamma": [1e-4, 1e-3, 1e-2, 1e-1]}
search = GridSearchCV(SVC(kernel="rbf"), grid, cv=3, n_jobs=1).fit(digits.data, digits.target)
res = pd.DataFrame(search.cv_results_)
pivot = res.pivot(index="param_C", columns="param_gamma", values="mean_test_score")
pivot.to_csv(os.path.join(out, "gridsearch-svc.csv"))

X, y = make_classification(n_samples=20000, n_features=20, n_informative=8, random_state=0)
mlp = MLPClassifier(hidden_layer_sizes=(24,), max_iter=60, random_state=0).fit(X, y)
hidden = np.maximum(0, X @ mlp.coefs_[0] + mlp.intercepts_[0])  # ReLU, as the MLP computes it
order = np.argsort(mlp.predict_proba(X)[:, 1], kind="stable")
np.save(os.path.join(out, "mlp-activations.npy"), hidden[order].astype(np.float32))
print("wrote", sorted(os.listdir(out)))
