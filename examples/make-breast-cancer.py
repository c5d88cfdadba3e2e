#!/usr/bin/python3
"""The data of the clustermap gallery example (issue 18), made with scikit-learn and pandas.

    /usr/bin/python3 examples/make-breast-cancer.py

Needs Debian's python3-sklearn and python3-pandas. Writes (committed, so the gallery needs no
Python) examples/data/breast-cancer-corr.csv: the Pearson correlations of the 30 features of
scikit-learn's breast-cancer (Wisconsin diagnostic) data, DataFrame.corr() written with
to_csv(), the features in the data set's order (10 means, 10 standard errors, 10 worsts).
"""
import os
from sklearn.datasets import load_breast_cancer

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
data = load_breast_cancer(as_frame=True).data
data.corr().round(6).to_csv(os.path.join(out, "breast-cancer-corr.csv"))
