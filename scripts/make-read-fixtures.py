#!/usr/bin/python3
"""Writes test/fixtures/read/: heatmaps drawn by Debian's seaborn and matplotlib, as users
save them, with the values they were drawn from (NAME.png beside NAME.json), for reading the
images back; some also as JPEG at quality 75 (NAME.jpg, through Pillow) and as a PDF page
(NAME.pdf, vector, without a date, so that it is the same on every run). Run: /usr/bin/python3 scripts/make-read-fixtures.py"""
import json
import os

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'read')
rng = np.random.default_rng(20)


def save(name, values, draw, dpi, also=(), figsize=(6, 4.5), extra=None):
    fig, ax = plt.subplots(figsize=figsize)
    draw(ax, values)
    fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=dpi)
    if 'jpg' in also:
        fig.savefig(os.path.join(OUT, f'{name}.jpg'), dpi=dpi, pil_kwargs={'quality': 75})
    if 'pdf' in also:
        fig.savefig(os.path.join(OUT, f'{name}.pdf'), metadata={'CreationDate': None})
    plt.close(fig)
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        v = np.asarray(values)
        # Missing cells as null (JSON has no NaN).
        rows = [[None if x != x else x for x in row] for row in v.tolist()]
        # What else the test needs of it (the labels as drawn, the numbers as printed).
        json.dump({'values': rows, 'vmin': float(np.nanmin(v)), 'vmax': float(np.nanmax(v)),
                   **(extra or {})}, f)


v = np.round(rng.random((6, 8)), 3)
save('seaborn-viridis-6x8', v, lambda ax, x: sns.heatmap(x, cmap='viridis', ax=ax), 100, ('jpg',))
v = np.round(rng.normal(size=(11, 4)), 3)
save('seaborn-rocket-11x4', v, lambda ax, x: sns.heatmap(x, ax=ax), 150)


def mpl(ax, x):
    im = ax.imshow(x, cmap='magma', aspect='auto', interpolation='nearest')
    plt.colorbar(im, ax=ax)


v = np.round(rng.random((9, 12)) * 50, 2)
save('matplotlib-imshow-magma-9x12', v, mpl, 100)

# Annotated, as users draw them: a confusion matrix of counts (fmt 'd', class names), and a
# correlation matrix with two decimals, white lines between the cells and a diverging map.
rng = np.random.default_rng(21)
classes = ['cat', 'dog', 'bird', 'fish', 'frog']
cm = rng.integers(0, 40, size=(5, 5)) + np.diag(rng.integers(60, 200, size=5))


def confusion(ax, x):
    sns.heatmap(x, annot=True, fmt='d', cmap='Blues', xticklabels=classes, yticklabels=classes, ax=ax)


save('seaborn-confusion-annot-5x5', cm, confusion, 100)
z = rng.normal(size=(200, 7))
z[:, 1] += z[:, 0]
z[:, 4] -= z[:, 3]
corr = np.round(np.corrcoef(z.T), 2)


def correlation(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='coolwarm', vmin=-1, vmax=1, linewidths=0.5, ax=ax)


save('seaborn-corr-annot-7x7', corr, correlation, 150, ('pdf',))

# Cells of the page's own colour: missing cells (NaN, drawn as nothing on white), a whole
# last column of them, with percentages printed; and a map white at its centre, with rows of
# zeros (white cells on the white page) and a value past vmax (drawn in the end's colour).
rng = np.random.default_rng(22)
acc = np.round(rng.uniform(0.8, 1.0, size=(5, 8)), 3)
acc[0:2, 5:] = np.nan
acc[:, 7] = np.nan


def missing(ax, x):
    sns.heatmap(x, annot=True, fmt='.1%', cmap='Blues', vmin=0, vmax=1, ax=ax)


save('seaborn-missing-annot-5x8', acc, missing, 100)
attr = np.round(rng.normal(scale=0.3, size=(6, 4)), 4)
attr[2:4, :] = 0.0
attr[0, 0] = 1.3714
from matplotlib.colors import LinearSegmentedColormap as _L
white_mid = _L.from_list('white_mid', ['darkred', 'white', 'darkgreen'])


def white_centre(ax, x):
    sns.heatmap(x, annot=True, fmt='.4f', cmap=white_mid, vmin=-1, vmax=1, ax=ax)


save('seaborn-white-centre-annot-6x4', attr, white_centre, 100)

# Small cells at 72 dpi whose numbers (-12.34) fill them, lines between: text recognition
# drops a minus on the cell's edge and a decimal point together.
rng = np.random.default_rng(23)
wide = np.round(rng.normal(scale=10, size=(5, 8)), 2)


def crowded(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='coolwarm', center=0, linewidths=0.5, ax=ax)


save('seaborn-coolwarm-annot-72dpi-5x8', wide, crowded, 72)

# Numbers wider than their cells at 150 dpi (icefire, lines between): the last digit of
# -21.36 runs under the line into the next cell. Such a number is not read, rather than
# read as -21.3.
rng = np.random.default_rng(24)
wider = np.round(rng.normal(scale=10, size=(5, 10)), 2)


def overflowing(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='icefire', center=0, linewidths=0.5, ax=ax)


# As scripts/make-read-eval.py sizes an annotated figure: 0.45 in a column, 0.4 a row.
save('seaborn-icefire-annot-overflow-5x10', wider, overflowing, 150, figsize=(6.5, 3.5))
# matplotlib's imshow draws its cells a level off its colorbar's own colours; where Blues
# changes a level an entry (its pale end), that is several entries along the colorbar. The
# uncertainty reported must still hold (it did not: cells 1.3 times past it).
rng = np.random.default_rng(25)
pale = np.round(rng.random((4, 33)) * 10, 2)


def blues(ax, x):
    im = ax.imshow(x, cmap='Blues', aspect='auto', interpolation='nearest')
    plt.colorbar(im, ax=ax)


save('matplotlib-imshow-blues-4x33', pale, blues, 200)
# A map through the page's own white, with values near it on both sides (seed-004's): its
# colorbar shows as two gradients, parted where it is white; a pale red cell placed on the
# green half alone was read on the wrong side of zero.
rng = np.random.default_rng(26)
near = np.round(rng.normal(scale=0.05, size=(5, 5)), 4)
near[0, 0] = 0.6
near[4, 4] = -0.5


def white_centre_near(ax, x):
    sns.heatmap(x, annot=True, fmt='.4f', cmap=white_mid, vmin=-1, vmax=1, center=0, ax=ax)


save('seaborn-white-centre-near-annot-5x5', near, white_centre_near, 100)
# A small 72-dpi grid with lines between its cells, as a JPEG (the evaluation's 004): its
# row tick marks are 3.5 px long, their last pixel half-tone, and were not found; the lines
# blur away in the JPEG and its rows were taken from the colour edges (25 rows for 5).
rng = np.random.default_rng(27)
short = np.round(rng.normal(scale=10, size=(5, 10)), 2)


def short_marks(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='coolwarm', center=0, linewidths=0.5, ax=ax)


save('seaborn-coolwarm-annot-72dpi-5x10', short, short_marks, 72, also=('jpg',), figsize=(6.5, 3.5))
# Row labels that are signs (seed-004's "="), turned a quarter up as seaborn draws them:
# read level, "=" is "Il", which was taken for the label; turned, it is "=" read surely.
rng = np.random.default_rng(28)
signs = np.round(rng.normal(size=(4, 3)), 2)


def sign_labels(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='vlag', center=0, ax=ax,
                yticklabels=['=', 'x', '=', 'y'], xticklabels=['a', 'b', 'c'])


save('seaborn-sign-labels-4x3', signs, sign_labels, 100, figsize=(4, 4))
# Colorbars whose ends are triangles (extend): values past vmin/vmax drawn in the end colours.
# seaborn's (no outline), both ends; matplotlib's imshow with a level colorbar (outlined),
# its high end only.
rng = np.random.default_rng(30)
spread = np.round(rng.normal(size=(6, 8)), 3)


def extended(ax, x):
    sns.heatmap(x, cmap='viridis', vmin=-1, vmax=1, cbar_kws={'extend': 'both'}, ax=ax)


save('seaborn-extend-both-6x8', spread, extended, 100)


def extended_level(ax, x):
    im = ax.imshow(x, cmap='magma', vmin=-1, vmax=1)
    ax.figure.colorbar(im, ax=ax, extend='max', orientation='horizontal')


save('matplotlib-extend-max-level-6x8', spread, extended_level, 100)
# Labels of words parted by spaces and joined by underscores (seed-002's "neg_facts", read
# "neg facts": text recognition takes an underscore for a space).
rng = np.random.default_rng(33)
words = np.round(rng.random((4, 3)), 2)


def word_labels(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='rocket', ax=ax,
                yticklabels=['base model', 'neg_facts', 'long range', 'sp_en_trans'],
                xticklabels=['t_g', 'no gap', 'd_LR'])
    ax.tick_params(axis='y', rotation=0)
    ax.figure.tight_layout()


save('seaborn-label-words-4x3', words, word_labels, 150, figsize=(5, 4))
# Column labels turned 45°: anchored at their ends (ha='right', rotation_mode='anchor', as
# papers set them) and centred under their columns (seaborn's rotation=45 alone).
import pandas as pd
rng = np.random.default_rng(32)
models = pd.DataFrame(np.round(rng.random((5, 6)), 2),
                      index=['llama-7b', 'gpt2-xl', 'opt-1.3b', 'pythia-1b', 'bloom-560m'],
                      columns=['arith', 'reading', 'science', 'logic', 'coding', 'trivia'])


def slanted_end(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='mako', ax=ax)
    plt.setp(ax.get_xticklabels(), rotation=45, ha='right', rotation_mode='anchor')
    ax.figure.tight_layout()


save('seaborn-labels-45-end-5x6', models, slanted_end, 100)
rng = np.random.default_rng(34)
metrics = pd.DataFrame(np.round(rng.random((4, 7)), 2), index=['k1', 'k2', 'k3', 'k4'],
                       columns=['accuracy', 'f1_macro', 'recall', 'precision', 'auroc', 'brier', 'ece'])


def slanted_middle(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='crest', ax=ax)
    ax.set_xticklabels(ax.get_xticklabels(), rotation=45)
    ax.figure.tight_layout()


save('seaborn-labels-45-middle-4x7', metrics, slanted_middle, 100)
# Correlation matrices with a triangle masked (seaborn's mask=np.triu(...)), the commonest
# heatmap users draw: seaborn's gallery example as it is (its own diverging palette, the
# diagonal masked too, so the first row and the last column are all page, a colorbar half
# as tall), and one annotated with the diagonal kept. Masked cells are read as missing.
rng = np.random.default_rng(36)
feats = rng.normal(size=(100, 8))
feats[:, 1] += feats[:, 0]
feats[:, 4] -= 0.8 * feats[:, 3]
corr = pd.DataFrame(feats, columns=list('ABCDEFGH')).corr()


def masked(k, annot):
    def draw(ax, x):
        mask = np.triu(np.ones_like(x, dtype=bool), k=k)
        if annot:
            sns.heatmap(x, mask=mask, annot=True, fmt='.2f', cmap='coolwarm', vmin=-1, vmax=1,
                        square=True, linewidths=.5, ax=ax)
        else:
            sns.heatmap(x, mask=mask, cmap=sns.diverging_palette(230, 20, as_cmap=True), vmax=.3,
                        center=0, square=True, linewidths=.5, cbar_kws={'shrink': .5}, ax=ax)
    return draw


def shown(k):
    v = corr.values.copy()
    v[np.triu(np.ones_like(v, dtype=bool), k=k)] = np.nan
    return v


save('seaborn-corr-mask-gallery-8x8', shown(0), masked(0, False), 100, figsize=(6, 5))
save('seaborn-corr-mask-annot-8x8', np.round(shown(1), 2), masked(1, True), 100, figsize=(6, 5))
# Axes' labels as seaborn lays them out at 100 dpi on a tall grid: every other row labelled,
# turned up ("20" is two glyphs further apart than a label's pieces were joined), its tick
# marks a blank pixel out of the grid and a pixel wide beside the cells' centres; and rows
# named in two words ("layer 0"), whose spaces fall in one column on every row.
rng = np.random.default_rng(38)
save('seaborn-numbered-40x8', rng.random((40, 8)),
     lambda ax, x: sns.heatmap(x, cmap='magma', ax=ax), 100, figsize=(7, 5.5))


def layers(ax, x):
    sns.heatmap(x, annot=True, fmt='.0f', ax=ax, yticklabels=[f'layer {i}' for i in range(7)],
                xticklabels=['arith', 'reading', 'science', 'logic'])
    ax.figure.tight_layout()


save('seaborn-layers-7x4', np.round(rng.random((7, 4)) * 100), layers, 150, figsize=(3.8, 4.3))

# seed-004 (examples/seed-004.json) as make-read-seeds.py draws it: a map white at its middle,
# the grid's rows of near-zero values pale as the page but where their numbers are. The grid
# is found as blocks of strong cells; one whose last row is pale was trimmed to the foot of
# that row's numbers, mid-row, and the rows read 7 for 11.
seed = json.load(open(os.path.join(os.path.dirname(__file__), '..', 'examples', 'seed-004.json')))


def seed_004(ax, x):
    sns.heatmap(x, annot=True, fmt=seed['fmt'], cmap=_L.from_list('seed', seed['cmap']),
                vmin=seed.get('vmin'), vmax=seed.get('vmax'), center=seed.get('center'),
                xticklabels=seed['data']['cols'], yticklabels=seed['data']['rows'], ax=ax)
    ax.xaxis.tick_top()
    ax.set_title(seed['title'])
    ax.figure.tight_layout()


save('seaborn-seed-004-11x5', np.array(seed['data']['values'], dtype=float), seed_004, 100,
     figsize=(5, 6.45))

# matplotlib's gallery "Creating annotated heatmaps", its first figure as written there:
# imshow, no colorbar, each value printed white over its cell with one decimal (ax.text). At
# 100 dpi text recognition read most points over the darker cells: "2.4" read "24", off by
# ten, and no colour to tell.
vegetables = ['cucumber', 'tomato', 'lettuce', 'asparagus', 'potato', 'wheat', 'barley']
farmers = ['Farmer Joe', 'Upland Bros.', 'Smith Gardening', 'Agrifun', 'Organiculture',
           'BioGoods Ltd.', 'Cornylee Corp.']
harvest = np.array([[0.8, 2.4, 2.5, 3.9, 0.0, 4.0, 0.0], [2.4, 0.0, 4.0, 1.0, 2.7, 0.0, 0.0],
                    [1.1, 2.4, 0.8, 4.3, 1.9, 4.4, 0.0], [0.6, 0.0, 0.3, 0.0, 3.1, 0.0, 0.0],
                    [0.7, 1.7, 0.6, 2.6, 2.2, 6.2, 0.0], [1.3, 1.2, 0.0, 0.0, 0.0, 3.2, 5.1],
                    [0.1, 2.0, 0.0, 1.4, 0.0, 1.9, 6.3]])


def gallery(ax, x):
    ax.imshow(x)
    ax.set_xticks(range(len(farmers)), labels=farmers, rotation=45, ha='right',
                  rotation_mode='anchor')
    ax.set_yticks(range(len(vegetables)), labels=vegetables)
    for i in range(len(vegetables)):
        for j in range(len(farmers)):
            ax.text(j, i, x[i, j], ha='center', va='center', color='w')
    ax.set_title('Harvest of local farmers (in tons/year)')
    ax.figure.tight_layout()


save('matplotlib-gallery-annot-7x7', harvest, gallery, 100, ('jpg',), figsize=(6.4, 4.8))

# scikit-learn's ConfusionMatrixDisplay of a normalised matrix, as its from_predictions
# draws it: imshow with a colorbar, each value printed with format '.2g' (0.84, 0.054, 0.8:
# one to three decimals).
from sklearn.metrics import ConfusionMatrixDisplay  # noqa: E402

rng = np.random.default_rng(3)
y_true = rng.integers(0, 4, 300)
y_pred = np.where(rng.random(300) < 0.7, y_true, rng.integers(0, 4, 300))
fig, ax = plt.subplots(figsize=(6.4, 4.8))
shown_cm = ConfusionMatrixDisplay.from_predictions(y_true, y_pred, normalize='true', ax=ax)
fig.savefig(os.path.join(OUT, 'sklearn-confusion-normalized-4x4.png'), dpi=100)
plt.close(fig)
with open(os.path.join(OUT, 'sklearn-confusion-normalized-4x4.json'), 'w') as f:
    m = shown_cm.confusion_matrix
    json.dump({'values': m.tolist(), 'vmin': float(m.min()), 'vmax': float(m.max()),
               'printed': [[format(x, '.2g') for x in row] for row in m]}, f)
# The same predictions' counts with the classes named (display_labels): the axis's title
# "Predicted label" stands 5 blank rows under the column labels at 100 dpi.
fig, ax = plt.subplots(figsize=(6.4, 4.8))
counts = ConfusionMatrixDisplay.from_predictions(
    y_true, y_pred, display_labels=['cat', 'dog', 'bird', 'fish'], ax=ax)
fig.savefig(os.path.join(OUT, 'sklearn-confusion-named-4x4.png'), dpi=100)
plt.close(fig)
with open(os.path.join(OUT, 'sklearn-confusion-named-4x4.json'), 'w') as f:
    m = counts.confusion_matrix
    json.dump({'values': m.tolist(), 'vmin': float(m.min()), 'vmax': float(m.max()),
               'labels': ['cat', 'dog', 'bird', 'fish']}, f)

# seaborn's clustermap, as users draw one of a DataFrame: the rows and columns reordered by
# clustering, dendrograms at the left and top, the colorbar in the corner above the rows'
# dendrogram (beside neither the rows nor the columns), the row labels at the right. Written
# as shown (data2d: the clustered order), with the labels.
import pandas as pd  # noqa: E402

rng = np.random.default_rng(3)
frame = pd.DataFrame(rng.normal(size=(10, 8)).round(2),
                     index=[f'gene{i}' for i in range(10)], columns=[f's{j}' for j in range(8)])
for name, kw in [('seaborn-clustermap-10x8', {'cmap': 'vlag'}),
                 ('seaborn-clustermap-annot-10x8', {'cmap': 'mako', 'annot': True, 'fmt': '.2f'})]:
    g = sns.clustermap(frame, figsize=(7, 7), **kw)
    g.savefig(os.path.join(OUT, f'{name}.png'), dpi=100)
    plt.close(g.fig)
    shown = g.data2d
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'values': shown.values.tolist(), 'vmin': float(shown.values.min()),
                   'vmax': float(shown.values.max()), 'rows': list(shown.index),
                   'cols': list(shown.columns)}, f)

# A DataFrame's names, letters and a number with no space between, at 72 dpi (PNG and JPEG):
# text recognition read "gene1" as "genel", "gene4" as "gened", "s2" as "52" and "s0" as
# "sO"; seaborn turns the row labels up.
rng = np.random.default_rng(8)
named = pd.DataFrame(np.round(rng.normal(size=(5, 10)) * 10, 2),
                     index=[f'gene{i}' for i in range(5)], columns=[f's{j}' for j in range(10)])
save('seaborn-named-72dpi-5x10', named.values,
     lambda ax, x: sns.heatmap(named, annot=True, fmt='.2f', cmap='coolwarm', center=0,
                               linewidths=0.5, ax=ax), 72, ('jpg',), figsize=(6.5, 3.5),
     extra=dict(rows=list(named.index), cols=list(named.columns)))

# Names of one prefix among others that are not ("t3", "sum", "a5" among "s0" to "s12"):
# only those whose ink begins as the prefix's are read as it.
rng = np.random.default_rng(5)
mixed = pd.DataFrame(rng.normal(size=(6, 8)).round(2),
                     index=[f'row{i}' for i in [0, 1, 2, 13, 4, 5]],
                     columns=['s0', 's1', 's2', 't3', 's4', 'sum', 's12', 'a5'])
save('seaborn-mixed-labels-6x8', mixed.values,
     lambda ax, x: sns.heatmap(mixed, cmap='vlag', ax=ax), 100, figsize=(7, 5),
     extra=dict(rows=list(mixed.index), cols=list(mixed.columns)))

# matplotlib's imshow with origin='lower' (row 0 at the foot), numbered axes: read as shown,
# top row first, each row with its number ("0" and "3" below the grid were read "o" and "w"
# when scaled up smoothly). Written as shown, top row first, with the labels as shown.
rng = np.random.default_rng(1)
low = np.round(rng.random((6, 8)), 2)


def lower(ax, x):
    im = ax.imshow(x[::-1], cmap='viridis', origin='lower')
    plt.colorbar(im, ax=ax)


save('matplotlib-imshow-lower-6x8', low, lower, 100,
     extra=dict(rows=[str(i) for i in range(5, -1, -1)], cols=[str(j) for j in range(8)]))

# Column labels above the grid (ax.xaxis.tick_top(), as seed-002 and seed-004 draw them),
# under a title; and labels forced level and wider than their columns, overlapping (seed-004's
# "8 x 48 = 384" beside "3 x 4 = 12" was read "38x 4 = 12"): those are not read.
rng = np.random.default_rng(9)
top_cols = ['accuracy', 'recall', 'loss', 'latency']


def on_top(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='mako', xticklabels=top_cols, ax=ax)
    ax.xaxis.tick_top()
    ax.set_title('Scores by run')


v = np.round(rng.random((5, 4)), 2)
save('seaborn-top-labels-5x4', v, on_top, 100, figsize=(6, 4.5),
     extra=dict(cols=top_cols))
wide_cols = ['8 x 48 = 384', '3 x 4 = 12', '6 - 4 = 2', '50 (10x5)', '$35 ($85 - $50)']


def overlapping(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='mako', xticklabels=wide_cols, ax=ax)
    plt.setp(ax.get_xticklabels(), rotation=0)


v = np.round(rng.random((4, 5)), 2)
save('seaborn-overlapping-labels-4x5', v, overlapping, 100, figsize=(5, 4),
     extra=dict(cols=wide_cols))

# Numbers printed with one decimal (fmt='.1f') over values with two: each is its value to
# within 0.05, not 0.005 (half of them had been refused as off their colours).
rng = np.random.default_rng(11)
one = pd.DataFrame(np.round(rng.random((6, 7)), 2), index=[f'layer_{i}' for i in range(6)],
                   columns=[f'head_{j}' for j in range(7)])
save('seaborn-one-decimal-6x7', one.values,
     lambda ax, x: sns.heatmap(one, cmap='rocket_r', annot=True, fmt='.1f', ax=ax), 100,
     figsize=(7, 5),
     extra=dict(printed=[[format(v, '.1f') for v in row] for row in one.values]))
# Logarithmic colorbars (LogNorm), as users draw counts and losses that span decades: their
# labels are powers of ten in mathtext (10^0, 10^-2), which text recognition reads as one
# number ("103" for 10^3), and were taken for a linear scale from 100 to 103: every value
# wrong, without a warning. seaborn's default (rocket) over counts; matplotlib's imshow over
# 10^-4 to 10; a confusion matrix of counts, annotated; and values within one decade, whose
# labels are a minor tick's (2x10^0), not read (no values, said).
from matplotlib.colors import LogNorm  # noqa: E402

rng = np.random.default_rng(12)
counts = np.exp(rng.uniform(0, np.log(5000), (8, 8)))
save('seaborn-lognorm-8x8', counts, lambda ax, x: sns.heatmap(x, norm=LogNorm(), ax=ax), 100,
     figsize=(6, 5))
small = 10 ** rng.uniform(-4, 1, (10, 12))


def log_imshow(ax, x):
    im = ax.imshow(x, cmap='magma', norm=LogNorm(), interpolation='nearest')
    plt.colorbar(im, ax=ax)


save('matplotlib-lognorm-10x12', small, log_imshow, 100, figsize=(7, 5))
cm = np.round(np.exp(rng.uniform(0, np.log(20000), (5, 5)))).astype(int)
save('seaborn-lognorm-annot-5x5', cm,
     lambda ax, x: sns.heatmap(x, norm=LogNorm(), annot=True, fmt='d', cmap='Blues', ax=ax), 100,
     figsize=(6, 5))
save('seaborn-lognorm-one-decade-4x4', rng.uniform(2, 9, (4, 4)),
     lambda ax, x: sns.heatmap(x, norm=LogNorm(), ax=ax), 100, figsize=(5, 4))

# Plain numbers on a logarithmic colorbar (cbar_kws format '%.0f': 1, 10, 100, no
# exponents), which a linear reading took through two of them: -77 to 187 for 1 to 920.
save('seaborn-lognorm-plain-6x7', 10 ** rng.uniform(0, 3, (6, 7)),
     lambda ax, x: sns.heatmap(x, norm=LogNorm(), cbar_kws={'format': '%.0f'}, ax=ax), 100,
     figsize=(6, 5))

# Scales not read, and said so rather than read wrong: a symmetric logarithmic colorbar
# (SymLogNorm: -10^1 ... 0 ... 10^1), read as a logarithmic one of its positive powers (every
# value positive), and PowerNorm's, whose evenly stepped labels stand at uneven places (the
# line through two of them read 0.04 as -0.61).
from matplotlib.colors import PowerNorm, SymLogNorm  # noqa: E402

rng = np.random.default_rng(14)
save('seaborn-symlog-6x6', rng.normal(size=(6, 6)) * 30,
     lambda ax, x: sns.heatmap(x, norm=SymLogNorm(linthresh=1), cmap='vlag', ax=ax), 100,
     figsize=(6, 5))
save('seaborn-powernorm-6x6', rng.random((6, 6)),
     lambda ax, x: sns.heatmap(x, norm=PowerNorm(0.5), ax=ax), 100, figsize=(6, 5))
# TwoSlopeNorm (a diverging map centred at 0 over -1 to 4: each half of the bar its own
# slope): its labels on the upper half lie on a line that the -1 at the foot is far off; read
# through them, every value below 0 came out as low as -3.7.
from matplotlib.colors import TwoSlopeNorm  # noqa: E402

save('seaborn-twoslope-6x7', rng.uniform(-1, 4, (6, 7)),
     lambda ax, x: sns.heatmap(x, norm=TwoSlopeNorm(vcenter=0, vmin=-1, vmax=4), cmap='RdBu_r',
                               ax=ax), 100, figsize=(6, 5))

# A colorbar at the left of the grid (fig.colorbar(location='left')), its labels at its left,
# and one above it (location='top'), its labels above: their labels had been looked for on
# the bare side (no values), and text recognition's own complaints about the thin pieces it
# was given ("Image too small to scale!!") printed among heatfig's lines.
rng = np.random.default_rng(15)


def left_bar(ax, x):
    im = ax.imshow(x, cmap='viridis')
    ax.figure.colorbar(im, ax=ax, location='left')


save('matplotlib-colorbar-left-6x7', rng.random((6, 7)) * 10, left_bar, 100, figsize=(6, 5))


def top_bar(ax, x):
    im = ax.imshow(x, cmap='magma')
    ax.figure.colorbar(im, ax=ax, location='top')


save('matplotlib-colorbar-top-6x7', rng.random((6, 7)) * 10, top_bar, 100, figsize=(6, 5))


# A colorbar with no ticks (cbar.set_ticks([])), at the left: no values, said. Text recognition
# complained of the thin pieces it was given ("Image too small to scale!!") on the terminal.
def unticked_bar(ax, x):
    im = ax.imshow(x, cmap='viridis')
    ax.figure.colorbar(im, ax=ax, location='left').set_ticks([])


# (The left one's values: with them, the pieces are thin enough.)
save('matplotlib-colorbar-unticked-6x7', np.random.default_rng(15).random((6, 7)) * 10,
     unticked_bar, 100, figsize=(6, 5))

# A linear colorbar whose labels are scaled, as matplotlib writes it when values are small or
# large against their spread: a factor over a vertical bar ("1e-5"), at the right below a
# level one, set in mathtext ("x10^-5"), or an amount added ("+1e3"). The labels alone
# ("0.5" to "2.5") had been taken for the values: 10^5 too large, without a warning.
rng = np.random.default_rng(13)
tiny = rng.uniform(0, 3e-5, (5, 5))
save('seaborn-offset-5x5', tiny, lambda ax, x: sns.heatmap(x, ax=ax), 100, figsize=(6, 5))
save('seaborn-offset-level-5x5', tiny,
     lambda ax, x: sns.heatmap(x, ax=ax, cbar_kws={'orientation': 'horizontal'}), 100,
     figsize=(6, 6))


with matplotlib.rc_context({'axes.formatter.use_mathtext': True}):
    save('seaborn-offset-mathtext-5x5', tiny, lambda ax, x: sns.heatmap(x, ax=ax), 100,
         figsize=(6, 5))
save('seaborn-offset-added-5x5', 1000 + rng.uniform(0, 0.01, (5, 5)),
     lambda ax, x: sns.heatmap(x, ax=ax), 100, figsize=(6, 5))

# A colorbar's own title, turned up beyond its labels (seaborn's cbar_kws={'label': ...}): read
# with the labels, it ran their lines together, and 10 to 40 was taken for a logarithmic
# colorbar whose labels could not be read: no values.
# (The values of the figure this was found on: draws of another script's generator.)
rng = np.random.default_rng(7)
rng.normal(size=(200, 8))
rng.random((5, 6))
rng.random((5, 6))


def titled_bar(ax, x):
    sns.heatmap(x, cmap='viridis', cbar_kws={'label': 'latency (ms)'}, ax=ax)
    ax.set_xlabel('batch size')
    ax.set_ylabel('layer')
    ax.figure.tight_layout()


save('seaborn-colorbar-title-12x10', rng.random((12, 10)) * 50, titled_bar, 100,
     figsize=(7, 5))

# Continuous axes, matplotlib's own: imshow marks its columns' coordinates (0.0, 2.5, 5.0 …
# over 16 columns, half of them at cells' edges; "2.5" had been given to column 2, and "10.0",
# read "100", to column 10), and pcolormesh its cells' edges (0, 1, 2 …), its rows upward
# (none of its labels had been read).
rng = np.random.default_rng(31)


def imshow_continuous(ax, x):
    im = ax.imshow(x, cmap='Blues')
    ax.figure.colorbar(im, ax=ax)


save('matplotlib-imshow-continuous-16x16', np.round(rng.dirichlet(np.ones(16), size=16), 4),
     imshow_continuous, 100, figsize=(5, 5))


def mesh(ax, x):
    m = ax.pcolormesh(x, cmap='viridis')
    ax.figure.colorbar(m, ax=ax)


save('matplotlib-pcolormesh-9x7', np.round(rng.uniform(-1, 1, (9, 7)), 3), mesh, 120,
     figsize=(6, 5))

# pcolormesh with uneven column edges (0, 1, 3, 4, 7, 8, 10), as users draw bins of unequal
# widths: every edge lies on the lattice of the narrowest cells, and the 5x6 grid was read as
# 5x10, each wide cell as two or three of one value, silently. It is still read so (the image
# cannot tell wide cells from equal neighbours of one colour), and said.
XEDGES = [0, 1, 3, 4, 7, 8, 10]


def uneven_mesh(ax, x):
    m = ax.pcolormesh(np.array(XEDGES), np.arange(x.shape[0] + 1), x, cmap='magma')
    ax.figure.colorbar(m, ax=ax)


save('matplotlib-pcolormesh-uneven-5x6', np.round(rng.uniform(0, 1, (5, 6)), 2), uneven_mesh,
     100, figsize=(6, 4), extra={'xedges': XEDGES})


# Two heatmaps in one figure, each with its colorbar, as papers set them side by side or one
# over the other: the right one's cells had been read through the left one's colorbar (it
# stood beside them too), and two panels one over the other were read as one grid of 178 rows
# with their two colorbars joined. One is read, and the other said.
def save_panels(name, panels, shape, draw, dpi, figsize):
    fig, axes = plt.subplots(*shape, figsize=figsize)
    for ax, (x, title) in zip(axes, panels):
        draw(ax, x)
        ax.set_title(title)
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=dpi)
    plt.close(fig)
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'panels': [np.asarray(x).tolist() for x, _ in panels]}, f)


rng = np.random.default_rng(32)
save_panels('seaborn-two-panels-5x6', [(np.round(rng.random((5, 6)), 2), 'run A'),
                                        (np.round(rng.random((5, 6)), 2), 'run B')], (1, 2),
            lambda ax, x: sns.heatmap(x, annot=True, fmt='.2f', ax=ax), 100, (10, 4))
save_panels('seaborn-stacked-panels-4x5', [(np.round(rng.random((4, 5)), 3), 'loss'),
                                            (np.round(rng.random((4, 5)) * 10, 2), 'steps')],
            (2, 1), lambda ax, x: sns.heatmap(x, cmap='viridis' if x.max() <= 1 else 'magma',
                                              ax=ax), 100, (5, 7))
# matplotlib's matshow: its labels above the grid, a square grid beside a colorbar that reaches
# past its foot; the bar's foot had been taken for the columns' labels, and none was read.
rng = np.random.default_rng(33)


def matshow(ax, x):
    im = ax.matshow(x, cmap='Blues')
    ax.figure.colorbar(im, ax=ax)


save('matplotlib-matshow-5x5', rng.integers(0, 90, (5, 5)), matshow, 100, figsize=(5, 5))
# No labels at all (xticklabels=False, yticklabels=False): said to be not labelled in the image,
# not "none could be read", and the columns not said to be labelled below the grid.
rng = np.random.default_rng(34)
save('seaborn-unlabelled-6x7', np.round(rng.random((6, 7)), 3),
     lambda ax, x: sns.heatmap(x, xticklabels=False, yticklabels=False, cmap='viridis', ax=ax),
     100)
# imshow over an extent (coordinates in the data's own units: 0 to 1 across, 0 to 0.6 up):
# its rows' marks at their edges had been taken for their labels, and none was read.
rng = np.random.default_rng(35)


def extent(ax, x):
    im = ax.imshow(x, extent=[0, 1, 0, 0.6], aspect='auto', cmap='plasma')
    ax.figure.colorbar(im, ax=ax)


save('matplotlib-imshow-extent-6x8', np.round(rng.random((6, 8)), 3), extent, 100)
# A grid of heatmaps, as papers set attention heads or runs: 2×2 seaborn panels, each with its
# own colorbar over its own range, and matplotlib's three imshow panels sharing one colorbar at
# the right (fig.colorbar(..., ax=axes)). Each panel is read with --panel N, N in reading order
# (left to right, then top to bottom), through its own colorbar; only one had been read (the
# one covering the most) and the others said, with no way to read them but cropping.
def save_panel_grid(name, panels, shape, draw, dpi, figsize, shared=False):
    fig, axes = plt.subplots(*shape, figsize=figsize, squeeze=False)
    axes = axes.ravel()
    ims = [draw(ax, x, title) for ax, (x, title) in zip(axes, panels)]
    if shared:
        fig.colorbar(ims[0], ax=list(axes))
    else:
        fig.tight_layout()
    fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=dpi)
    # As a JPEG too (quality 75, as figures pasted into slides and papers often are).
    fig.savefig(os.path.join(OUT, f'{name}.jpg'), dpi=dpi, pil_kwargs={'quality': 75})
    plt.close(fig)
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'panels': [np.asarray(x).tolist() for x, _ in panels]}, f)


def head(ax, x, title):
    sns.heatmap(x, cmap='viridis', ax=ax)
    ax.set_title(title)


def shared_imshow(ax, x, title):
    im = ax.imshow(x, cmap='magma', vmin=0, vmax=1)
    ax.set_title(title)
    return im


rng = np.random.default_rng(36)
save_panel_grid('seaborn-heads-2x2-5x5',
                [(np.round(rng.random((5, 5)) * s, 3), f'head {i}')
                 for i, s in enumerate([1, 2, 5, 10])], (2, 2), head, 100, (9, 7))
rng = np.random.default_rng(37)
save_panel_grid('matplotlib-shared-bar-1x3-6x6',
                [(np.round(rng.random((6, 6)), 3), t) for t in ['epoch 1', 'epoch 5', 'epoch 10']],
                (1, 3), shared_imshow, 100, (11, 3.6), shared=True)
# A confusion matrix drawn with the true classes as its columns (pd.crosstab(pred, actual), as
# some users lay it out), its axes titled so: the description had taken the rows for the true
# classes (the usual way), the axes' titles not being read.
rng = np.random.default_rng(38)
cm = rng.integers(0, 9, (4, 4)) + np.diag(rng.integers(40, 60, 4))


def crosstab(ax, x):
    names = ['cat', 'dog', 'bird', 'fish']
    sns.heatmap(x, annot=True, fmt='d', cmap='Blues', xticklabels=names, yticklabels=names, ax=ax)
    ax.set_xlabel('Actual')
    ax.set_ylabel('Predicted')


save('seaborn-confusion-actual-columns-4x4', cm, crosstab, 100, figsize=(5, 4))
# Two heatmaps one over the other, the upper one with a title and an x-axis title, the lower
# with neither: the upper one's "step", just over the lower grid, had been read as the lower
# one's title.
rng = np.random.default_rng(39)
fig, axes = plt.subplots(2, 1, figsize=(5, 7))
sns.heatmap(np.round(rng.random((4, 5)), 2), ax=axes[0])
axes[0].set_xlabel('step')
axes[0].set_title('top')
sns.heatmap(np.round(rng.random((4, 5)), 2), ax=axes[1])
fig.tight_layout()
fig.savefig(os.path.join(OUT, 'seaborn-stacked-xlabel-4x5.png'), dpi=100)
plt.close(fig)
# seed-003's kind, smaller: two panels one over the other sharing one colorbar, no tick labels,
# white lines every 12 columns (axvline), each panel named level at its left, the time axis
# titled under the last. Its 48 columns had been read as the 4 groups between the lines, the
# name as row 3's label, the second panel's cells as the first one's column labels, and
# "Time" as two columns' labels.
rng = np.random.default_rng(40)
targets = rng.integers(0, 2, (6, 48)).astype(float)
outputs = np.round(np.clip(targets + rng.normal(0, 0.25, (6, 48)), 0, 1), 3)
fig, axes = plt.subplots(2, 1, figsize=(9, 4))
cax = fig.add_axes([0.92, 0.15, 0.015, 0.7])
for ax, (x, name) in zip(axes, [(targets, 'Targets'), (outputs, 'Outputs')]):
    sns.heatmap(x, cmap='jet', vmin=0, vmax=1, xticklabels=False, yticklabels=False, ax=ax,
                cbar_ax=cax)
    for c in (12, 24, 36):
        ax.axvline(c, color='white', lw=2)
    ax.set_ylabel(name, rotation=0, ha='right', va='center')
axes[-1].set_xlabel('Time')
fig.subplots_adjust(left=0.12, right=0.9, hspace=0.3)
fig.savefig(os.path.join(OUT, 'seaborn-copy-task-2x6x48.png'), dpi=100)
plt.close(fig)
with open(os.path.join(OUT, 'seaborn-copy-task-2x6x48.json'), 'w') as f:
    json.dump({'panels': [targets.tolist(), outputs.tolist()]}, f)
# seaborn's confusion matrix as most users draw it: cmap='Blues', counts, mostly zeros off the
# diagonal, in Blues' lowest colour, 8 levels from white. As a JPEG (quality 75) those cells
# are half page to the reader's eye: the grid had been found as a line of cells or as none
# (the 10×10 at 100 dpi read as 1×1; one at 150 dpi crashed text recognition with a strip
# 35,092 px wide). At 72 dpi the one three-digit count, over the darkest cell, had been
# judged a digit too long by the widths of the thirty single digits, and read from colour.
rng = np.random.default_rng(42)


def confusion(n):
    cm = np.zeros((n, n), dtype=int)
    for i in range(n):
        cm[i, i] = rng.integers(40, 120)
        for j in rng.choice(n, size=2, replace=False):
            if j != i:
                cm[i, j] = rng.integers(1, 9)
    return cm


def blues(names):
    def draw(ax, x):
        sns.heatmap(x, annot=True, fmt='d', cmap='Blues', xticklabels=names, yticklabels=names,
                    ax=ax)
        ax.set_xlabel('Predicted')
        ax.set_ylabel('True')
    return draw


animals = ['cat', 'dog', 'bird', 'fish', 'frog', 'horse']
save('seaborn-confusion-blues-72dpi-6x6', confusion(6), blues(animals), 72, ('jpg',),
     figsize=(6.4, 4.8), extra={'labels': animals})
digits = [str(i) for i in range(10)]
save('seaborn-confusion-blues-10x10', confusion(10), blues(digits), 100, ('jpg',),
     figsize=(6.4, 4.8), extra={'labels': digits})
# A 20×20 confusion matrix of counts at 100 dpi (savefig's default), figsize (10, 8): read
# as one line a row, three of its zeros came back "1", which their pale colour allowed.
cm20 = np.zeros((20, 20), dtype=int)
for i in range(20):
    cm20[i, i] = rng.integers(20, 99)
    for j in rng.choice(20, 3, replace=False):
        if j != i:
            cm20[i, j] = rng.integers(0, 6)
save('seaborn-confusion-blues-20x20', cm20,
     lambda ax, x: sns.heatmap(x, annot=True, fmt='d', cmap='Blues', ax=ax), 100,
     figsize=(10, 8))
# A normalized confusion matrix (fmt='.2f', vmin=0, vmax=1) as a 72-dpi JPEG: the first look
# found the edge of its column of pale cells and took it for the colorbar (values read
# through it: -401818).
sentiment = ['neg', 'neu', 'pos', 'mixed', 'other']
norm = np.zeros((5, 5))
for i in range(5):
    norm[i, i] = rng.integers(50, 100)
    norm[i, rng.integers(0, 5)] += rng.integers(0, 10)
norm = np.round(norm / norm.sum(1, keepdims=True), 2)


def normalized(ax, x):
    sns.heatmap(x, annot=True, fmt='.2f', cmap='Blues', vmin=0, vmax=1, xticklabels=sentiment,
                yticklabels=sentiment, ax=ax)
    ax.set_xlabel('Predicted label')
    ax.set_ylabel('True label')


save('seaborn-confusion-normalized-72dpi-5x5', norm, normalized, 72, ('jpg',), figsize=(6, 5),
     extra={'labels': sentiment})
# Long column names turned up by seaborn and cut by savefig's edge (no bbox_inches='tight'):
# only "4000" of "checkpoint-4000" shows, its 4 cut, and the labels had been read "1000",
# "2000", "3000", "1000", "5000", "5000"... with no warning. A label that runs off the image
# is not read: positions stand in, and a warning says so.
ckpt = pd.DataFrame(np.round(rng.random((6, 12)), 3), index=[f'model_{i}' for i in range(6)],
                    columns=[f'checkpoint-{1000 * (i + 1)}' for i in range(12)])
save('seaborn-labels-cut-6x12', ckpt.values, lambda ax, x: sns.heatmap(ckpt, ax=ax), 100,
     figsize=(8, 4), extra={'rows': list(ckpt.index)})
# A heatmap drawn for slides on matplotlib's dark_background: white text and marks on black.
# Its colorbar's labels had not been read (no values), and its axis labels were said not shown.
dark = np.round(rng.random((6, 7)), 2)
with plt.style.context('dark_background'):
    save('seaborn-dark-background-6x7', dark,
         lambda ax, x: sns.heatmap(x, cmap='viridis', ax=ax), 100, ('jpg',), figsize=(6, 4.5))
# The same with seaborn's white lines between the cells (linewidths=0.5), as a JPEG: its pale
# cells, parted by white, had been found as two of its dark cells, the grid read 1×1.
save('seaborn-confusion-blues-lines-5x5', confusion(5),
     lambda ax, x: sns.heatmap(x, annot=True, fmt='d', cmap='Blues', linewidths=0.5, ax=ax), 100,
     ('jpg',), figsize=(6.4, 4.8))
# Ruled by white lines 1 pt wide, square cells (linewidths=1, linecolor='white', square=True):
# found at neither 8 nor 6.5 levels from the page, read 1×1.
save('seaborn-confusion-blues-ruled-8x8', confusion(8),
     lambda ax, x: sns.heatmap(x, annot=True, fmt='d', cmap='Blues', linewidths=1,
                               linecolor='white', square=True, ax=ax), 100, ('jpg',),
     figsize=(6.4, 4.8))
# A confusion matrix of CIFAR-10's first eight classes in a paper's font: Times (Liberation
# Serif, its metrics; Debian's fonts-liberation) and Arial (Liberation Sans). Their labels are
# narrower than DejaVu Sans': most right readings had been refused as too narrow for their
# ink (4 and 9 of the 16 read).
cifar = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse']
def laid_out(draw):
    def drawn(ax, x):
        draw(ax, x)
        ax.figure.tight_layout()
    return drawn


for font, name in (('Liberation Serif', 'times'), ('Liberation Sans', 'arial')):
    with plt.rc_context({'font.family': font}):
        save(f'seaborn-confusion-{name}-font-8x8', confusion(8), laid_out(blues(cifar)), 100,
             figsize=(6.4, 4.8), extra={'labels': cifar})
# Tick marks drawn inward over the cells: matplotlib's `classic` and `bmh` styles, and a
# paper's rcParams (xtick.direction 'in', marks on all four sides). Their marks at every
# cell's centre had passed for edges (6x8 read 48x16, and 198x216 at 300 dpi); at 72 dpi a
# colorbar whose marks are inside it, its 1.0 read "10", had been given no values.
v = np.round(rng.random((6, 8)), 2)
with plt.style.context('classic'):
    save('seaborn-classic-6x8', v, lambda ax, x: sns.heatmap(x, cmap='viridis', ax=ax), 100)
v = np.round(rng.random((6, 8)), 2)
with plt.rc_context({'xtick.direction': 'in', 'ytick.direction': 'in', 'xtick.top': True,
                     'ytick.right': True}):
    save('seaborn-ticks-in-300dpi-6x8', v, lambda ax, x: sns.heatmap(x, cmap='rocket', ax=ax),
         300)
v = np.round(rng.random((12, 12)), 2)
with plt.style.context('bmh'):
    save('seaborn-bmh-72dpi-12x12', v, lambda ax, x: sns.heatmap(x, cmap='mako', ax=ax), 72)
# seaborn's set_theme(context='talk'): numbers over the cells at the talk size run over the
# cells' edges, and no tick marks stand beside the grid. Their strokes had passed for edges
# between rows: the 5x7 read 55x7. The row labels, one beside each row, tell the rows.
v = np.round(rng.random((5, 7)) * 2 - 1, 2)
with plt.rc_context(sns.plotting_context('talk')), sns.axes_style('darkgrid'):
    save('seaborn-talk-annotated-5x7', v,
         lambda ax, x: sns.heatmap(x, annot=True, fmt='.2f', cmap='vlag', center=0,
                                   yticklabels=[f'layer {i}' for i in range(5)],
                                   xticklabels=[f'h{i}' for i in range(7)], ax=ax),
         100, ('jpg',), figsize=(6.4, 4.8), extra={'rows': [f'layer {i}' for i in range(5)]})
# Row labels of two words at the talk size and 200 dpi (a retina screenshot's density):
# "layer" and "0" part by 18 px, more than the 12 px the blocks of a label were joined across,
# and the rows had been read "0" to "3", which a reader takes for positions.
v = np.round(rng.random((4, 5)), 2)
with plt.rc_context(sns.plotting_context('talk')), sns.axes_style('darkgrid'):
    save('seaborn-talk-200dpi-4x5', v,
         lambda ax, x: (sns.heatmap(x, cmap='crest', yticklabels=[f'layer {i}' for i in range(4)],
                                    ax=ax), ax.figure.tight_layout()),
         200, figsize=(5, 3.5), extra={'rows': [f'layer {i}' for i in range(4)]})
# A title at 72 dpi in seaborn's talk size: its descenders reach within 2 px of the grid
# (6 pt of pad), where a line was taken for the grid's frame or marks, and no title was read.
v = np.round(rng.random((6, 8)) * 2 - 1, 2)
with plt.rc_context(sns.plotting_context('talk')), sns.axes_style('darkgrid'):
    save('seaborn-talk-72dpi-titled-6x8', v,
         lambda ax, x: (sns.heatmap(x, cmap='vlag', center=0, ax=ax),
                        ax.set_title('Probe accuracy delta'), ax.figure.tight_layout()),
         72, figsize=(6.4, 4.8))
# A map white at its top (Greys_r, as attention maps are often drawn), seaborn's colorbar
# without an outline: its top, white as the page, was lost, the bar found 26 px short and read
# to 9.6 for 10; cells above that said to "hold more", the white ones missing.
v = np.round(rng.random((14, 10)) * 10, 2)
v[:, -1] = np.where(rng.random(14) < 0.5, 10.0, v[:, -1])
save('seaborn-greys-r-white-top-14x10', v,
     lambda ax, x: sns.heatmap(x, cmap='Greys_r', vmin=0, vmax=10, ax=ax), 100)
# Smooth fields on large grids, as ML users draw them (attention maps, similarities, a
# smoothed activation): neighbouring cells a few levels apart.
from scipy.ndimage import gaussian_filter  # noqa: E402


def smooth(rows, cols, sigma=2, scale=5):
    return np.round(gaussian_filter(rng.normal(size=(rows, cols)), sigma) * scale, 3)


# matplotlib's imshow of 64x64 in its default axes: cells 5.3 px, every edge 5 or 6 px from
# the next. Those spacings had been taken for lines between the cells, their edges paired,
# and the cells read 95x110.
v = smooth(64, 64)
save('matplotlib-imshow-smooth-64x64', v,
     lambda ax, x: plt.colorbar(ax.imshow(x, cmap='viridis'), ax=ax), 100)
# seaborn's 80x80 with every tenth label: rows 6.7 px, their edges 6 and 7 px apart; the
# 6-px spacings were taken for lines, and the rows read 101.
v = smooth(80, 80)
save('seaborn-smooth-80x80', v,
     lambda ax, x: sns.heatmap(x, cmap='vlag', center=0, xticklabels=10, yticklabels=10, ax=ax),
     100, figsize=(8, 7))
# The same kind of field in a quality-75 JPEG: its edges, a few levels each, do not stand out
# of the JPEG's noise on any one line, and the 32x32 was read as one cell, silently.
v = smooth(32, 32, scale=4)
save('seaborn-smooth-32x32', v, lambda ax, x: sns.heatmap(x, cmap='viridis', ax=ax), 100,
     ('jpg',))
v = smooth(24, 24, scale=4)
save('matplotlib-imshow-smooth-24x24', v,
     lambda ax, x: plt.colorbar(ax.imshow(x, cmap='viridis'), ax=ax), 100, ('jpg',))
# 200 rows in 340 px: matplotlib's imshow smooths a grid it draws at under 3 px a cell (its
# 'antialiased' interpolation), and no cells can be told apart. Read 124x1, silently.
v = smooth(200, 20)
save('matplotlib-imshow-interpolated-200x20', v,
     lambda ax, x: plt.colorbar(ax.imshow(x, cmap='coolwarm', aspect='auto'), ax=ax), 100)
# seaborn's set_theme(font_scale=1.4), annotated, as a notebook saves it (bbox 'tight'): the
# numbers run over the cells' edges and the rotated row labels into each other. The numbers'
# strokes passed for edges and the 5 rows were read 25 (60 at 72 dpi), each of one colour
# with its neighbours, silently.
v = np.round(rng.random((5, 7)) * 2 - 1, 2)
with plt.rc_context(sns.plotting_context('notebook', font_scale=1.4)), sns.axes_style('darkgrid'):
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    sns.heatmap(v, annot=True, fmt='.2f', cmap='vlag', center=0,
                xticklabels=[f'h{i}' for i in range(7)],
                yticklabels=[f'layer {i}' for i in range(5)], ax=ax)
    ax.set_title('Probe accuracy delta')
    fig.savefig(os.path.join(OUT, 'seaborn-font-scale-annotated-5x7.png'), dpi=100,
                bbox_inches='tight')
    plt.close(fig)
with open(os.path.join(OUT, 'seaborn-font-scale-annotated-5x7.json'), 'w') as f:
    json.dump({'values': v.tolist(), 'vmin': float(v.min()), 'vmax': float(v.max())}, f)
# matplotlib's imshow of 80x80 (interpolation 'nearest') in its default figure: cells 4.6 px,
# the frame over half of the first row. Each edge's place in its cell lay near half a cell, some just under and some
# just over, and no lattice of 80 fitted: read 96x80. Its JPEG's cells are read as one, with
# the warning that they are not one colour (none was said).
v = smooth(80, 80)
save('matplotlib-imshow-nearest-80x80', v,
     lambda ax, x: plt.colorbar(ax.imshow(x, cmap='viridis', interpolation='nearest'), ax=ax),
     100, ('jpg',), figsize=(6.4, 4.8))
# A correlation matrix as most notebooks draw it, in seaborn's default theme (set_theme():
# darkgrid, the axes #EAEAF2): its upper triangle masked, the rest annotated, vlag centred on
# 0. The masked cells show the axes' grey, 2.2 levels from a colour of vlag: read as 28 cells
# of -0.02, silently. They show no number where the others do.
rng = np.random.default_rng(3)
d = pd.DataFrame(rng.normal(size=(60, 7)), columns=list('abcdefg')).corr()
upper = np.triu(np.ones_like(d, dtype=bool))
with sns.axes_style('darkgrid'):
    fig, ax = plt.subplots(figsize=(6, 5))
    sns.heatmap(d, mask=upper, cmap='vlag', center=0, annot=True, fmt='.2f', ax=ax)
    fig.savefig(os.path.join(OUT, 'seaborn-theme-mask-annot-7x7.png'), dpi=100,
                bbox_inches='tight')
    plt.close(fig)
v = np.where(upper, np.nan, d.values)
with open(os.path.join(OUT, 'seaborn-theme-mask-annot-7x7.json'), 'w') as f:
    json.dump({'values': [[None if x != x else x for x in row] for row in v.tolist()],
               'printed': [[None if x != x else float(format(x, '.2f')) for x in row]
                           for row in v.tolist()]}, f)
# Rows labelled by date (a daily frame's index as strings): each "2024-01-01" had been taken
# for "2024-01" and -1, its sequence's, and rewritten "2024-01-1".
days = pd.date_range('2024-01-01', periods=6, freq='D').strftime('%Y-%m-%d')
frame = pd.DataFrame(rng.random((6, 4)), index=days, columns=['open', 'high', 'low', 'close'])
fig, ax = plt.subplots(figsize=(5, 5))
sns.heatmap(frame, cmap='crest', ax=ax)
fig.savefig(os.path.join(OUT, 'seaborn-dates-6x4.png'), dpi=100, bbox_inches='tight')
plt.close(fig)
with open(os.path.join(OUT, 'seaborn-dates-6x4.json'), 'w') as f:
    json.dump({'values': frame.values.tolist(), 'rows': list(days), 'cols': list(frame.columns)}, f)
# A needle-in-a-haystack chart, as the long-context papers draw it (gkamradt's
# LLMTest_NeedleInAHaystack: its three-colour map, grey lines, rows the needle's depth in
# percent, plt.xticks(rotation=45) with the labels centred under their columns, a two-word
# ylabel). Its two words, turned up beside the row labels, had been joined to their block and
# three rows read as one blot; the labels after the first four, read as numbers alone 36% to
# 50% sure, were dropped; no column label was read (the xlabel, under the labels, turned with
# them across their lines; "1K" at 45° only 1.4 times as long as high). Said, not silent.
from matplotlib.colors import LinearSegmentedColormap as _LS
niah = _LS.from_list('custom_cmap', ['#F0496E', '#EBB839', '#0CD79F'])
depths = [int(round(x)) for x in np.linspace(0, 100, 15)]
lengths = ['1K', '2K', '4K', '8K', '16K', '32K', '64K', '96K', '128K']
v = np.clip(np.round(10 - rng.exponential(1.5, (15, 9))), 0, 10)
fig = plt.figure(figsize=(12, 7))
sns.heatmap(pd.DataFrame(v, index=depths, columns=lengths), cmap=niah, vmin=0, vmax=10,
            linewidths=0.5, linecolor='grey', cbar_kws={'label': 'Score'})
plt.title('Pressure Testing Fact Retrieval Across Context Lengths')
plt.xlabel('Token Limit')
plt.ylabel('Depth Percent')
plt.xticks(rotation=45)
plt.yticks(rotation=0)
plt.tight_layout()
fig.savefig(os.path.join(OUT, 'seaborn-needle-haystack-15x9.png'), dpi=100)
plt.close(fig)
with open(os.path.join(OUT, 'seaborn-needle-haystack-15x9.json'), 'w') as f:
    json.dump({'values': v.tolist(), 'rows': [str(d) for d in depths], 'cols': lengths}, f)
# scikit-learn's ConfusionMatrixDisplay of a matrix of floats (counts averaged over folds):
# its '.2g' prints 199.4 as "2e+02" and 109.6 as "1.1e+02". Their "e+02" had counted as five
# decimals: the values said good to ±0.000005 to ±0.5, where "2e+02" holds only to ±50.
from sklearn.metrics import ConfusionMatrixDisplay
v = np.array([[199.4, 13.2, 16.0], [3.4, 55.0, 19.2], [10.0, 14.4, 109.6]])
fig, ax = plt.subplots(figsize=(7, 6))
ConfusionMatrixDisplay(v, display_labels=['negative', 'neutral', 'positive']).plot(ax=ax, cmap='Blues')
fig.tight_layout()
fig.savefig(os.path.join(OUT, 'sklearn-confusion-floats-3x3.png'), dpi=100)
plt.close(fig)
with open(os.path.join(OUT, 'sklearn-confusion-floats-3x3.json'), 'w') as f:
    json.dump({'values': v.tolist(), 'printed': [[float(format(x, '.2g')) for x in row] for row in v.tolist()]}, f)
# Attention maps over tokens, as interpretability notebooks draw them: seaborn's defaults, the
# tokens on both axes (the rows' turned up), a causal softmax (lower-triangular, each row
# summing to 1), 100 dpi, bbox_inches='tight'. "times", a pixel past its column's edge into
# that of "of", had left both labels out, said not shown; "attention" turned up beside the
# first row, past the grid's top, had been read "attentior" with its n cut, silently.
for name, sentence in [
    ('seaborn-attention-tokens-10x10', 'it was the best of times it was the worst'),
    ('seaborn-attention-tokens-8x8', 'attention is all you need for this task'),
]:
    toks = sentence.split()
    n = len(toks)
    a = np.tril(rng.random((n, n)) ** 3) + 1e-3
    a = a / a.sum(1, keepdims=True)
    fig, ax = plt.subplots(figsize=(6, 5))
    sns.heatmap(a, xticklabels=toks, yticklabels=toks, cmap='viridis', ax=ax)
    fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=100, bbox_inches='tight')
    plt.close(fig)
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'values': a.tolist(), 'rows': toks, 'cols': toks}, f)
# scikit-learn's ConfusionMatrixDisplay of a token classifier's NER tags (CoNLL's), 100 dpi:
# the tag "O" had been read "0" on both axes, "I-ORG" read "IFORG" (its hyphen an F), silently.
tags = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC']
m = rng.integers(0, 30, (9, 9)) + np.diag(rng.integers(100, 400, 9))
fig, ax = plt.subplots(figsize=(8, 7))
ConfusionMatrixDisplay(m, display_labels=tags).plot(ax=ax, cmap='Blues')
fig.tight_layout()
fig.savefig(os.path.join(OUT, 'sklearn-confusion-ner-9x9.png'), dpi=100)
plt.close(fig)
with open(os.path.join(OUT, 'sklearn-confusion-ner-9x9.json'), 'w') as f:
    json.dump({'values': m.tolist(), 'rows': tags, 'cols': tags}, f)
# The same NER matrix with its column labels turned (xticks_rotation='vertical'), 150 dpi:
# the tags "I-PER" to "I-MISC" were read "[-PER" (the I a bracket) and 38% sure, and the lone
# "O" 56% sure on the rows: not kept, said unread.
fig, ax = plt.subplots(figsize=(6, 5))
ConfusionMatrixDisplay(m, display_labels=tags).plot(ax=ax, cmap='Blues', xticks_rotation='vertical')
fig.tight_layout()
fig.savefig(os.path.join(OUT, 'sklearn-confusion-ner-vertical-150dpi-9x9.png'), dpi=150)
plt.close(fig)
with open(os.path.join(OUT, 'sklearn-confusion-ner-vertical-150dpi-9x9.json'), 'w') as f:
    json.dump({'values': m.tolist(), 'rows': tags, 'cols': tags}, f)
# seaborn's correlation matrix of scikit-learn's diabetes features, annotated, 100 dpi: the
# features "s1" to "s6" were read "51" to "56" (their s as high as the x of "sex").
from sklearn.datasets import load_diabetes
frame = load_diabetes(as_frame=True).frame.drop(columns=['target'])
corr = frame.corr()
fig, ax = plt.subplots(figsize=(9, 7))
sns.heatmap(corr, annot=True, fmt='.2f', cmap='coolwarm', center=0, ax=ax, annot_kws={'size': 7})
fig.tight_layout()
fig.savefig(os.path.join(OUT, 'seaborn-corr-diabetes-10x10.png'), dpi=100)
plt.close(fig)
with open(os.path.join(OUT, 'seaborn-corr-diabetes-10x10.json'), 'w') as f:
    json.dump({'values': corr.values.tolist(), 'printed': [[float(format(x, '.2f')) for x in row] for row in corr.values.tolist()],
               'rows': list(corr.index), 'cols': list(corr.columns)}, f)
# seaborn's confusion matrix of the GLUE tasks, 100 dpi, the rows' labels turned up (seaborn
# turns them when they would overlap): "QNLI" (its Q's tail below the line taken for a larger
# text) and "SST-2" (read "557-2" 1% sure) were not read.
glue = ['CoLA', 'SST-2', 'MRPC', 'STS-B', 'QQP', 'MNLI', 'QNLI', 'RTE', 'WNLI']
g = rng.integers(0, 30, (9, 9)) + np.diag(rng.integers(100, 400, 9))
fig, ax = plt.subplots(figsize=(8, 7))
sns.heatmap(g, annot=True, fmt='d', xticklabels=glue, yticklabels=glue, cmap='Blues', ax=ax)
ax.set_xlabel('Predicted')
ax.set_ylabel('True')
fig.tight_layout()
fig.savefig(os.path.join(OUT, 'seaborn-confusion-glue-9x9.png'), dpi=100)
plt.close(fig)
with open(os.path.join(OUT, 'seaborn-confusion-glue-9x9.json'), 'w') as f:
    json.dump({'values': g.tolist(), 'rows': glue, 'cols': glue}, f)
# Scores of a model's layers on ML metrics, as seaborn draws them in matplotlib's styles, 100
# dpi. In the "seaborn-v0_8-dark" style (no tick marks; the row labels turned up, crowded),
# an l's stroke at the grid's side in each turned "layer k" passed for tick marks 9.5 px off
# the rows' centres: "layer 1" read "layer", its 1 given to the row above, and the columns
# not read at all. In the default style, annotated: the columns "f1" and "ppl" were read
# "fl" and "pp!", silently.
metrics = ['acc', 'f1', 'bleu', 'rouge', 'loss', 'ppl', 'mrr', 'ndcg']
layers = [f'layer {k}' for k in range(7)]
scores = np.round(rng.uniform(0, 1, (7, 8)), 2)
with plt.style.context('seaborn-v0_8-dark'):
    fig, ax = plt.subplots(figsize=(7, 5))
    sns.heatmap(pd.DataFrame(scores, index=layers, columns=metrics), cmap='rocket', ax=ax)
    ax.set_title('Scores by layer')
    fig.savefig(os.path.join(OUT, 'seaborn-style-dark-scores-7x8.png'), dpi=100)
    plt.close(fig)
with open(os.path.join(OUT, 'seaborn-style-dark-scores-7x8.json'), 'w') as f:
    json.dump({'values': scores.tolist(), 'rows': layers, 'cols': metrics}, f)
scores = np.round(rng.uniform(0, 1, (6, 8)), 2)
fig, ax = plt.subplots(figsize=(7, 5))
sns.heatmap(pd.DataFrame(scores, index=layers[:6], columns=metrics), annot=True, fmt='.2f',
            cmap='viridis', ax=ax)
fig.savefig(os.path.join(OUT, 'seaborn-metrics-annotated-6x8.png'), dpi=100)
plt.close(fig)
with open(os.path.join(OUT, 'seaborn-metrics-annotated-6x8.json'), 'w') as f:
    json.dump({'values': scores.tolist(), 'rows': layers[:6], 'cols': metrics}, f)
# Tick marks drawn into the grid (direction 'in'), over the outer cells' numbers: matplotlib's
# classic style (marks on all four sides), 100 dpi, and a SciencePlots-like house style (serif,
# marks in on all sides, minor ones between), 150 dpi. A mark had been read as a minus or a
# stroke of the number over it, and a third of the numbers taken from their colours.
vals = np.round(rng.uniform(-1, 1, (5, 6)), 2)
with plt.style.context('classic'):
    save('seaborn-classic-ticks-in-5x6', vals,
         lambda ax, x: sns.heatmap(x, annot=True, fmt='.2f', cmap='viridis', ax=ax), 100)
counts = rng.integers(0, 120, (6, 6))
science = {'xtick.direction': 'in', 'ytick.direction': 'in', 'xtick.top': True, 'ytick.right': True,
           'xtick.major.size': 3, 'ytick.major.size': 3, 'xtick.minor.visible': True,
           'ytick.minor.visible': True, 'font.family': 'serif', 'axes.linewidth': 0.5}
with plt.rc_context(science):
    save('seaborn-ticks-in-minor-150dpi-6x6', counts,
         lambda ax, x: sns.heatmap(x, annot=True, fmt='d', cmap='Blues', ax=ax), 150)
# seaborn's gallery of pairwise correlations ("many_pairwise_correlations": set_theme, a
# diverging palette, the upper triangle masked, square cells, lines between), as users copy
# it, 100 dpi: 11 of its 50 capitals, each alone, were not read (at 72 dpi "P" was read "p",
# "Q" "0", "S" "5", silently).
from string import ascii_letters  # noqa: E402
sns.set_theme(style='white')
rs = np.random.RandomState(33)
d = pd.DataFrame(data=rs.normal(size=(100, 26)), columns=list(ascii_letters[26:]))
corr = d.corr()
upper = np.triu(np.ones_like(corr, dtype=bool))
fig, ax = plt.subplots(figsize=(11, 9))
sns.heatmap(corr, mask=upper, cmap=sns.diverging_palette(230, 20, as_cmap=True), vmax=.3, center=0,
            square=True, linewidths=.5, cbar_kws={'shrink': .5}, ax=ax)
fig.savefig(os.path.join(OUT, 'seaborn-gallery-pairwise-corr-26x26.png'), dpi=100)
plt.close(fig)
sns.reset_orig()
with open(os.path.join(OUT, 'seaborn-gallery-pairwise-corr-26x26.json'), 'w') as f:
    json.dump({'values': [[None if m else x for x, m in zip(row, mrow)]
                          for row, mrow in zip(corr.values.tolist(), upper.tolist())],
               'rows': list(corr.index), 'cols': list(corr.columns)}, f)
# An annotated seaborn heatmap (style seaborn-v0_8-white) resized by Pillow's Lanczos filter to 1.25 times (as an image is
# resized in an editor, or for a web page), saved as PNG: the filter rings beside the edges as a
# JPEG does, and read as a clean PNG it had been read 8x109 for 8x9, none of its numbers read.
import io  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
vals = np.round(rng.uniform(0, 1, (8, 9)), 2)
with plt.style.context('seaborn-v0_8-white'):
    fig, ax = plt.subplots(figsize=(7, 5))
    sns.heatmap(pd.DataFrame(vals, index=[f'layer {k}' for k in range(8)], columns=metrics + ['map']),
                annot=True, fmt='.2f', cmap='mako', ax=ax)
    buf = io.BytesIO()
    fig.savefig(buf, format='png', dpi=100)
    plt.close(fig)
im = PILImage.open(buf).convert('RGB')
im.resize((round(im.width * 1.25), round(im.height * 1.25)), PILImage.LANCZOS).save(
    os.path.join(OUT, 'seaborn-resized-lanczos-8x9.png'), optimize=False)
with open(os.path.join(OUT, 'seaborn-resized-lanczos-8x9.json'), 'w') as f:
    json.dump({'values': vals.tolist(), 'rows': [f'layer {k}' for k in range(8)],
               'cols': metrics + ['map']}, f)
# Column labels of one word and a number ("model 0" to "model 7"), turned up by seaborn where
# level ones would overlap, percentages printed over the cells (fmt='.0%'): the space between
# the word and the number is blank across every label at once, and the labels had been read as
# their numbers alone ("0" to "7"), silently; the percentages written as 0.47.
# The same saved without tight_layout: the labels' m cut by the image's foot ("odel 0").
vals = np.round(rng.uniform(0, 1, (6, 8)), 2)
for name, tight in [('seaborn-turned-model-labels-6x8', True), ('seaborn-turned-model-labels-cut-6x8', False)]:
    def model_labels(ax, x, tight=tight):
        sns.heatmap(pd.DataFrame(x, index=[f'class {c}' for c in 'ABCDEF'],
                                 columns=[f'model {k}' for k in range(8)]),
                    annot=True, fmt='.0%', cmap='Blues', ax=ax)
        if tight:
            ax.figure.tight_layout()
    save(name, vals, model_labels, 100, figsize=(7, 5),
         extra={'rows': [f'class {c}' for c in 'ABCDEF'], 'cols': [f'model {k}' for k in range(8)],
                'texts': [[f'{v:.0%}' for v in row] for row in vals]})
# Labels of several words turned up above the grid (tick_top, rotation=90), one letter alone
# among them ("LoRA r 8", "IA3 v 2"): text recognition lost the space before the lone letter
# ("LoRAT 8", "IA3v 2"), silently.
tuning = ['linear probe', 'zero shot', 'few shot k 5', 'fine tuned', 'LoRA r 8', 'prefix tune',
          'adapter', 'full FT 3 ep', 'BitFit', 'IA3 v 2', 'prompt 20']
models = ['GPT 2 small', 'GPT 2 medium', 'OPT 1.3B', 'Pythia 410M', 'T5 base', 'BERT base']
vals = np.round(rng.uniform(0, 1, (6, 11)), 2)


def turned_top(ax, x):
    sns.heatmap(pd.DataFrame(x, index=models, columns=tuning), cmap='mako', ax=ax)
    ax.xaxis.tick_top()
    ax.set_xticklabels(ax.get_xticklabels(), rotation=90)
    ax.figure.tight_layout()


save('seaborn-turned-top-words-6x11', vals, turned_top, 100, figsize=(6.4, 4.8),
     extra={'rows': models, 'cols': tuning})
# Rows and columns labelled a letter and a digit ("r0", "c1": pandas frames of a quick test),
# style 'classic', at 72 dpi (the notebook's inline default in older IPython): the row labels,
# turned up, had been read as their digits alone, "0" to "7", silently.
vals = rng.integers(0, 120, (8, 8)).astype(float)
with plt.style.context('classic'):
    save('seaborn-classic-letter-digit-72dpi-8x8', vals,
         lambda ax, x: sns.heatmap(pd.DataFrame(x, index=[f'r{i}' for i in range(8)],
                                                columns=[f'c{j}' for j in range(8)]),
                                   annot=True, fmt='.0f', cmap='coolwarm', ax=ax),
         72, extra={'rows': [f'r{i}' for i in range(8)], 'cols': [f'c{j}' for j in range(8)]})
# The same labels in a paper's house style (serif, tick marks in, minor ones), 100 dpi: "r1" and
# "r4" read "rl" and "rd", "r0" and "r2" as "O" and "2", silently; the prefix shown by the
# labels read as a letter and a glyph tells the rest, each number read alone.
vals = np.round(rng.uniform(-1, 1, (5, 7)), 2)
with plt.rc_context({'xtick.direction': 'in', 'ytick.direction': 'in', 'xtick.top': True,
                     'ytick.right': True, 'xtick.major.size': 3, 'ytick.major.size': 3,
                     'xtick.minor.visible': True, 'ytick.minor.visible': True,
                     'font.family': 'serif', 'axes.linewidth': 0.5}):
    save('seaborn-serif-letter-digit-100dpi-5x7', vals,
         lambda ax, x: sns.heatmap(pd.DataFrame(x, index=[f'r{i}' for i in range(5)],
                                                columns=[f'c{j}' for j in range(7)]),
                                   annot=True, fmt='.2f', cmap='coolwarm', ax=ax),
         100, extra={'rows': [f'r{i}' for i in range(5)], 'cols': [f'c{j}' for j in range(7)]})
# The same labels with tick marks drawn in, 72 dpi: read "O", "rl", "2", "ri", "rd", none as a
# letter and a number; read alone past the prefix, "r6" read "5" as "r5" did, and the two
# alike had kept the axis's other six from their numbers.
vals = rng.integers(0, 120, (8, 8)).astype(float)
with plt.rc_context({'xtick.direction': 'in', 'ytick.direction': 'in'}):
    save('seaborn-ticks-in-letter-digit-72dpi-8x8', vals,
         lambda ax, x: sns.heatmap(pd.DataFrame(x, index=[f'r{i}' for i in range(8)],
                                                columns=[f'c{j}' for j in range(8)]),
                                   annot=True, fmt='.0f', cmap='viridis', ax=ax),
         72, extra={'rows': [f'r{i}' for i in range(8)], 'cols': [f'c{j}' for j in range(8)]})
# No colorbar, three columns of one value on every row (their edges nowhere shown), each
# cell's number printed: the grid's columns found are of unequal widths, as a table's are,
# but a heatmap's merged cells hold several numbers apart, and it is not taken for a table
# (read/table.ts): its columns are told by their labels and numbers, as before.
first = np.round(rng.uniform(0, 1, (6, 1)), 2)
vals = np.hstack([np.repeat(first, 3, axis=1), np.round(rng.uniform(0, 1, (6, 5)), 2)])
save('seaborn-nobar-merged-columns-6x8', vals,
     lambda ax, x: sns.heatmap(x, annot=True, fmt='.2f', cbar=False, ax=ax,
                               xticklabels=[f'col {j}' for j in range(8)],
                               yticklabels=[f'row {i}' for i in range(6)]),
     100, figsize=(8, 5), extra={'rows': [f'row {i}' for i in range(6)],
                                 'cols': [f'col {j}' for j in range(8)]})
# Language models' scores on benchmarks, 150 dpi, the columns' labels turned up: "qwen2-7b" read
# "gwen2-7b" with no warning (at 200 dpi too), its q's tail a stem where a g's is a hook.
models = ['gpt-4o', 'llama-3-8b', 'mistral-7b', 'qwen2-7b', 'gemma-2-9b', 'phi-3']
benchmarks = ['MMLU', 'GSM8K', 'HumanEval', 'ARC-C', 'HellaSwag', 'TruthfulQA', 'Winogrande']
vals = np.round(rng.uniform(0.2, 0.95, (6, 7)), 2)
fig, ax = plt.subplots(figsize=(6.9, 4.5))
sns.heatmap(pd.DataFrame(vals, index=models, columns=benchmarks), annot=True, fmt='.2f',
            cmap='viridis', ax=ax)
fig.tight_layout()
fig.savefig(os.path.join(OUT, 'seaborn-llm-benchmarks-150dpi-6x7.png'), dpi=150)
plt.close(fig)
with open(os.path.join(OUT, 'seaborn-llm-benchmarks-150dpi-6x7.json'), 'w') as f:
    json.dump({'values': vals.tolist(), 'rows': models, 'cols': benchmarks}, f)
# GLUE's tasks by encoders, annotated, saved at 72 dpi, as a JPEG (quality 75) at 100 dpi and
# at 200 dpi: "CoLA" read "ColA" at 72 dpi (its L taken for an l as wide as a 1), "ALBERT-xxl"
# read "ALBERT-xxI" in the JPEG (its l's stem taller than the capitals), "CoLA" read "ColLA" at
# 200 dpi (an l where the ink shows none), all silently.
encoders = ['BERT-base', 'RoBERTa-large', 'ALBERT-xxl', 'DeBERTa-v3', 'ELECTRA', 'DistilBERT']
tasks = ['CoLA', 'SST-2', 'MRPC', 'STS-B', 'QQP', 'MNLI', 'QNLI', 'RTE', 'WNLI']
vals = np.round(np.random.default_rng(3).random((6, 9)) * 0.5 + 0.4, 2)
for dpi, ext in ((72, 'png'), (100, 'jpg'), (200, 'png')):
    fig, ax = plt.subplots(figsize=(8.2, 3.8))
    sns.heatmap(pd.DataFrame(vals, index=encoders, columns=tasks), annot=True, fmt='.2f',
                cmap='viridis', ax=ax)
    fig.tight_layout()
    name = f'seaborn-glue-encoders-{dpi}dpi-6x9'
    fig.savefig(os.path.join(OUT, f'{name}.{ext}'), dpi=dpi,
                **({'pil_kwargs': {'quality': 75}} if ext == 'jpg' else {}))
    plt.close(fig)
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'values': vals.tolist(), 'rows': encoders, 'cols': tasks}, f)
# Hyperparameter sweeps as users draw them: a long table of runs pivoted (pandas'
# pivot_table, the axes named by its columns), annotated. Learning rates by batch sizes:
# at 72 dpi the row labels "0.0001" and "0.0003", 3 px from the turned-up "learning_rate",
# had been said to be no label; at 150 dpi the title, 7 px off, was joined to them and
# neither was read. Weight decay by dropout: at 72 dpi "0.1", "0.3", "0.5" read "01", "03",
# "05" beside "0.2"; at 100 dpi the title read "weight _decay". Key=value labels at 72 dpi:
# "lr=1e-4" read "Ir=1e-4". All silently.
sweep_rng = np.random.default_rng(11)
for name, rows, cols, rname, cname, dpis in (
        ('seaborn-sweep-lr', [1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3], [16, 32, 64, 128, 256],
         'learning_rate', 'batch_size', (72, 150)),
        ('seaborn-sweep-wd', [0.0, 0.01, 0.05, 0.1], [0.1, 0.2, 0.3, 0.5],
         'weight_decay', 'dropout', (72, 100)),
        ('seaborn-sweep-kv', ['lr=1e-4', 'lr=3e-4', 'lr=1e-3'],
         ['bs=32', 'bs=64', 'bs=128', 'bs=256'], None, None, (72,))):
    acc = np.round(sweep_rng.random((len(rows), len(cols))) * 0.3 + 0.6, 3)
    runs = pd.DataFrame([(r, c, acc[i, j]) for i, r in enumerate(rows) for j, c in enumerate(cols)],
                        columns=[rname or 'key', cname or 'batch', 'acc'])
    table = runs.pivot_table(index=rname or 'key', columns=cname or 'batch', values='acc')
    if rname is None:
        table = table.loc[rows, cols].rename_axis(index=None, columns=None)
    for dpi in dpis:
        fig, ax = plt.subplots(figsize=(1.5 + 0.9 * len(cols), 1.0 + 0.5 * len(rows)))
        sns.heatmap(table, annot=True, fmt='.3f', cmap='rocket', ax=ax)
        fig.tight_layout()
        shape = f'{len(rows)}x{len(cols)}'
        fig.savefig(os.path.join(OUT, f'{name}-{dpi}dpi-{shape}.png'), dpi=dpi)
        plt.close(fig)
        with open(os.path.join(OUT, f'{name}-{dpi}dpi-{shape}.json'), 'w') as f:
            json.dump({'values': table.to_numpy().tolist(), 'rows': [str(x) for x in table.index],
                       'cols': [str(x) for x in table.columns], 'xlabel': cname, 'ylabel': rname}, f)
# The learning rates again, not annotated, the axis title 15 pt off its labels (labelpad):
# at 72 dpi "0.0001", "0.001" and "0.003", turned up, had been read turned down, upside down,
# as "10000", "1000" and "£000", silently.
table = pd.DataFrame(np.round(sweep_rng.random((6, 5)) * 0.3 + 0.6, 3),
                     index=['1e-05', '3e-05', '0.0001', '0.0003', '0.001', '0.003'],
                     columns=[16, 32, 64, 128, 256])
fig, ax = plt.subplots(figsize=(6, 4))
sns.heatmap(table, cmap='rocket', ax=ax)
ax.set_ylabel('learning_rate', labelpad=15)
fig.tight_layout()
fig.savefig(os.path.join(OUT, 'seaborn-sweep-lr-apart-72dpi-6x5.png'), dpi=72)
plt.close(fig)
with open(os.path.join(OUT, 'seaborn-sweep-lr-apart-72dpi-6x5.json'), 'w') as f:
    json.dump({'values': table.to_numpy().tolist(), 'rows': list(table.index),
               'cols': [str(x) for x in table.columns]}, f)
# Titles as users write them: two lines (a newline in ax.set_title), the figure's own title
# (fig.suptitle) alone, and both. None had been read, silently: the line beyond a title's last
# was taken for what the title belongs to, and the figure's title, centred on the figure and
# not the grid, for no title.
titles_rng = np.random.default_rng(12)
pets = ['cat', 'dog', 'bird', 'fish', 'frog']
counts = titles_rng.integers(0, 60, size=(5, 5)) + np.diag(titles_rng.integers(60, 120, size=5))
for name, title, sup, dpi in (
        ('seaborn-title-two-lines-100dpi-5x5', 'Confusion matrix\nResNet-50, epoch 90', None, 100),
        ('seaborn-title-two-lines-150dpi-5x5', 'Confusion matrix\nResNet-50, epoch 90', None, 150),
        ('seaborn-suptitle-100dpi-5x5', None, 'Validation', 100),
        ('seaborn-suptitle-and-title-100dpi-5x5', 'Confusion matrix', 'Validation', 100)):
    fig, ax = plt.subplots(figsize=(5, 4))
    sns.heatmap(counts, annot=True, fmt='d', cmap='Greens', xticklabels=pets, yticklabels=pets, ax=ax)
    if title:
        ax.set_title(title)
    if sup:
        fig.suptitle(sup)
    fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=dpi, bbox_inches='tight')
    plt.close(fig)
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'values': counts.tolist(), 'rows': pets, 'cols': pets,
                   'title': '\n'.join(t for t in (sup, title) if t)}, f)
# p-values printed in scientific notation (fmt='.1e'), as statistics users annotate them: at
# 100 dpi "1.4e-04" had been read "14e-04" (0.0014), a cell near the colormap's low end whose
# colour allowed either, silently.
p_rng = np.random.default_rng(5)
p_rng.random((4, 5)), p_rng.random((4, 5))
pvals = 10 ** -(p_rng.random((5, 5)) * 6)
printed = [[float(f'{x:.1e}') for x in row] for row in pvals]
with matplotlib.rc_context():
    # matplotlib's own defaults (the white theme set above, for the gallery, put aside).
    matplotlib.rcdefaults()
    fig, ax = plt.subplots(figsize=(7, 5))
    sns.heatmap(pvals, annot=True, fmt='.1e', cmap='mako', ax=ax)
    fig.savefig(os.path.join(OUT, 'seaborn-pvalues-sci-100dpi-5x5.png'), dpi=100, bbox_inches='tight')
    plt.close(fig)
with open(os.path.join(OUT, 'seaborn-pvalues-sci-100dpi-5x5.json'), 'w') as f:
    json.dump({'values': printed}, f)
# Labels where an S stands beside a capital or a digit and a 5 beside letters (model names as
# "T5", "S3"): at 100 dpi "S3" had been read "53", "QS" and "CS" "Qs" and "Cs", "Q5" "Qs", at
# 72 "MS" "M5" and "R5" "RS", silently.
fives_rng = np.random.default_rng(10)
fives_rows = ['S', 'S3', 'QS', 'CS', 'Q5', '5S']
fives_cols = ['T5', 'MS', 'R5', 'C5', 'SAM', '53']
for dpi in (72, 100):
    vals = np.round(fives_rng.random((6, 6)), 2)
    fig, ax = plt.subplots(figsize=(7, 5))
    sns.heatmap(pd.DataFrame(vals, index=fives_rows, columns=fives_cols), cmap='viridis', ax=ax)
    name = f'seaborn-labels-s-and-5-{dpi}dpi-6x6'
    fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=dpi)
    plt.close(fig)
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'values': vals.tolist(), 'rows': fives_rows, 'cols': fives_cols}, f)
# Results as papers print them, a mean and its standard deviation in each cell
# ("0.84±0.02", annot of strings, fmt=''): no number had been read (every value came from
# the colours, to ±0.0026); the values are the means.
spread_rng = np.random.default_rng(5)
models = ['BERT', 'RoBERTa', 'DeBERTa', 'T5']
tasks = ['MNLI', 'QNLI', 'SST-2', 'CoLA', 'RTE']
means = np.round(spread_rng.random((4, 5)) * 0.3 + 0.6, 2)
stds = np.round(spread_rng.random((4, 5)) * 0.04, 2)
texts = np.array([[f'{m:.2f}±{sd:.2f}' for m, sd in zip(r1, r2)] for r1, r2 in zip(means, stds)])
with matplotlib.rc_context():
    matplotlib.rcdefaults()
    for dpi in (100, 150):
        fig, ax = plt.subplots(figsize=(7, 4))
        sns.heatmap(pd.DataFrame(means, index=models, columns=tasks), annot=texts, fmt='',
                    cmap='YlGnBu', ax=ax)
        name = f'seaborn-mean-std-{dpi}dpi-4x5'
        fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=dpi, bbox_inches='tight')
        plt.close(fig)
        with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
            json.dump({'values': means.tolist(), 'rows': models, 'cols': tasks}, f)
# Saved with a transparent background (savefig(transparent=True), for slides): in
# matplotlib's dark_background its white text is drawn on nothing, and composed onto white
# it had vanished (no label, no colorbar tick read); in the default style, black on nothing.
clear_rng = np.random.default_rng(7)
clear_counts = clear_rng.integers(0, 60, size=(5, 5)) + np.diag(clear_rng.integers(60, 120, size=5))
for name, style, cmap in (('seaborn-transparent-dark-100dpi-5x5', 'dark_background', 'magma'),
                          ('seaborn-transparent-100dpi-5x5', 'default', 'Blues')):
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(5, 4))
        sns.heatmap(clear_counts, annot=True, fmt='d', cmap=cmap, xticklabels=pets,
                    yticklabels=pets, ax=ax)
        fig.savefig(os.path.join(OUT, f'{name}.png'), dpi=100, bbox_inches='tight',
                    transparent=True)
        plt.close(fig)
    with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
        json.dump({'values': clear_counts.tolist(), 'rows': pets, 'cols': pets}, f)
# PNGs as ImageMagick writes them from a seaborn figure (Debian's imagemagick, when there):
# interlaced (Adam7, as web optimisers and GIMP's option write it), a palette of 16 colours
# in 4-bit samples and grey in 2-bit ones, each beside ImageMagick's own 8-bit RGBA of it to
# compare pixels with. The first had been refused, the others too.
MAGICK = '/usr/bin/convert'
if os.path.exists(MAGICK):
    import subprocess  # noqa: E402
    src = os.path.join(OUT, 'seaborn-viridis-6x8.png')
    for name, args in (('interlaced', ['-interlace', 'PNG']),
                       ('palette-4bit', ['-colors', '16', '-define', 'png:bit-depth=4',
                                         '-define', 'png:color-type=3']),
                       ('grey-2bit', ['-colorspace', 'Gray', '-colors', '4', '-depth', '2'])):
        out = os.path.join(OUT, f'seaborn-viridis-6x8-{name}.png')
        # (Without its date chunks, so that the same run writes the same bytes.)
        same = ['-define', 'png:exclude-chunks=date,time']
        subprocess.run([MAGICK, src, *args, *same, out], check=True)
        if name != 'interlaced':
            subprocess.run([MAGICK, out, *same, f'PNG32:{out[:-4]}-rgba.png'], check=True)
print('wrote', sorted(os.listdir(OUT)))
