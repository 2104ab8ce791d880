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


def timings(runs, function, scale=1.0):
    """The median of `runs` timings (seconds, times scale) and their min-max."""
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        values.append((time.perf_counter() - start) * scale)
    values.sort()
    return values[len(values) // 2], [values[0], values[-1]]


np.random.seed(0)
network = OurNeuralNetwork()
x = np.array([2, 3])

calls = 100 if smoke else 20000
ff, ff_range = timings(5, lambda: [network.feedforward(x) for _ in range(calls)], 1e9 / calls)

epochs = 10 if smoke else 1000
sgd, sgd_range = timings(1 if smoke else 5, lambda: OurNeuralNetwork().train(data, all_y_trues, epochs, log=False),
                         1000 / epochs)

count = 10_000 if smoke else 1_000_000
# The inputs bench/runtime.cpp uses: rows (10 z0, 3 z1) of legacy normal draws with seed 1.
batch = np.random.RandomState(1).normal(size=2 * count).reshape(count, 2) * np.array([10.0, 3.0])


def vectorised():
    h1 = sigmoid(network.w1 * batch[:, 0] + network.w2 * batch[:, 1] + network.b1)
    h2 = sigmoid(network.w3 * batch[:, 0] + network.w4 * batch[:, 1] + network.b2)
    return sigmoid(network.w5 * h1 + network.w6 * h2 + network.b3)


batch_s, batch_range = timings(5, vectorised, 1_000_000 / count)

print(json.dumps({"ff_numpy_ns": ff, "ff_numpy_ns_range": ff_range, "sgd_numpy_s": sgd, "sgd_numpy_s_range": sgd_range,
                  "batch_numpy_s": batch_s, "batch_numpy_s_range": batch_range, "numpy_version": np.__version__}))
