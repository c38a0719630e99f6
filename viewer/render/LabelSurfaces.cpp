#include "viewer/render/LabelSurfaces.h"

#include "viewer/render/VtkImageBridge.h"

#include <vtkDiscreteFlyingEdges3D.h>
#include <vtkImageData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataNormals.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>
#include <vtkWindowedSincPolyDataFilter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <thread>
#include <unordered_map>

namespace radpath::viewer {
namespace {

struct Box {
    std::array<int, 3> lo{0, 0, 0};
    std::array<int, 3> hi{-1, -1, -1}; ///< inclusive; hi < lo: empty
    bool empty() const { return hi[0] < lo[0]; }
    void add(int i, int j, int k)
    {
        if (empty()) {
            lo = hi = {i, j, k};
            return;
        }
        const std::array<int, 3> p{i, j, k};
        for (int a = 0; a < 3; ++a) {
            lo[a] = std::min(lo[a], p[a]);
            hi[a] = std::max(hi[a], p[a]);
        }
    }
};

// Bounding box of every requested label, in one pass over the label map.
std::vector<Box> boundingBoxes(const Volume& labels, const std::vector<int>& values)
{
    std::unordered_map<int, std::vector<std::size_t>> slots;
    for (std::size_t n = 0; n < values.size(); ++n)
        slots[values[n]].push_back(n);
    std::vector<Box> boxes(values.size());
    const auto& size = labels.geometry().size;
    visitPixelType(labels.pixelType(), [&](auto tag) {
        using T = decltype(tag);
        const T* voxels = labels.voxels<T>();
        const int step = labels.components();
        std::size_t index = 0;
        // Runs of one value are common (background above all): look each run up once.
        int lastValue = 0;
        bool looked = false;
        const std::vector<std::size_t>* last = nullptr;
        for (int k = 0; k < size[2]; ++k)
            for (int j = 0; j < size[1]; ++j)
                for (int i = 0; i < size[0]; ++i, ++index) {
                    const int v = int(voxels[index * step]);
                    if (!looked || v != lastValue) {
                        const auto found = slots.find(v);
                        last = found == slots.end() ? nullptr : &found->second;
                        lastValue = v;
                        looked = true;
                    }
                    if (last)
                        for (std::size_t n : *last)
                            boxes[n].add(i, j, k);
                }
    });
    return boxes;
}

// The label's voxels as a 0/1 mask over its box padded by one voxel (so the surface
// closes), in the unrotated data frame: x = i * spacing[0] and so on.
vtkSmartPointer<vtkImageData> paddedMask(const Volume& labels, int value, const Box& box)
{
    const ImageGeometry& g = labels.geometry();
    std::array<int, 3> lo, dims;
    for (int a = 0; a < 3; ++a) {
        lo[a] = box.lo[a] - 1;
        dims[a] = box.hi[a] - box.lo[a] + 3;
    }
    auto mask = vtkSmartPointer<vtkImageData>::New();
    mask->SetDimensions(dims[0], dims[1], dims[2]);
    mask->SetSpacing(g.spacing[0], g.spacing[1], g.spacing[2]);
    mask->SetOrigin(lo[0] * g.spacing[0], lo[1] * g.spacing[1], lo[2] * g.spacing[2]);
    mask->AllocateScalars(VTK_UNSIGNED_CHAR, 1);
    auto* out = static_cast<unsigned char*>(mask->GetScalarPointer());
    std::fill(out, out + std::size_t(dims[0]) * dims[1] * dims[2], 0);
    visitPixelType(labels.pixelType(), [&](auto tag) {
        using T = decltype(tag);
        const T* voxels = labels.voxels<T>();
        const int step = labels.components();
        for (int k = box.lo[2]; k <= box.hi[2]; ++k)
            for (int j = box.lo[1]; j <= box.hi[1]; ++j) {
                const T* row = voxels + labels.linearIndex(0, j, k) * step;
                unsigned char* target = out + (std::size_t(k - lo[2]) * dims[1] + (j - lo[1])) * dims[0] - lo[0];
                for (int i = box.lo[0]; i <= box.hi[0]; ++i)
                    target[i] = int(row[i * step]) == value ? 1 : 0;
            }
    });
    return mask;
}

vtkSmartPointer<vtkPolyData> surfaceOf(const Volume& labels, int value, const Box& box)
{
    auto result = vtkSmartPointer<vtkPolyData>::New();
    if (box.empty())
        return result;
    auto contour = vtkSmartPointer<vtkDiscreteFlyingEdges3D>::New();
    contour->SetInputData(paddedMask(labels, value, box));
    contour->SetValue(0, 1);
    contour->ComputeNormalsOff();
    contour->ComputeGradientsOff();
    contour->ComputeScalarsOff();

    // Windowed sinc smoothing removes the voxel steps without shrinking the surface.
    auto smooth = vtkSmartPointer<vtkWindowedSincPolyDataFilter>::New();
    smooth->SetInputConnection(contour->GetOutputPort());
    smooth->SetNumberOfIterations(20);
    smooth->SetPassBand(0.01);
    smooth->NormalizeCoordinatesOn();
    smooth->BoundarySmoothingOff();
    smooth->FeatureEdgeSmoothingOff();
    smooth->NonManifoldSmoothingOn();

    auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
    normals->SetInputConnection(smooth->GetOutputPort());
    normals->SplittingOff();
    normals->ConsistencyOn();

    // Data frame -> LPS: p = origin + D * (x, y, z). A reflecting D turns the normals with
    // the points, so lighting stays right.
    const ImageGeometry& g = labels.geometry();
    auto transform = vtkSmartPointer<vtkTransform>::New();
    transform->SetMatrix(indexFrameToPatient(g));
    auto toPatient = vtkSmartPointer<vtkTransformPolyDataFilter>::New();
    toPatient->SetInputConnection(normals->GetOutputPort());
    toPatient->SetTransform(transform);
    toPatient->Update();
    result->ShallowCopy(toPatient->GetOutput());
    return result;
}

} // namespace

std::vector<LabelSurface> buildLabelSurfaces(const Volume& labels, const std::vector<int>& values,
                                             const std::atomic<bool>* cancel)
{
    std::vector<LabelSurface> surfaces(values.size());
    if (labels.isNull() || values.empty())
        return surfaces;
    const std::vector<Box> boxes = boundingBoxes(labels, values);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t n = next++; n < values.size(); n = next++) {
            if (cancel && cancel->load())
                return;
            surfaces[n].value = values[n];
            surfaces[n].surface = surfaceOf(labels, values[n], boxes[n]);
        }
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<std::size_t>(threads, values.size()); ++t)
        pool.emplace_back(work);
    work();
    for (std::thread& t : pool)
        t.join();
    return surfaces;
}

} // namespace radpath::viewer
