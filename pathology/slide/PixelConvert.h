#pragma once
// OpenSlide's premultiplied ARGB (native uint32) to straight RGBA8888 bytes, with the same
// integer arithmetic as openslide-python's read_region, so both give identical pixels.

#include <cstddef>
#include <cstdint>

namespace radpath::pathology {

/// One pixel: alpha 0 gives 0,0,0,0; alpha 255 is copied; otherwise each channel is
/// 255 * c / a, truncated, and kept to its low 8 bits (as openslide-python's u8 does).
inline void argbToRgba(std::uint32_t argb, std::uint8_t* out)
{
    const std::uint32_t a = argb >> 24;
    const std::uint32_t r = argb >> 16 & 0xff, g = argb >> 8 & 0xff, b = argb & 0xff;
    if (a == 0) {
        out[0] = out[1] = out[2] = out[3] = 0;
    } else if (a == 255) {
        out[0] = std::uint8_t(r), out[1] = std::uint8_t(g), out[2] = std::uint8_t(b), out[3] = 255;
    } else {
        out[0] = std::uint8_t(255 * r / a);
        out[1] = std::uint8_t(255 * g / a);
        out[2] = std::uint8_t(255 * b / a);
        out[3] = std::uint8_t(a);
    }
}

/// Converts `count` pixels in place: `pixels` holds native ARGB words on entry and RGBA
/// bytes on return. Fully opaque buffers (most slide tiles) take a loop the compiler
/// vectorises: on a little-endian machine only red and blue change places.
inline void argbToRgbaInPlace(void* pixels, std::size_t count)
{
    auto* words = static_cast<std::uint32_t*>(pixels);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    std::uint32_t common = 0xffffffffu;
    for (std::size_t i = 0; i < count; ++i)
        common &= words[i];
    if (common >> 24 == 0xff) {
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint32_t v = words[i];
            words[i] = (v & 0xff00ff00u) | (v >> 16 & 0xffu) | (v & 0xffu) << 16;
        }
        return;
    }
#endif
    auto* bytes = static_cast<std::uint8_t*>(pixels);
    for (std::size_t i = 0; i < count; ++i)
        argbToRgba(words[i], bytes + 4 * i);
}

} // namespace radpath::pathology
