// The trainable networks: output shapes, train/eval behaviour, gradients and seeding.

#include "Check.h"
#include "TrainingCases.h"

#include "Architectures.h"
#include "ModelPackage.h"

#include <torch/torch.h>

#include <cmath>

namespace radpath::ai::test {
namespace {

using Shape = std::vector<int64_t>;

std::pair<torch::Tensor, torch::Tensor> forwardFeatures(torch::jit::Module& module, const torch::Tensor& x)
{
    const auto pair = module.get_method("forward_features")({x}).toTuple();
    return {pair->elements()[0].toTensor(), pair->elements()[1].toTensor()};
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

void unet3dShapes()
{
    torch::jit::Module net = buildUnet3d(2, 3, 4, 1);
    net.eval();
    const torch::Tensor x = torch::rand({1, 2, 8, 16, 12});
    RADPATH_CHECK(net.forward({x}).toTensor().sizes().vec() == (Shape{1, 3, 8, 16, 12}));
    const auto [logits, features] = forwardFeatures(net, x);
    RADPATH_CHECK(logits.sizes().vec() == (Shape{1, 3, 8, 16, 12}));
    RADPATH_CHECK(features.sizes().vec() == (Shape{1, 16, 2, 4, 3})); // bottleneck
}

// Train mode: batch statistics (the running ones move) and dropout; eval mode: running
// statistics, so a sample's output does not depend on the rest of its batch.
void trainAndEvalModes()
{
    torch::jit::Module net = buildSimpleCnn(1, 2, 4, 3);
    const torch::Tensor x = torch::rand({4, 1, 16, 16}) * 10.0;
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

// In train mode every parameter takes part in the graph (a convolution's bias before batch
// norm gets only a rounding-level gradient there, since batch norm removes its shift); in eval
// mode every parameter moves the output.
void gradientsReachEveryParameter()
{
    for (bool training : {true, false})
        for (torch::jit::Module net : {buildSimpleCnn(1, 2, 4, 5), buildUnet3d(1, 2, 2, 5)}) {
            const bool cnn = net.type()->name()->name() == "SimpleCnn";
            const torch::Tensor x = cnn ? torch::rand({2, 1, 8, 8}) : torch::rand({2, 1, 8, 8, 8});
            net.train(training);
            // Squared, so that batch norm's zero-mean outputs do not cancel in the sum.
            net.forward({x}).toTensor().pow(2).sum().backward();
            int parameters = 0, reached = 0;
            for (const auto& p : net.named_parameters()) {
                ++parameters;
                const torch::Tensor grad = p.value.grad();
                reached += grad.defined() && (training || grad.abs().sum().item<double>() > 0.0);
            }
            RADPATH_CHECK(parameters == (cnn ? 10 : 10 * 4 + 2 * 2 + 2));
            RADPATH_CHECK(reached == parameters);
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
}

void unknownNetworks()
{
    const auto error = [](const std::function<void()>& build) -> std::string {
        try {
            build();
        } catch (const ModelError& e) {
            return e.what();
        }
        return "(no error)";
    };
    RADPATH_CHECK(error([] { buildArchitecture("resnet", 2, 1, 2, 8, 0); }) ==
                  "unknown architecture \"resnet\" (known: simple-cnn, unet3d)");
    RADPATH_CHECK(error([] { buildArchitecture("unet3d", 2, 1, 2, 8, 0); }) ==
                  "unet3d is a 3-D network; the manifest has dims 2");
    RADPATH_CHECK(buildArchitecture("simple-cnn", 2, 1, 2, 8, 0).find_method("forward_features").has_value());
}

} // namespace

Cases architectureCases()
{
    return {{"architectures: SimpleCNN shapes", simpleCnnShapes},
            {"architectures: 3-D U-Net shapes", unet3dShapes},
            {"architectures: train and eval modes", trainAndEvalModes},
            {"architectures: gradients reach every parameter", gradientsReachEveryParameter},
            {"architectures: seeded initialisation", seededInitialisation},
            {"architectures: unknown names and dims", unknownNetworks}};
}

} // namespace radpath::ai::test
