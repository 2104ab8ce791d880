// ctnn::io's header writer: exact, locale-independent hex floats; names and
// comments that cannot break the generated header.
#include <charconv>
#include <clocale>
#include <cstdio>
#include <limits>
#include <locale>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctnn/ctnn.hpp>
#include <ctnn/io/export.hpp>

#include "leaky_relu.hpp"

namespace {

using notebook_network = ctnn::network<ctnn::topology<2, 2, 1>>;

const std::vector<double> awkward_values{1.5,     -1.5,  0.0, -0.0, 0.1, -1e-300, 1e300,
                                         std::numeric_limits<double>::denorm_min(),
                                         -std::numeric_limits<double>::max(), 0.9752078786915166};

// What C's printf writes for %a in the C locale (glibc's form is C++'s hex-float literal).
std::string printf_hex(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%a", value);
    return buffer;
}

double parse_hex_literal(const std::string& literal) {
    const bool negative = literal.front() == '-';
    const std::string digits = literal.substr(negative ? 3 : 2);  // past "0x" or "-0x"
    double value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, std::chars_format::hex);
    REQUIRE(ec == std::errc{});
    REQUIRE(end == digits.data() + digits.size());
    return negative ? -value : value;
}

std::string exported(const notebook_network& net) {
    const std::vector<std::string> labels{"Alice", "Bob"};
    const std::vector<std::array<double, 2>> inputs{{-2, -1}, {25, 6}};
    std::ostringstream out;  // constructed now: it takes the global C++ locale of the moment
    ctnn::io::write_header(out, net, "net", "a test", labels, inputs);
    return out.str();
}

// The first of these names the system has, else "" (the C library accepts either spelling on glibc).
std::string german_locale() {
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE"})
        if (std::setlocale(LC_ALL, name) != nullptr) {
            std::setlocale(LC_ALL, "C");
            return name;
        }
    return "";
}

}  // namespace

TEST_CASE("hex literals: C++ syntax, sign and 0x in place, exact", "[io][export]") {
    CHECK(ctnn::io::hex_literal(1.5) == "0x1.8p+0");
    CHECK(ctnn::io::hex_literal(-1.5) == "-0x1.8p+0");
    CHECK(ctnn::io::hex_literal(0.0) == "0x0p+0");
    CHECK(ctnn::io::hex_literal(-0.0) == "-0x0p+0");
    CHECK(ctnn::io::hex_literal(std::numeric_limits<double>::denorm_min()) == "0x0.0000000000001p-1022");
    CHECK(ctnn::io::hex_literal(std::numeric_limits<double>::max()) == "0x1.fffffffffffffp+1023");
    for (const double value : awkward_values) {
        INFO(value);
        CHECK(ctnn::io::hex_literal(value) == printf_hex(value));  // the C locale's %a, as before
        const double parsed = parse_hex_literal(ctnn::io::hex_literal(value));
        CHECK(parsed == value);
        CHECK(std::signbit(parsed) == std::signbit(value));
    }
    CHECK_THROWS_AS(ctnn::io::hex_literal(std::numeric_limits<double>::infinity()), std::domain_error);
    CHECK_THROWS_AS(ctnn::io::hex_literal(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
}

TEST_CASE("the header is the same under a German locale (decimal comma)", "[io][export]") {
    const auto net = ctnn::random_network<notebook_network>(0);
    const std::string in_c_locale = exported(net);
    const std::string german = german_locale();
    if (german.empty()) {  // locales-all (or de_DE in /etc/locale.gen) is not installed
        WARN("no de_DE locale on this system: skipped");
        return;
    }
    std::setlocale(LC_ALL, german.c_str());
    std::locale::global(std::locale(german));
    char comma_check[32];
    std::snprintf(comma_check, sizeof comma_check, "%a", 1.5);
    const std::string printf_in_german = comma_check;
    const std::string literal = ctnn::io::hex_literal(1.5);
    const std::string in_german = exported(net);
    std::locale::global(std::locale::classic());
    std::setlocale(LC_ALL, "C");

    CHECK(printf_in_german == "0x1,8p+0");  // the locale is really in effect: %a follows it
    CHECK(literal == "0x1.8p+0");
    CHECK(in_german == in_c_locale);
    CHECK(in_german.find("0x1.c398ef3e5cfa5p+0") != std::string::npos);  // seed 0's first weight, 1.764052345967664
}

TEST_CASE("comment text: printable ASCII stays, backslashes and other bytes become \\xNN", "[io][export]") {
    CHECK(ctnn::io::comment_text("Alice (tests/data/people.csv)") == "Alice (tests/data/people.csv)");
    CHECK(ctnn::io::comment_text("Al\\") == "Al\\x5c");
    CHECK(ctnn::io::comment_text("a\nstatic_assert(false);") == "a\\x0astatic_assert(false);");
    CHECK(ctnn::io::comment_text("a\rb\tc") == "a\\x0db\\x09c");
    CHECK(ctnn::io::comment_text("Zo\xc3\xab") == "Zo\\xc3\\xab");
}

TEST_CASE("export names: identifiers that are not keywords, reserved or taken", "[io][export]") {
    using ctnn::io::export_name_problem;
    CHECK(export_name_problem("people_net") == "");
    CHECK(export_name_problem("Net2") == "");
    CHECK(export_name_problem("net_") == "");
    CHECK(export_name_problem("2net") == "expected a C++ identifier");
    CHECK(export_name_problem("") == "expected a C++ identifier");
    CHECK(export_name_problem("my-net") == "expected a C++ identifier");
    for (const char* keyword : {"int", "class", "constexpr", "co_await", "and", "xor_eq", "char8_t", "requires"})
        CHECK(export_name_problem(keyword) == std::string("'").append(keyword) + "' is a C++ keyword");
    for (const char* taken : {"std", "ctnn", "boost", "main"})
        CHECK(export_name_problem(taken) == std::string("'").append(taken) + "' is already a global name in the exported header");
    CHECK(export_name_problem("_Net") == "names starting with '_' are reserved at global scope");
    CHECK(export_name_problem("_net") == "names starting with '_' are reserved at global scope");
    CHECK(export_name_problem("my__net") == "names containing '__' are reserved");
    CHECK(export_name_problem("net__") == "names containing '__' are reserved");

    const auto net = ctnn::random_network<notebook_network>(0);
    std::ostringstream out;
    CHECK_THROWS_WITH(ctnn::io::write_header(out, net, "int", "", {}, {}),
                      "ctnn::io::write_header: invalid name 'int': 'int' is a C++ keyword");
    CHECK(out.str().empty());
}

TEST_CASE("include guards of names differing only in case differ", "[io][export]") {
    const auto net = ctnn::random_network<notebook_network>(0);
    const auto guard_of = [&](const char* name) {
        std::ostringstream out;
        ctnn::io::write_header(out, net, name, "", {}, {});
        const std::string text = out.str();
        const auto start = text.find("#ifndef ") + 8;
        return text.substr(start, text.find('\n', start) - start);
    };
    CHECK(guard_of("net") == "CTNN_EXPORTED_HPP_net");
    CHECK(guard_of("Net") == "CTNN_EXPORTED_HPP_Net");
    CHECK(guard_of("NET") == "CTNN_EXPORTED_HPP_NET");
}

TEST_CASE("hostile labels cannot hide a check: every static_assert the header claims is on its own line", "[io][export]") {
    const auto net = ctnn::random_network<notebook_network>(0);
    const std::vector<std::string> labels{"Al\\", "B\\ ", "C\rstatic_assert(false);", "D\nstatic_assert(false);"};
    const std::vector<std::array<double, 2>> inputs{{-2, -1}, {25, 6}, {17, 4}, {-15, -6}};
    std::ostringstream out;
    ctnn::io::write_header(out, net, "net", "trained on C:\\data\\\n#error injected\\", labels, inputs);
    const std::string text = out.str();
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::size_t static_asserts = 0;
    for (const std::string& line : lines) {
        INFO(line);
        CHECK_FALSE(line.ends_with('\\'));
        for (const char c : line) CHECK((c >= 0x20 && c < 0x7f));  // no CR, no control byte, ASCII only
        if (line.starts_with("static_assert(")) ++static_asserts;
        CHECK_FALSE(line.starts_with("#error"));
    }
    CHECK(static_asserts == 5);  // four rows and the fingerprint
    CHECK(text.find("its 5 static_asserts") != std::string::npos);
    CHECK(text.starts_with("// trained on C:\\x5cdata\\x5c\\x0a#error injected\\x5c\n"));
    CHECK(text.find(");  // Al\\x5c\n") != std::string::npos);
    CHECK(text.find(");  // C\\x0dstatic_assert(false);\n") != std::string::npos);
}

namespace {
// leaky_relu_t with a header name that would break the #include line.
struct badly_placed_t : ctnn_test::leaky_relu_t {
    static constexpr const char* type_name = "badly_placed_t";
    static constexpr const char* header = "a\"b.hpp";
};
}  // namespace

TEST_CASE("a user-defined activation: its C++ name and its header, included once", "[io][export]") {
    using leaky = ctnn_test::leaky_relu_t;
    STATIC_REQUIRE(ctnn::io::exportable_activation<leaky>);
    STATIC_REQUIRE(ctnn::io::exportable_activation<ctnn::sigmoid_t>);
    const auto net = ctnn::random_network<ctnn::network<ctnn::topology<2, 3, 2, 1>, leaky, leaky, ctnn::sigmoid_t>>(0);
    std::ostringstream out;
    ctnn::io::write_header(out, net, "net", "", {}, {});
    const std::string text = out.str();
    const std::string include = "#include \"leaky_relu.hpp\"\n";
    REQUIRE(text.find(include) != std::string::npos);
    CHECK(text.find(include) == text.rfind(include));  // two layers use it: one #include
    CHECK(text.find("ctnn::dense<2, 3, ctnn_test::leaky_relu_t>") != std::string::npos);
    CHECK(text.find("ctnn::dense<2, 1, ctnn::sigmoid_t>") != std::string::npos);

    const auto bad = ctnn::random_network<ctnn::network<ctnn::topology<2, 2, 1>, badly_placed_t, ctnn::sigmoid_t>>(0);
    std::ostringstream bad_out;
    CHECK_THROWS_WITH(ctnn::io::write_header(bad_out, bad, "net", "", {}, {}),
                      Catch::Contains("the header of activation 'badly_placed_t' must be a file name"));
    CHECK(bad_out.str().empty());
}
