#include "viewer/io/ItkImageReader.h"

#include "viewer/io/IoError.h"

#include <itkImageIOBase.h>
#include <itkJPEGImageIO.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>
#include <itkPNGImageIO.h>
#include <itkTIFFImageIO.h>
#include <tiffio.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace fs = std::filesystem;

namespace radpath::viewer {
namespace {

std::string lowerName(const std::string& path)
{
    std::string name = fs::path(path).filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return name;
}

bool endsWith(const std::string& s, const char* suffix)
{
    const std::string x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

enum class Kind { None, Volume, Image, Tiff };

Kind kindOf(const std::string& path)
{
    const std::string n = lowerName(path);
    if (endsWith(n, ".nii") || endsWith(n, ".nii.gz") || endsWith(n, ".nrrd") || endsWith(n, ".nhdr") ||
        endsWith(n, ".mha") || endsWith(n, ".mhd"))
        return Kind::Volume;
    if (endsWith(n, ".png") || endsWith(n, ".jpg") || endsWith(n, ".jpeg"))
        return Kind::Image;
    if (endsWith(n, ".tif") || endsWith(n, ".tiff"))
        return Kind::Tiff;
    return Kind::None;
}

itk::ImageIOBase::Pointer ioFor(const std::string& path)
{
    const std::string n = lowerName(path);
    if (endsWith(n, ".nii") || endsWith(n, ".nii.gz")) return itk::NiftiImageIO::New().GetPointer();
    if (endsWith(n, ".nrrd") || endsWith(n, ".nhdr")) return itk::NrrdImageIO::New().GetPointer();
    if (endsWith(n, ".mha") || endsWith(n, ".mhd")) return itk::MetaImageIO::New().GetPointer();
    if (endsWith(n, ".png")) return itk::PNGImageIO::New().GetPointer();
    if (endsWith(n, ".jpg") || endsWith(n, ".jpeg")) return itk::JPEGImageIO::New().GetPointer();
    return itk::TIFFImageIO::New().GetPointer();
}

// A tiled TIFF with several resolutions, or a very large one, belongs to the slide viewer.
bool tiffIsSlide(const std::string& path)
{
    TIFFSetWarningHandler(nullptr);
    TIFF* tiff = TIFFOpen(path.c_str(), "r");
    if (!tiff)
        return false;
    uint32_t width = 0, height = 0;
    TIFFGetField(tiff, TIFFTAG_IMAGEWIDTH, &width);
    TIFFGetField(tiff, TIFFTAG_IMAGELENGTH, &height);
    const bool pyramidal = TIFFIsTiled(tiff) && TIFFNumberOfDirectories(tiff) > 1;
    TIFFClose(tiff);
    return pyramidal || width > uint32_t(ItkImageReader::kSlideThreshold) ||
           height > uint32_t(ItkImageReader::kSlideThreshold);
}

PixelType pixelTypeOf(itk::IOComponentEnum component, const std::string& path)
{
    using C = itk::IOComponentEnum;
    switch (component) {
    case C::UCHAR: return PixelType::UInt8;
    case C::CHAR: return PixelType::Int8;
    case C::USHORT: return PixelType::UInt16;
    case C::SHORT: return PixelType::Int16;
    case C::UINT: return PixelType::UInt32;
    case C::INT: return PixelType::Int32;
    case C::FLOAT: return PixelType::Float32;
    case C::DOUBLE: return PixelType::Float64;
    default: break;
    }
    throw IoError(path, "voxel type " + itk::ImageIOBase::GetComponentTypeAsString(component) + " is not supported");
}

} // namespace

double ItkImageReader::confidence(const std::string& path) const
{
    switch (kindOf(path)) {
    case Kind::Volume: return 0.8;
    case Kind::Image: return 0.6;
    case Kind::Tiff: return tiffIsSlide(path) ? 0.0 : 0.6;
    case Kind::None: break;
    }
    return 0.0;
}

Volume ItkImageReader::read(const std::string& path, const TaskControl& control) const
{
    if (kindOf(path) == Kind::None)
        throw IoError(path, "not a format ITK reads here (.nii, .nii.gz, .nrrd, .mha, .png, .jpg, .tif)");
    control.report(0.0, "reading header");
    itk::ImageIOBase::Pointer io = ioFor(path);
    try {
        io->SetFileName(path);
        if (!io->CanReadFile(path.c_str()))
            throw IoError(path, "the file is damaged or not in the format its name says");
        io->ReadImageInformation();
        const unsigned dims = io->GetNumberOfDimensions();
        if (dims < 2 || dims > 3) {
            // A 4-D file with one volume is still a volume.
            if (!(dims == 4 && io->GetDimensions(3) == 1))
                throw IoError(path, std::to_string(dims) + "-D images are not supported");
        }
        ImageGeometry g;
        for (unsigned a = 0; a < 3; ++a) {
            const bool has = a < dims;
            g.size[a] = has ? int(io->GetDimensions(a)) : 1;
            g.spacing[a] = has ? io->GetSpacing(a) : 1.0;
            g.origin[a] = has ? io->GetOrigin(a) : 0.0;
            for (unsigned b = 0; b < 3; ++b) {
                // ITK Direction(i, j) = GetDirection(j)[i]: column j is axis j's direction.
                const double value = (has && b < dims) ? io->GetDirection(a)[b] : (a == b ? 1.0 : 0.0);
                g.direction[b * 3 + a] = value;
            }
        }
        const int components = int(io->GetNumberOfComponents());
        Volume volume(pixelTypeOf(io->GetComponentType(), path), g, components);
        if (control.cancelled())
            throw OperationCancelled{};
        // Straight into the Volume's buffer: no intermediate itk::Image, no copy.
        itk::ImageIORegion region(dims);
        for (unsigned a = 0; a < dims; ++a) {
            region.SetIndex(a, 0);
            region.SetSize(a, io->GetDimensions(a));
        }
        io->SetIORegion(region);
        io->Read(volume.data());
        control.report(1.0, "reading voxels");
        return volume;
    } catch (const itk::ExceptionObject& e) {
        throw IoError(path, std::string("cannot read: ") + e.GetDescription());
    }
}

} // namespace radpath::viewer
