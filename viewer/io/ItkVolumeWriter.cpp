#include "viewer/io/ItkVolumeWriter.h"

#include "viewer/io/IoError.h"
#include "viewer/io/NiftiWriter.h"

#include <itkImage.h>
#include <itkImageFileWriter.h>
#include <itkImportImageFilter.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace radpath::viewer {
namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

itk::ImageIOBase::Pointer ioFor(const std::string& path)
{
    if (endsWith(path, ".nii") || endsWith(path, ".nii.gz"))
        return itk::NiftiImageIO::New().GetPointer();
    if (endsWith(path, ".nrrd") || endsWith(path, ".nhdr"))
        return itk::NrrdImageIO::New().GetPointer();
    if (endsWith(path, ".mha") || endsWith(path, ".mhd"))
        return itk::MetaImageIO::New().GetPointer();
    throw IoError(path, "unknown volume format (use .nii, .nii.gz, .nrrd or .mha)");
}

/// `data` on `g` written through ITK without a copy. With D = 4 a fourth axis of `channels`
/// volumes follows the three of `g` (spacing 1, origin 0, perpendicular to them).
template <class T, unsigned D>
void write(const T* data, const ImageGeometry& g, int channels, const std::string& path, const std::string& temporary)
{
    using Image = itk::Image<T, D>;
    using Import = itk::ImportImageFilter<T, D>;
    auto import = Import::New();
    typename Import::SizeType size;
    typename Import::IndexType start;
    double origin[D], spacing[D];
    typename Image::DirectionType direction;
    direction.SetIdentity();
    for (unsigned a = 0; a < D; ++a) {
        size[a] = itk::SizeValueType(a < 3 ? g.size[a] : channels);
        start[a] = 0;
        origin[a] = a < 3 ? g.origin[a] : 0.0;
        spacing[a] = a < 3 ? g.spacing[a] : 1.0;
        for (unsigned b = 0; a < 3 && b < 3; ++b)
            direction[a][b] = g.direction[a * 3 + b];
    }
    typename Import::RegionType region;
    region.SetIndex(start);
    region.SetSize(size);
    import->SetRegion(region);
    import->SetOrigin(origin);
    import->SetSpacing(spacing);
    import->SetDirection(direction);
    // false: ITK must not free memory that the caller owns.
    import->SetImportPointer(const_cast<T*>(data), itk::SizeValueType(region.GetNumberOfPixels()), false);

    auto writer = itk::ImageFileWriter<Image>::New();
    writer->SetInput(import->GetOutput());
    writer->SetImageIO(ioFor(path));
    writer->SetFileName(temporary);
    writer->UseCompressionOn();
    writer->Update();
}

/// Same extension for the temporary file: ITK picks compression from it.
std::string temporaryFor(const std::string& path)
{
    const fs::path target(path);
    const std::string name = target.filename().string();
    const size_t dot = name.find('.');
    return (target.parent_path() / ("." + name.substr(0, dot) + ".part" + (dot == std::string::npos ? "" : name.substr(dot))))
        .string();
}

/// Runs `write` into the temporary file, then renames it to `path`; nothing is left behind
/// when it fails.
template <class F> void writeAtomically(const std::string& path, F&& write)
{
    const std::string temporary = temporaryFor(path);
    try {
        write(temporary);
    } catch (const itk::ExceptionObject& e) {
        std::error_code ec;
        fs::remove(temporary, ec);
        throw IoError(path, std::string("cannot write: ") + e.GetDescription());
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec)
        throw IoError(path, "cannot rename into place: " + ec.message());
}

} // namespace

void writeVolumeWithItk(const Volume& volume, const std::string& path)
{
    // Uncompressed NIfTI needs no library: one header, one write of the buffer.
    if (endsWith(path, ".nii"))
        return writeNifti(volume, path);
    if (volume.components() != 1)
        throw IoError(path, "colour volumes cannot be written to this format yet");
    ioFor(path); // an unknown extension is refused before anything is written
    writeAtomically(path, [&](const std::string& temporary) {
        visitPixelType(volume.pixelType(), [&](auto tag) {
            using T = decltype(tag);
            write<T, 3>(volume.voxels<T>(), volume.geometry(), 1, path, temporary);
        });
    });
}

void writeChannelsWithItk(const float* channels, int count, const ImageGeometry& geometry, const std::string& path)
{
    ioFor(path);
    writeAtomically(path, [&](const std::string& temporary) { write<float, 4>(channels, geometry, count, path, temporary); });
}

} // namespace radpath::viewer
