// Backprop's gradient, checked by the compiler: equal to the notebook's
// hand-written partial derivatives for 2-2-1 (to the bit), and to a central
// finite difference for other networks (within 1e-6 relative).
#include <array>
#include <cstddef>

#include <boost/hana/for_each.hpp>
#include <boost/hana/range.hpp>

#include <catch2/catch.hpp>

#include <ctnn/ctnn.hpp>

namespace {

namespace hana = boost::hana;

// ---- 2-2-1: the notebook's own formulas ------------------------------------

using notebook_network = ctnn::network<ctnn::topology<2, 2, 1>>;

// The notebook's partial derivatives of the loss for one sample (its train()
// with learn_rate = 1, so each update is exactly the gradient).
struct notebook_partials {
    double w1, w2, w3, w4, w5, w6, b1, b2, b3;
};

constexpr notebook_partials notebook_gradient(const notebook_network& net, std::array<double, 2> x, double y_true) {
    const auto& hidden = net.layer<0>();
    const auto& output = net.layer<1>();
    const auto deriv_sigmoid = [](double v) {
        const double fx = ctnn::sigmoid(v);
        return fx * (1 - fx);
    };
    const double sum_h1 = hidden.weights[0][0] * x[0] + hidden.weights[0][1] * x[1] + hidden.biases[0];
    const double h1 = ctnn::sigmoid(sum_h1);
    const double sum_h2 = hidden.weights[1][0] * x[0] + hidden.weights[1][1] * x[1] + hidden.biases[1];
    const double h2 = ctnn::sigmoid(sum_h2);
    const double sum_o1 = output.weights[0][0] * h1 + output.weights[0][1] * h2 + output.biases[0];
    const double y_pred = ctnn::sigmoid(sum_o1);

    const double d_L_d_ypred = -2 * (y_true - y_pred);
    const double d_ypred_d_w5 = h1 * deriv_sigmoid(sum_o1);
    const double d_ypred_d_w6 = h2 * deriv_sigmoid(sum_o1);
    const double d_ypred_d_b3 = deriv_sigmoid(sum_o1);
    const double d_ypred_d_h1 = output.weights[0][0] * deriv_sigmoid(sum_o1);
    const double d_ypred_d_h2 = output.weights[0][1] * deriv_sigmoid(sum_o1);
    const double d_h1_d_w1 = x[0] * deriv_sigmoid(sum_h1);
    const double d_h1_d_w2 = x[1] * deriv_sigmoid(sum_h1);
    const double d_h1_d_b1 = deriv_sigmoid(sum_h1);
    const double d_h2_d_w3 = x[0] * deriv_sigmoid(sum_h2);
    const double d_h2_d_w4 = x[1] * deriv_sigmoid(sum_h2);
    const double d_h2_d_b2 = deriv_sigmoid(sum_h2);
    const double learn_rate = 1;
    return {learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1, learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2,
            learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3, learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4,
            learn_rate * d_L_d_ypred * d_ypred_d_w5,             learn_rate * d_L_d_ypred * d_ypred_d_w6,
            learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1, learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2,
            learn_rate * d_L_d_ypred * d_ypred_d_b3};
}

constexpr bool backprop_equals_notebook(const notebook_network& net, std::array<double, 2> x, double y_true) {
    const auto g = ctnn::gradient(net, x, {y_true});
    const auto n = notebook_gradient(net, x, y_true);
    const auto& h = g.layer<0>();
    const auto& o = g.layer<1>();
    return h.weights[0][0] == n.w1 && h.weights[0][1] == n.w2 && h.weights[1][0] == n.w3 &&
           h.weights[1][1] == n.w4 && o.weights[0][0] == n.w5 && o.weights[0][1] == n.w6 &&
           h.biases[0] == n.b1 && h.biases[1] == n.b2 && o.biases[0] == n.b3;
}

constexpr auto notebook_init = ctnn::random_network<notebook_network>(0);
static_assert(backprop_equals_notebook(notebook_init, {-2, -1}, 1));
static_assert(backprop_equals_notebook(notebook_init, {25, 6}, 0));
static_assert(backprop_equals_notebook(ctnn::random_network<notebook_network>(42), {17, 4}, 0));
static_assert(backprop_equals_notebook(ctnn::random_network<notebook_network>(7), {-15, -6}, 1));

// ---- Any network: central differences ---------------------------------------

// The per-sample loss backprop differentiates: the mean of Loss::term over
// outputs, or for categorical cross-entropy minus their sum.
template <class Loss, class Network>
constexpr double sample_loss(const Network& net, const typename Network::input_type& x,
                             const std::array<double, Network::outputs>& y) {
    const auto prediction = net.forward(x);
    double sum = 0;
    for (std::size_t o = 0; o < Network::outputs; ++o) sum += Loss::term(y[o], prediction[o]);
    if constexpr (ctnn::bits::sums_over_outputs<Loss>()) return -sum;
    return sum / static_cast<double>(Network::outputs);
}

// The largest |backprop - (L(p + h) - L(p - h)) / 2h| / max(|backprop|, 1e-3)
// over every weight and bias p, with h = 1e-6.
template <class Loss, class Network>
constexpr double worst_relative_gradient_error(const Network& net, const typename Network::input_type& x,
                                               const std::array<double, Network::outputs>& y) {
    constexpr double h = 1e-6;
    const Network analytic = ctnn::gradient<Loss>(net, x, y);
    double worst = 0;
    const auto check = [&](double backprop, auto nudge) {
        Network up = net, down = net;
        nudge(up, h);
        nudge(down, -h);
        const double numeric = (sample_loss<Loss>(up, x, y) - sample_loss<Loss>(down, x, y)) / (2 * h);
        const double scale = backprop < 0 ? -backprop : backprop;
        const double error = (backprop - numeric < 0 ? numeric - backprop : backprop - numeric) / (scale > 1e-3 ? scale : 1e-3);
        if (error > worst) worst = error;
    };
    hana::for_each(hana::make_range(hana::size_c<0>, hana::size_c<Network::layer_count>), [&](auto l) {
        const auto& layer = analytic.template layer<l>();
        for (std::size_t j = 0; j < layer.outputs; ++j) {
            for (std::size_t i = 0; i < layer.inputs; ++i)
                check(layer.weights[j][i], [&](Network& n, double by) { n.template layer<l>().weights[j][i] += by; });
            check(layer.biases[j], [&](Network& n, double by) { n.template layer<l>().biases[j] += by; });
        }
    });
    return worst;
}

constexpr double tolerance = 1e-6;

using tanh_network = ctnn::network<ctnn::topology<2, 3, 3, 1>, ctnn::tanh_t>;
static_assert(worst_relative_gradient_error<ctnn::mse_t>(ctnn::random_network<tanh_network>(1), {0.5, -1.5}, {0.25}) < tolerance);
static_assert(worst_relative_gradient_error<ctnn::mse_t>(ctnn::random_network<tanh_network>(2), {-2, 1}, {-0.5}) < tolerance);

using mixed_network = ctnn::network<ctnn::topology<3, 4, 2>, ctnn::tanh_t, ctnn::sigmoid_t>;
static_assert(worst_relative_gradient_error<ctnn::mse_t>(ctnn::random_network<mixed_network>(3), {0.1, 0.2, -0.3}, {1, 0}) < tolerance);
static_assert(worst_relative_gradient_error<ctnn::binary_cross_entropy_t>(ctnn::random_network<mixed_network>(4), {1, -1, 0.5}, {0, 1}) < tolerance);

static_assert(worst_relative_gradient_error<ctnn::mse_t>(notebook_init, {-2, -1}, {1}) < tolerance);

// Softmax with categorical cross-entropy: backprop's p - y at the output sums.
using softmax_network = ctnn::network<ctnn::topology<3, 4, 3>, ctnn::tanh_t, ctnn::softmax_t>;
static_assert(worst_relative_gradient_error<ctnn::categorical_cross_entropy_t>(ctnn::random_network<softmax_network>(5),
                                                                               {0.5, -1, 2}, {0, 1, 0}) < tolerance);
static_assert(worst_relative_gradient_error<ctnn::categorical_cross_entropy_t>(ctnn::random_network<softmax_network>(6),
                                                                               {-1, 0.25, 0}, {1, 0, 0}) < tolerance);

}  // namespace

TEST_CASE("gradient checks ran at compile time", "[gradient]") {
    // The static_asserts above are the test; at runtime, check one value too.
    CHECK(worst_relative_gradient_error<ctnn::mse_t>(ctnn::random_network<tanh_network>(1), {0.5, -1.5}, {0.25}) < tolerance);
    CHECK(backprop_equals_notebook(notebook_init, {-2, -1}, 1));
}
