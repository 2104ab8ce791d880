// ctnn: the "neural network from scratch" notebook as one C++20 template that
// runs at compile time and at runtime, bit for bit alike. Umbrella header.
#ifndef CTNN_CTNN_HPP
#define CTNN_CTNN_HPP

#include <ctnn/math.hpp>
#include <ctnn/activation.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/topology.hpp>
#include <ctnn/layer.hpp>
#include <ctnn/layer_list.hpp>
#include <ctnn/neuron.hpp>
#include <ctnn/network.hpp>
#include <ctnn/random.hpp>
#include <ctnn/init.hpp>
#include <ctnn/train.hpp>
#include <ctnn/trained.hpp>
#include <ctnn/fingerprint.hpp>
#include <ctnn/accuracy.hpp>

#endif
