// The networks RadPath trains, written as TorchScript source over flat parameters. Flat
// names (conv1_weight, bn1_running_mean, ...) keep every network one TorchScript class, so a
// saved package holds no nested types that could clash by name.

#include "Architectures.h"

#include "radpath/ai/ModelError.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <cmath>
#include <string>
#include <vector>

namespace radpath::ai {
namespace {

// Registers layers' tensors on a module, drawing initial weights from one seeded generator
// in registration order.
class LayerBuilder {
public:
    LayerBuilder(torch::jit::Module& module, uint64_t seed)
        : m_module(module), m_generator(at::make_generator<at::CPUGeneratorImpl>(seed))
    {
        // jit::Module::train() sets this attribute; the scripted code reads it as self.training.
        m_module.register_attribute("training", c10::BoolType::get(), true);
    }

    /// nn.ConvNd: weight [out, in, k...], bias [out].
    void conv(const std::string& name, int64_t in, int64_t out, int64_t kernel, int dims)
    {
        std::vector<int64_t> shape{out, in};
        shape.insert(shape.end(), size_t(dims), kernel);
        const int64_t fanIn = in * int64_t(std::pow(kernel, dims));
        parameter(name + "_weight", shape, fanIn);
        parameter(name + "_bias", {out}, fanIn);
    }

    /// nn.ConvTransposeNd: weight [in, out, k...]; torch.nn takes fan-in from dimension 1.
    void convTranspose(const std::string& name, int64_t in, int64_t out, int64_t kernel, int dims)
    {
        std::vector<int64_t> shape{in, out};
        shape.insert(shape.end(), size_t(dims), kernel);
        const int64_t fanIn = out * int64_t(std::pow(kernel, dims));
        parameter(name + "_weight", shape, fanIn);
        parameter(name + "_bias", {out}, fanIn);
    }

    void linear(const std::string& name, int64_t in, int64_t out)
    {
        parameter(name + "_weight", {out, in}, in);
        parameter(name + "_bias", {out}, in);
    }

    /// nn.BatchNormNd: affine weight 1, bias 0; running statistics as buffers.
    void batchNorm(const std::string& name, int64_t channels)
    {
        m_module.register_parameter(name + "_weight", torch::ones({channels}).requires_grad_(), false);
        m_module.register_parameter(name + "_bias", torch::zeros({channels}).requires_grad_(), false);
        m_module.register_buffer(name + "_running_mean", torch::zeros({channels}));
        m_module.register_buffer(name + "_running_var", torch::ones({channels}));
    }

private:
    // torch.nn's default: kaiming_uniform_(a=sqrt(5)) for weights and U(±1/sqrt(fan_in)) for
    // biases, which come to the same bound 1/sqrt(fan_in).
    void parameter(const std::string& name, const std::vector<int64_t>& shape, int64_t fanIn)
    {
        const double bound = 1.0 / std::sqrt(double(fanIn));
        torch::Tensor value = torch::empty(shape).uniform_(-bound, bound, m_generator);
        m_module.register_parameter(name, value.requires_grad_(), false);
    }

    torch::jit::Module& m_module;
    at::Generator m_generator;
};

constexpr const char* kSimpleCnnSource = R"(
def forward_features(self, x) -> Tuple[Tensor, Tensor]:
    x = torch.conv2d(x, self.conv1_weight, self.conv1_bias, [1, 1], [1, 1])
    x = torch.batch_norm(x, self.bn1_weight, self.bn1_bias, self.bn1_running_mean, self.bn1_running_var,
                         self.training, 0.1, 1e-5, False)
    x = torch.max_pool2d(torch.relu(x), [2, 2])
    x = torch.conv2d(x, self.conv2_weight, self.conv2_bias, [1, 1], [1, 1])
    x = torch.batch_norm(x, self.bn2_weight, self.bn2_bias, self.bn2_running_mean, self.bn2_running_var,
                         self.training, 0.1, 1e-5, False)
    features = torch.relu(x)
    pooled = torch.amax(features, [2, 3])
    pooled = torch.dropout(pooled, 0.25, self.training)
    logits = torch.addmm(self.fc_bias, pooled, self.fc_weight.t())
    return logits, features

def forward(self, x):
    return self.forward_features(x)[0]
)";

// conv 3×3×3 + batch norm + ReLU with the parameters of one U-Net block.
constexpr const char* kUnetBlockSource = R"(
def block(self, x, weight, bias, bn_weight, bn_bias, running_mean, running_var):
    x = torch.conv3d(x, weight, bias, [1, 1, 1], [1, 1, 1])
    x = torch.batch_norm(x, bn_weight, bn_bias, running_mean, running_var, self.training, 0.1, 1e-5, False)
    return torch.relu(x)
)";

// One line of forward_features: `out = self.block(in, <the block's six tensors>)`.
std::string blockLine(const std::string& out, const std::string& in, const std::string& name)
{
    std::string line = "    " + out + " = self.block(" + in;
    for (const char* suffix :
         {"_conv_weight", "_conv_bias", "_bn_weight", "_bn_bias", "_bn_running_mean", "_bn_running_var"})
        line += ", self." + name + suffix;
    return line + ")\n";
}

std::string unetForwardFeatures()
{
    return "def forward_features(self, x) -> Tuple[Tensor, Tensor]:\n" + blockLine("x", "x", "enc1a") +
           blockLine("skip1", "x", "enc1b") + blockLine("x", "torch.max_pool3d(skip1, [2, 2, 2])", "enc2a") +
           blockLine("skip2", "x", "enc2b") + blockLine("x", "torch.max_pool3d(skip2, [2, 2, 2])", "mida") +
           blockLine("features", "x", "midb") +
           "    x = torch.conv_transpose3d(features, self.up2_weight, self.up2_bias, [2, 2, 2])\n" +
           blockLine("x", "torch.cat([x, skip2], 1)", "dec2a") + blockLine("x", "x", "dec2b") +
           "    x = torch.conv_transpose3d(x, self.up1_weight, self.up1_bias, [2, 2, 2])\n" +
           blockLine("x", "torch.cat([x, skip1], 1)", "dec1a") + blockLine("x", "x", "dec1b") +
           "    logits = torch.conv3d(x, self.out_weight, self.out_bias)\n"
           "    return logits, features\n"
           "\n"
           "def forward(self, x):\n"
           "    return self.forward_features(x)[0]\n";
}

void checkWidths(int inChannels, int classes, int baseFilters, const char* name)
{
    if (inChannels < 1 || classes < 1 || baseFilters < 1)
        throw ModelError(std::string(name) + ": channels, classes and base filters must be positive");
}

} // namespace

torch::jit::Module buildSimpleCnn(int inChannels, int classes, int baseFilters, uint64_t seed)
{
    checkWidths(inChannels, classes, baseFilters, "simple-cnn");
    torch::jit::Module module("SimpleCnn");
    LayerBuilder layers(module, seed);
    layers.conv("conv1", inChannels, baseFilters, 3, 2);
    layers.batchNorm("bn1", baseFilters);
    layers.conv("conv2", baseFilters, 2 * baseFilters, 3, 2);
    layers.batchNorm("bn2", 2 * baseFilters);
    layers.linear("fc", 2 * baseFilters, classes);
    module.define(kSimpleCnnSource);
    return module;
}

torch::jit::Module buildUnet3d(int inChannels, int classes, int baseFilters, uint64_t seed)
{
    checkWidths(inChannels, classes, baseFilters, "unet3d");
    const int64_t f = baseFilters;
    torch::jit::Module module("Unet3d");
    LayerBuilder layers(module, seed);
    const auto block = [&layers](const std::string& name, int64_t in, int64_t out) {
        layers.conv(name + "_conv", in, out, 3, 3);
        layers.batchNorm(name + "_bn", out);
    };
    block("enc1a", inChannels, f);
    block("enc1b", f, f);
    block("enc2a", f, 2 * f);
    block("enc2b", 2 * f, 2 * f);
    block("mida", 2 * f, 4 * f);
    block("midb", 4 * f, 4 * f);
    layers.convTranspose("up2", 4 * f, 2 * f, 2, 3);
    block("dec2a", 4 * f, 2 * f);
    block("dec2b", 2 * f, 2 * f);
    layers.convTranspose("up1", 2 * f, f, 2, 3);
    block("dec1a", 2 * f, f);
    block("dec1b", f, f);
    layers.conv("out", f, classes, 1, 3);
    module.define(std::string(kUnetBlockSource) + unetForwardFeatures());
    return module;
}

torch::jit::Module buildArchitecture(const std::string& name, int dims, int inChannels, int classes, int baseFilters,
                                     uint64_t seed)
{
    const auto requireDims = [&](int wanted) {
        if (dims != wanted)
            throw ModelError(name + " is a " + std::to_string(wanted) + "-D network; the manifest has dims " +
                             std::to_string(dims));
    };
    if (name == "simple-cnn") {
        requireDims(2);
        return buildSimpleCnn(inChannels, classes, baseFilters, seed);
    }
    if (name == "unet3d") {
        requireDims(3);
        return buildUnet3d(inChannels, classes, baseFilters, seed);
    }
    throw ModelError("unknown architecture \"" + name + "\" (known: simple-cnn, unet3d)");
}

} // namespace radpath::ai
