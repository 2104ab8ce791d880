"""Times the notebook's own numpy code in-process:
feedforward of the 2-2-1 network, the 1000-epoch training (printing off),
and vectorised inference on 1,000,000 samples. Prints JSON (seconds).

    python3 notebook_numpy.py [--smoke]
"""
import json
import os
import sys
import time

import numpy as np

# The notebook's own code, the same file the reproducibility checks run.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "numpy"))
from notebook import OurNeuralNetwork, all_y_trues, data, sigmoid  # noqa: E402

smoke = "--smoke" in sys.argv


def best_of(runs, function):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


np.random.seed(0)
network = OurNeuralNetwork()
x = np.array([2, 3])

calls = 100 if smoke else 20000
ff = best_of(3, lambda: [network.feedforward(x) for _ in range(calls)]) / calls

epochs = 10 if smoke else 1000
sgd = best_of(1 if smoke else 3, lambda: OurNeuralNetwork().train(data, all_y_trues, epochs, log=False)) * (1000 / epochs)

count = 10_000 if smoke else 1_000_000
rng = np.random.default_rng(1)
batch = np.column_stack([rng.normal(size=count) * 10, rng.normal(size=count) * 3])


def vectorised():
    h1 = sigmoid(network.w1 * batch[:, 0] + network.w2 * batch[:, 1] + network.b1)
    h2 = sigmoid(network.w3 * batch[:, 0] + network.w4 * batch[:, 1] + network.b2)
    return sigmoid(network.w5 * h1 + network.w6 * h2 + network.b3)


batch_s = best_of(3, vectorised) * (1_000_000 / count)

print(json.dumps({"ff_numpy_ns": ff * 1e9, "sgd_numpy_s": sgd, "batch_numpy_s": batch_s,
                  "numpy_version": np.__version__}))
