#include "viewer/model/LabelFilters.h"

#include <itkBinaryBallStructuringElement.h>
#include <itkBinaryMedianImageFilter.h>
#include <itkBinaryMorphologicalClosingImageFilter.h>
#include <itkConfidenceConnectedImageFilter.h>
#include <itkConnectedThresholdImageFilter.h>
#include <itkImportImageFilter.h>
#include <itkSignedMaurerDistanceMapImageFilter.h>

#include <algorithm>
#include <stdexcept>

namespace radpath::viewer::detail {
namespace {

template <class T, unsigned D> using Image = itk::Image<T, D>;

// An ITK image over `pixels` (not copied, not owned).
template <class T, unsigned D>
typename Image<T, D>::Pointer wrap(const T* pixels, const std::array<int, 3>& size,
                                   const std::array<double, 3>& spacing)
{
    using Import = itk::ImportImageFilter<T, D>;
    auto import = Import::New();
    typename Import::SizeType s;
    typename Import::IndexType start;
    double sp[D];
    itk::SizeValueType count = 1;
    for (unsigned a = 0; a < D; ++a) {
        s[a] = itk::SizeValueType(size[a]);
        start[a] = 0;
        sp[a] = spacing[a];
        count *= s[a];
    }
    typename Import::RegionType region;
    region.SetSize(s);
    region.SetIndex(start);
    import->SetRegion(region);
    import->SetSpacing(sp);
    import->SetImportPointer(const_cast<T*>(pixels), count, false);
    import->Update();
    typename Image<T, D>::Pointer image = import->GetOutput();
    image->DisconnectPipeline();
    return image;
}

template <class I> Mask toMask(I* image)
{
    const auto* p = image->GetBufferPointer();
    const std::size_t n = image->GetBufferedRegion().GetNumberOfPixels();
    return Mask(p, p + n);
}

// The image as float voxels, unless it is int16 already (CT), which ITK reads in place.
template <class F> Mask withImage(const Volume& image, F&& run)
{
    const auto& g = image.geometry();
    if (image.pixelType() == PixelType::Int16 && image.components() == 1)
        return run(wrap<std::int16_t, 3>(image.voxels<std::int16_t>(), g.size, g.spacing));
    std::vector<float> copy(image.voxelCount());
    for (int k = 0, n = 0; k < g.size[2]; ++k)
        for (int j = 0; j < g.size[1]; ++j)
            for (int i = 0; i < g.size[0]; ++i, ++n)
                copy[size_t(n)] = float(image.valueAt(i, j, k));
    return run(wrap<float, 3>(copy.data(), g.size, g.spacing));
}

template <class P> itk::Index<3> indexOf(const VoxelIndex& seed)
{
    itk::Index<3> index;
    for (unsigned a = 0; a < 3; ++a)
        index[a] = seed[a];
    return index;
}

} // namespace

Mask connectedThreshold(const Volume& image, const VoxelIndex& seed, double lower, double upper)
{
    return withImage(image, [&](auto input) {
        using In = typename decltype(input)::ObjectType;
        auto filter = itk::ConnectedThresholdImageFilter<In, Image<std::uint8_t, 3>>::New();
        filter->SetInput(input);
        filter->SetLower(static_cast<typename In::PixelType>(
            std::max(lower, double(itk::NumericTraits<typename In::PixelType>::NonpositiveMin()))));
        filter->SetUpper(static_cast<typename In::PixelType>(
            std::min(upper, double(itk::NumericTraits<typename In::PixelType>::max()))));
        filter->SetReplaceValue(1);
        filter->SetConnectivity(itk::ConnectedThresholdImageFilter<In, Image<std::uint8_t, 3>>::FaceConnectivity);
        filter->AddSeed(indexOf<In>(seed));
        filter->Update();
        return toMask(filter->GetOutput());
    });
}

Mask confidenceConnected(const Volume& image, const VoxelIndex& seed, double multiplier, int iterations, int radius)
{
    return withImage(image, [&](auto input) {
        using In = typename decltype(input)::ObjectType;
        auto filter = itk::ConfidenceConnectedImageFilter<In, Image<std::uint8_t, 3>>::New();
        filter->SetInput(input);
        filter->SetMultiplier(multiplier);
        filter->SetNumberOfIterations(unsigned(std::max(0, iterations)));
        filter->SetInitialNeighborhoodRadius(unsigned(std::max(1, radius)));
        filter->SetReplaceValue(1);
        filter->AddSeed(indexOf<In>(seed));
        filter->Update();
        return toMask(filter->GetOutput());
    });
}

Mask smoothMask(const Mask& mask, const std::array<int, 3>& size, Smoothing method, int radius)
{
    using M = Image<std::uint8_t, 3>;
    const auto input = wrap<std::uint8_t, 3>(mask.data(), size, {1.0, 1.0, 1.0});
    if (method == Smoothing::Median) {
        auto filter = itk::BinaryMedianImageFilter<M, M>::New();
        M::SizeType r;
        r.Fill(itk::SizeValueType(std::max(1, radius)));
        filter->SetInput(input);
        filter->SetRadius(r);
        filter->SetForegroundValue(1);
        filter->SetBackgroundValue(0);
        filter->Update();
        return toMask(filter->GetOutput());
    }
    using Ball = itk::BinaryBallStructuringElement<std::uint8_t, 3>;
    Ball ball;
    ball.SetRadius(itk::SizeValueType(std::max(1, radius)));
    ball.CreateStructuringElement();
    auto filter = itk::BinaryMorphologicalClosingImageFilter<M, M, Ball>::New();
    filter->SetInput(input);
    filter->SetKernel(ball);
    filter->SetForegroundValue(1);
    filter->SetSafeBorder(true);
    filter->Update();
    return toMask(filter->GetOutput());
}

std::vector<float> signedDistance2D(const Mask& mask, int width, int height, double sx, double sy)
{
    using M = Image<std::uint8_t, 2>;
    using F = Image<float, 2>;
    const auto input = wrap<std::uint8_t, 2>(mask.data(), {width, height, 1}, {sx, sy, 1.0});
    auto filter = itk::SignedMaurerDistanceMapImageFilter<M, F>::New();
    filter->SetInput(input);
    filter->SetSquaredDistance(false);
    filter->SetUseImageSpacing(true);
    filter->SetInsideIsPositive(false);
    filter->SetBackgroundValue(0);
    filter->Update();
    const float* p = filter->GetOutput()->GetBufferPointer();
    return std::vector<float>(p, p + std::size_t(width) * std::size_t(height));
}

} // namespace radpath::viewer::detail
