"""The seed notebook's training cell (seed-notebook.txt, cells 8, 9 and 11), run
under np.random.seed(SEED). Prints what ctnn-train prints after its cells:
the Epoch lines, then one prediction per person with %.17g.

    python3 notebook.py SEED [--libm-exp]

bench/notebook_numpy.py imports it to time the same code.

--libm-exp swaps np.exp for math.exp (the C library's exp) inside sigmoid, to
separate numpy's exp from everything else when comparing with ctnn.
"""
import math
import sys

import numpy as np

use_libm = "--libm-exp" in sys.argv
exp = math.exp if use_libm else np.exp


def sigmoid(x):
    return 1 / (1 + exp(-x))


def deriv_sigmoid(x):
    fx = sigmoid(x)
    return fx * (1 - fx)


def mse_loss(y_true, y_pred):
    return ((y_true - y_pred) ** 2).mean()


class OurNeuralNetwork:
    def __init__(self):
        self.w1 = np.random.normal()
        self.w2 = np.random.normal()
        self.w3 = np.random.normal()
        self.w4 = np.random.normal()
        self.w5 = np.random.normal()
        self.w6 = np.random.normal()
        self.b1 = np.random.normal()
        self.b2 = np.random.normal()
        self.b3 = np.random.normal()

    def feedforward(self, x):
        h1 = sigmoid(self.w1 * x[0] + self.w2 * x[1] + self.b1)
        h2 = sigmoid(self.w3 * x[0] + self.w4 * x[1] + self.b2)
        return sigmoid(self.w5 * h1 + self.w6 * h2 + self.b3)

    def train(self, data, all_y_trues, epochs=1000, log=True):
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

            if log and epoch % 10 == 0:
                y_preds = np.apply_along_axis(self.feedforward, 1, data)
                print("Epoch %d loss: %.3f" % (epoch, mse_loss(all_y_trues, y_preds)))


data = np.array([[-2, -1], [25, 6], [17, 4], [-15, -6]])
all_y_trues = np.array([1, 0, 0, 1])

if __name__ == "__main__":
    np.random.seed(int(sys.argv[1]))
    network = OurNeuralNetwork()
    network.train(data, all_y_trues)
    people = [("Alice", [-2, -1]), ("Bob", [25, 6]), ("Charlie", [17, 4]), ("Diana", [-15, -6]),
              ("Emily", [-7, -3]), ("Frank", [20, 2])]
    for name, x in people:
        print("%s: %.17g" % (name, network.feedforward(np.array(x))))
