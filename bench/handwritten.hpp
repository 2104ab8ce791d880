// The notebook's network written out by hand in scalar C++ with std::exp:
// the practical floor ctnn is measured against. Exp is a template argument so
// that the benchmarks can also run it with ctnn's exp (how much of a gap is
// exp itself, how much the rest of the code).
#ifndef CTNN_BENCH_HANDWRITTEN_HPP
#define CTNN_BENCH_HANDWRITTEN_HPP

#include <array>
#include <cmath>
#include <cstddef>

namespace handwritten {

inline double std_exp(double x) { return std::exp(x); }

template <double (*Exp)(double)>
double sigmoid(double x) { return 1 / (1 + Exp(-x)); }

struct network {
    double w1, w2, w3, w4, w5, w6, b1, b2, b3;

    template <double (*Exp)(double) = std_exp>
    double feedforward(const std::array<double, 2>& x) const {
        const double h1 = sigmoid<Exp>(w1 * x[0] + w2 * x[1] + b1);
        const double h2 = sigmoid<Exp>(w3 * x[0] + w4 * x[1] + b2);
        return sigmoid<Exp>(w5 * h1 + w6 * h2 + b3);
    }

    // The notebook's train(), one sigmoid per neuron (deriv_sigmoid reuses it).
    template <double (*Exp)(double) = std_exp>
    void train(const std::array<std::array<double, 2>, 4>& data, const std::array<double, 4>& y_trues,
               double learn_rate, std::size_t epochs) {
        for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
            for (std::size_t s = 0; s < data.size(); ++s) {
                const auto& x = data[s];
                const double h1 = sigmoid<Exp>(w1 * x[0] + w2 * x[1] + b1);
                const double h2 = sigmoid<Exp>(w3 * x[0] + w4 * x[1] + b2);
                const double o1 = sigmoid<Exp>(w5 * h1 + w6 * h2 + b3);
                const double d_h1 = h1 * (1 - h1), d_h2 = h2 * (1 - h2), d_o1 = o1 * (1 - o1);
                const double d_L_d_ypred = -2 * (y_trues[s] - o1);
                const double d_ypred_d_h1 = w5 * d_o1, d_ypred_d_h2 = w6 * d_o1;
                w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * (x[0] * d_h1);
                w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * (x[1] * d_h1);
                b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1;
                w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * (x[0] * d_h2);
                w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * (x[1] * d_h2);
                b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2;
                w5 -= learn_rate * d_L_d_ypred * (h1 * d_o1);
                w6 -= learn_rate * d_L_d_ypred * (h2 * d_o1);
                b3 -= learn_rate * d_L_d_ypred * d_o1;
            }
        }
    }
};

}  // namespace handwritten

#endif
