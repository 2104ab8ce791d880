// Runtime benchmarks (Google Benchmark): ctnn against the hand-written scalar
// loop with std::exp, on the notebook's network. numpy is timed by numpy.py.
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include <benchmark/benchmark.h>

#include <ctnn/ctnn.hpp>
#include <ctnn/predict.hpp>  // not in the umbrella header: it brings <immintrin.h>

#include "handwritten.hpp"
#include "notebook_tasks.hpp"

namespace {

using ctnn_examples::notebook_task;
using notebook_network = notebook_task::network;

const notebook_network initial = ctnn::random_network<notebook_network>(0);

handwritten::network handwritten_initial() {
    const auto& h = initial.layer<0>();
    const auto& o = initial.layer<1>();
    return {h.weights[0][0], h.weights[0][1], h.weights[1][0], h.weights[1][1], o.weights[0][0], o.weights[0][1],
            h.biases[0],     h.biases[1],     o.biases[0]};
}

// ---- 1. feedforward -------------------------------------------------------

constexpr auto cell6_network = [] {
    using zero_one = ctnn::neuron<ctnn::weights<0, 1>, ctnn::bias<0>>;
    return ctnn::make_network(ctnn::layer_of<zero_one, 2>(), ctnn::layer_of<zero_one, 1>());
}();

void ff_constant(benchmark::State& state) {  // computed by the compiler: a load
    for (auto _ : state) {
        constexpr double y = cell6_network.feedforward({2, 3});
        benchmark::DoNotOptimize(y);
    }
}
BENCHMARK(ff_constant);

void ff_ctnn(benchmark::State& state) {
    std::array<double, 2> x{2, 3};
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        benchmark::DoNotOptimize(initial.feedforward(x));
    }
}
BENCHMARK(ff_ctnn);

void ff_handwritten(benchmark::State& state) {
    const auto net = handwritten_initial();
    std::array<double, 2> x{2, 3};
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        benchmark::DoNotOptimize(net.feedforward(x));
    }
}
BENCHMARK(ff_handwritten);

// The hand-written network with ctnn's exp as ctnn's FMA kernels call it
// (fma_math::exp, out of line): how much of ctnn's gap to the hand-written
// loop is exp itself, and how much the rest of the code.
bool skipped_without_fma(benchmark::State& state) {
    if (ctnn::bits::fastest_math() != ctnn::bits::math_kind::portable) return false;
    state.SkipWithError("no FMA kernels: this CPU has no FMA, or CTNN_MATH=portable");
    return true;
}

void ff_handwritten_exp_fma(benchmark::State& state) {
    if (skipped_without_fma(state)) return;
    const auto net = handwritten_initial();
    std::array<double, 2> x{2, 3};
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        benchmark::DoNotOptimize(net.feedforward<ctnn::bits::fma_math::exp>(x));
    }
}
BENCHMARK(ff_handwritten_exp_fma);

// ---- 2. SGD: the notebook's 1000 epochs on 4 samples ------------------------

void sgd_ctnn(benchmark::State& state) {
    for (auto _ : state) {
        auto start = initial;
        benchmark::DoNotOptimize(start);
        auto trained = ctnn::train(start, notebook_task::inputs, notebook_task::targets, notebook_task::options);
        benchmark::DoNotOptimize(trained);
    }
}
BENCHMARK(sgd_ctnn)->Unit(benchmark::kMicrosecond);

void sgd_handwritten(benchmark::State& state) {
    for (auto _ : state) {
        auto net = handwritten_initial();
        benchmark::DoNotOptimize(net);
        net.train(notebook_task::inputs, notebook_task::targets, 0.5, 1000);
        benchmark::DoNotOptimize(net);
    }
}
BENCHMARK(sgd_handwritten)->Unit(benchmark::kMicrosecond);

void sgd_handwritten_exp_fma(benchmark::State& state) {  // with ctnn's exp, as above
    if (skipped_without_fma(state)) return;
    for (auto _ : state) {
        auto net = handwritten_initial();
        benchmark::DoNotOptimize(net);
        net.train<ctnn::bits::fma_math::exp>(notebook_task::inputs, notebook_task::targets, 0.5, 1000);
        benchmark::DoNotOptimize(net);
    }
}
BENCHMARK(sgd_handwritten_exp_fma)->Unit(benchmark::kMicrosecond);

// ---- 3. batch inference: 1,000,000 samples --------------------------------
// The same weights (numpy's seed-0 initial network) and the same inputs as
// bench/notebook_numpy.py: rows (10 z0, 3 z1) of numpy's legacy normal draws
// with seed 1, the spread of the notebook's shifted weights and heights.

std::vector<std::array<double, 2>> batch_inputs() {
    std::vector<std::array<double, 2>> inputs(1'000'000);
    ctnn::numpy_random rng(1);
    for (auto& x : inputs) {
        const double weight = rng.normal() * 10;
        x = {weight, rng.normal() * 3};
    }
    return inputs;
}

void batch_ctnn(benchmark::State& state) {  // ctnn::predict
    const auto inputs = batch_inputs();
    std::vector<double> outputs(inputs.size());
    for (auto _ : state) {
        ctnn::predict(initial, inputs, outputs);
        benchmark::DoNotOptimize(outputs.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(batch_ctnn)->Unit(benchmark::kMillisecond);

void batch_ctnn_feedforward_loop(benchmark::State& state) {  // a loop of single feedforward calls
    const auto inputs = batch_inputs();
    std::vector<double> outputs(inputs.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < inputs.size(); ++i) outputs[i] = initial.feedforward(inputs[i]);
        benchmark::DoNotOptimize(outputs.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(batch_ctnn_feedforward_loop)->Unit(benchmark::kMillisecond);

void batch_handwritten(benchmark::State& state) {
    const auto inputs = batch_inputs();
    std::vector<double> outputs(inputs.size());
    const auto net = handwritten_initial();
    for (auto _ : state) {
        for (std::size_t i = 0; i < inputs.size(); ++i) outputs[i] = net.feedforward(inputs[i]);
        benchmark::DoNotOptimize(outputs.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(batch_handwritten)->Unit(benchmark::kMillisecond);

// ---- 4. exp itself ----------------------------------------------------------

// Latency: each call's argument depends on the previous result.
template <double (*Exp)(double)>
void exp_latency(benchmark::State& state) {
    double x = -1.5;
    for (auto _ : state) {
        x = Exp(x) * 1e-300 - 1.5;  // back to -1.5 (+ a dependency on the result)
        benchmark::DoNotOptimize(x);
    }
}

// Throughput: 1024 independent calls per iteration.
template <double (*Exp)(double)>
void exp_throughput(benchmark::State& state) {
    std::vector<double> args(1024), out(1024);
    for (std::size_t i = 0; i < args.size(); ++i) args[i] = -20.0 + 40.0 * static_cast<double>(i) / 1024.0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < args.size(); ++i) out[i] = Exp(args[i]);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 1024);
}

double ctnn_exp(double x) { return ctnn::exp(x); }
double std_exp(double x) { return std::exp(x); }
// exp's rare path on its own (the fast paths leave it 1 call in about 1.45 million, docs/math.md).
double ctnn_exp_rare(double x) { return ctnn::bits::exp_rare(x); }

// exp_fma inlined into a loop compiled for the FMA target.
[[gnu::target("fma"), gnu::flatten]] void exp_fma_latency(benchmark::State& state) {
    double x = -1.5;
    for (auto _ : state) {
        x = ctnn::bits::exp_fma(x) * 1e-300 - 1.5;
        benchmark::DoNotOptimize(x);
    }
}
[[gnu::target("fma"), gnu::flatten]] void exp_fma_throughput(benchmark::State& state) {
    std::vector<double> args(1024), out(1024);
    for (std::size_t i = 0; i < args.size(); ++i) args[i] = -20.0 + 40.0 * static_cast<double>(i) / 1024.0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < args.size(); ++i) out[i] = ctnn::bits::exp_fma(args[i]);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 1024);
}

#if defined(CTNN_HAS_SIMD_KERNEL)
// exp as ctnn::predict's four-rows kernel runs it (AVX2 + FMA).
[[gnu::target("avx2,fma"), gnu::flatten]] void exp_simd_throughput(benchmark::State& state) {
    std::vector<double> args(1024), out(1024);
    for (std::size_t i = 0; i < args.size(); ++i) args[i] = -20.0 + 40.0 * static_cast<double>(i) / 1024.0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < args.size(); i += 4) {
            const ctnn::bits::simd::f64x4 x{args[i], args[i + 1], args[i + 2], args[i + 3]};
            const ctnn::bits::simd::f64x4 y = ctnn::bits::simd::exp4(x);
            for (std::size_t lane = 0; lane < 4; ++lane) out[i + lane] = y[lane];
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 1024);
}
BENCHMARK(exp_simd_throughput)->Name("exp_throughput_ctnn_simd");
#endif

// exp as ctnn's FMA kernels call it: fma_math::exp, out of line (math.hpp says why).
void exp_fma_call_latency(benchmark::State& state) {
    if (skipped_without_fma(state)) return;
    exp_latency<ctnn::bits::fma_math::exp>(state);
}

BENCHMARK(exp_latency<ctnn_exp>)->Name("exp_latency_ctnn");
BENCHMARK(exp_fma_latency)->Name("exp_latency_ctnn_fma");
BENCHMARK(exp_fma_call_latency)->Name("exp_latency_ctnn_fma_call");
BENCHMARK(exp_latency<std_exp>)->Name("exp_latency_std");
BENCHMARK(exp_throughput<ctnn_exp>)->Name("exp_throughput_ctnn");
BENCHMARK(exp_fma_throughput)->Name("exp_throughput_ctnn_fma");
BENCHMARK(exp_throughput<std_exp>)->Name("exp_throughput_std");
BENCHMARK(exp_throughput<ctnn_exp_rare>)->Name("exp_throughput_ctnn_rare");

}  // namespace

BENCHMARK_MAIN();
