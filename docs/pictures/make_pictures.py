#!/usr/bin/python3
"""Draws the walkthrough's pictures from ctnn's own output.

    cmake --build build --target notebook_pictures
    /usr/bin/python3 docs/pictures/make_pictures.py build/notebook_pictures [--out DIR] [--check]

PROGRAM is examples/notebook_pictures.cpp, built: the notebook's training run
(seed 0, 1000 epochs) with the loss after every epoch, and the trained
network's prediction for the six people and over a weight x height grid.
The script first checks that output against numpy's run of the notebook
(tests/data/numpy_seed0.txt: every 10th epoch's loss as the notebook prints
it, and the six predictions to the last bit), then writes loss_curve.svg and
decision_boundary.svg into DIR (default: this script's directory, docs/pictures).
--check   checks only, draws nothing and needs no matplotlib (a ctest runs this).

The SVGs are deterministic: the same output gives the same files.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NUMPY_RUN = os.path.join(ROOT, "tests", "data", "numpy_seed0.txt")
EPOCHS = 1000
GRID = (121, 81)  # weights -30..30 lb by 0.5, heights -10..10 in by 0.25


def read(program):
    """The program's output: losses by epoch, people (name, weight, height,
    prediction as printed), grid rows (weight, height, prediction)."""
    out = subprocess.run([program], check=True, capture_output=True, text=True).stdout
    losses, people, grid = [], [], []
    for line in out.splitlines():
        kind, *fields = line.split()
        if kind == "loss":
            losses.append((int(fields[0]), float(fields[1])))
        elif kind == "person":
            people.append((fields[0], float(fields[1]), float(fields[2]), fields[3]))
        elif kind == "grid":
            grid.append(tuple(map(float, fields)))
        else:
            raise ValueError("unexpected line: " + line)
    return losses, people, grid


def check(losses, people, grid):
    """Fails unless the output is the notebook's seed-0 run, as numpy ran it."""
    errors = []
    if [epoch for epoch, _ in losses] != list(range(EPOCHS)):
        errors.append("expected the loss after each of %d epochs" % EPOCHS)
    by_epoch = dict(losses)
    printed = {name: value for name, _, _, value in people}
    with open(NUMPY_RUN) as numpy_run:
        for line in numpy_run:
            if line.startswith("Epoch "):  # Epoch 990 loss: 0.000
                epoch, loss = int(line.split()[1]), line.split()[-1]
                ours = "%.3f" % by_epoch[epoch] if epoch in by_epoch else "missing"
                if ours != loss:
                    errors.append("epoch %d: loss %s, numpy printed %s" % (epoch, ours, loss))
            else:  # Alice: 0.97520787869151659
                name, value = line.split(": ")
                if printed.get(name) != value.strip():
                    errors.append("%s: %s, numpy printed %s" % (name, printed.get(name), value.strip()))
    if len(printed) != 6:
        errors.append("expected six people, got %s" % sorted(printed))
    lattice = [(-30 + 0.5 * i, -10 + 0.25 * j) for j in range(GRID[1]) for i in range(GRID[0])]
    if [(w, h) for w, h, _ in grid] != lattice or not all(0 < p < 1 for _, _, p in grid):
        errors.append("expected %d x %d grid predictions between 0 and 1, by weight within height" % GRID)
    if errors:
        sys.exit("make_pictures.py: the output is not numpy's seed-0 run:\n  " + "\n  ".join(errors))


def draw(losses, people, grid, out):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import numpy as np
    except ImportError as missing:
        sys.exit("make_pictures.py: %s (Debian's python3-matplotlib: run /usr/bin/python3)" % missing)

    plt.rcParams["svg.hashsalt"] = "ctnn"  # fixed ids: the same data give the same file
    plt.rcParams["svg.fonttype"] = "none"  # text as text, not glyph paths
    metadata = {"Date": None}

    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.plot([epoch for epoch, _ in losses], [loss for _, loss in losses], color="C0")
    ax.set_yscale("log")
    ax.set_xlim(0, EPOCHS)
    ax.set_xlabel("epoch")
    ax.set_ylabel("MSE loss over the four people")
    ax.set_title("ctnn: the notebook's training, seed 0, 1000 epochs")
    ax.grid(True, which="major", alpha=0.3)
    last_epoch, last_loss = losses[-1]
    ax.annotate("%.2g after epoch %d" % (last_loss, last_epoch), (last_epoch, last_loss),
                xytext=(-10, 20), textcoords="offset points", ha="right",
                arrowprops={"arrowstyle": "-", "color": "0.4"})
    fig.tight_layout()
    fig.savefig(os.path.join(out, "loss_curve.svg"), metadata=metadata)
    plt.close(fig)

    # Rows of the output run over weight within each height.
    values = np.array(grid).reshape(GRID[1], GRID[0], 3)
    weight, height, prediction = values[..., 0], values[..., 1], values[..., 2]
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    filled = ax.contourf(weight, height, prediction, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.8)
    fig.colorbar(filled, ax=ax, label="prediction (1 = female)")
    ax.contour(weight, height, prediction, levels=[0.5], colors="black", linewidths=2)
    targets = {"Alice": 1, "Bob": 0, "Charlie": 0, "Diana": 1}
    for name, w, h, value in people:
        if name in targets:
            ax.scatter(w, h, s=60, marker="o", color="C3" if targets[name] else "C0",
                       edgecolors="black", zorder=3)
        else:
            ax.scatter(w, h, s=110, marker="*", color="white", edgecolors="black", zorder=3)
        left = name in ("Alice", "Bob", "Frank")  # labels clear of the 0.5 line and the edge
        ax.annotate("%s %.3f" % (name, float(value)), (w, h), xytext=(-7 if left else 7, 5),
                    textcoords="offset points", ha="right" if left else "left", fontsize=9, zorder=4,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})

    def marker(shape, size, color, label):
        return plt.Line2D([], [], linestyle="none", marker=shape, markersize=size, markerfacecolor=color,
                          markeredgecolor="black", label=label)
    handles = [
        marker("o", 8, "C3", "trained on: female (1)"),
        marker("o", 8, "C0", "trained on: male (0)"),
        marker("*", 12, "white", "not seen in training"),
        plt.Line2D([], [], color="black", linewidth=2, label="prediction 0.5"),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=4, fontsize=8, frameon=False)
    ax.set_xlabel("weight − 135 (lb)")
    ax.set_ylabel("height − 66 (in)")
    ax.set_title("ctnn: the trained network's prediction (seed 0, 1000 epochs)")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "decision_boundary.svg"), metadata=metadata)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("program", help="the built notebook_pictures")
    parser.add_argument("--out", default=HERE, help="where to write the SVGs (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="only check the output against numpy's run")
    args = parser.parse_args()
    losses, people, grid = read(args.program)
    check(losses, people, grid)
    if args.check:
        print("make_pictures.py: the output is numpy's seed-0 run")
    else:
        draw(losses, people, grid, args.out)


if __name__ == "__main__":
    main()
