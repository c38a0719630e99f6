#include "ProcessGroup.h"

#include "radpath/ai/ModelError.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <cstdlib>

namespace radpath::ai {

struct ProcessGroup::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
};

namespace {

bool isLoopback(const std::string& address)
{
    return address == "localhost" || address.rfind("127.", 0) == 0 || address == "::1";
}

/// As torch.distributed chooses: GLOO_SOCKET_IFNAME's interface, else this host's address;
/// a loopback master keeps the whole group on loopback.
std::shared_ptr<::gloo::transport::Device> glooDevice(const Distributed& settings)
{
    if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
        return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
    if (isLoopback(settings.masterAddress))
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

std::string where(const Distributed& settings)
{
    return "distributed training (rank " + std::to_string(settings.rank) + " of " +
           std::to_string(settings.worldSize) + ", master " + settings.masterAddress + ':' +
           std::to_string(settings.masterPort) + ')';
}

} // namespace

ProcessGroup::ProcessGroup(const Distributed& settings, const torch::Device& device)
    : m_impl(std::make_unique<Impl>()), m_rank(settings.rank), m_size(settings.worldSize)
{
    if (settings.worldSize < 2 || settings.rank < 0 || settings.rank >= settings.worldSize)
        throw ModelError(where(settings) + ": the rank must be in 0..WORLD_SIZE-1 and WORLD_SIZE at least 2");
    if (settings.masterPort < 1 || settings.masterPort > 65535)
        throw ModelError(where(settings) + ": MASTER_PORT must be in 1..65535");
    if (!settings.backend.empty() && settings.backend != "gloo")
        throw ModelError(where(settings) + ": the " + settings.backend +
                         " backend is not in this build of RadPath; use gloo (CPU tensors)");
    if (device.is_cuda())
        throw ModelError(where(settings) + ": several processes train on the CPU only here (Gloo); "
                                           "train on one GPU in one process");
    const auto timeout = std::chrono::milliseconds(std::int64_t(settings.timeoutSeconds) * 1000);
    try {
        c10d::TCPStoreOptions options;
        options.port = std::uint16_t(settings.masterPort);
        options.isServer = settings.rank == 0;
        options.numWorkers = std::size_t(settings.worldSize);
        options.waitWorkers = true;
        options.timeout = timeout;
        m_impl->store = c10::make_intrusive<c10d::TCPStore>(settings.masterAddress, options);
        auto glooOptions = c10d::ProcessGroupGloo::Options::create(timeout);
        glooOptions->devices.push_back(glooDevice(settings));
        glooOptions->threads = 2;
        m_impl->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(m_impl->store, settings.rank, settings.worldSize,
                                                                    glooOptions);
    } catch (const std::exception& e) {
        throw ModelError(where(settings) + ": cannot join the group (" + std::string(e.what()).substr(0, 300) + ')');
    }
}

ProcessGroup::~ProcessGroup() = default;

void ProcessGroup::allreduceSum(torch::Tensor& tensor)
{
    std::vector<torch::Tensor> tensors{tensor};
    m_impl->gloo->allreduce(tensors)->wait();
}

void ProcessGroup::broadcast(torch::Tensor& tensor, int root)
{
    std::vector<torch::Tensor> tensors{tensor};
    c10d::BroadcastOptions options;
    options.rootRank = root;
    m_impl->gloo->broadcast(tensors, options)->wait();
}

} // namespace radpath::ai
