// Loss functions: the value over a data set (as numpy computes it) and the
// per-sample gradient with respect to a prediction (what SGD uses).
#ifndef CTNN_LOSS_HPP
#define CTNN_LOSS_HPP

#include <concepts>
#include <cstddef>
#include <span>

#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/math.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

namespace bits {
// numpy's pairwise sum of one buffer: below 8 terms a plain loop, up to 128
// eight interleaved partial sums, beyond that halves added recursively.
template <class Term>
constexpr double numpy_pairwise_sum(Term term, std::size_t first, std::size_t n) {
    if (n < 8) {
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) sum += term(first + i);
        return sum;
    }
    if (n <= 128) {
        double r[8] = {};
        for (std::size_t j = 0; j < 8; ++j) r[j] = term(first + j);
        std::size_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (std::size_t j = 0; j < 8; ++j) r[j] += term(first + i + j);
        double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i) sum += term(first + i);
        return sum;
    }
    std::size_t half = n / 2;
    half -= half % 8;
    return numpy_pairwise_sum(term, first, half) + numpy_pairwise_sum(term, first + half, n - half);
}
}  // namespace bits

// The sum of term(first) + ... + term(first + n - 1) in numpy's order (what
// ndarray.sum() and .mean() do for float64): numpy reduces in buffers of
// 8192 elements, sums each buffer pairwise, and adds the buffers' sums in
// turn (tests/numpy_sum.cpp checks both, against numpy's own results).
template <class Term>
constexpr double numpy_sum(Term term, std::size_t first, std::size_t n) {
    constexpr std::size_t buffer = 8192;
    double sum = bits::numpy_pairwise_sum(term, first, n < buffer ? n : buffer);
    for (std::size_t done = buffer; done < n; done += buffer)
        sum += bits::numpy_pairwise_sum(term, first + done, n - done < buffer ? n - done : buffer);
    return sum;
}

// The mean of term(y_true[i], y_pred[i]) over all i, summed in numpy's order.
template <class Loss>
constexpr double mean_loss(std::span<const double> y_true, std::span<const double> y_pred) {
    const auto term = [&](std::size_t i) { return Loss::term(y_true[i], y_pred[i]); };
    return numpy_sum(term, 0, y_true.size()) / static_cast<double>(y_true.size());
}

// Mean squared error, the notebook's mse_loss: ((y_true - y_pred) ** 2).mean().
struct mse_t {
    static constexpr const char* name = "mse";
    static constexpr double term(double y_true, double y_pred) {
        const double d = y_true - y_pred;
        return d * d;
    }
    constexpr double operator()(std::span<const double> y_true, std::span<const double> y_pred) const {
        return mean_loss<mse_t>(y_true, y_pred);
    }
    // d/d y_pred of the per-sample loss averaged over `outputs` outputs: the
    // notebook's -2 * (y_true - y_pred) for its single output.
    static constexpr double gradient(double y_true, double y_pred, std::size_t outputs) {
        const double g = -2 * (y_true - y_pred);
        return outputs == 1 ? g : g / static_cast<double>(outputs);
    }
};

// Binary cross-entropy -(y log p + (1 - y) log(1 - p)), p clamped to
// [1e-12, 1 - 1e-12] so that a saturated prediction gives a finite loss.
struct binary_cross_entropy_t {
    static constexpr const char* name = "binary cross-entropy";
    static constexpr double epsilon = 1e-12;
    static constexpr double clamp(double p) { return p < epsilon ? epsilon : (p > 1 - epsilon ? 1 - epsilon : p); }
    static constexpr double term(double y_true, double y_pred) {
        const double p = clamp(y_pred);
        return -(y_true * log(p) + (1 - y_true) * log(1 - p));
    }
    constexpr double operator()(std::span<const double> y_true, std::span<const double> y_pred) const {
        return mean_loss<binary_cross_entropy_t>(y_true, y_pred);
    }
    static constexpr double gradient(double y_true, double y_pred, std::size_t outputs) {
        const double p = clamp(y_pred);
        const double g = (p - y_true) / (p * (1 - p));
        return outputs == 1 ? g : g / static_cast<double>(outputs);
    }
};

// Categorical cross-entropy, for a softmax_t output layer and one-hot
// targets: per sample -sum_k y_k log p_k, averaged over the samples, as
//     -np.sum(y * np.log(np.clip(p, 1e-12, 1.0)), axis=1).mean()
// With softmax the gradient of a sample's loss with respect to the output
// layer's sums is simply p - y: the softmax Jacobian and the 1/p of the log
// cancel (docs/walkthrough.md derives it), so no division by p. That is why
// the two come as a pair: training refuses either without the other.
struct categorical_cross_entropy_t {
    static constexpr const char* name = "categorical cross-entropy";
    static constexpr double epsilon = 1e-12;
    static constexpr bool sums_over_outputs = true;  // a sample's loss is the sum over its outputs
    static constexpr bool needs_softmax = true;
    // y log p for one output; loss_over sums these per sample, then negates the mean.
    static constexpr double term(double y_true, double y_pred) {
        return y_true * log(y_pred < epsilon ? epsilon : (y_pred > 1.0 ? 1.0 : y_pred));
    }
    // d(loss)/d(sum) of output k, given the softmax output p_k.
    static constexpr double gradient(double y_true, double y_pred, std::size_t) { return y_pred - y_true; }
};

// One object per loss, named as its type without "_t" (as the activations):
// pass it to train, loss_over, sgd_step or gradient, or give the type as a
// template argument, train<ctnn::mse_t>(...): the same call.
inline constexpr mse_t mse{};
inline constexpr binary_cross_entropy_t binary_cross_entropy{};
inline constexpr categorical_cross_entropy_t categorical_cross_entropy{};
// The notebook's name for mse: mse_loss(y_true, y_pred).
inline constexpr mse_t mse_loss{};

// What training asks of a loss: the per-sample term that loss_over averages,
// and the gradient with respect to one prediction, given the output count.
template <class L>
concept loss_function = requires(double y, std::size_t outputs) {
    { L::term(y, y) } -> std::same_as<double>;
    { L::gradient(y, y, outputs) } -> std::same_as<double>;
};

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
