#pragma once
// JPEG encoding of interleaved RGB buffers through libjpeg-turbo.

#include <cstdint>
#include <vector>

namespace radpath::pathology {

/// Encodes `rgb` (width * height * 3 bytes, row-major) as a complete baseline JPEG stream
/// (YCbCr, 2x2 chroma subsampling). Thread-safe: each call uses its own compressor.
std::vector<std::uint8_t> encodeJpeg(const std::uint8_t* rgb, int width, int height, int quality);

} // namespace radpath::pathology
