// The trainable networks: output shapes, parameter layout, train/eval behaviour, gradients,
// seeding and serialisation.

#include "Check.h"
#include "TrainingCases.h"

#include "Architectures.h"
#include "ModelPackage.h"

#include <torch/torch.h>

#include <cmath>
#include <sstream>

namespace radpath::ai::test {
namespace {

using Shape = std::vector<int64_t>;

std::pair<torch::Tensor, torch::Tensor> forwardFeatures(torch::jit::Module& module, const torch::Tensor& x)
{
    const auto pair = module.get_method("forward_features")({x}).toTuple();
    return {pair->elements()[0].toTensor(), pair->elements()[1].toTensor()};
}

int64_t parameterCount(const torch::jit::Module& module)
{
    int64_t count = 0;
    for (const torch::Tensor& p : module.parameters())
        count += p.numel();
    return count;
}

bool hasNameContaining(const torch::jit::Module& module, const std::string& part)
{
    for (const auto& p : module.named_parameters())
        if (p.name.find(part) != std::string::npos)
            return true;
    for (const auto& b : module.named_buffers())
        if (b.name.find(part) != std::string::npos)
            return true;
    return false;
}

void simpleCnnShapes()
{
    torch::jit::Module net = buildSimpleCnn(3, 4, 8, 1);
    net.eval();
    const torch::Tensor x = torch::rand({2, 3, 32, 24});
    RADPATH_CHECK(net.forward({x}).toTensor().sizes().vec() == (Shape{2, 4}));
    const auto [logits, features] = forwardFeatures(net, x);
    RADPATH_CHECK(logits.sizes().vec() == (Shape{2, 4}));
    RADPATH_CHECK(features.sizes().vec() == (Shape{2, 16, 16, 12})); // second block, before its pooling
    RADPATH_CHECK(torch::equal(logits, net.forward({x}).toTensor()));
}

// Without batch norm or dropout nothing differs between train and eval mode.
void simpleCnnWithoutBatchNorm()
{
    torch::jit::Module net = buildSimpleCnn(1, 3, 4, 2, /*batchNorm=*/false, /*dropout=*/0.0);
    RADPATH_CHECK(!hasNameContaining(net, "bn"));
    RADPATH_CHECK(net.named_parameters().size() == 6); // conv1, conv2, fc: weight and bias each
    const torch::Tensor x = torch::rand({2, 1, 16, 16});
    const torch::Tensor trained = net.forward({x}).toTensor();
    RADPATH_CHECK(trained.sizes().vec() == (Shape{2, 3}));
    RADPATH_CHECK(torch::equal(trained, net.forward({x}).toTensor()));
    net.eval();
    RADPATH_CHECK(torch::equal(trained, net.forward({x}).toTensor()));

    // Dropout alone: random in train mode, off in eval mode.
    torch::jit::Module dropped = buildSimpleCnn(1, 3, 4, 2, false, 0.5);
    RADPATH_CHECK(torch::equal(dropped.attr("conv1_weight").toTensor(), net.attr("conv1_weight").toTensor()));
    RADPATH_CHECK(!torch::equal(dropped.forward({x}).toTensor(), dropped.forward({x}).toTensor()));
    dropped.eval();
    RADPATH_CHECK(torch::allclose(dropped.forward({x}).toTensor(), trained));
}

void resnetShapes()
{
    torch::jit::Module net = buildResNet(18, 1, 3, 8, 1);
    net.eval();
    const torch::Tensor x = torch::rand({2, 1, 64, 64});
    const auto [logits, features] = forwardFeatures(net, x);
    RADPATH_CHECK(logits.sizes().vec() == (Shape{2, 3}));
    RADPATH_CHECK(features.sizes().vec() == (Shape{2, 64, 2, 2})); // layer4: 8 × 8 channels, 1/32 of the side
    RADPATH_CHECK(torch::equal(logits, net.forward({x}).toTensor()));
    // Global average pooling of the features, then fc.
    const torch::Tensor head =
        torch::addmm(net.attr("fc_bias").toTensor(), features.mean({2, 3}), net.attr("fc_weight").toTensor().t());
    RADPATH_CHECK(torch::allclose(logits, head, 1e-4, 1e-5));

    torch::jit::Module deeper = buildResNet(34, 2, 5, 4, 1);
    deeper.eval();
    const auto [deeperLogits, deeperFeatures] = forwardFeatures(deeper, torch::rand({1, 2, 32, 32}));
    RADPATH_CHECK(deeperLogits.sizes().vec() == (Shape{1, 5}));
    RADPATH_CHECK(deeperFeatures.sizes().vec() == (Shape{1, 32, 1, 1}));
}

// baseFilters 64, three channels and 1000 classes are torchvision's resnet18 and resnet34:
// the same parameter tensors in the same order, the same total, initialised the same way.
void resnetMatchesTorchvision()
{
    const auto names = [](const torch::jit::Module& module) {
        std::vector<std::string> list;
        for (const auto& p : module.named_parameters())
            list.push_back(p.name);
        return list;
    };
    torch::jit::Module net18 = buildResNet(18, 3, 1000, 64, 7);
    RADPATH_CHECK(parameterCount(net18) == 11'689'512);
    const std::vector<std::string> list = names(net18);
    RADPATH_CHECK(list.size() == 62);
    RADPATH_CHECK(list.front() == "conv1_weight" && list[1] == "bn1_weight" && list[2] == "bn1_bias");
    RADPATH_CHECK(list[3] == "layer1_0_conv1_weight" && list[4] == "layer1_0_bn1_weight");
    RADPATH_CHECK(list[list.size() - 2] == "fc_weight" && list.back() == "fc_bias");
    RADPATH_CHECK(!net18.hasattr("layer1_0_downsample_conv_weight"));
    for (const char* stage : {"layer2", "layer3", "layer4"}) {
        RADPATH_CHECK(net18.hasattr(std::string(stage) + "_0_downsample_conv_weight"));
        RADPATH_CHECK(net18.hasattr(std::string(stage) + "_0_downsample_bn_running_var"));
        RADPATH_CHECK(!net18.hasattr(std::string(stage) + "_1_downsample_conv_weight"));
    }
    RADPATH_CHECK(!net18.hasattr("conv1_bias") && !net18.hasattr("layer1_0_conv1_bias"));
    RADPATH_CHECK(net18.attr("layer4_1_conv2_weight").toTensor().sizes().vec() == (Shape{512, 512, 3, 3}));

    // kaiming_normal_(mode="fan_out"): σ = sqrt(2 / (64 × 7 × 7)) for conv1; fc: |w| <= 1/sqrt(512).
    const double deviation = net18.attr("conv1_weight").toTensor().std().item<double>();
    RADPATH_CHECK(std::abs(deviation / std::sqrt(2.0 / (64 * 49)) - 1.0) < 0.05);
    RADPATH_CHECK(net18.attr("fc_weight").toTensor().abs().max().item<double>() <= 1.0 / std::sqrt(512.0));
    RADPATH_CHECK(torch::equal(net18.attr("layer3_0_bn2_weight").toTensor(), torch::ones({256})));

    torch::jit::Module net34 = buildResNet(34, 3, 1000, 64, 7);
    RADPATH_CHECK(parameterCount(net34) == 21'797'672);
    RADPATH_CHECK(names(net34).size() == 110);
    RADPATH_CHECK(net34.hasattr("layer3_5_bn2_running_mean") && !net34.hasattr("layer3_6_conv1_weight"));
}

void unetShapes()
{
    torch::jit::Module net3 = buildUnet3d(2, 3, 4, 1);
    net3.eval();
    const torch::Tensor x3 = torch::rand({1, 2, 8, 16, 12});
    RADPATH_CHECK(net3.forward({x3}).toTensor().sizes().vec() == (Shape{1, 3, 8, 16, 12}));
    const auto [logits3, features3] = forwardFeatures(net3, x3);
    RADPATH_CHECK(logits3.sizes().vec() == (Shape{1, 3, 8, 16, 12}));
    RADPATH_CHECK(features3.sizes().vec() == (Shape{1, 16, 2, 4, 3})); // bottleneck

    torch::jit::Module net2 = buildUnet2d(2, 3, 4, 1);
    net2.eval();
    const torch::Tensor x2 = torch::rand({2, 2, 8, 16});
    const auto [logits2, features2] = forwardFeatures(net2, x2);
    RADPATH_CHECK(logits2.sizes().vec() == (Shape{2, 3, 8, 16}));
    RADPATH_CHECK(features2.sizes().vec() == (Shape{2, 16, 2, 4}));
    RADPATH_CHECK(torch::equal(logits2, net2.forward({x2}).toTensor()));
    // The same layers with one kernel dimension fewer.
    RADPATH_CHECK(net2.named_parameters().size() == net3.named_parameters().size());
    RADPATH_CHECK(net2.attr("enc1a_conv_weight").toTensor().sizes().vec() == (Shape{4, 2, 3, 3}));
    RADPATH_CHECK(net2.attr("up2_weight").toTensor().sizes().vec() == (Shape{16, 8, 2, 2}));
    RADPATH_CHECK(net2.attr("out_weight").toTensor().sizes().vec() == (Shape{3, 4, 1, 1}));
}

// Train mode: batch statistics (the running ones move) and dropout; eval mode: running
// statistics, so a sample's output does not depend on the rest of its batch.
void trainAndEvalModes()
{
    for (torch::jit::Module net : {buildSimpleCnn(1, 2, 4, 3), buildResNet(18, 1, 2, 4, 3)}) {
        const torch::Tensor x = torch::rand({4, 1, 64, 64}) * 10.0;
        const torch::Tensor before = net.attr("bn1_running_mean").toTensor().clone();
        RADPATH_CHECK(net.is_training());

        net.eval();
        RADPATH_CHECK(!net.is_training());
        const torch::Tensor alone = net.forward({x.narrow(0, 0, 1)}).toTensor();
        const torch::Tensor inBatch = net.forward({x}).toTensor().narrow(0, 0, 1);
        RADPATH_CHECK(torch::allclose(alone, inBatch, 1e-5, 1e-6));
        RADPATH_CHECK(torch::equal(net.attr("bn1_running_mean").toTensor(), before));

        net.train(true);
        net.forward({x});
        RADPATH_CHECK(!torch::equal(net.attr("bn1_running_mean").toTensor(), before));
        const torch::Tensor trained = net.forward({x}).toTensor().narrow(0, 0, 1);
        RADPATH_CHECK(!torch::allclose(trained, inBatch, 1e-5, 1e-6));
    }
}

// In train mode every parameter takes part in the graph (a convolution's bias before batch
// norm gets only a rounding-level gradient there, since batch norm removes its shift); in eval
// mode every parameter moves the output.
void gradientsReachEveryParameter()
{
    struct Case {
        torch::jit::Module net;
        Shape input;
        size_t parameters;
    };
    for (bool training : {true, false})
        for (Case c : {Case{buildSimpleCnn(1, 2, 4, 5), {2, 1, 8, 8}, 10},
                       Case{buildSimpleCnn(1, 2, 4, 5, false, 0.0), {2, 1, 8, 8}, 6},
                       Case{buildResNet(18, 1, 2, 4, 5), {2, 1, 64, 64}, 62},
                       Case{buildUnet2d(1, 2, 2, 5), {2, 1, 8, 8}, 10 * 4 + 2 * 2 + 2},
                       Case{buildUnet3d(1, 2, 2, 5), {2, 1, 8, 8, 8}, 10 * 4 + 2 * 2 + 2}}) {
            c.net.train(training);
            // Squared, so that batch norm's zero-mean outputs do not cancel in the sum.
            c.net.forward({torch::rand(c.input)}).toTensor().pow(2).sum().backward();
            size_t parameters = 0, reached = 0;
            for (const auto& p : c.net.named_parameters()) {
                ++parameters;
                const torch::Tensor grad = p.value.grad();
                reached += grad.defined() && (training || grad.abs().sum().item<double>() > 0.0);
            }
            RADPATH_CHECK(parameters == c.parameters);
            RADPATH_CHECK(reached == parameters);
            if (c.net.hasattr("conv1_weight")) // the stems have no bias to take the gradient instead
                RADPATH_CHECK(c.net.attr("conv1_weight").toTensor().grad().abs().sum().item<double>() > 0.0);
        }
}

// nn's default initialisation: |w| <= 1/sqrt(fan_in); the same seed, the same network.
void seededInitialisation()
{
    torch::jit::Module a = buildSimpleCnn(1, 2, 8, 11), b = buildSimpleCnn(1, 2, 8, 11),
                       c = buildSimpleCnn(1, 2, 8, 12);
    RADPATH_CHECK(weightsSha256(a) == weightsSha256(b));
    RADPATH_CHECK(weightsSha256(a) != weightsSha256(c));
    const torch::Tensor conv2 = a.attr("conv2_weight").toTensor();
    RADPATH_CHECK(conv2.abs().max().item<double>() <= 1.0 / std::sqrt(8.0 * 9.0));
    RADPATH_CHECK(conv2.abs().max().item<double>() > 0.9 / std::sqrt(8.0 * 9.0));
    RADPATH_CHECK(torch::equal(a.attr("bn2_weight").toTensor(), torch::ones({16})));

    RADPATH_CHECK(weightsSha256(buildResNet(18, 1, 2, 8, 11)) == weightsSha256(buildResNet(18, 1, 2, 8, 11)));
    RADPATH_CHECK(weightsSha256(buildResNet(18, 1, 2, 8, 11)) != weightsSha256(buildResNet(18, 1, 2, 8, 12)));
    RADPATH_CHECK(weightsSha256(buildUnet2d(1, 2, 4, 11)) == weightsSha256(buildUnet2d(1, 2, 4, 11)));
    RADPATH_CHECK(weightsSha256(buildUnet2d(1, 2, 4, 11)) != weightsSha256(buildUnet2d(1, 2, 4, 12)));
}

// The generated sources survive TorchScript's save and load, with the same outputs.
void savedAndLoaded()
{
    const torch::Tensor x = torch::rand({1, 1, 32, 32});
    for (torch::jit::Module net :
         {buildSimpleCnn(1, 2, 4, 1, false, 0.1), buildResNet(34, 1, 2, 4, 1), buildUnet2d(1, 2, 4, 1)}) {
        net.eval();
        std::stringstream stream;
        net.save(stream);
        torch::jit::Module loaded = torch::jit::load(stream);
        loaded.eval();
        RADPATH_CHECK(torch::equal(loaded.forward({x}).toTensor(), net.forward({x}).toTensor()));
        RADPATH_CHECK(weightsSha256(loaded) == weightsSha256(net));
    }
}

void namesOptionsAndHeads()
{
    const auto error = [](const std::function<void()>& build) -> std::string {
        try {
            build();
        } catch (const ModelError& e) {
            return e.what();
        }
        return "(no error)";
    };
    ArchitectureOptions options;
    options.baseFilters = 4;
    RADPATH_CHECK(error([&] { buildArchitecture("resnet", options); }) ==
                  "unknown architecture \"resnet\" (known: simple-cnn, resnet18, resnet34, unet2d, unet3d)");
    options.dims = 2;
    RADPATH_CHECK(error([&] { buildArchitecture("unet3d", options); }) ==
                  "unet3d is a 3-D network; the manifest has dims 2");
    RADPATH_CHECK(error([] { buildResNet(50, 1, 2, 8, 0); }) == "resnet: depth must be 18 or 34, got 50");
    RADPATH_CHECK(error([] { buildSimpleCnn(1, 2, 8, 0, true, 1.0); }) ==
                  "simple-cnn: dropout must be at least 0 and below 1, got 1");
    RADPATH_CHECK(error([] { buildUnet2d(1, 0, 8, 0); }) ==
                  "unet2d: channels, classes and base filters must be positive");

    for (const char* name : {"simple-cnn", "resnet18", "resnet34", "unet2d", "unet3d"}) {
        options.dims = std::string(name) == "unet3d" ? 3 : 2;
        const torch::jit::Module net = buildArchitecture(name, options);
        RADPATH_CHECK(net.find_method("forward_features").has_value());
        RADPATH_CHECK(headPrefix(net) == (std::string(name).rfind("unet", 0) == 0 ? "out" : "fc"));
    }
    options.dims = 2;
    options.batchNorm = false;
    RADPATH_CHECK(!hasNameContaining(buildArchitecture("simple-cnn", options), "bn"));
    RADPATH_CHECK(hasNameContaining(buildArchitecture("resnet18", options), "bn")); // simple-cnn only

    torch::jit::Module headless("Headless");
    RADPATH_CHECK(error([&] { headPrefix(headless); }) == "the network has no fc or out head");
}

} // namespace

Cases architectureCases()
{
    return {{"architectures: SimpleCNN shapes", simpleCnnShapes},
            {"architectures: SimpleCNN without batch norm or dropout", simpleCnnWithoutBatchNorm},
            {"architectures: ResNet shapes", resnetShapes},
            {"architectures: ResNet-18 and -34 as torchvision's", resnetMatchesTorchvision},
            {"architectures: 2-D and 3-D U-Net shapes", unetShapes},
            {"architectures: train and eval modes", trainAndEvalModes},
            {"architectures: gradients reach every parameter", gradientsReachEveryParameter},
            {"architectures: seeded initialisation", seededInitialisation},
            {"architectures: saved and loaded", savedAndLoaded},
            {"architectures: names, options and heads", namesOptionsAndHeads}};
}

} // namespace radpath::ai::test
