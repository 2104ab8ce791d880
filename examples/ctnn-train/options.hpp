// Command-line options of ctnn-train. Parsing never exits or prints: it
// returns the options or a one-line message, so tests can drive it directly.
#ifndef CTNN_EXAMPLES_TRAIN_OPTIONS_HPP
#define CTNN_EXAMPLES_TRAIN_OPTIONS_HPP

#include <charconv>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>

#include <ctnn/io/export.hpp>

namespace ctnn_train {

struct options {
    std::uint32_t seed = 0;
    std::size_t epochs = 1000;
    double learn_rate = 0.5;
    std::size_t log_every = 10;
    std::string data_file;    // empty: the notebook's four people
    std::string export_file;  // empty: no export
    std::string export_name = "trained_network";
    bool help = false;
};

inline constexpr std::string_view usage =
    "usage: ctnn-train [--seed N] [--epochs N] [--learn-rate R] [--log-every N]\n"
    "                  [--data FILE.csv] [--export FILE.hpp [--name IDENT]] [--help]\n"
    "\n"
    "Replays the notebook: prints the cells the compiler checked with static_assert,\n"
    "trains the 2-2-1 network on Alice, Bob, Charlie and Diana exactly as numpy does\n"
    "after np.random.seed(N), and prints a prediction for each person.\n"
    "\n"
    "  --seed N         np.random.seed value, 0 to 4294967295 (default 0)\n"
    "  --epochs N       passes over the data (default 1000)\n"
    "  --learn-rate R   SGD learning rate, a positive finite number (default 0.5)\n"
    "  --log-every N    print the loss every N epochs; 0 prints none (default 10)\n"
    "  --data FILE      train on a CSV file instead: a header row, then rows of two\n"
    "                   inputs and a target in [0, 1]; an optional first column 'name'\n"
    "  --export FILE    write the trained network as a C++ header that checks itself\n"
    "  --name IDENT     the exported network's name (default trained_network): a C++\n"
    "                   identifier, not a keyword, std, ctnn, boost or main, with no\n"
    "                   leading '_' and no '__'\n"
    "  --help, -h       print this text\n";

struct parse_error {
    std::string message;
};

namespace detail {

template <class Unsigned>
bool parse_unsigned(std::string_view text, Unsigned max, Unsigned& out) {
    if (text.empty() || text.front() == '-' || text.front() == '+') return false;
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value > max) return false;
    out = static_cast<Unsigned>(value);
    return true;
}

inline bool parse_positive_finite(std::string_view text, double& out) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return false;
    if (!(value > 0) || value > std::numeric_limits<double>::max()) return false;
    out = value;
    return true;
}

}  // namespace detail

// Accepts "--name value" and "--name=value".
inline std::variant<options, parse_error> parse(std::span<const std::string_view> args) {
    options opts;
    bool name_given = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view name = args[i];
        std::string_view value;
        bool has_value = false;
        if (const auto eq = name.find('='); name.starts_with("--") && eq != std::string_view::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            has_value = true;
        }
        if (name == "--help" || name == "-h") {
            if (has_value) return parse_error{"--help takes no value"};
            opts.help = true;
            continue;
        }
        if (name != "--seed" && name != "--epochs" && name != "--learn-rate" && name != "--log-every" &&
            name != "--data" && name != "--export" && name != "--name")
            return parse_error{"unknown option '" + std::string(args[i]) + "' (see --help)"};
        if (!has_value) {
            if (i + 1 == args.size()) return parse_error{std::string(name) + " needs a value (see --help)"};
            value = args[++i];
        }
        const std::string bad = "invalid value '" + std::string(value) + "' for " + std::string(name) + ": ";
        if (name == "--data" || name == "--export") {
            if (value.empty()) return parse_error{std::string(name) + " needs a file name"};
            (name == "--data" ? opts.data_file : opts.export_file) = std::string(value);
        } else if (name == "--name") {
            if (const std::string problem = ctnn::io::export_name_problem(value); !problem.empty())
                return parse_error{bad + problem};
            opts.export_name = std::string(value);
            name_given = true;
        } else if (name == "--seed") {
            if (!detail::parse_unsigned<std::uint32_t>(value, std::numeric_limits<std::uint32_t>::max(), opts.seed))
                return parse_error{bad + "expected an integer from 0 to 4294967295"};
        } else if (name == "--epochs") {
            if (!detail::parse_unsigned<std::size_t>(value, std::size_t{1} << 40, opts.epochs))
                return parse_error{bad + "expected a whole number of epochs"};
        } else if (name == "--log-every") {
            if (!detail::parse_unsigned<std::size_t>(value, std::numeric_limits<std::size_t>::max(), opts.log_every))
                return parse_error{bad + "expected a whole number (0 turns logging off)"};
        } else if (!detail::parse_positive_finite(value, opts.learn_rate)) {
            return parse_error{bad + "expected a positive finite number"};
        }
    }
    if (name_given && opts.export_file.empty()) return parse_error{"--name goes with --export"};
    return opts;
}

}  // namespace ctnn_train

#endif
