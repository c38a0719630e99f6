// SHA-256 against the FIPS 180-2 example vectors and lengths around the padding boundary
// (those values from coreutils' sha256sum).

#include "Check.h"
#include "ModelPackageCases.h"

#include "Sha256.h"
#include "radpath/ai/ModelError.h"

#include <filesystem>
#include <fstream>

namespace radpath::ai::test {
namespace {

void officialVectors()
{
    RADPATH_CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    RADPATH_CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    RADPATH_CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
                  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    RADPATH_CHECK(sha256Hex(std::string(1000000, 'a')) ==
                  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// 55 bytes is the longest message whose padding fits one block; 56..64 need two.
void paddingBoundaries()
{
    RADPATH_CHECK(sha256Hex(std::string(55, 'a')) ==
                  "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    RADPATH_CHECK(sha256Hex(std::string(56, 'a')) ==
                  "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    RADPATH_CHECK(sha256Hex(std::string(63, 'a')) ==
                  "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    RADPATH_CHECK(sha256Hex(std::string(64, 'a')) ==
                  "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    RADPATH_CHECK(sha256Hex(std::string(65, 'a')) ==
                  "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
}

// Pieces of odd sizes give the digest of the whole, and digest() starts a new message.
void incrementalEqualsWhole()
{
    const std::string message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    Sha256 hash;
    size_t at = 0;
    for (size_t piece : {1u, 0u, 7u, 30u, 2u, 100u}) {
        const size_t n = std::min(piece, message.size() - at);
        hash.update(message.data() + at, n);
        at += n;
    }
    RADPATH_CHECK(at == message.size());
    RADPATH_CHECK(hash.hexDigest() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    hash.update("abc");
    RADPATH_CHECK(hash.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// A file larger than the 1 MiB read buffer.
void fileIsStreamed()
{
    const std::string path = temporaryDirectory("sha256") + "/a.bin";
    {
        std::ofstream out(path, std::ios::binary);
        const std::string block(1000, 'a');
        for (int i = 0; i < 1000; ++i)
            out << block;
        out << "abc";
    }
    RADPATH_CHECK(std::filesystem::file_size(path) == 1000003u);
    std::string whole(1000000, 'a');
    whole += "abc";
    RADPATH_CHECK(sha256File(path) == sha256Hex(whole));

    std::ofstream(path, std::ios::binary | std::ios::trunc) << "abc";
    RADPATH_CHECK(sha256File(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

void missingFileIsAModelError()
{
    const std::string path = temporaryDirectory("sha256-missing") + "/none.pt";
    std::string message;
    try {
        sha256File(path);
    } catch (const ModelError& e) {
        message = e.what();
    }
    RADPATH_CHECK(message == path + ": cannot open the file for reading");
}

} // namespace

Cases sha256Cases()
{
    return {
        {"sha256.officialVectors", officialVectors},
        {"sha256.paddingBoundaries", paddingBoundaries},
        {"sha256.incrementalEqualsWhole", incrementalEqualsWhole},
        {"sha256.fileIsStreamed", fileIsStreamed},
        {"sha256.missingFileIsAModelError", missingFileIsAModelError},
    };
}

} // namespace radpath::ai::test
