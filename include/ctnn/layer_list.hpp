// The layers of a network: a list whose elements have different types,
// written as the classic recursive list of a first element and the list of
// the rest.
//
//   ctnn::layer_list<dense<2, 2>, dense<2, 1>>   holds .first (the hidden layer)
//                                                and .rest.first (the output layer)
//
// Why not a hana::tuple: the forward and backward passes walk this list by
// recursion, handing each step .rest, so a constant evaluator reaches every
// layer through plain member accesses, where hana::at_c costs three calls
// and a path through base classes at every access. GCC trains the notebook
// at compile time in 17% fewer instructions this way, Clang in 5% fewer
// (docs/compile-time.md).
//
// It is a Hana Iterable with a length, so Hana's Iterable and Foldable
// algorithms take it: hana::at_c<1>(net.layers), hana::for_each(net.layers,
// f), hana::fold_left(net.layers, x, f), hana::unpack; hana::equal and ==
// compare two lists. It is not a Hana Sequence (no hana::transform or
// hana::zip): networks do not need them.
#ifndef CTNN_LAYER_LIST_HPP
#define CTNN_LAYER_LIST_HPP

#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/hana/fwd/at.hpp>
#include <boost/hana/fwd/drop_front.hpp>
#include <boost/hana/fwd/equal.hpp>
#include <boost/hana/fwd/is_empty.hpp>
#include <boost/hana/fwd/length.hpp>
#include <boost/hana/integral_constant.hpp>

namespace ctnn {

struct layer_list_tag {};

template <class... Layers>
struct layer_list;

template <>
struct layer_list<> {
    using hana_tag = layer_list_tag;
    static constexpr std::size_t size = 0;
    friend constexpr bool operator==(const layer_list&, const layer_list&) = default;
};

template <class First, class... Rest>
struct layer_list<First, Rest...> {
    using hana_tag = layer_list_tag;
    static constexpr std::size_t size = 1 + sizeof...(Rest);

    First first{};
    [[no_unique_address]] layer_list<Rest...> rest{};  // the empty list at the end takes no room

    constexpr layer_list() = default;
    constexpr explicit layer_list(const First& f, const Rest&... r) : first(f), rest(r...) {}

    friend constexpr bool operator==(const layer_list&, const layer_list&) = default;
};

// ctnn::layer_list(hidden, output) is a layer_list<decltype(hidden), decltype(output)>.
template <class... Layers>
layer_list(const Layers&...) -> layer_list<Layers...>;

namespace bits {
// Element I of a list, with the list's constness and value category.
template <std::size_t I, class List>
constexpr auto&& list_element(List&& list) {
    if constexpr (I == 0) {
        return std::forward<List>(list).first;
    } else {
        return list_element<I - 1>(std::forward<List>(list).rest);
    }
}
}  // namespace bits

}  // namespace ctnn

// Hana's Iterable: at, drop_front and is_empty; with length, Hana also makes
// it Foldable (unpack, for_each, fold_left...); equal compares with ==.
namespace boost::hana {
template <>
struct at_impl<ctnn::layer_list_tag> {
    template <class List, class N>
    static constexpr decltype(auto) apply(List&& list, const N&) {
        return ctnn::bits::list_element<N::value>(std::forward<List>(list));
    }
};

template <>
struct drop_front_impl<ctnn::layer_list_tag> {
    template <class List, class N>
    static constexpr auto apply(List&& list, const N&) {
        if constexpr (N::value == 0 || std::remove_cvref_t<List>::size == 0) {
            return std::remove_cvref_t<List>(std::forward<List>(list));
        } else {
            return apply(std::forward<List>(list).rest, hana::size_c<N::value - 1>);
        }
    }
};

template <>
struct equal_impl<ctnn::layer_list_tag, ctnn::layer_list_tag> {
    template <class List, class Other>
    static constexpr bool apply(const List& list, const Other& other) {
        if constexpr (std::is_same_v<List, Other>) {
            return list == other;
        } else {
            return false;  // lists of different layers
        }
    }
};

template <>
struct is_empty_impl<ctnn::layer_list_tag> {
    template <class List>
    static constexpr auto apply(const List&) {
        return hana::bool_c<List::size == 0>;
    }
};

template <>
struct length_impl<ctnn::layer_list_tag> {
    template <class List>
    static constexpr auto apply(const List&) {
        return hana::size_c<List::size>;
    }
};
}  // namespace boost::hana

#endif
