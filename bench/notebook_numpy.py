"""Times the notebook's own numpy code in-process, as REFERENCE.md describes:
feedforward of the 2-2-1 network, the 1000-epoch training (printing off),
and vectorised inference on 1,000,000 samples. Prints JSON (seconds).

    python3 notebook_numpy.py [--smoke]
"""
import json
import sys
import time

import numpy as np

smoke = "--smoke" in sys.argv


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def deriv_sigmoid(x):
    fx = sigmoid(x)
    return fx * (1 - fx)


class OurNeuralNetwork:
    def __init__(self):
        self.w1, self.w2, self.w3, self.w4, self.w5, self.w6 = (np.random.normal() for _ in range(6))
        self.b1, self.b2, self.b3 = (np.random.normal() for _ in range(3))

    def feedforward(self, x):
        h1 = sigmoid(self.w1 * x[0] + self.w2 * x[1] + self.b1)
        h2 = sigmoid(self.w3 * x[0] + self.w4 * x[1] + self.b2)
        return sigmoid(self.w5 * h1 + self.w6 * h2 + self.b3)

    def train(self, data, all_y_trues, epochs):
        learn_rate = 0.5
        for epoch in range(epochs):
            for x, y_true in zip(data, all_y_trues):
                sum_h1 = self.w1 * x[0] + self.w2 * x[1] + self.b1
                h1 = sigmoid(sum_h1)
                sum_h2 = self.w3 * x[0] + self.w4 * x[1] + self.b2
                h2 = sigmoid(sum_h2)
                sum_o1 = self.w5 * h1 + self.w6 * h2 + self.b3
                y_pred = sigmoid(sum_o1)
                d_L_d_ypred = -2 * (y_true - y_pred)
                d_ypred_d_w5 = h1 * deriv_sigmoid(sum_o1)
                d_ypred_d_w6 = h2 * deriv_sigmoid(sum_o1)
                d_ypred_d_b3 = deriv_sigmoid(sum_o1)
                d_ypred_d_h1 = self.w5 * deriv_sigmoid(sum_o1)
                d_ypred_d_h2 = self.w6 * deriv_sigmoid(sum_o1)
                d_h1_d_w1 = x[0] * deriv_sigmoid(sum_h1)
                d_h1_d_w2 = x[1] * deriv_sigmoid(sum_h1)
                d_h1_d_b1 = deriv_sigmoid(sum_h1)
                d_h2_d_w3 = x[0] * deriv_sigmoid(sum_h2)
                d_h2_d_w4 = x[1] * deriv_sigmoid(sum_h2)
                d_h2_d_b2 = deriv_sigmoid(sum_h2)
                self.w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1
                self.w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2
                self.b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1
                self.w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3
                self.w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4
                self.b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2
                self.w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5
                self.w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6
                self.b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3


def best_of(runs, function):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


data = np.array([[-2, -1], [25, 6], [17, 4], [-15, -6]])
all_y_trues = np.array([1, 0, 0, 1])
np.random.seed(0)
network = OurNeuralNetwork()
x = np.array([2, 3])

calls = 100 if smoke else 20000
ff = best_of(3, lambda: [network.feedforward(x) for _ in range(calls)]) / calls

epochs = 10 if smoke else 1000
sgd = best_of(1 if smoke else 3, lambda: OurNeuralNetwork().train(data, all_y_trues, epochs)) * (1000 / epochs)

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
