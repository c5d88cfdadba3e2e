#!/usr/bin/python3
"""The data of the attention-heads gallery example: a toy transformer's attention weights.

    /usr/bin/python3 examples/make-attention-heads.py

Needs Debian's python3-numpy. Writes examples/data/attention-heads.npy (committed): the
attention weights of 4 layers x 6 heads over the 11 tokens of one sentence, float32 of shape
(4, 6, 11, 11) = layers x heads x query x key, as a model's attentions are saved. Each head is
softmax(Q K^T / sqrt(d) + b) under a causal mask, with Q and K from seeded random projections
of seeded random token embeddings, and b one of the patterns heads of trained models are
known for (attending to the first token, to the previous token, to the same token, to an
earlier copy of the current token, or to nothing in particular). Synthetic, not a trained
model: no model can be downloaded here.
"""
import os
import numpy as np

tokens = ["<s>", "The", "cat", "sat", "on", "the", "mat", "because", "it", "was", "tired"]
T, d, L, H = len(tokens), 16, 4, 6
rng = np.random.default_rng(2026)
emb = rng.normal(size=(T, d))
pos = np.arange(T)
same_word = np.array([[tokens[i].lower() == tokens[j].lower() and j < i for j in range(T)] for i in range(T)])
patterns = {
    "first": np.where(pos[None, :] == 0, 4.0, 0.0) + 0 * pos[:, None],
    "previous": np.where(pos[None, :] == pos[:, None] - 1, 4.0, 0.0),
    "self": np.where(pos[None, :] == pos[:, None], 3.0, 0.0),
    "copy": np.where(same_word, 5.0, 0.0),
    "broad": np.zeros((T, T)),
}
kinds = ["first", "previous", "self", "copy", "broad", "first"]
out = np.empty((L, H, T, T), dtype=np.float32)
for layer in range(L):
    for head in range(H):
        wq = rng.normal(size=(d, d)) / np.sqrt(d)
        wk = rng.normal(size=(d, d)) / np.sqrt(d)
        logits = (emb @ wq) @ (emb @ wk).T / np.sqrt(d)
        logits = logits + patterns[kinds[(head + layer) % H]]
        logits = np.where(pos[None, :] <= pos[:, None], logits, -np.inf)
        w = np.exp(logits - logits.max(axis=1, keepdims=True))
        out[layer, head] = w / w.sum(axis=1, keepdims=True)
here = os.path.dirname(os.path.abspath(__file__))
np.save(os.path.join(here, "data", "attention-heads.npy"), out)
print("wrote", out.shape, "to examples/data/attention-heads.npy")
