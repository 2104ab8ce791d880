// Writing a trained network as a C++ header that verifies itself (runtime only).
//
// The header defines the network as a constexpr object, every weight a
// hex-float literal (no bit lost), and static_asserts that it reproduces, at
// compile time, every prediction given to write_header, bit for bit, and its
// parameters' fingerprint. Including it alone compiles; editing any weight
// breaks the build. Nothing from the data (row names) or the caller
// (description) reaches it unescaped, and the output does not depend on the
// locale.
#ifndef CTNN_IO_EXPORT_HPP
#define CTNN_IO_EXPORT_HPP

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <concepts>
#include <cstdio>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

#include <boost/hana/for_each.hpp>

#include <ctnn/activation.hpp>
#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/fingerprint.hpp>
#include <ctnn/network.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn::io {

// A C++ identifier: a letter or underscore, then letters, digits, underscores.
inline bool is_identifier(std::string_view name) {
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (name.empty() || !letter(name.front())) return false;
    for (char c : name)
        if (!letter(c) && !(c >= '0' && c <= '9')) return false;
    return true;
}

// Why `name` cannot name an exported network (a global constexpr object), or
// "" if it can. Beyond being an identifier: not a keyword (C++20, with the
// alternative tokens), not reserved (a leading '_', or '__' anywhere), and not
// a global name the header itself relies on.
inline std::string export_name_problem(std::string_view name) {
    static constexpr std::string_view keywords[] = {
        "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
        "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
        "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
        "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
        "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
        "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
        "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
        "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
        "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq"};
    static constexpr std::string_view taken[] = {"std", "ctnn", "boost", "main"};
    if (!is_identifier(name)) return "expected a C++ identifier";
    std::string quoted = "'";  // appended, not "'" + name: GCC 12 warns about that (-Wrestrict, falsely)
    quoted.append(name) += "'";
    for (std::string_view keyword : keywords)
        if (name == keyword) return quoted + " is a C++ keyword";
    for (std::string_view global : taken)
        if (name == global) return quoted + " is already a global name in the exported header";
    if (name.front() == '_') return "names starting with '_' are reserved at global scope";
    if (name.find("__") != std::string_view::npos) return "names containing '__' are reserved";
    return "";
}

// The exact value as a hex-float literal, e.g. 0x1.c3d5p+0, whatever the
// locale (printf's %a would write 0x1,c3d5p+0 under de_DE).
inline std::string hex_literal(double value) {
    if (!std::isfinite(value)) throw std::domain_error("ctnn::io::hex_literal: a weight or prediction is not finite");
    char digits[32];  // to_chars writes no "0x": "-1.8p+0" for -1.5
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, std::fabs(value), std::chars_format::hex);
    if (ec != std::errc{}) throw std::logic_error("ctnn::io::hex_literal: buffer too small");
    return (std::signbit(value) ? "-0x" : "0x") + std::string(digits, end);
}

// Text from outside (row names, file names) made safe to put in a `//`
// comment: printable ASCII stays, every other byte and every backslash
// becomes \xNN. No newline or carriage return can end the comment early, and
// no backslash can end a line, where it would continue the comment onto the
// next line and hide the check written there.
inline std::string comment_text(std::string_view text) {
    std::string safe;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f && c != '\\') {
            safe += c;
        } else {
            constexpr char hex[] = "0123456789abcdef";
            safe += {'\\', 'x', hex[byte >> 4], hex[byte & 0xf]};
        }
    }
    return safe;
}

// What the exporter needs of a layer's activation beyond ctnn::activation:
// type_name, its C++ name as the exported header writes it. An activation
// defined outside ctnn also names the file that defines it, header (written
// as #include "header"), so that the exported header compiles on its own:
//     static constexpr const char* type_name = "my::leaky_relu_t";
//     static constexpr const char* header = "my/leaky_relu.hpp";
template <class A>
concept exportable_activation = activation<A> && requires {
    { A::type_name } -> std::convertible_to<const char*>;
};

namespace detail {

template <class Activation>
constexpr void check_exportable_activation() {
    static_assert(exportable_activation<Activation>,
                  "ctnn::io::write_header: an activation without type_name cannot be exported: give it "
                  "'static constexpr const char* type_name', its C++ name (and 'header', the file that defines it, "
                  "if ctnn's headers do not)");
}

// The #include line for an activation's header, or "" for ctnn's own.
template <class Activation>
std::string include_line() {
    if constexpr (requires { { Activation::header } -> std::convertible_to<const char*>; }) {
        const std::string_view header = Activation::header;
        const bool printable = std::all_of(header.begin(), header.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
        if (header.empty() || !printable || header.find('"') != std::string_view::npos)
            throw std::invalid_argument("ctnn::io::write_header: the header of activation '" +
                                        comment_text(Activation::type_name) +
                                        "' must be a file name of printable characters without '\"'");
        return "#include \"" + std::string(header) + "\"\n";
    } else {
        return "";
    }
}

template <std::size_t N>
std::string list(const std::array<double, N>& values) {
    std::string text = "{";
    for (std::size_t i = 0; i < N; ++i) text += (i ? ", " : "") + hex_literal(values[i]);
    return text + "}";
}

template <class Layer>
std::string layer_type_name() {
    return "ctnn::dense<" + std::to_string(Layer::inputs) + ", " + std::to_string(Layer::outputs) + ", " +
           Layer::activation_type::type_name + ">";
}

}  // namespace detail

// Writes the header: one static_assert per row of `inputs` (its prediction,
// with its label from `labels` as a comment), then one on the fingerprint.
// `description` becomes its first comment line. Labels and description are
// escaped (comment_text); `name` must pass export_name_problem, else
// std::invalid_argument. The text is built first and written in one go, so
// the stream's locale plays no part.
template <class Network>
void write_header(std::ostream& out, const Network& net, std::string_view name, std::string_view description,
                  std::span<const std::string> labels, std::span<const typename Network::input_type> inputs) {
    if (const std::string problem = export_name_problem(name); !problem.empty())
        throw std::invalid_argument("ctnn::io::write_header: invalid name '" + comment_text(name) + "': " + problem);
    std::string type = "ctnn::basic_network<";
    std::string layers;
    std::string includes =
        "#include <ctnn/activation.hpp>\n#include <ctnn/fingerprint.hpp>\n#include <ctnn/network.hpp>\n";
    bool first = true;
    hana::for_each(net.layers, [&](const auto& layer) {
        using layer_type = std::remove_cvref_t<decltype(layer)>;
        using activation_type = typename layer_type::activation_type;
        detail::check_exportable_activation<activation_type>();
        if constexpr (exportable_activation<activation_type>) {  // else only the message above
            const std::string line = detail::include_line<activation_type>();
            if (includes.find(line) == std::string::npos) includes += line;
            type += (first ? "" : ", ") + detail::layer_type_name<layer_type>();
            layers += first ? "" : ",\n";
            first = false;
            layers += "    " + detail::layer_type_name<layer_type>() + "{\n        {";
            for (std::size_t j = 0; j < layer_type::outputs; ++j)
                layers += (j ? ",\n         " : "") + detail::list(std::to_array(layer.weights[j]));
            layers += "},\n        " + detail::list(std::to_array(layer.biases)) + "}";
        }
    });
    type += ">";

    // The name as it is (identifiers are case-sensitive, macros too), so
    // networks whose names differ only in case get different guards; the name
    // starts with no '_' and has no "__", so neither has the guard.
    const std::string guard = "CTNN_EXPORTED_HPP_" + std::string(name);
    const std::string asserts = std::to_string(inputs.size() + 1);

    std::string text = "// " + comment_text(description) + "\n" +
        "// Generated by ctnn. Do not edit: its " + asserts + " static_asserts recompute, at compile time, the\n" +
        "// prediction printed for each training row, then the weights' fingerprint.\n" +
        "#ifndef " + guard + "\n#define " + guard + "\n\n" +
        includes + "\n" +
        "inline constexpr " + type + " " + std::string(name) + "(\n" + layers + ");\n\n";
    for (std::size_t r = 0; r < inputs.size(); ++r) {
        text += "static_assert(" + std::string(name) + ".forward(" + detail::list(inputs[r]) + ") == std::array<double, " +
                std::to_string(Network::outputs) + ">" + detail::list(net.forward(inputs[r])) + ");";
        if (r < labels.size() && !labels[r].empty()) text += "  // " + comment_text(labels[r]);
        text += "\n";
    }
    char hash[32];
    std::snprintf(hash, sizeof hash, "0x%016llxu", static_cast<unsigned long long>(fingerprint(net)));
    text += "static_assert(ctnn::fingerprint(" + std::string(name) + ") == " + hash + ");\n\n#endif\n";
    out << text;
}

}  // namespace ctnn::io
CTNN_END_SEPARATE_ROUNDING

#endif
