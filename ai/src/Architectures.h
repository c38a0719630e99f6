#pragma once
// Networks RadPath trains, built as TorchScript modules in C++ (torch::jit::Module::define),
// so that the module trained is the module shipped: its parameters are trained directly with
// torch::optim and it is saved as is (never frozen). Every network has
//   forward(x) -> logits
//   forward_features(x) -> (logits, features)   features = the last convolutional maps
// and honours module.train() / module.eval() (batch norm statistics, dropout).
// Weights are initialised from `seed` (Kaiming uniform as torch.nn's default), so the same
// seed gives the same network.

#include <torch/script.h>

#include <cstdint>
#include <string>

namespace radpath::ai {

/// The reference article's SimpleCNN for `inChannels` × size × size images: two blocks of
/// conv 3×3 (padding 1) + batch norm + ReLU + max-pool 2, with `baseFilters` and
/// 2 × baseFilters channels, then global max pooling (a finding anywhere in the image is
/// enough; an average would dilute a small lesion by the image's area), dropout 0.25 and a
/// linear layer to `classes` logits. The article flattens into a fixed-size linear layer
/// instead, which ties the network to one input size. Features are the second block's maps.
torch::jit::Module buildSimpleCnn(int inChannels, int classes, int baseFilters, uint64_t seed);

/// A small 3-D U-Net: encoder of two levels (conv 3×3×3 + batch norm + ReLU, twice, then
/// max-pool 2) with baseFilters and 2 × baseFilters channels, a bottleneck of
/// 4 × baseFilters, and a decoder with transposed convolutions and skip connections, ending
/// in a 1×1×1 convolution to `classes` logits per voxel. Input sides divisible by 4.
/// Features are the bottleneck's maps.
torch::jit::Module buildUnet3d(int inChannels, int classes, int baseFilters, uint64_t seed);

/// Builds by name ("simple-cnn", "unet3d"); throws ModelError for an unknown one.
torch::jit::Module buildArchitecture(const std::string& name, int dims, int inChannels, int classes, int baseFilters,
                                     uint64_t seed);

} // namespace radpath::ai
