#pragma once
// Networks RadPath trains, built as TorchScript modules in C++ (torch::jit::Module::define),
// so that the module trained is the module shipped: its parameters are trained directly with
// torch::optim and it is saved as is (never frozen). Every network has
//   forward(x) -> logits
//   forward_features(x) -> (logits, features)   features = the last convolutional maps
// and honours module.train() / module.eval() (batch norm statistics, dropout).
// Parameter names are flat (conv1_weight, layer1_0_bn1_bias, ...), so a caller freezes a part
// by name prefix. Weights are initialised from `seed`, so the same seed gives the same network.

#include <torch/script.h>

#include <cstdint>
#include <string>

namespace radpath::ai {

/// The reference article's SimpleCNN for `inChannels` × size × size images: two blocks of
/// conv 3×3 (padding 1) + batch norm + ReLU + max-pool 2, with `baseFilters` and
/// 2 × baseFilters channels, then global max pooling (a finding anywhere in the image is
/// enough; an average would dilute a small lesion by the image's area), dropout and a
/// linear layer to `classes` logits. The article flattens into a fixed-size linear layer
/// instead, which ties the network to one input size. Features are the second block's maps.
/// Without `batchNorm` the network has no bn* parameters or buffers at all; `dropout` 0
/// leaves the dropout out. Initialisation as torch.nn's default (Kaiming uniform).
torch::jit::Module buildSimpleCnn(int inChannels, int classes, int baseFilters, uint64_t seed, bool batchNorm = true,
                                  double dropout = 0.25);

/// torchvision's ResNet-18 or ResNet-34 (`depth`): conv 7×7 stride 2 + batch norm + ReLU +
/// max-pool 3×3 stride 2, four stages of basic blocks ([2, 2, 2, 2] or [3, 4, 6, 3]) with
/// baseFilters, 2×, 4× and 8× baseFilters channels, stride 2 and a 1×1 conv + batch norm
/// shortcut at the first block of stages 2 to 4, global average pooling and a linear layer fc
/// to `classes` logits. baseFilters 64 is torchvision's network, parameter for parameter, in
/// the same order (conv1, bn1, layer1_0_conv1, ..., layer2_0_downsample_conv,
/// layer2_0_downsample_bn, ..., fc). Convolutions have no bias and are initialised as
/// torchvision does (Kaiming normal, fan-out); fc as torch.nn's default. Input sides
/// divisible by 32 keep every stage's maps whole. Features are the last stage's maps.
torch::jit::Module buildResNet(int depth, int inChannels, int classes, int baseFilters, uint64_t seed);

/// A small U-Net: encoder of two levels (conv 3×3 + batch norm + ReLU, twice, then max-pool 2)
/// with baseFilters and 2 × baseFilters channels, a bottleneck of 4 × baseFilters, and a
/// decoder with transposed convolutions and skip connections, ending in a 1×1 convolution
/// `out` to `classes` logits per pixel (2-D) or voxel (3-D). Input sides divisible by 4.
/// Features are the bottleneck's maps. Initialisation as torch.nn's default.
torch::jit::Module buildUnet2d(int inChannels, int classes, int baseFilters, uint64_t seed);
torch::jit::Module buildUnet3d(int inChannels, int classes, int baseFilters, uint64_t seed);

struct ArchitectureOptions {
    int dims = 2; ///< spatial dimensions of the data; must be the network's
    int inChannels = 1;
    int classes = 2;
    int baseFilters = 16;  ///< width of the first convolution layer
    bool batchNorm = true; ///< simple-cnn only
    double dropout = 0.25; ///< simple-cnn only
    uint64_t seed = 0;
};

/// Builds by name: "simple-cnn", "resnet18", "resnet34", "unet2d" (2-D) or "unet3d" (3-D).
/// Throws ModelError for an unknown name or dims that are not the network's.
torch::jit::Module buildArchitecture(const std::string& name, const ArchitectureOptions& options);

/// The prefix of a built network's head: "fc" for the classifiers, "out" for the U-Nets.
/// Throws ModelError for a module that has neither.
std::string headPrefix(const torch::jit::Module& module);

} // namespace radpath::ai
