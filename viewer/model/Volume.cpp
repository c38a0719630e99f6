#include "viewer/model/Volume.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <sys/mman.h>

namespace radpath::viewer {

std::size_t bytesPerVoxel(PixelType type)
{
    return visitPixelType(type, [](auto tag) { return sizeof(tag); });
}

const char* toString(PixelType type)
{
    switch (type) {
    case PixelType::UInt8: return "uint8";
    case PixelType::Int8: return "int8";
    case PixelType::UInt16: return "uint16";
    case PixelType::Int16: return "int16";
    case PixelType::UInt32: return "uint32";
    case PixelType::Int32: return "int32";
    case PixelType::Float32: return "float32";
    case PixelType::Float64: return "float64";
    }
    return "?";
}

Volume::Volume(PixelType type, const ImageGeometry& geometry, int components)
    : m_type(type), m_components(components), m_geometry(geometry)
{
    if (components < 1)
        throw std::invalid_argument("a volume needs at least one component");
    for (int n : geometry.size)
        if (n <= 0)
            throw std::invalid_argument("volume size must be positive in every dimension");
    // 64-byte alignment suits SIMD code and Torch; aligned_alloc wants a multiple of it.
    const std::size_t bytes = (byteSize() + 63) / 64 * 64;
    // Large buffers are fresh pages from the system: zero and page-aligned already, so no
    // time goes into clearing hundreds of MB before the first slice can be shown.
    constexpr std::size_t kMapAbove = std::size_t(1) << 20;
    if (bytes >= kMapAbove) {
        void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED)
            throw std::bad_alloc();
        m_buffer.reset(static_cast<std::byte*>(memory), [bytes](std::byte* p) { munmap(p, bytes); });
        return;
    }
    void* memory = std::aligned_alloc(64, bytes);
    if (!memory)
        throw std::bad_alloc();
    std::memset(memory, 0, bytes);
    m_buffer.reset(static_cast<std::byte*>(memory), [](std::byte* p) { std::free(p); });
}

void Volume::setGeometry(const ImageGeometry& geometry)
{
    if (geometry.size != m_geometry.size)
        throw std::invalid_argument("setGeometry cannot change the volume's size");
    m_geometry = geometry;
}

void Volume::checkType(PixelType requested) const
{
    if (requested != m_type)
        throw std::logic_error(std::string("volume holds ") + toString(m_type) + ", not " + toString(requested));
}

double Volume::valueAt(int i, int j, int k, int component) const
{
    const std::size_t index = linearIndex(i, j, k) * std::size_t(m_components) + std::size_t(component);
    return visitPixelType(m_type, [&](auto tag) {
        using T = decltype(tag);
        return double(static_cast<const T*>(data())[index]);
    });
}

std::pair<double, double> Volume::range() const
{
    if (isNull())
        return {0.0, 0.0};
    return visitPixelType(m_type, [&](auto tag) {
        using T = decltype(tag);
        const T* begin = static_cast<const T*>(data());
        const auto [lo, hi] = std::minmax_element(begin, begin + voxelCount() * std::size_t(m_components));
        return std::pair<double, double>(double(*lo), double(*hi));
    });
}

} // namespace radpath::viewer
