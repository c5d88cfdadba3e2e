"""scipy's linkage alone (its C implementation), timed inside the process: the seconds of
`linkage(X, method, metric)` on INPUT.npy's rows, the median of RUNS after a warm-up.

    /usr/bin/python3 bench/peers/scipy_linkage.py INPUT.npy METHOD METRIC RUNS
"""
import sys
import time
import numpy as np
from scipy.cluster.hierarchy import linkage

x = np.load(sys.argv[1])
method, metric, runs = sys.argv[2], sys.argv[3], int(sys.argv[4])
times = []
for k in range(runs + 1):
    t0 = time.perf_counter()
    linkage(x, method=method, metric=metric)
    if k:
        times.append(time.perf_counter() - t0)
print(sorted(times)[len(times) // 2])
