#include "viewer/model/Volume.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace radpath::viewer {

std::size_t bytesPerVoxel(PixelType type)
{
    switch (type) {
    case PixelType::UInt8: return 1;
    case PixelType::Int16:
    case PixelType::UInt16: return 2;
    case PixelType::Int32:
    case PixelType::Float32: return 4;
    }
    return 0;
}

const char* toString(PixelType type)
{
    switch (type) {
    case PixelType::UInt8: return "uint8";
    case PixelType::Int16: return "int16";
    case PixelType::UInt16: return "uint16";
    case PixelType::Int32: return "int32";
    case PixelType::Float32: return "float32";
    }
    return "?";
}

namespace {

template <class F> decltype(auto) visitType(PixelType type, F&& f)
{
    switch (type) {
    case PixelType::UInt8: return f(std::uint8_t{});
    case PixelType::Int16: return f(std::int16_t{});
    case PixelType::UInt16: return f(std::uint16_t{});
    case PixelType::Int32: return f(std::int32_t{});
    case PixelType::Float32: break;
    }
    return f(float{});
}

} // namespace

Volume::Volume(PixelType type, const ImageGeometry& geometry) : m_type(type), m_geometry(geometry)
{
    for (int n : geometry.size)
        if (n <= 0)
            throw std::invalid_argument("volume size must be positive in every dimension");
    // 64-byte alignment suits SIMD code and Torch; aligned_alloc wants a multiple of it.
    const std::size_t bytes = (byteSize() + 63) / 64 * 64;
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

double Volume::valueAt(int i, int j, int k) const
{
    const std::size_t index = linearIndex(i, j, k);
    return visitType(m_type, [&](auto tag) {
        using T = decltype(tag);
        return double(static_cast<const T*>(data())[index]);
    });
}

std::pair<double, double> Volume::range() const
{
    if (isNull())
        return {0.0, 0.0};
    return visitType(m_type, [&](auto tag) {
        using T = decltype(tag);
        const T* begin = static_cast<const T*>(data());
        const auto [lo, hi] = std::minmax_element(begin, begin + voxelCount());
        return std::pair<double, double>(double(*lo), double(*hi));
    });
}

} // namespace radpath::viewer
