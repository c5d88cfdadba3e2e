#!/usr/bin/python3
"""Data files written by numpy and pandas themselves, for the loader tests.

    /usr/bin/python3 scripts/make-file-fixtures.py [OUT_DIR]

Writes into OUT_DIR (default test/fixtures/files) .npy files of every supported dtype, byte
order and memory order, 1-D/3-D/4-D arrays, format versions 1/2/3, .npz archives (plain and
compressed), and CSV/TSV files as pandas writes them, plus expected.json: what each file
holds, as numpy reads it back (null for NaN, "inf"/"-inf" for infinities).
"""
import io, json, os, sys
import numpy as np
import pandas as pd

out = sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/files"
os.makedirs(out, exist_ok=True)
expected = {}

def enc(a):
    def one(v):
        v = float(v)
        if np.isnan(v): return None
        if np.isinf(v): return "inf" if v > 0 else "-inf"
        return v
    a = np.asarray(a)
    if a.ndim == 1: a = a[None, :]
    if a.ndim == 2: a = a[None, :, :]
    return [[[one(v) for v in row] for row in panel] for panel in a]

base = np.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
for kind, sizes in (("f", (2, 4, 8)), ("i", (1, 2, 4, 8)), ("u", (1, 2, 4, 8))):
    for size in sizes:
        for order in ("<", ">"):
            dt = np.dtype(f"{order}{kind}{size}")
            a = base.astype(dt)
            if kind == "f":
                a = (base / 4 - 1).astype(dt)
                a[0, 1] = np.nan; a[1, 2] = np.inf; a[2, 3] = -np.inf
            if kind == "i":
                a = (base - 5).astype(dt)
                a[0, 0] = np.iinfo(dt).min; a[2, 3] = np.iinfo(dt).max
            if kind == "u":
                a[2, 3] = np.iinfo(dt).max
            for mem in ("C", "F"):
                name = f"{kind}{size}-{'le' if order == '<' else 'be'}-{mem}.npy"
                np.save(os.path.join(out, name), np.asarray(a, order=mem))
                expected[name] = enc(a)
b = base % 3 == 0
np.save(os.path.join(out, "bool.npy"), b); expected["bool.npy"] = enc(b)
v = np.linspace(-1, 1, 7); np.save(os.path.join(out, "1d.npy"), v); expected["1d.npy"] = enc(v)
t = np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 10
np.save(os.path.join(out, "3d.npy"), t); expected["3d.npy"] = enc(t)
np.save(os.path.join(out, "3d-F.npy"), np.asfortranarray(t)); expected["3d-F.npy"] = enc(t)
# 4-D: layers x heads x query x key, as attention weights are saved; panel a*B + b is (a, b).
q = (np.arange(2 * 3 * 4 * 5, dtype=np.float64).reshape(2, 3, 4, 5) % 7) / 7
q[1, 2, 3, 4] = np.nan
np.save(os.path.join(out, "4d.npy"), q); expected["4d.npy"] = enc(q.reshape(6, 4, 5))
np.save(os.path.join(out, "4d-F.npy"), np.asfortranarray(q)); expected["4d-F.npy"] = enc(q.reshape(6, 4, 5))
for ver in ((2, 0), (3, 0)):
    name = f"v{ver[0]}.npy"
    with open(os.path.join(out, name), "wb") as f:
        np.lib.format.write_array(f, base.astype("<f8") / 2, version=ver)
    expected[name] = enc(base / 2)
np.savez(os.path.join(out, "plain.npz"), first=base.astype("f4"), second=t)
np.savez_compressed(os.path.join(out, "compressed.npz"), attn=np.tril(np.ones((5, 5))) / np.arange(1, 6)[:, None], other=v)
expected["plain.npz"] = {"first": enc(base.astype("f4")), "second": enc(t)}
expected["compressed.npz"] = {"attn": enc(np.tril(np.ones((5, 5))) / np.arange(1, 6)[:, None]), "other": enc(v)}

# pandas, as users write results tables.
df = pd.DataFrame([[0.91, np.nan, 0.5], [0.25, 1.0, -0.125], [np.inf, 0.0, 3e-5]],
                  index=pd.Index(['model "a"', "b, the second", "c\nmultiline"], name="model"),
                  columns=["acc, top-1", "f1", "t_p"])
df.to_csv(os.path.join(out, "pandas-index.csv"))
df.to_csv(os.path.join(out, "pandas-index.tsv"), sep="\t")
df.reset_index(drop=True).to_csv(os.path.join(out, "pandas-noindex.csv"), index=False)
df.to_csv(os.path.join(out, "pandas-crlf-bom.csv"), lineterminator="\r\n", encoding="utf-8-sig")
expected["pandas-table"] = {"rows": list(df.index), "cols": list(df.columns), "values": enc(df.values)}
np.savetxt(os.path.join(out, "savetxt.csv"), base / 8, delimiter=",")
expected["savetxt.csv"] = enc(base / 8)
long = pd.DataFrame({"model": ["m1", "m1", "m2", "m2", "m1"], "task": ["t10", "t2", "t10", "t2", "t10"], "accuracy": [0.5, 0.75, 0.25, 1.0, 0.7]})
long.to_csv(os.path.join(out, "long.csv"), index=False)
long.to_json(os.path.join(out, "long.json"), orient="records")
json.dump(expected, open(os.path.join(out, "expected.json"), "w"), indent=0)
print("wrote", len(os.listdir(out)), "files to", out)
