#!/usr/bin/python3
"""Runs every ctnn benchmark and writes BUILD/bench/results.json and charts.

    /usr/bin/python3 bench/run.py BUILD_DIR [--smoke] [--publish]

BUILD_DIR is a configured CMake build; results go to BUILD_DIR/bench. The
runtime benchmark (runtime.cpp) is compiled here by each compiler at -O2.
--smoke   runs each measurement once, briefly: checks that everything works,
          its figures mean nothing (CI runs this).
--publish also copies results.json and the charts to docs/bench/ for the README.

Measured, for each compiler (g++, clang++, and clang++-19 when installed):
runtime (Google Benchmark: ctnn vs a hand-written scalar loop with std::exp;
numpy by notebook_numpy.py), the assembly of a compile-time constant
feedforward, and compile time (the metabench method: the same TU with and
without the constant evaluation, in interleaved rounds, CPU seconds; medians
with min-max), with a hand-written constexpr loop of the notebook's training as
the baseline.
"""
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COMPILERS = ["g++", "clang++"] + (["clang++-19"] if shutil.which("clang++-19") else [])
RUNTIME_COMPILERS = ["g++", "clang++"]


def tag_of(cxx):
    return {"g++": "gcc", "clang++": "clang", "clang++-19": "clang19"}[cxx]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def compile_once(cxx, defines, source=None, includes=()):
    """CPU seconds (user + system) and peak MB of compiling compile_time_task.cpp;
    None if it fails.

    CPU time, not elapsed time: on a VM, time the host gives to others
    (steal) counts in the elapsed time of whatever runs then, not in its CPU
    time. -fsyntax-only: constant evaluation is front-end work, and no output
    file is written (a compiler deletes its output file when it fails, which
    must never be /dev/null when running as root)."""
    with tempfile.NamedTemporaryFile() as timing:
        cmd = ["/usr/bin/time", "-f", "%U %S %M", "-o", timing.name, cxx, "-std=c++20",
               "-I" + os.path.join(ROOT, "include"), "-I" + os.path.join(ROOT, "examples"),
               "-fsyntax-only", source or os.path.join(HERE, "compile_time_task.cpp")]
        cmd += ["-I" + i for i in includes]
        cmd += ["-D%s=%s" % kv for kv in defines.items()]
        ok = subprocess.run(cmd, capture_output=True).returncode == 0
        user, system, kb = open(timing.name).read().split()[-3:]
    return (float(user) + float(system), int(kb) / 1024) if ok else None


def compile_or_fail(cxx, defines):
    measured = compile_once(cxx, defines)
    if measured is None:
        raise RuntimeError("%s failed to compile compile_time_task.cpp with %s" % (cxx, defines))
    return measured


def compile_rounds(cxx, tasks, rounds):
    """The extra CPU seconds of each task over the translation unit without
    training (CTNN_TASK=0), measured in interleaved rounds: each round compiles
    the baseline and then every task once, and each task's extra is taken
    against the baseline of its own round, so that a slow spell of the machine
    falls on both. `tasks` maps names to the macros that define them. Returns
    the baseline's seconds (one per round) and peak MB, and for each task its
    extra seconds (one per round) and peak MB."""
    base_times, base_mb = [], 0.0
    extras = {name: [] for name in tasks}
    peak_mb = {name: 0.0 for name in tasks}
    for _ in range(rounds):
        base_seconds, mb = compile_or_fail(cxx, {"CTNN_TASK": 0})
        base_times.append(base_seconds)
        base_mb = max(base_mb, mb)
        for name, defines in tasks.items():
            seconds, mb = compile_or_fail(cxx, defines)
            extras[name].append(seconds - base_seconds)
            peak_mb[name] = max(peak_mb[name], mb)
    return base_times, base_mb, extras, peak_mb


def median_extra(cxx, defines, rounds):
    """The median extra CPU seconds of one task, each compile paired with a
    compile of the baseline (compile_rounds)."""
    return statistics.median(compile_rounds(cxx, {"task": defines}, rounds)[2]["task"])


def digits_header(build):
    """Trains the digits network (examples/digits.cpp) and writes its header
    into BUILD/bench/digits, for the digits check's compile time."""
    out = os.path.join(build, "bench", "digits")
    os.makedirs(out, exist_ok=True)
    binary = os.path.join(out, "digits")
    run(["g++", "-std=c++20", "-O2", "-I" + os.path.join(ROOT, "include"), "-I" + os.path.join(ROOT, "examples"),
         os.path.join(ROOT, "examples", "digits.cpp"), "-o", binary])
    run([binary, os.path.join(out, "digits_network.hpp")])
    return out


def compile_time(results, smoke, digits_dir):
    runs = 1 if smoke else 3
    rounds = 1 if smoke else 9
    epochs_points = [0, 1000] if smoke else [0, 250, 500, 1000, 1500, 2000]
    width_points = [2, 4] if smoke else [2, 4, 8, 16, 32]
    sweeps = {}
    tasks = {name: {"CTNN_TASK": task} for name, task in (("seed_train", 1), ("xor", 2), ("handwritten", 6), ("iris", 7))}
    for cxx in COMPILERS:
        tag = tag_of(cxx)
        base_times, base_mb, extras, peak_mb = compile_rounds(cxx, tasks, rounds)
        results["ct_baseline_s_" + tag] = statistics.median(base_times)
        results["ct_baseline_s_%s_range" % tag] = [min(base_times), max(base_times)]
        results["ct_baseline_peak_mb_" + tag] = base_mb
        # Extra seconds over the TU without training: the median of the rounds,
        # and their min-max.
        for name in tasks:
            results["ct_%s_s_%s" % (name, tag)] = statistics.median(extras[name])
            results["ct_%s_s_%s_range" % (name, tag)] = [min(extras[name]), max(extras[name])]
            results["ct_%s_peak_mb_%s" % (name, tag)] = peak_mb[name]
        # The ratio of the medians, and the min-max of the rounds' own ratios.
        # None when the hand-written loop measured no extra time at all (a
        # single smoke run on g++, which folds exp, once gave 0.00 s).
        handwritten = results["ct_handwritten_s_" + tag]
        results["ct_seed_train_ratio_vs_handwritten_" + tag] = (
            results["ct_seed_train_s_" + tag] / handwritten if handwritten > 0 else None)
        ratios = [n / h for n, h in zip(extras["seed_train"], extras["handwritten"]) if h > 0]
        results["ct_seed_train_ratio_vs_handwritten_%s_range" % tag] = [min(ratios), max(ratios)] if ratios else None
        # The charts' points: each the median of `runs` compiles, each paired
        # with a compile of the baseline.
        sweeps[tag] = {
            "epochs": [(e, median_extra(cxx, {"CTNN_TASK": 3, "CTNN_EPOCHS": e}, runs)) for e in epochs_points],
            "width": [(w, median_extra(cxx, {"CTNN_TASK": 4, "CTNN_WIDTH": w}, runs)) for w in width_points],
        }
        # How far one unchunked constant evaluation reaches at the default limits.
        low, high = 0, 4000
        if smoke:
            low, high = 0, 200  # a single compile at 100 epochs
        while high - low > (100 if smoke else 50):
            mid = (low + high) // 2
            if compile_once(cxx, {"CTNN_TASK": 5, "CTNN_EPOCHS": mid}) is None:
                high = mid
            else:
                low = mid
        results["ct_single_evaluation_max_epochs_" + tag] = low
        # The digits check: the whole translation unit, including the data and
        # the exported network (digits_header() wrote it).
        times = [compile_once(cxx, {}, os.path.join(ROOT, "examples", "digits_check.cpp"), (digits_dir,))
                 for _ in range(runs)]
        if all(times):
            results["ct_digits_check_s_" + tag] = statistics.median(t[0] for t in times)
            results["ct_digits_check_s_%s_range" % tag] = [min(t[0] for t in times), max(t[0] for t in times)]
            results["ct_digits_check_peak_mb_" + tag] = max(t[1] for t in times)
    results["ct_sweeps"] = sweeps


def constant_feedforward(results):
    """The compile-time constant costs nothing: cell6() is a load and a return."""
    for cxx in COMPILERS:
        tag = tag_of(cxx)
        asm = run([cxx, "-std=c++20", "-O2", "-I" + os.path.join(ROOT, "include"), "-S", "-o", "-",
                   os.path.join(HERE, "constant_feedforward.cpp")]).stdout
        body = re.search(r"^_Z5cell6v:[^\n]*\n(.*?)^\s*ret", asm, re.S | re.M)
        instructions = [l.strip() for l in body.group(1).splitlines()
                        if l.strip() and not l.strip().startswith((".", "#"))] if body else None
        results["ff_constant_asm_" + tag] = " ; ".join(instructions) + " ; ret" if body else "not found"
        results["ff_constant_is_a_load_" + tag] = bool(body) and len(instructions) == 1 and "call" not in body.group(1)


def runtime(results, build, smoke):
    """Google Benchmark, 10 repetitions in random order (so that a slow spell
    of the VM falls on ctnn and on what it is compared with alike), for each
    compiler: each figure is the median, with the min-max of the repetitions
    beside it (key + "_range"); keys end in the compiler's tag (_gcc, _clang)."""
    numpy = json.loads(run(["/usr/bin/python3", os.path.join(HERE, "notebook_numpy.py")] +
                           (["--smoke"] if smoke else [])).stdout)
    results.update(numpy)
    for cxx in RUNTIME_COMPILERS:
        tag = tag_of(cxx)
        binary = os.path.join(build, "bench", "bench_runtime_" + tag)
        # As a user builds: -O2 for baseline x86-64, ctnn choosing its kernels at runtime.
        run([cxx, "-std=c++20", "-O2", "-I" + os.path.join(ROOT, "include"), "-I" + os.path.join(ROOT, "examples"),
             "-I" + HERE, os.path.join(HERE, "runtime.cpp"), "-o", binary, "-lbenchmark", "-lpthread"])
        runtime_of(results, binary, tag, smoke)


def runtime_of(results, binary, tag, smoke):
    out = binary + ".json"
    args = [binary, "--benchmark_format=json", "--benchmark_out=" + out]
    args += ["--benchmark_min_time=0.01"] if smoke else [
        "--benchmark_repetitions=10", "--benchmark_enable_random_interleaving=true", "--benchmark_min_time=0.2"]
    run(args)
    data = json.load(open(out))
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    repetitions = {}
    for b in data["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration":
            continue  # aggregates: computed below from the repetitions
        name = b.get("run_name", b["name"]).split("/")[0]
        repetitions.setdefault(name, []).append(b["real_time"] * scale[b["time_unit"]])
    r = {}

    def figure(key, name, factor):
        if name not in repetitions:  # skipped: the hand-written loop with ctnn's exp needs FMA
            return
        values = [v * factor for v in repetitions[name]]
        r[key] = statistics.median(values)
        r[key + "_range"] = [min(values), max(values)]

    for key, name, factor in (
            ("ff_ctnn_ns", "ff_ctnn", 1e9), ("ff_handwritten_ns", "ff_handwritten", 1e9),
            ("ff_handwritten_exp_fma_ns", "ff_handwritten_exp_fma", 1e9),
            ("ff_constant_ns", "ff_constant", 1e9),
            ("sgd_ctnn_s", "sgd_ctnn", 1), ("sgd_handwritten_s", "sgd_handwritten", 1),
            ("sgd_handwritten_exp_fma_s", "sgd_handwritten_exp_fma", 1),
            ("batch_ctnn_s", "batch_ctnn", 1), ("batch_ctnn_loop_s", "batch_ctnn_feedforward_loop", 1),
            ("batch_handwritten_s", "batch_handwritten", 1),
            ("exp_ctnn_ns", "exp_throughput_ctnn", 1e9 / 1024), ("exp_ctnn_fma_ns", "exp_throughput_ctnn_fma", 1e9 / 1024),
            ("exp_ctnn_simd_ns", "exp_throughput_ctnn_simd", 1e9 / 1024),
            ("exp_std_ns", "exp_throughput_std", 1e9 / 1024),
            ("exp_ctnn_rare_ns", "exp_throughput_ctnn_rare", 1e9 / 1024),
            ("exp_latency_ctnn_ns", "exp_latency_ctnn", 1e9), ("exp_latency_ctnn_fma_ns", "exp_latency_ctnn_fma", 1e9),
            ("exp_latency_ctnn_fma_call_ns", "exp_latency_ctnn_fma_call", 1e9),
            ("exp_latency_std_ns", "exp_latency_std", 1e9)):
        figure(key, name, factor)

    r["sgd_ratio_vs_handwritten"] = r["sgd_ctnn_s"] / r["sgd_handwritten_s"]
    r["ff_ratio_vs_handwritten"] = r["ff_ctnn_ns"] / r["ff_handwritten_ns"]
    if "sgd_handwritten_exp_fma_s" in r:  # what is not exp: ctnn against the hand-written loop with ctnn's exp
        r["sgd_ratio_vs_handwritten_exp_fma"] = r["sgd_ctnn_s"] / r["sgd_handwritten_exp_fma_s"]
        r["ff_ratio_vs_handwritten_exp_fma"] = r["ff_ctnn_ns"] / r["ff_handwritten_exp_fma_ns"]
    r["sgd_speedup_vs_numpy"] = results["sgd_numpy_s"] / r["sgd_ctnn_s"]
    r["batch_speedup_vs_numpy"] = results["batch_numpy_s"] / r["batch_ctnn_s"]
    r["batch_ratio_vs_handwritten"] = r["batch_ctnn_s"] / r["batch_handwritten_s"]
    r["exp_ratio_vs_std"] = r["exp_ctnn_ns"] / r["exp_std_ns"]
    r["exp_fma_ratio_vs_std"] = r["exp_ctnn_fma_ns"] / r["exp_std_ns"]
    r["exp_simd_speedup_vs_std"] = r["exp_std_ns"] / r["exp_ctnn_simd_ns"]
    r["exp_latency_ratio_vs_std"] = r["exp_latency_ctnn_ns"] / r["exp_latency_std_ns"]
    r["exp_fma_latency_ratio_vs_std"] = r["exp_latency_ctnn_fma_ns"] / r["exp_latency_std_ns"]
    if "exp_latency_ctnn_fma_call_ns" in r:
        r["exp_fma_call_latency_ratio_vs_std"] = r["exp_latency_ctnn_fma_call_ns"] / r["exp_latency_std_ns"]
    for key, value in r.items():
        results[key + "_" + tag] = value


def machine(results):
    cpu = "unknown"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    results["date"] = time.strftime("%Y-%m-%d")
    results["machine"] = "%s, %d cores, %s" % (cpu, os.cpu_count(), platform.platform())
    for cxx in COMPILERS:
        results["compiler_" + cxx] = run([cxx, "--version"]).stdout.splitlines()[0]


def charts(results, out_dir):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.2))
    names = ["ctnn", "hand-written C++", "numpy (notebook)"]
    values = [results["sgd_ctnn_s_gcc"], results["sgd_handwritten_s_gcc"], results["sgd_numpy_s"]]
    ax.barh(names, values, color=["#2a6f97", "#7a7a7a", "#c44e52"])
    ax.set_xscale("log")
    ax.set_xlabel("seconds, log scale (lower is better)")
    ax.set_title("SGD, the notebook's task: 1000 epochs x 4 samples (g++ -O2)")
    for i, v in enumerate(values):
        ax.text(v, i, " %.3g s" % v, va="center")
    fig.tight_layout()
    fig.savefig(os.path.join(out_dir, "runtime_sgd.svg"))
    plt.close(fig)

    for key, label, title, filename in (
            ("epochs", "epochs", "Compile-time training: the notebook's 2-2-1 task", "compile_time_epochs.svg"),
            ("width", "hidden width W", "Compile-time training: 2-W-1, 200 epochs", "compile_time_width.svg")):
        fig, ax = plt.subplots(figsize=(7, 3.2))
        for tag, sweep in results["ct_sweeps"].items():
            xs, ys = zip(*sweep[key])
            ax.plot(xs, ys, marker="o", label={"gcc": "g++ 12", "clang": "clang++ 14", "clang19": "clang++ 19"}[tag])
        ax.set_xlabel(label)
        ax.set_ylabel("extra compile time, s")
        ax.set_title(title)
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(os.path.join(out_dir, filename))
        plt.close(fig)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build = os.path.abspath(sys.argv[1])
    smoke = "--smoke" in sys.argv
    out_dir = os.path.join(build, "bench")
    os.makedirs(out_dir, exist_ok=True)
    results = {"smoke": smoke}
    machine(results)
    runtime(results, build, smoke)
    constant_feedforward(results)
    compile_time(results, smoke, digits_header(build))
    json.dump(results, open(os.path.join(out_dir, "results.json"), "w"), indent=1, sort_keys=True)
    charts(results, out_dir)
    print(json.dumps({k: v for k, v in results.items() if k != "ct_sweeps"}, indent=1, sort_keys=True))
    if "--publish" in sys.argv:
        published = os.path.join(ROOT, "docs", "bench")
        os.makedirs(published, exist_ok=True)
        for name in ("results.json", "runtime_sgd.svg", "compile_time_epochs.svg", "compile_time_width.svg"):
            shutil.copy(os.path.join(out_dir, name), published)


if __name__ == "__main__":
    main()
