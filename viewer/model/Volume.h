#pragma once
// A 3-D image that owns its voxels once. Copies of a Volume share the same buffer, and
// VTK, ITK and Torch views are made over that buffer without copying it.

#include "viewer/model/ImageGeometry.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace radpath::viewer {

enum class PixelType { UInt8, Int16, UInt16, Int32, Float32 };

std::size_t bytesPerVoxel(PixelType type);
const char* toString(PixelType type);

template <class T> constexpr PixelType pixelTypeOf()
{
    if constexpr (std::is_same_v<T, std::uint8_t>) return PixelType::UInt8;
    else if constexpr (std::is_same_v<T, std::int16_t>) return PixelType::Int16;
    else if constexpr (std::is_same_v<T, std::uint16_t>) return PixelType::UInt16;
    else if constexpr (std::is_same_v<T, std::int32_t>) return PixelType::Int32;
    else {
        static_assert(std::is_same_v<T, float>, "unsupported voxel type");
        return PixelType::Float32;
    }
}

/// A window the source suggests for display (from DICOM WindowCenter/Width, say).
struct WindowPreset {
    std::string name;
    double center = 0.0;
    double width = 1.0;
};

/// Where the voxels came from and what their values mean; not how they are displayed.
struct VolumeInfo {
    std::string modality;          ///< DICOM modality, e.g. "CT"
    std::string units;             ///< e.g. "HU"
    std::string seriesInstanceUid;
    std::string seriesDescription;
    std::vector<WindowPreset> windowPresets;
    std::vector<std::string> warnings; ///< loader findings to show the user
};

/// Thread-safety: const access from many threads is safe; writes need external locking.
class Volume {
public:
    Volume() = default;
    /// Allocates zeroed voxels for `geometry`.
    Volume(PixelType type, const ImageGeometry& geometry);

    bool isNull() const { return !m_buffer; }
    PixelType pixelType() const { return m_type; }
    const ImageGeometry& geometry() const { return m_geometry; }
    /// Geometry may change (e.g. a corrected origin) but not its size.
    void setGeometry(const ImageGeometry& geometry);
    VolumeInfo& info() { return m_info; }
    const VolumeInfo& info() const { return m_info; }

    std::size_t voxelCount() const { return m_geometry.voxelCount(); }
    std::size_t byteSize() const { return voxelCount() * bytesPerVoxel(m_type); }
    void* data() { return m_buffer.get(); }
    const void* data() const { return m_buffer.get(); }

    template <class T> T* voxels()
    {
        checkType(pixelTypeOf<T>());
        return static_cast<T*>(data());
    }
    template <class T> const T* voxels() const
    {
        checkType(pixelTypeOf<T>());
        return static_cast<const T*>(data());
    }

    std::size_t linearIndex(int i, int j, int k) const
    {
        return (std::size_t(k) * std::size_t(m_geometry.size[1]) + std::size_t(j)) *
                   std::size_t(m_geometry.size[0]) + std::size_t(i);
    }
    /// Voxel value as double, whatever the pixel type; (i, j, k) must be inside.
    double valueAt(int i, int j, int k) const;
    /// Smallest and largest voxel value.
    std::pair<double, double> range() const;

    /// Number of Volume objects sharing this buffer (for tests of zero-copy sharing).
    long useCount() const { return m_buffer.use_count(); }

private:
    void checkType(PixelType requested) const;

    PixelType m_type = PixelType::Int16;
    ImageGeometry m_geometry;
    std::shared_ptr<std::byte> m_buffer;
    VolumeInfo m_info;
};

} // namespace radpath::viewer
