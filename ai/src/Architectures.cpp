// The networks RadPath trains, written as TorchScript source over flat parameters. Flat
// names (conv1_weight, bn1_running_mean, ...) keep every network one TorchScript class, so a
// saved package holds no nested types that could clash by name. Sources that vary with the
// network's options or depth are generated here line by line.

#include "Architectures.h"

#include "radpath/ai/ModelError.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <array>
#include <charconv>
#include <cmath>
#include <functional>
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
        const int64_t fanIn = in * int64_t(std::pow(kernel, dims));
        parameter(name + "_weight", kernelShape(out, in, kernel, dims), fanIn);
        parameter(name + "_bias", {out}, fanIn);
    }

    /// nn.Conv2d(bias=False) as torchvision's ResNet initialises it:
    /// kaiming_normal_(mode="fan_out", nonlinearity="relu"), σ = sqrt(2 / fan_out).
    void convFanOut(const std::string& name, int64_t in, int64_t out, int64_t kernel)
    {
        const double deviation = std::sqrt(2.0 / double(out * kernel * kernel));
        torch::Tensor value = torch::empty(kernelShape(out, in, kernel, 2)).normal_(0.0, deviation, m_generator);
        m_module.register_parameter(name + "_weight", value.requires_grad_(), false);
    }

    /// nn.ConvTransposeNd: weight [in, out, k...]; torch.nn takes fan-in from dimension 1.
    void convTranspose(const std::string& name, int64_t in, int64_t out, int64_t kernel, int dims)
    {
        const int64_t fanIn = out * int64_t(std::pow(kernel, dims));
        parameter(name + "_weight", kernelShape(in, out, kernel, dims), fanIn);
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
    static std::vector<int64_t> kernelShape(int64_t first, int64_t second, int64_t kernel, int dims)
    {
        std::vector<int64_t> shape{first, second};
        shape.insert(shape.end(), size_t(dims), kernel);
        return shape;
    }

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

constexpr const char* kForwardSource = R"(
def forward(self, x):
    return self.forward_features(x)[0]
)";

// The classifiers' head: `pooled` [B, C] to `logits` [B, classes].
constexpr const char* kLinearHeadLine = "    logits = torch.addmm(self.fc_bias, pooled, self.fc_weight.t())\n";

// `torch.batch_norm(x, ...)` over the flat tensors `<bn>_weight`, `<bn>_bias`,
// `<bn>_running_mean` and `<bn>_running_var`, with nn.BatchNorm's momentum and eps.
std::string batchNormCall(const std::string& x, const std::string& bn)
{
    const std::string self = "self." + bn;
    return "torch.batch_norm(" + x + ", " + self + "_weight, " + self + "_bias, " + self + "_running_mean, " + self +
           "_running_var, self.training, 0.1, 1e-5, False)";
}

// A TorchScript list literal of `dims` copies of `value`: [2, 2] or [2, 2, 2].
std::string repeated(int value, int dims)
{
    std::string list = "[" + std::to_string(value);
    for (int i = 1; i < dims; ++i)
        list += ", " + std::to_string(value);
    return list + "]";
}

// The shortest text that reads back as `value`.
std::string shortest(double value)
{
    std::array<char, 32> text{};
    return std::string(text.data(), std::to_chars(text.data(), text.data() + text.size(), value).ptr);
}

// A TorchScript float literal: the shortest text, with a point or an exponent.
std::string floatLiteral(double value)
{
    const std::string text = shortest(value);
    return text.find_first_of(".e") == std::string::npos ? text + ".0" : text;
}

void checkWidths(int inChannels, int classes, int baseFilters, const std::string& name)
{
    if (inChannels < 1 || classes < 1 || baseFilters < 1)
        throw ModelError(name + ": channels, classes and base filters must be positive");
}

// --- SimpleCNN ---

std::string simpleCnnSource(bool batchNorm, double dropout)
{
    const auto normalised = [batchNorm](const std::string& bn) {
        return batchNorm ? "    x = " + batchNormCall("x", bn) + "\n" : std::string();
    };
    std::string source = "def forward_features(self, x) -> Tuple[Tensor, Tensor]:\n";
    source += "    x = torch.conv2d(x, self.conv1_weight, self.conv1_bias, [1, 1], [1, 1])\n";
    source += normalised("bn1");
    source += "    x = torch.max_pool2d(torch.relu(x), [2, 2])\n";
    source += "    x = torch.conv2d(x, self.conv2_weight, self.conv2_bias, [1, 1], [1, 1])\n";
    source += normalised("bn2");
    source += "    features = torch.relu(x)\n";
    source += "    pooled = torch.amax(features, [2, 3])\n";
    if (dropout > 0.0)
        source += "    pooled = torch.dropout(pooled, " + floatLiteral(dropout) + ", self.training)\n";
    source += kLinearHeadLine;
    source += "    return logits, features\n";
    return source + kForwardSource;
}

// --- ResNet ---

// conv 2-D without bias + batch norm over the flat tensors `<conv>_weight` and `<bn>_*`.
std::string convBnCall(const std::string& x, const std::string& conv, const std::string& bn, int stride, int padding)
{
    const std::string convolved = "torch.conv2d(" + x + ", self." + conv + "_weight, None, " + repeated(stride, 2) +
                                  ", " + repeated(padding, 2) + ")";
    return batchNormCall(convolved, bn);
}

// torchvision's BasicBlock `name` (layer2_0, ...): its layers on `layers`, its lines, from x
// to x, on `source`.
void basicBlock(LayerBuilder& layers, std::string& source, const std::string& name, int64_t in, int64_t out, int stride)
{
    layers.convFanOut(name + "_conv1", in, out, 3);
    layers.batchNorm(name + "_bn1", out);
    layers.convFanOut(name + "_conv2", out, out, 3);
    layers.batchNorm(name + "_bn2", out);
    source += "    y = torch.relu(" + convBnCall("x", name + "_conv1", name + "_bn1", stride, 1) + ")\n";
    source += "    y = " + convBnCall("y", name + "_conv2", name + "_bn2", 1, 1) + "\n";
    std::string shortcut = "x";
    if (stride != 1 || in != out) {
        layers.convFanOut(name + "_downsample_conv", in, out, 1);
        layers.batchNorm(name + "_downsample_bn", out);
        shortcut = convBnCall("x", name + "_downsample_conv", name + "_downsample_bn", stride, 0);
    }
    source += "    x = torch.relu(y + " + shortcut + ")\n";
}

// --- U-Net ---

// One line of the U-Net's forward_features: `out = self.block(in, <the block's six tensors>)`.
std::string unetBlockLine(const std::string& out, const std::string& in, const std::string& name)
{
    std::string line = "    " + out + " = self.block(" + in;
    for (const char* suffix :
         {"_conv_weight", "_conv_bias", "_bn_weight", "_bn_bias", "_bn_running_mean", "_bn_running_var"})
        line += ", self." + name + suffix;
    return line + ")\n";
}

// The U-Net's source for 2 or 3 spatial dimensions.
std::string unetSource(int dims)
{
    const std::string d = std::to_string(dims) + "d";
    const std::string ones = repeated(1, dims), twos = repeated(2, dims);
    // block: conv 3×3(×3) + batch norm + ReLU with the parameters of one block.
    std::string source = "def block(self, x, weight, bias, bn_weight, bn_bias, running_mean, running_var):\n";
    source += "    x = torch.conv" + d + "(x, weight, bias, " + ones + ", " + ones + ")\n";
    source += "    x = torch.batch_norm(x, bn_weight, bn_bias, running_mean, running_var, self.training, 0.1, 1e-5, "
              "False)\n";
    source += "    return torch.relu(x)\n\n";

    const std::string pool = "torch.max_pool" + d + "(", up = "torch.conv_transpose" + d + "(";
    source += "def forward_features(self, x) -> Tuple[Tensor, Tensor]:\n";
    source += unetBlockLine("x", "x", "enc1a");
    source += unetBlockLine("skip1", "x", "enc1b");
    source += unetBlockLine("x", pool + "skip1, " + twos + ")", "enc2a");
    source += unetBlockLine("skip2", "x", "enc2b");
    source += unetBlockLine("x", pool + "skip2, " + twos + ")", "mida");
    source += unetBlockLine("features", "x", "midb");
    source += "    x = " + up + "features, self.up2_weight, self.up2_bias, " + twos + ")\n";
    source += unetBlockLine("x", "torch.cat([x, skip2], 1)", "dec2a");
    source += unetBlockLine("x", "x", "dec2b");
    source += "    x = " + up + "x, self.up1_weight, self.up1_bias, " + twos + ")\n";
    source += unetBlockLine("x", "torch.cat([x, skip1], 1)", "dec1a");
    source += unetBlockLine("x", "x", "dec1b");
    source += "    logits = torch.conv" + d + "(x, self.out_weight, self.out_bias)\n";
    source += "    return logits, features\n";
    return source + kForwardSource;
}

torch::jit::Module buildUnet(int dims, int inChannels, int classes, int baseFilters, uint64_t seed)
{
    checkWidths(inChannels, classes, baseFilters, "unet" + std::to_string(dims) + "d");
    const int64_t f = baseFilters;
    torch::jit::Module module("Unet" + std::to_string(dims) + "d");
    LayerBuilder layers(module, seed);
    const auto block = [&layers, dims](const std::string& name, int64_t in, int64_t out) {
        layers.conv(name + "_conv", in, out, 3, dims);
        layers.batchNorm(name + "_bn", out);
    };
    block("enc1a", inChannels, f);
    block("enc1b", f, f);
    block("enc2a", f, 2 * f);
    block("enc2b", 2 * f, 2 * f);
    block("mida", 2 * f, 4 * f);
    block("midb", 4 * f, 4 * f);
    layers.convTranspose("up2", 4 * f, 2 * f, 2, dims);
    block("dec2a", 4 * f, 2 * f);
    block("dec2b", 2 * f, 2 * f);
    layers.convTranspose("up1", 2 * f, f, 2, dims);
    block("dec1a", 2 * f, f);
    block("dec1b", f, f);
    layers.conv("out", f, classes, 1, dims);
    module.define(unetSource(dims));
    return module;
}

} // namespace

torch::jit::Module buildSimpleCnn(int inChannels, int classes, int baseFilters, uint64_t seed, bool batchNorm,
                                  double dropout)
{
    checkWidths(inChannels, classes, baseFilters, "simple-cnn");
    if (!(dropout >= 0.0 && dropout < 1.0))
        throw ModelError("simple-cnn: dropout must be at least 0 and below 1, got " + shortest(dropout));
    torch::jit::Module module("SimpleCnn");
    LayerBuilder layers(module, seed);
    layers.conv("conv1", inChannels, baseFilters, 3, 2);
    if (batchNorm)
        layers.batchNorm("bn1", baseFilters);
    layers.conv("conv2", baseFilters, 2 * baseFilters, 3, 2);
    if (batchNorm)
        layers.batchNorm("bn2", 2 * baseFilters);
    layers.linear("fc", 2 * baseFilters, classes);
    module.define(simpleCnnSource(batchNorm, dropout));
    return module;
}

torch::jit::Module buildResNet(int depth, int inChannels, int classes, int baseFilters, uint64_t seed)
{
    const std::string name = "resnet" + std::to_string(depth);
    if (depth != 18 && depth != 34)
        throw ModelError("resnet: depth must be 18 or 34, got " + std::to_string(depth));
    checkWidths(inChannels, classes, baseFilters, name);
    const std::array<int, 4> blocks = depth == 18 ? std::array{2, 2, 2, 2} : std::array{3, 4, 6, 3};

    torch::jit::Module module("ResNet" + std::to_string(depth));
    LayerBuilder layers(module, seed);
    layers.convFanOut("conv1", inChannels, baseFilters, 7);
    layers.batchNorm("bn1", baseFilters);
    std::string source = "def forward_features(self, x) -> Tuple[Tensor, Tensor]:\n";
    source += "    x = torch.relu(" + convBnCall("x", "conv1", "bn1", 2, 3) + ")\n";
    source += "    x = torch.max_pool2d(x, [3, 3], [2, 2], [1, 1])\n";
    int64_t channels = baseFilters;
    for (size_t stage = 0; stage < blocks.size(); ++stage) {
        const int64_t width = int64_t(baseFilters) << stage;
        for (int block = 0; block < blocks[stage]; ++block) {
            const std::string blockName = "layer" + std::to_string(stage + 1) + "_" + std::to_string(block);
            basicBlock(layers, source, blockName, channels, width, stage > 0 && block == 0 ? 2 : 1);
            channels = width;
        }
    }
    layers.linear("fc", channels, classes);
    source += "    pooled = torch.mean(x, [2, 3])\n";
    source += kLinearHeadLine;
    source += "    return logits, x\n";
    module.define(source + kForwardSource);
    return module;
}

torch::jit::Module buildUnet2d(int inChannels, int classes, int baseFilters, uint64_t seed)
{
    return buildUnet(2, inChannels, classes, baseFilters, seed);
}

torch::jit::Module buildUnet3d(int inChannels, int classes, int baseFilters, uint64_t seed)
{
    return buildUnet(3, inChannels, classes, baseFilters, seed);
}

torch::jit::Module buildArchitecture(const std::string& name, const ArchitectureOptions& options)
{
    using Build = std::function<torch::jit::Module(const ArchitectureOptions&)>;
    struct Network {
        const char* name;
        int dims;
        Build build;
    };
    static const std::array<Network, 5> networks{{
        {"simple-cnn", 2,
         [](const ArchitectureOptions& o) {
             return buildSimpleCnn(o.inChannels, o.classes, o.baseFilters, o.seed, o.batchNorm, o.dropout);
         }},
        {"resnet18", 2,
         [](const ArchitectureOptions& o) { return buildResNet(18, o.inChannels, o.classes, o.baseFilters, o.seed); }},
        {"resnet34", 2,
         [](const ArchitectureOptions& o) { return buildResNet(34, o.inChannels, o.classes, o.baseFilters, o.seed); }},
        {"unet2d", 2,
         [](const ArchitectureOptions& o) { return buildUnet2d(o.inChannels, o.classes, o.baseFilters, o.seed); }},
        {"unet3d", 3,
         [](const ArchitectureOptions& o) { return buildUnet3d(o.inChannels, o.classes, o.baseFilters, o.seed); }},
    }};
    std::string known;
    for (const Network& network : networks) {
        if (network.name == name) {
            if (options.dims != network.dims)
                throw ModelError(name + " is a " + std::to_string(network.dims) + "-D network; the manifest has dims " +
                                 std::to_string(options.dims));
            return network.build(options);
        }
        known += (known.empty() ? "" : ", ") + std::string(network.name);
    }
    throw ModelError("unknown architecture \"" + name + "\" (known: " + known + ")");
}

std::string headPrefix(const torch::jit::Module& module)
{
    for (const char* prefix : {"fc", "out"})
        if (module.hasattr(std::string(prefix) + "_weight"))
            return prefix;
    throw ModelError("the network has no fc or out head");
}

} // namespace radpath::ai
