#pragma once
// A torch.distributed process group for data-parallel training, created from the settings
// torchrun and Slurm launchers hand over (Training.h's Distributed): Gloo, on CPU tensors
// (Debian's LibTorch has no NCCL; CUDA training runs in one process). The c10d headers stay
// in ProcessGroup.cpp.

#include "radpath/ai/Training.h"

#include <torch/torch.h>

#include <memory>
#include <vector>

namespace radpath::ai {

class ProcessGroup {
public:
    /// Joins the group: rank 0 serves the rendezvous store at masterAddress:masterPort, the
    /// others connect to it; blocks until all `worldSize` processes are there or the timeout
    /// passes. Throws ModelError naming the address and what failed.
    ProcessGroup(const Distributed& settings, const torch::Device& device);
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    int rank() const { return m_rank; }
    int size() const { return m_size; }

    /// Sums `tensor` over all ranks, in place (one collective for the whole tensor).
    void allreduceSum(torch::Tensor& tensor);
    /// Copies rank `root`'s `tensor` into everyone's, in place.
    void broadcast(torch::Tensor& tensor, int root = 0);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    int m_rank = 0;
    int m_size = 1;
};

} // namespace radpath::ai
