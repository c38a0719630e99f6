// Engine basics on real LibTorch: runtime facts, threads, numerics on CPU (and CUDA when
// present), zero-copy buffers, progress and cancellation.

#include "Check.h"

#include "radpath/ai/Engine.h"

#include <cmath>
#include <stdexcept>
#include <cstdlib>
#include <string>
#include <vector>

using namespace radpath::ai;

namespace {

void runtimeInfoReportsLibTorch()
{
    auto engine = createEngine();
    const RuntimeInfo info = engine->runtimeInfo();
    // Version looks like "MAJOR.MINOR.PATCH" with MAJOR 1 or 2.
    RADPATH_CHECK(info.torchVersion.size() >= 5);
    RADPATH_CHECK(info.torchVersion[0] == '1' || info.torchVersion[0] == '2');
    RADPATH_CHECK(info.cudaDeviceCount == int(info.cudaDeviceNames.size()));
    if (!info.cudaAvailable)
        RADPATH_CHECK(info.cudaDeviceCount == 0);
}

void threadsAreSetExplicitly()
{
    auto engine = createEngine();
    engine->setThreads(2);
    RADPATH_CHECK(engine->runtimeInfo().intraOpThreads == 2);
    engine->setThreads(0); // clamped, never zero
    RADPATH_CHECK(engine->runtimeInfo().intraOpThreads == 1);
}

void cpuConvolutionMatchesReference()
{
    auto engine = createEngine();
    const DeviceCheck check = engine->checkDevice(Device::Cpu);
    RADPATH_CHECK(check.ok);
    RADPATH_CHECK(check.maxAbsError < 1e-3);
}

void cudaCheckIsHonest()
{
    auto engine = createEngine();
    const DeviceCheck check = engine->checkDevice(Device::Cuda);
    if (engine->runtimeInfo().cudaAvailable) {
        RADPATH_CHECK(check.ok);
        std::printf("  %s\n", check.message.c_str());
    } else {
        RADPATH_CHECK(!check.ok);
        RADPATH_CHECK(check.message.find("CUDA") != std::string::npos);
    }
    // RADPATH_REQUIRE_CUDA=1 turns a missing GPU into a failure (used on GPU machines).
    if (const char* req = std::getenv("RADPATH_REQUIRE_CUDA"); req && std::string(req) == "1")
        RADPATH_CHECK(engine->runtimeInfo().cudaAvailable && check.ok);
}

// A 4x5 image with a single 9 in the middle: after a 3x3 mean (edges replicated) every
// pixel of the 3x3 block around it holds exactly 1, the rest 0.
void boxFilterWorksInPlace(Device device)
{
    auto engine = createEngine();
    std::vector<float> pixels(4 * 5, 0.0f);
    pixels[size_t(1 * 5 + 2)] = 9.0f;
    std::vector<double> seen;
    engine->boxFilter(FloatImage{pixels.data(), 1, 1, 4, 5}, device,
                      [&](double f, const std::string&) { seen.push_back(f); }, nullptr);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 5; ++x) {
            const bool inBlock = y <= 2 && x >= 1 && x <= 3;
            RADPATH_CHECK(std::abs(pixels[size_t(y * 5 + x)] - (inBlock ? 1.0f : 0.0f)) < 1e-6f);
        }
    RADPATH_CHECK(seen.size() == 1 && seen.back() == 1.0);
}

void boxFilter3dAveragesNeighbours()
{
    auto engine = createEngine();
    // 3x3x3 volume with values 0..26; the centre's 27-neighbour mean is 13.
    std::vector<float> voxels(27);
    for (int i = 0; i < 27; ++i)
        voxels[size_t(i)] = float(i);
    engine->boxFilter(FloatImage{voxels.data(), 1, 3, 3, 3}, Device::Cpu, {}, nullptr);
    RADPATH_CHECK(std::abs(voxels[13] - 13.0f) < 1e-5f);
}

void cancellationStopsBeforeWork()
{
    auto engine = createEngine();
    std::vector<float> pixels(2 * 8 * 8, 1.0f);
    pixels[0] = 100.0f;
    CancelToken token;
    token.cancel();
    bool cancelled = false;
    try {
        engine->boxFilter(FloatImage{pixels.data(), 2, 1, 8, 8}, Device::Cpu, {}, &token);
    } catch (const Cancelled&) {
        cancelled = true;
    }
    RADPATH_CHECK(cancelled);
    RADPATH_CHECK(pixels[0] == 100.0f); // untouched
}

void emptyImageIsRejected()
{
    auto engine = createEngine();
    bool threw = false;
    try {
        engine->boxFilter(FloatImage{}, Device::Cpu, {}, nullptr);
    } catch (const std::invalid_argument&) {
        threw = true;
    }
    RADPATH_CHECK(threw);
}

} // namespace

int main()
{
    return radpath::ai::test::runCases({
        {"runtimeInfoReportsLibTorch", runtimeInfoReportsLibTorch},
        {"threadsAreSetExplicitly", threadsAreSetExplicitly},
        {"cpuConvolutionMatchesReference", cpuConvolutionMatchesReference},
        {"cudaCheckIsHonest", cudaCheckIsHonest},
        {"boxFilterWorksInPlaceCpu", [] { boxFilterWorksInPlace(Device::Cpu); }},
        {"boxFilterWorksOnCudaWhenPresent",
         [] {
             if (createEngine()->runtimeInfo().cudaAvailable)
                 boxFilterWorksInPlace(Device::Cuda);
         }},
        {"boxFilter3dAveragesNeighbours", boxFilter3dAveragesNeighbours},
        {"cancellationStopsBeforeWork", cancellationStopsBeforeWork},
        {"emptyImageIsRejected", emptyImageIsRejected},
    });
}
