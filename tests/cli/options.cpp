// ctnn-train's argument parser, called directly.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "options.hpp"

namespace {

std::variant<ctnn_train::options, ctnn_train::parse_error> parse(std::vector<std::string_view> args) {
    return ctnn_train::parse(args);
}

std::string error_of(std::vector<std::string_view> args) {
    const auto result = parse(std::move(args));
    const auto* error = std::get_if<ctnn_train::parse_error>(&result);
    return error ? error->message : "(no error)";
}

}  // namespace

TEST_CASE("no arguments: the notebook's settings", "[cli]") {
    const auto opts = std::get<ctnn_train::options>(parse({}));
    CHECK(opts.seed == 0);
    CHECK(opts.epochs == 1000);
    CHECK(opts.learn_rate == 0.5);
    CHECK(opts.log_every == 10);
    CHECK_FALSE(opts.help);
}

TEST_CASE("every option, in both spellings", "[cli]") {
    const auto opts = std::get<ctnn_train::options>(
        parse({"--seed", "4294967295", "--epochs=20", "--learn-rate", "0.25", "--log-every=0", "--help"}));
    CHECK(opts.seed == 4294967295u);
    CHECK(opts.epochs == 20);
    CHECK(opts.learn_rate == 0.25);
    CHECK(opts.log_every == 0);
    CHECK(opts.help);
}

TEST_CASE("data and export options", "[cli]") {
    const auto opts = std::get<ctnn_train::options>(parse({"--data", "people.csv", "--export=net.hpp", "--name", "my_net"}));
    CHECK(opts.data_file == "people.csv");
    CHECK(opts.export_file == "net.hpp");
    CHECK(opts.export_name == "my_net");
    CHECK(std::get<ctnn_train::options>(parse({"--export", "net.hpp"})).export_name == "trained_network");
    CHECK(error_of({"--name", "net"}) == "--name goes with --export");
    CHECK(error_of({"--export", "x.hpp", "--name", "my-net"}) ==
          "invalid value 'my-net' for --name: expected a C++ identifier");
    CHECK(error_of({"--data", ""}) == "--data needs a file name");
    CHECK(error_of({"--export", "x.hpp", "--name", "int"}) == "invalid value 'int' for --name: 'int' is a C++ keyword");
    CHECK(error_of({"--export", "x.hpp", "--name=ctnn"}) ==
          "invalid value 'ctnn' for --name: 'ctnn' is already a global name in the exported header");
    CHECK(error_of({"--export", "x.hpp", "--name", "_Net"}) ==
          "invalid value '_Net' for --name: names starting with '_' are reserved at global scope");
    CHECK(error_of({"--export", "x.hpp", "--name", "a__b"}) == "invalid value 'a__b' for --name: names containing '__' are reserved");
}

TEST_CASE("bad arguments name the problem", "[cli]") {
    CHECK(error_of({"--bogus"}) == "unknown option '--bogus' (see --help)");
    CHECK(error_of({"--seed"}) == "--seed needs a value (see --help)");
    CHECK(error_of({"--seed", "4294967296"}) ==
          "invalid value '4294967296' for --seed: expected an integer from 0 to 4294967295");
    CHECK(error_of({"--seed", "-1"}).starts_with("invalid value '-1' for --seed"));
    CHECK(error_of({"--epochs", "-1"}).starts_with("invalid value '-1' for --epochs"));
    CHECK(error_of({"--epochs", "12x"}).starts_with("invalid value '12x' for --epochs"));
    CHECK(error_of({"--epochs", ""}).starts_with("invalid value '' for --epochs"));
    CHECK(error_of({"--learn-rate", "nan"}) ==
          "invalid value 'nan' for --learn-rate: expected a positive finite number");
    CHECK(error_of({"--learn-rate", "inf"}).starts_with("invalid value 'inf' for --learn-rate"));
    CHECK(error_of({"--learn-rate", "0"}).starts_with("invalid value '0' for --learn-rate"));
    CHECK(error_of({"--learn-rate", "-0.5"}).starts_with("invalid value '-0.5' for --learn-rate"));
    CHECK(error_of({"--log-every", "ten"}).starts_with("invalid value 'ten' for --log-every"));
    CHECK(error_of({"--help=yes"}) == "--help takes no value");
}
