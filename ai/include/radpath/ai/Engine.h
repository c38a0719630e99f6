#pragma once
// The AI engine as the application sees it: plain C++ types only, so that including this
// header pulls in neither Torch nor Qt. The engine itself lives in a shared library that
// the application loads on first use (see ModuleAbi.h); nothing links LibTorch at start.

#include "radpath/ai/Export.h"
#include "radpath/ai/Task.h"

#include <memory>
#include <string>
#include <vector>

namespace radpath::ai {

enum class Device { Cpu, Cuda };

inline std::string toString(Device device) { return device == Device::Cuda ? "cuda" : "cpu"; }

/// What the loaded LibTorch offers on this machine.
struct RuntimeInfo {
    std::string torchVersion;          ///< e.g. "1.13.1" or "2.4.0"
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    std::vector<std::string> cudaDeviceNames;
    int intraOpThreads = 0;
};

/// Result of running a fixed convolution on a device and comparing it with a
/// double-precision reference computed without Torch.
struct DeviceCheck {
    Device device = Device::Cpu;
    bool ok = false;
    double maxAbsError = 0.0;
    std::string message;               ///< why it failed, or a one-line summary
};

/// A contiguous float image the caller owns: channels x depth x height x width.
/// The engine wraps it without copying on the CPU.
struct FloatImage {
    float* data = nullptr;
    int channels = 1;
    int depth = 1;
    int height = 0;
    int width = 0;
};

/// Thread-safety: an Engine may be used from one job thread at a time; runtimeInfo() is
/// safe from any thread.
class Engine {
public:
    virtual ~Engine() = default;

    virtual RuntimeInfo runtimeInfo() const = 0;

    /// Sets LibTorch's intra-op thread count (Debian's build defaults to 1 here).
    virtual void setThreads(int threads) = 0;

    /// Runs a 3x3 box-and-gradient convolution on `device` and checks it numerically.
    virtual DeviceCheck checkDevice(Device device) = 0;

    /// Mean-filters `image` in place with a 3x3(x3) box on `device`; a small, real
    /// operation that proves buffers pass in and out without copies on the CPU.
    virtual void boxFilter(FloatImage image, Device device, const ProgressCallback& progress,
                           const CancelToken* cancel) = 0;
};

/// Available to code linked with the module (its tests); the application uses ModuleAbi.h.
RADPATH_AI_API std::unique_ptr<Engine> createEngine();

} // namespace radpath::ai
