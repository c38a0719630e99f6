#include "viewer/render/VtkImageBridge.h"

#include <vtkDataArray.h>
#include <vtkImageData.h>
#include <vtkMatrix4x4.h>
#include <vtkPointData.h>
#include <vtkType.h>

namespace radpath::viewer {
namespace {

int vtkTypeOf(PixelType type)
{
    switch (type) {
    case PixelType::UInt8: return VTK_UNSIGNED_CHAR;
    case PixelType::Int8: return VTK_SIGNED_CHAR;
    case PixelType::UInt16: return VTK_UNSIGNED_SHORT;
    case PixelType::Int16: return VTK_SHORT;
    case PixelType::UInt32: return VTK_UNSIGNED_INT;
    case PixelType::Int32: return VTK_INT;
    case PixelType::Float32: return VTK_FLOAT;
    case PixelType::Float64: return VTK_DOUBLE;
    }
    return VTK_SHORT;
}

} // namespace

vtkSmartPointer<vtkImageData> makeVtkImage(const Volume& volume)
{
    auto image = vtkSmartPointer<vtkImageData>::New();
    if (volume.isNull())
        return image;
    const ImageGeometry& g = volume.geometry();
    image->SetDimensions(g.size[0], g.size[1], g.size[2]);
    image->SetSpacing(g.spacing[0], g.spacing[1], g.spacing[2]);
    image->SetOrigin(g.origin[0], g.origin[1], g.origin[2]);
    image->SetDirectionMatrix(g.direction.data());

    vtkSmartPointer<vtkDataArray> scalars;
    scalars.TakeReference(vtkDataArray::CreateDataArray(vtkTypeOf(volume.pixelType())));
    scalars->SetNumberOfComponents(volume.components());
    // save = 1: VTK must never free memory the Volume owns.
    scalars->SetVoidArray(const_cast<void*>(volume.data()),
                          vtkIdType(volume.voxelCount()) * volume.components(), 1);
    scalars->SetName("voxels");
    image->GetPointData()->SetScalars(scalars);
    return image;
}

vtkSmartPointer<vtkMatrix4x4> indexFrameToPatient(const ImageGeometry& geometry)
{
    auto matrix = vtkSmartPointer<vtkMatrix4x4>::New();
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c)
            matrix->SetElement(r, c, geometry.direction[size_t(3 * r + c)]);
        matrix->SetElement(r, 3, geometry.origin[size_t(r)]);
    }
    return matrix;
}

vtkSmartPointer<vtkImageData> makeIndexFrameVtkImage(const Volume& volume)
{
    vtkSmartPointer<vtkImageData> image = makeVtkImage(volume);
    image->SetOrigin(0, 0, 0);
    const double identity[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    image->SetDirectionMatrix(identity);
    return image;
}

} // namespace radpath::viewer
