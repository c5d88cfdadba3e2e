#!/usr/bin/python3
"""The data of the gridsearch-facets gallery example, made with scikit-learn.

    /usr/bin/python3 examples/make-gridsearch-facets.py

Needs Debian's python3-sklearn and python3-pandas. Writes examples/data/gridsearch-facets.csv
(committed): GridSearchCV over an RBF SVM's C and gamma on three scikit-learn datasets (each
standardised), the cv_results_ of all three in one long table (dataset, C, gamma,
mean_test_score) written with DataFrame.to_csv(index=False), as users log such sweeps.
"""
import os
import pandas as pd
from sklearn.datasets import load_breast_cancer, load_digits, load_wine
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

grid = {"svc__C": [0.01, 0.1, 1, 10, 100], "svc__gamma": [0.0001, 0.001, 0.01, 0.1, 1]}
frames = []
for name, load in (("digits", load_digits), ("breast_cancer", load_breast_cancer), ("wine", load_wine)):
    X, y = load(return_X_y=True)
    search = GridSearchCV(make_pipeline(StandardScaler(), SVC(kernel="rbf")), grid, cv=3, n_jobs=1)
    search.fit(X, y)
    res = pd.DataFrame(search.cv_results_)
    frames.append(pd.DataFrame({
        "dataset": name,
        "C": res["param_svc__C"].astype(float),
        "gamma": res["param_svc__gamma"].astype(float),
        "mean_test_score": res["mean_test_score"].round(6),
    }))
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "gridsearch-facets.csv")
pd.concat(frames).to_csv(out, index=False)
print("wrote", out)
