#!/usr/bin/Rscript
# Writes heatmaps drawn by Debian's ggplot2 (r-cran-ggplot2 3.4.1, R 4.2; not needed by the
# tests, which read the files written) into test/fixtures/read/, as its users draw them
# (geom_tile over two factors, or two numeric axes; ggsave's PNG, or JPEG), each NAME.png beside
# NAME.json with the values drawn (rows top to bottom), the labels and the titles.
# Run: Rscript scripts/make-read-fixtures-ggplot.R
library(ggplot2)

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
out <- file.path(here, "..", "test", "fixtures", "read")
set.seed(39)

quoted <- function(v) paste0("[", paste0('"', v, '"', collapse = ", "), "]")
numbers <- function(v) paste0("[", paste(v, collapse = ", "), "]")

# m: values, rows top to bottom; rows, cols: the labels; fmt: how values are written to JSON.
# ext: "png", or "jpg" (quality 75, as the evaluation's JPEGs).
save <- function(name, p, m, rows, cols, width, height, dpi, fmt = "%.2f", titles = list(),
                 ext = "png") {
  if (ext == "jpg") {
    ggsave(file.path(out, paste0(name, ".jpg")), p, width = width, height = height, dpi = dpi,
           quality = 75)
  } else {
    ggsave(file.path(out, paste0(name, ".png")), p, width = width, height = height, dpi = dpi)
  }
  fields <- c(
    sprintf('"values": [%s]', paste(apply(m, 1, function(r) numbers(sprintf(fmt, r))), collapse = ", ")),
    sprintf('"rows": %s', quoted(rows)),
    sprintf('"cols": %s', quoted(cols))
  )
  for (k in names(titles)) fields <- c(fields, sprintf('"%s": "%s"', k, titles[[k]]))
  writeLines(paste0("{", paste(fields, collapse = ", "), "}"), file.path(out, paste0(name, ".json")))
}

# Long data over two factors, rows top to bottom as given (ggplot2 draws a factor's first
# level at the bottom: the rows' levels reversed).
tiles <- function(m, rows, cols) {
  d <- expand.grid(col = factor(cols, levels = cols), row = factor(rows, levels = rev(rows)))
  d$v <- m[cbind(match(d$row, rows), match(d$col, cols))]
  d
}

# Long data over two numeric axes, 1 to n each, rows top to bottom as given (y = 1 is drawn
# at the bottom).
numeric_tiles <- function(m) {
  d <- expand.grid(x = seq_len(ncol(m)), y = seq_len(nrow(m)))
  d$v <- m[cbind(nrow(m) + 1 - d$y, d$x)]
  d
}

# theme_grey (the default): the grey panel past the outer tiles, white grid lines across it.
m <- matrix(round(rnorm(80), 2), 8)
rows <- c("conv1", "conv2", "conv3", "conv4", "block1", "block2", "block3", "head")
cols <- c("cat", "dog", "bird", "fish", "frog", "horse", "sheep", "truck", "ship", "plane")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile()
save("ggplot-grey-default-100dpi-8x10", p, m, rows, cols, 6, 4, 100,
     titles = list(xlabel = "col", ylabel = "row"))
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() + scale_fill_viridis_c()
save("ggplot-grey-viridis-150dpi-8x10", p, m, rows, cols, 6, 4, 150)

# A map from white, through the panel's grey: the grey is nearly the map's (20 levels off
# its pink), and told by the grid lines crossing it.
m <- matrix(round(abs(rnorm(36)), 2), 6)
rows <- c("lr 1e-4", "lr 3e-4", "lr 1e-3", "lr 3e-3", "lr 1e-2", "lr 3e-2")
cols <- c("bs 16", "bs 32", "bs 64", "bs 128", "bs 256", "bs 512")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() +
  scale_fill_gradient(low = "white", high = "red")
save("ggplot-grey-white-red-150dpi-6x6", p, m, rows, cols, 6, 4.5, 150)

# theme_bw: a confusion matrix, counts printed, tiles outlined in white, a title at the left.
cls <- c("cat", "dog", "bird", "fish", "frog")
m <- matrix(sample(0:20, 25, TRUE), 5)
diag(m) <- sample(80:120, 5)
m[5, 3] <- 0
p <- ggplot(tiles(m, cls, cls), aes(col, row, fill = v)) + geom_tile(colour = "white") +
  geom_text(aes(label = v)) + scale_fill_gradient(low = "white", high = "steelblue") +
  theme_bw() + labs(x = "Predicted", y = "True", title = "Confusion matrix")
save("ggplot-bw-confusion-100dpi-5x5", p, m, cls, cls, 5, 4, 100, fmt = "%d",
     titles = list(title = "Confusion matrix", xlabel = "Predicted", ylabel = "True"))

# theme_bw at 300 dpi: the outline 4 px wide, joined to the tiles by the grid lines.
m <- matrix(round(rnorm(32), 2), 4)
rows <- c("train", "valid", "test", "ood")
cols <- c("MMLU", "GSM8K", "ARC", "HellaSwag", "TruthfulQA", "Winogrande", "BBH", "DROP")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() +
  scale_fill_viridis_c() + theme_bw() + labs(x = NULL, y = NULL)
save("ggplot-bw-viridis-300dpi-4x8", p, m, rows, cols, 9, 3.5, 300)

# theme_bw, a last column of pale cells (a diverging map white at 0): lost to the page
# where the grid was found, and found again inside the outline. (Its legend's palest end
# comes out in one of two renderings from run to run, 7,668 pixels apart by a few levels:
# R's, not this script's; both are read within the bound.)
m <- matrix(round(rnorm(60), 2), 6)
m[, 10] <- round(m[, 10] / 20, 2)
rows <- c("alpha", "beta", "gamma", "delta", "epsilon", "zeta")
cols <- c("h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() +
  scale_fill_gradient2() + theme_bw()
save("ggplot-bw-pale-column-150dpi-6x10", p, m, rows, cols, 6.5, 4, 150)

# theme_classic over numeric axes: the axes' lines apart from the tiles (half a tile), an L.
m <- matrix(round(rnorm(40), 2), 5)
p <- ggplot(numeric_tiles(m), aes(x, y, fill = v)) + geom_tile() + theme_classic() + labs(x = "step", y = "seed")
save("ggplot-classic-numeric-300dpi-5x8", p, m, as.character(5:1), as.character(1:8), 6, 4, 300)

# theme_dark: a dark grey panel, its grid lines darker still.
m <- matrix(round(rnorm(20), 2), 4)
rows <- c("deer", "horse", "dog", "frog")
cols <- c("q1", "q2", "q3", "q4", "q5")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() +
  scale_fill_gradient2() + theme_dark()
save("ggplot-dark-gradient2-300dpi-4x5", p, m, rows, cols, 5, 3.7, 300)

# theme_minimal over numeric axes: no panel, and ggsave draws the figure on nothing (a
# transparent PNG), the grid lines' light edges (major and minor) outnumbering the text's dark
# ones three to one; the rows labelled every fifth (5, 10, 15), the legend below.
m <- matrix(round(rnorm(80), 2), 16)
p <- ggplot(numeric_tiles(m), aes(x, y, fill = v)) + geom_tile() + theme_minimal() +
  theme(legend.position = "bottom") + labs(x = "head", y = "layer")
save("ggplot-minimal-transparent-150dpi-16x5", p, m, as.character(16:1), as.character(1:5), 4.75, 7.3, 150)

# theme_classic over factors, a diverging map white at 0 (a probe's values): its first column
# near 0, as pale as the page, lost where the grid was found and found again by the tick
# marks past the axis line (it had been read 4x6, its values a column off, silently).
m <- matrix(c(-0.02, -0.41, -0.37, -1.83, -1.34, -0.65, -0.76, 0.92,
              0.02, 0.16, 1.96, 0.81, -0.27, 1.76, -1.55, 0.47,
              0, -0.97, -0.61, -1.48, -0.38, -0.02, 2.75, -0.62,
              -0.43, 1.55, -0.08, -2.97, -0.6, 0.16, 1.05, 0.04),
            4, byrow = TRUE)
rows <- c("apple", "plane", "pear", "melon")
cols <- c("D3", "K8", "Y9", "L6", "S0", "M9", "G0", "X4")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() + theme_classic() +
  scale_fill_gradient2() + theme(legend.position = "right") +
  theme(axis.text.x = element_text(angle = 45, hjust = 1)) +
  labs(x = "feature", y = "group", title = "Run 4 scores")
save("ggplot-classic-pale-column-100dpi-4x8", p, m, rows, cols, 3 + 8 * 0.35, 2.5 + 4 * 0.3, 100,
     titles = list(title = "Run 4 scores", xlabel = "feature", ylabel = "group"))

# theme_dark over numeric axes, each tile's value printed (geom_text), at 300 dpi: the
# panel's edge a darker line then one blended with the page, a grid line along its margin
# (it had been refused: 22 rows found for 10, the printed numbers said to stand apart).
# (A probe's values.)
m <- matrix(c(
              -0.67, -1.5, -1.56, -2.44, 0.75,
              -0.8, -1.38, -0.42, -0.2, 0.25,
              0.65, -0.2, 0.69, -0.54, 1.51,
              0.43, 0.44, 0.33, -0.29, -0.42,
              1.09, -0.74, 0.53, 1.27, -0.87,
              -2.07, 0.2, -0.04, 0.06, 1.25,
              -0.12, 0.55, 1.1, 0.44, -0.38,
              0.55, -1.09, 1.09, -0.63, 2.06,
              -1.18, 0.7, 1.7, 0.04, -1.12,
              0.14, -0.67, -0.11, -2.2, 0.09),
            10, byrow = TRUE)
p <- ggplot(numeric_tiles(m), aes(x, y, fill = v)) + geom_tile() + theme_dark() +
  geom_text(aes(label = sprintf("%.2f", v)), size = 3) + scale_fill_gradient() +
  theme(legend.position = "right") + labs(x = "feature", y = "group")
save("ggplot-dark-numeric-annotated-300dpi-10x5", p, m, as.character(10:1), as.character(1:5),
     4.75, 5.5, 300)

# The legend above the grid (legend.position = "top"), a title above it (a probe's values):
# no title had been looked for beyond a colorbar over the grid.
m <- matrix(c(1.06, 0.34, 0.37, 0.41, 0.67, 0.78,
              0.01, 1.21, 1.53, 1.17, 1.31, 1.24,
              0.44, 0.23, 1.01, 0.27, 1, 0.38,
              0.24, 1.24, 0.44, 0.35, 1.15, 0.17,
              0.02, 0.8, 0.49, 0.41, 0.59, 0.55,
              1.28, 1.71, 0.38, 0.34, 0.52, 0.3,
              1.39, 0.28, 0.82, 0.86, 0.39, 1.22,
              0.04, 0.02, 0.39, 0.78, 0.21, 0.62,
              1.44, 0.03, 0.03, 1.69, 0.35, 0.77,
              0.12, 0.85, 0.42, 1.55, 1.73, 0.75),
            10, byrow = TRUE)
rows <- c("deer", "lime", "dog", "sheep", "fig", "truck", "melon", "cat", "frog", "ship")
cols <- c("rouge", "bleu", "mmlu", "hellaswag", "accuracy", "params")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() +
  scale_fill_gradient(low = "white", high = "red") + theme(legend.position = "top") +
  labs(x = "feature", y = "group", title = "Run 8 scores")
save("ggplot-grey-legend-top-150dpi-10x6", p, m, rows, cols, 3 + 6 * 0.35, 2.5 + 10 * 0.3, 150,
     titles = list(title = "Run 8 scores"))

# The legend below the grid at 300 dpi, its title "v" at the bar's left, its foot among the
# labels' tops (a probe's values): taken for the line of labels, no number was read, and no
# value given.
m <- matrix(c(-2.58, 0.33, -0.07, 0.09,
              0.31, -0.13, 0.06, 0.69,
              -0.16, -0.06, -0.29, -1.18,
              -0.93, 0, 1.8, -0.71,
              0.95, 1.27, 1.12, -0.27,
              0.01, -0.84, -0.3, -2.57),
            6, byrow = TRUE)
p <- ggplot(numeric_tiles(m), aes(x, y, fill = v)) + geom_tile() + theme_classic() +
  theme(legend.position = "bottom") + labs(x = "feature", y = "group")
save("ggplot-classic-legend-bottom-300dpi-6x4", p, m, as.character(6:1), as.character(1:4),
     3 + 4 * 0.35, 2.5 + 6 * 0.3, 300)

# A legend above the grid at 72 dpi, its labels -2, 0 and 2 (a probe's values): the "-2"
# is read "2", and of the two lines through two labels each, the falling one had been
# taken: every value read the wrong side of 0.
m <- matrix(c(-1.14, -1.37, 0.19, 0.74, -1.61, 0.4, -0.63, 0.85, -1.26, 0.81,
              -0.43, -3.25, -1.21, 0.88, 0.03, 1.28, -0.46, 0.14, 0.74, -0.9,
              -0.26, -0.48, -0.66, 0.53, -1.74, 0.3, -0.22, 0.62, -0.23, -0.11,
              -1.2, -0.64, -0.79, 0.02, 1.42, -1.41, -0.26, 2.08, -0.2, 0.16,
              -0.53, -2.05, 0.18, -0.92, 0.75, -0.08, -2.11, 0.01, -0.61, -0.11,
              1.03, 0.96, 0.2, -0.08, -0.03, 0.12, 0.44, 3.69, -0.35, 2.07,
              0.03, 0.11, 0.28, -1.97, -2.26, -0.12, -0.7, -0.75, -2.48, -0.45,
              1.28, -0.69, 2.28, -0.44, -1.32, 0, 0.55, -0.72, 0.91, -0.3,
              1.78, -0.32, -0.92, -0.05, -0.15, 0.98, -2.03, 0.57, 0.75, -2.01,
              -0.19, -0.12, 0.97, 0.88, -0.24, 0.28, 0.23, 0.29, 0.06, 0.22,
              -0.07, -0.6, -1.55, -0.57, -0.51, -0.95, 0.42, 0.21, 0.21, 0.52,
              2.14, 1.14, -1.68, -0.19, 0.26, -0.4, -2.94, -0.78, 0.25, 1.42),
            12, byrow = TRUE)
rows <- c("dog", "apple", "deer", "bird", "plum", "fig", "kiwi", "plane", "pear", "fish", "sheep", "car")
cols <- c("arc", "precision", "accuracy", "params", "winogrande", "loss", "bleu", "recall", "tokens", "gsm8k")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() + theme_minimal() +
  scale_fill_gradient2() + theme(legend.position = "top") +
  labs(x = "feature", y = "group", title = "Run 24 scores")
save("ggplot-minimal-legend-top-72dpi-12x10", p, m, rows, cols, 3 + 10 * 0.35, 2.5 + 12 * 0.3, 72,
     titles = list(title = "Run 24 scores"))

# theme_bw at 300 dpi, counts from white to red printed over the tiles (a probe's values):
# its top right tile as pale as the page; the block found then ended at the panel's outline
# below (a tick mark under the middle column, where the outline's colour was taken from),
# and the numbers' strokes were read as 41 rows. Refused before.
m <- matrix(c(0.95, 0.69, 0.51, 0.34,
              0.5, 1.11, 0.55, 2.04,
              0.85, 1.02, 1.49, 0.74,
              2.04, 0.36, 1.28, 2.69,
              2.43, 1.11, 0.39, 0.79),
            5, byrow = TRUE)
rows <- c("cat", "date", "frog", "truck", "kiwi")
cols <- c("precision", "recall", "accuracy", "arc")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() + theme_bw() +
  geom_text(aes(label = sprintf("%.2f", v)), size = 3) +
  scale_fill_gradient(low = "white", high = "red") + theme(legend.position = "bottom") +
  labs(x = "feature", y = "group")
save("ggplot-bw-white-red-annotated-300dpi-5x4", p, m, rows, cols, 3 + 4 * 0.35, 2.5 + 5 * 0.3, 300)

# theme_light at 100 dpi: its grey70 outline, a pixel wide, falls between two (225 on the
# white page), and tiles near 0 in a map white there lie beside it (a probe's values): the
# outline was not taken for one, the first column and the last row, lost to the page where
# the grid was found, not found again (read 7x9, warned).
m <- matrix(c(0.23, -1.42, 0.33, -0.95, -0.58, -1.9, 0.29, -0.4, -0.26, 0.1,
              0.21, -0.27, -1.47, -0.4, 2.36, 1.46, -0.03, -0.36, -0.21, -0.13,
              -0.6, 1.22, 0.55, 0.06, -0.98, -1.51, -0.4, 0.5, -1.04, 1.39,
              0.52, -0.67, -2.23, -0.16, -2.14, -0.52, 0.66, 0.4, -1.54, -0.25,
              0.04, -1.3, 0.29, -1.19, -0.32, -1.18, 0.49, -1.1, 0.75, -1.36,
              1.39, 0.5, 0.54, 1.28, 0.55, 1.23, 1.64, 0.13, -0.27, -0.81,
              0.62, 0.35, -1.19, -0.43, -0.27, 1.12, 0.33, 0.76, 1.21, 1.08,
              0.76, 0.96, -0.02, -0.44, -1.1, -0.08, 1.46, -1.89, -0.8, 1.29),
            8, byrow = TRUE)
rows <- c("dog", "kiwi", "plane", "deer", "ship", "truck", "car", "plum")
cols <- c("rouge", "mmlu", "arc", "drop", "latency", "tokens", "params", "precision", "bleu", "recall")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() + theme_light() +
  scale_fill_gradient2() + theme(legend.position = "bottom") + labs(x = "feature", y = "group")
save("ggplot-light-gradient2-100dpi-8x10", p, m, rows, cols, 3 + 10 * 0.35, 2.5 + 8 * 0.3, 100)

# theme_minimal at 100 dpi, samples' codes along the columns (a capital and a digit, a
# probe's labels and values), fruit along the rows beside the axis title "group" set 4 px
# from them: "fig", drawn with the fi ligature (no dot over its i), had been refused; "plane",
# level with the title, not read; "S8", "I1", "Q6" and "W0" read "Sa", "11",
# "06" and "Wo", silently.
m <- matrix(c(1.49, -0.94, 0.15, 0.95, -0.96, -0.28, -0.27, -1.19, -0.85, 1.09, -0.93, -1.29,
              -0.23, -0.59, 0.38, 0.93, 1.59, -0.67, 0.49, 1.45, -1.65, -0.4, -1.2, -0.27,
              -0.36, -0.06, -0.42, 0.89, 0.29, -0.46, -0.37, 0.14, -0.26, -0.37, -0.01, 0.95,
              0.98, -0.4, -1.02, -0.18, -0.47, -0.15, -1.62, 0.68, -0.98, 1.13, 0.39, 1.66,
              -0.21, 0.59, -0.56, 0.89, 1.42, -0.89, -0.4, -0.2, -0.18, -0.06, 1.35, -1.08,
              -1.64, -1.65, 0.14, 1.83, 0.33, -0.07, -0.16, -1.16, 0.51, 0.02, -1.68, -0.12),
            6, byrow = TRUE)
rows <- c("ship", "date", "fig", "plane", "pear", "deer")
cols <- c("P4", "G3", "J1", "S8", "A8", "I1", "Y3", "D9", "Q6", "F8", "W0", "E7")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() + theme_minimal() +
  scale_fill_viridis_c() + theme(legend.position = "bottom") + labs(x = "feature", y = "group")
save("ggplot-minimal-codes-100dpi-6x12", p, m, rows, cols, 3 + 12 * 0.35, 2.5 + 6 * 0.3, 100)

# theme_linedraw at 300 dpi saved as JPEG (quality 75), codes turned 45° under the columns
# (a probe's labels and values): "I3" and "J7", of narrow capitals, turned back are about as
# wide as high, and every label of the axis had been left unread; the row label "car" was
# read "Car", 87% sure, and refused as not as high as a C.
m <- matrix(c(-0.92, 0.97, 0.37, 0.49, -0.77, -0.54, -0.46, 0,
              0.04, 2.29, 0.21, -0.4, -0.08, 0.53, -0.05, 1.43,
              -1.69, -0.34, 0.36, 0.86, -0.49, -0.22, -0.95, -0.05,
              -0.66, 0.59, 1.31, 1.93, -0.82, -1.03, -2.24, 0.34,
              1, -0.2, 0.06, 1.77, 1.06, 0, -0.59, 2.28),
            5, byrow = TRUE)
rows <- c("pear", "car", "bird", "fish", "plane")
cols <- c("N5", "G6", "I3", "H8", "X7", "J7", "B1", "Y3")
p <- ggplot(tiles(m, rows, cols), aes(col, row, fill = v)) + geom_tile() + theme_linedraw() +
  scale_fill_gradient2() + theme(axis.text.x = element_text(angle = 45, hjust = 1)) +
  labs(x = "feature", y = "group", title = "Run 34 scores")
save("ggplot-linedraw-codes-turned-300dpi-5x8", p, m, rows, cols, 3 + 8 * 0.35, 2.5 + 5 * 0.3, 300,
     titles = list(title = "Run 34 scores"), ext = "jpg")
