#pragma once
// OpenSlide's premultiplied ARGB (native uint32) to straight RGBA8888 bytes, with the same
// integer arithmetic as openslide-python's read_region, so both give identical pixels.

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

namespace detail {

// Whether every pixel's alpha is 255.
inline bool allOpaque(const std::uint32_t* in, std::size_t count)
{
    std::size_t i = 0;
    std::uint32_t common = 0xffffffffu;
#if defined(__SSE2__)
    const std::size_t blocks = count / 4 * 4;
    __m128i acc = _mm_set1_epi32(-1);
    for (; i < blocks; i += 4)
        acc = _mm_and_si128(acc, _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i)));
    alignas(16) std::uint32_t lanes[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(lanes), acc);
    common = lanes[0] & lanes[1] & lanes[2] & lanes[3];
#endif
    for (; i < count; ++i)
        common &= in[i];
    return common >> 24 == 0xff;
}

// Native ARGB words to RGBA bytes for opaque pixels on a little-endian machine: red and
// blue change places. `in` and `out` may be the same buffer. A separate, aligned `out`
// is written with streaming stores: a new tile is not read again soon, so it need not
// pass through the CPU cache.
inline void swapRedBlue(const std::uint32_t* in, std::uint32_t* out, std::size_t count)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    const std::size_t blocks = count / 4 * 4;
    const __m128i keep = _mm_set1_epi32(int(0xff00ff00u)), low = _mm_set1_epi32(0xff);
    const auto swapped = [&](std::size_t at) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + at));
        const __m128i red = _mm_and_si128(_mm_srli_epi32(v, 16), low);
        const __m128i blue = _mm_slli_epi32(_mm_and_si128(v, low), 16);
        return _mm_or_si128(_mm_and_si128(v, keep), _mm_or_si128(red, blue));
    };
    if (in != out && reinterpret_cast<std::uintptr_t>(out) % 16 == 0) {
        for (; i < blocks; i += 4)
            _mm_stream_si128(reinterpret_cast<__m128i*>(out + i), swapped(i));
        _mm_sfence();
    } else {
        for (; i < blocks; i += 4)
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), swapped(i));
    }
#endif
    for (; i < count; ++i) {
        const std::uint32_t v = in[i];
        out[i] = (v & 0xff00ff00u) | (v >> 16 & 0xffu) | (v & 0xffu) << 16;
    }
}

} // namespace detail

/// Converts `count` native ARGB words from `in` to RGBA bytes at `out`; `out` may be `in`
/// (in place) or a separate buffer. Fully opaque buffers (most slide tiles) take a SIMD
/// path: on a little-endian machine only red and blue change places.
inline void argbToRgbaCopy(const std::uint32_t* in, void* out, std::size_t count)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (detail::allOpaque(in, count)) {
        detail::swapRedBlue(in, static_cast<std::uint32_t*>(out), count);
        return;
    }
#endif
    auto* bytes = static_cast<std::uint8_t*>(out);
    for (std::size_t i = 0; i < count; ++i)
        argbToRgba(in[i], bytes + 4 * i);
}

/// In place: `pixels` holds native ARGB words on entry and RGBA bytes on return.
inline void argbToRgbaInPlace(void* pixels, std::size_t count)
{
    argbToRgbaCopy(static_cast<const std::uint32_t*>(pixels), pixels, count);
}

} // namespace radpath::pathology
