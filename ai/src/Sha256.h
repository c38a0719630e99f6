#pragma once
// SHA-256 (FIPS 180-4), incremental, over bytes or a whole file. Results are 64 lower-case
// hex digits.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace radpath::ai {

class Sha256 {
public:
    Sha256();

    void update(const void* data, size_t size);
    void update(const std::string& bytes) { update(bytes.data(), bytes.size()); }

    /// Finishes the digest; the object is then reset for a new message.
    std::array<std::uint8_t, 32> digest();
    std::string hexDigest();

private:
    void reset();
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state{};
    std::array<std::uint8_t, 64> m_block{};
    size_t m_blockSize = 0;
    std::uint64_t m_totalBytes = 0;
};

std::string sha256Hex(const std::string& bytes);

/// Reads `path` in chunks. Throws ModelError("<path>: cannot read ...") when it cannot.
std::string sha256File(const std::string& path);

} // namespace radpath::ai
