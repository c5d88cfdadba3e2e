#!/usr/bin/python3
"""Hostile and odd files, written with numpy and Python's zipfile, for issue 12's tests.

    /usr/bin/python3 scripts/make-hostile-fixtures.py [OUT_DIR]

Writes into OUT_DIR (default test/fixtures/hostile):
- structured.npy: a structured dtype whose field name is "'descr': '<f8'" (a regular
  expression over the header reads it as float64);
- object.npy, unicode.npy, complex.npy, datetime.npy: dtypes heatfig refuses by name;
- bigheader.npy: a valid version 2.0 header of 200,000 bytes over a 2 x 3 float64 array
  (numpy reads it back with max_header_size raised);
- plain.npz (np.savez, stored) and a copy with one data byte flipped (crc.npz);
- bomb.npz: one member of 600 MB of zeros, deflated to about 600 kB, declaring its size;
- liar.npz: the same member, its declared sizes patched down to 128 bytes;
- encrypted.npz: plain.npz with the encryption flag set;
- dotdot.npz: a member named "../evil.npy".
"""
import io, os, struct, sys, zipfile
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/hostile"
os.makedirs(out, exist_ok=True)
p = lambda n: os.path.join(out, n)

np.save(p("structured.npy"), np.zeros(3, dtype=[("'descr': '<f8'", "<f4"), ("b", "<i4")]))
np.save(p("object.npy"), np.array([1, "a", None], dtype=object), allow_pickle=True)
np.save(p("unicode.npy"), np.array(["a", "bc"]))
np.save(p("complex.npy"), np.array([1 + 2j, 3j]))
np.save(p("datetime.npy"), np.array(["2026-01-01"], dtype="datetime64[D]"))

# A valid v2 header far past numpy's default 10,000-byte limit.
arr = np.arange(6, dtype="<f8").reshape(2, 3) / 4
d = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"
pad = 200_000 - len(d) - 1
hdr = (d + " " * pad + "\n").encode("latin1")
hdr += b" " * ((-(12 + len(hdr))) % 64)
hdr = hdr[:-1] + b"\n"
with open(p("bigheader.npy"), "wb") as f:
    f.write(b"\x93NUMPY\x02\x00" + struct.pack("<I", len(hdr)) + hdr + arr.tobytes())
assert (np.load(p("bigheader.npy"), max_header_size=10**6) == arr).all()

np.savez(p("plain.npz"), a=arr)
b = bytearray(open(p("plain.npz"), "rb").read())
i = b.find(arr.tobytes())
assert i > 0
b[i + 8 + 6] ^= 0x01  # inside the value 0.25
open(p("crc.npz"), "wb").write(bytes(b))

# 600 MB of zeros, deflated: declared honestly (refused for its size), then with the sizes lied about.
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("big.npy", "w", force_zip64=True) as f:
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(header, {"descr": "<f4", "fortran_order": False, "shape": (150_000_000,)})
        f.write(header.getvalue())
        zero = bytes(1 << 20)
        for _ in range(600_000_000 // len(zero)):
            f.write(zero)
bomb = buf.getvalue()
open(p("bomb.npz"), "wb").write(bomb)
liar = bytearray(bomb)
cd = liar.rfind(b"PK\x01\x02")
assert struct.unpack_from("<I", liar, cd + 24)[0] != 0xFFFFFFFF  # the size is in the entry itself
struct.pack_into("<I", liar, cd + 24, 128)  # the uncompressed size, lied down to 128 bytes
open(p("liar.npz"), "wb").write(bytes(liar))

enc = bytearray(open(p("plain.npz"), "rb").read())
cd = enc.rfind(b"PK\x01\x02")
struct.pack_into("<H", enc, cd + 8, struct.unpack_from("<H", enc, cd + 8)[0] | 1)
open(p("encrypted.npz"), "wb").write(bytes(enc))

with zipfile.ZipFile(p("dotdot.npz"), "w") as z:
    bio = io.BytesIO()
    np.save(bio, arr)
    z.writestr("../evil.npy", bio.getvalue())
print("wrote", sorted(os.listdir(out)))
