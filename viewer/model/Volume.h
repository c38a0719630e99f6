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

enum class PixelType { UInt8, Int8, UInt16, Int16, UInt32, Int32, Float32, Float64 };

std::size_t bytesPerVoxel(PixelType type);
const char* toString(PixelType type);

template <class T> constexpr PixelType pixelTypeOf()
{
    if constexpr (std::is_same_v<T, std::uint8_t>) return PixelType::UInt8;
    else if constexpr (std::is_same_v<T, std::int8_t>) return PixelType::Int8;
    else if constexpr (std::is_same_v<T, std::uint16_t>) return PixelType::UInt16;
    else if constexpr (std::is_same_v<T, std::int16_t>) return PixelType::Int16;
    else if constexpr (std::is_same_v<T, std::uint32_t>) return PixelType::UInt32;
    else if constexpr (std::is_same_v<T, std::int32_t>) return PixelType::Int32;
    else if constexpr (std::is_same_v<T, float>) return PixelType::Float32;
    else {
        static_assert(std::is_same_v<T, double>, "unsupported voxel type");
        return PixelType::Float64;
    }
}

/// A window the source suggests for display (from DICOM WindowCenter/Width, say).
struct WindowPreset {
    std::string name;
    double center = 0.0;
    double width = 1.0;
};

/// A lookup table the source suggests for display (DICOM VOI LUT Sequence item): the
/// modality value `firstMapped` maps to table[0], each value above it to the next entry,
/// values outside the table to its first or last entry. Entries are `bits` wide.
struct VoiLut {
    std::string name;              ///< LUTExplanation, or "VOI LUT n"
    double firstMapped = 0.0;      ///< in modality units
    int bits = 16;                 ///< entries range over 0 .. 2^bits - 1
    std::vector<double> table;
};

/// Where the voxels came from and what their values mean; not how they are displayed.
struct VolumeInfo {
    std::string modality;          ///< DICOM modality, e.g. "CT"
    std::string units;             ///< e.g. "HU"
    std::string seriesInstanceUid;
    std::string frameOfReferenceUid; ///< series sharing it have their voxels in one patient space
    int acquisitionNumber = -1;    ///< >= 0: one acquisition of a series that repeats its positions
    std::string seriesDescription;
    std::string studyDescription;
    std::string patientName;       ///< patient data: shown to the user, never logged
    std::string patientId;
    std::string studyDate;         ///< YYYYMMDD
    std::vector<WindowPreset> windowPresets;
    std::string voiLutFunction;    ///< VOILUTFunction for the windows: "" (LINEAR), "LINEAR_EXACT", "SIGMOID"
    std::vector<VoiLut> voiLuts;   ///< every VOI LUT of the source, in file order
    std::vector<std::string> warnings; ///< loader findings to show the user
    bool invertedGrey = false;     ///< MONOCHROME1: higher values display darker
    bool hasPaddingValue = false;  ///< PixelPaddingValue present: those voxels are not image
    double paddingValue = 0.0;     ///< in modality units
    double frameTimeMs = 0.0;      ///< multi-frame cine: time between frames; 0 when not given
    /// Gantry tilt: the in-plane LPS displacement (mm) of each slice's true position from
    /// where the orthogonal geometry puts it, per slice index. Slice k's voxels really lie
    /// at geometry position + k * sliceShear. Zero when untilted; resampleTilted() removes it.
    Vec3 sliceShear{0.0, 0.0, 0.0};
};

/// Thread-safety: const access from many threads is safe; writes need external locking.
class Volume {
public:
    Volume() = default;
    /// Allocates zeroed voxels for `geometry`; `components` > 1 interleaves them (RGB = 3).
    Volume(PixelType type, const ImageGeometry& geometry, int components = 1);

    bool isNull() const { return !m_buffer; }
    PixelType pixelType() const { return m_type; }
    int components() const { return m_components; }
    const ImageGeometry& geometry() const { return m_geometry; }
    /// Geometry may change (e.g. a corrected origin) but not its size.
    void setGeometry(const ImageGeometry& geometry);
    VolumeInfo& info() { return m_info; }
    const VolumeInfo& info() const { return m_info; }

    std::size_t voxelCount() const { return m_geometry.voxelCount(); }
    std::size_t byteSize() const { return voxelCount() * std::size_t(m_components) * bytesPerVoxel(m_type); }
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
    double valueAt(int i, int j, int k, int component = 0) const;
    /// Smallest and largest value over all components.
    std::pair<double, double> range() const;

    /// Number of Volume objects sharing this buffer (for tests of zero-copy sharing).
    long useCount() const { return m_buffer.use_count(); }

private:
    void checkType(PixelType requested) const;

    PixelType m_type = PixelType::Int16;
    int m_components = 1;
    ImageGeometry m_geometry;
    std::shared_ptr<std::byte> m_buffer;
    VolumeInfo m_info;
};

} // namespace radpath::viewer

namespace radpath::viewer {

/// Calls f(T{}) with T the C++ type of `type`.
template <class F> decltype(auto) visitPixelType(PixelType type, F&& f)
{
    switch (type) {
    case PixelType::UInt8: return f(std::uint8_t{});
    case PixelType::Int8: return f(std::int8_t{});
    case PixelType::UInt16: return f(std::uint16_t{});
    case PixelType::Int16: return f(std::int16_t{});
    case PixelType::UInt32: return f(std::uint32_t{});
    case PixelType::Int32: return f(std::int32_t{});
    case PixelType::Float32: return f(float{});
    case PixelType::Float64: break;
    }
    return f(double{});
}

} // namespace radpath::viewer
