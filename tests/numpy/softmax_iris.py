"""A numpy reference for softmax training: ctnn's Iris task (examples/iris_task.hpp)
written out with numpy, in the operation order ctnn documents, the way
notebook.py is the notebook's. Prints the 30 held-out flowers' probabilities
as hex floats, then the loss after each epoch; tests/softmax.cpp compares
ctnn's runtime training with tests/data/iris_numpy.txt, written by

    /usr/bin/python3 tests/numpy/softmax_iris.py > tests/data/iris_numpy.txt

The data: examples/data/iris.csv; every fifth flower of each species is held
out; the measurements are standardised with the training rows' mean and
standard deviation (sums row after row, as np.add.reduce along axis 0 does).
The network: 4-8-3, ReLU then softmax, weights np.random.seed(0) normal draws
(layer by layer, neuron by neuron, input by input) times sqrt(2 / inputs),
biases 0; 10 epochs of per-sample SGD at 0.05 with categorical cross-entropy.

Softmax is numpy's e = exp(z - z.max()); p = e / e.sum(), and the loss numpy's
-np.sum(y * log(clip(p)), axis=1).mean(), with math.exp and math.log (the C
library's, correctly rounded on these inputs) as notebook.py's --libm-exp:
numpy's own SIMD exp and log are not correctly rounded on AVX-512 machines
(with np.log, the loss after epoch 1 is one unit in the last place off).
"""
import csv
import math
import os

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
with open(os.path.join(ROOT, "examples", "data", "iris.csv"), newline="") as f:
    rows = list(csv.reader(f))[1:]
species = ["setosa", "versicolor", "virginica"]
X = np.array([[float(v) for v in r[:4]] for r in rows])
labels = [species.index(r[4]) for r in rows]

seen = [0, 0, 0]
held_out = []
for label in labels:
    held_out.append(seen[label] % 5 == 4)
    seen[label] += 1
train = [i for i in range(len(rows)) if not held_out[i]]
test = [i for i in range(len(rows)) if held_out[i]]

mean = np.add.reduce(X[train], axis=0) / len(train)
deviation = np.sqrt(np.add.reduce((X[train] - mean) ** 2, axis=0) / len(train))
x_train = (X[train] - mean) / deviation
x_test = (X[test] - mean) / deviation
y_train = np.eye(3)[[labels[i] for i in train]]
y_test = np.eye(3)[[labels[i] for i in test]]

np.random.seed(0)
sizes = [4, 8, 3]
W = []
for l in range(2):
    scale = math.sqrt(2.0 / sizes[l])
    W.append(np.array([[np.random.normal() * scale for i in range(sizes[l])] for j in range(sizes[l + 1])]))
B = [np.zeros(sizes[l + 1]) for l in range(2)]


def dense(w, b, x):
    """Each neuron's dot product left to right, then its bias."""
    z = np.empty(len(w))
    for j in range(len(w)):
        s = w[j][0] * x[0]
        for i in range(1, len(x)):
            s += w[j][i] * x[i]
        z[j] = s + b[j]
    return z


def softmax(z):
    e = np.array([math.exp(v) for v in z - z.max()])
    return e / e.sum()


def forward(x):
    h = np.maximum(dense(W[0], B[0], x), 0.0)
    return h, softmax(dense(W[1], B[1], h))


def loss(x, y):
    p = np.array([forward(row)[1] for row in x])
    log_p = np.vectorize(math.log)(np.clip(p, 1e-12, 1.0))  # the C library's log, as exp above
    return -np.sum(y * log_p, axis=1).mean()


learn_rate = 0.05
for epoch in range(10):
    for x, y in zip(x_train, y_train):
        h, p = forward(x)
        g_out = learn_rate * (p - y)                      # learn_rate * dL/dz, softmax with cross-entropy
        d_h = np.where(h > 0, 1.0, 0.0)                   # relu' from its output
        g_h = np.zeros(8)
        for j in range(3):                                # g_h[i] = sum_j g_out[j] (w_ji d_j), d_j = 1
            for i in range(8):
                term = g_out[j] * (W[1][j][i] * 1.0)
                g_h[i] = term if j == 0 else g_h[i] + term
            for i in range(8):
                W[1][j][i] -= g_out[j] * (h[i] * 1.0)
            B[1][j] -= g_out[j] * 1.0
        for j in range(8):
            for i in range(4):
                W[0][j][i] -= g_h[j] * (x[i] * d_h[j])
            B[0][j] -= g_h[j] * d_h[j]
    print("epoch %d loss %s" % (epoch, float(loss(x_train, y_train)).hex()))

for x in x_test:
    print(" ".join(float(v).hex() for v in forward(x)[1]))
