#include "viewer/render/VtkImageBridge.h"

#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkIntArray.h>
#include <vtkPointData.h>
#include <vtkShortArray.h>
#include <vtkUnsignedCharArray.h>
#include <vtkUnsignedShortArray.h>

namespace radpath::viewer {
namespace {

template <class ArrayT, class T> vtkSmartPointer<vtkDataArray> borrow(const Volume& volume)
{
    auto array = vtkSmartPointer<ArrayT>::New();
    array->SetNumberOfComponents(1);
    // save = 1: VTK must never free memory the Volume owns.
    array->SetArray(const_cast<T*>(static_cast<const T*>(volume.data())), vtkIdType(volume.voxelCount()), 1);
    array->SetName("voxels");
    return array;
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
    switch (volume.pixelType()) {
    case PixelType::UInt8: scalars = borrow<vtkUnsignedCharArray, unsigned char>(volume); break;
    case PixelType::Int16: scalars = borrow<vtkShortArray, short>(volume); break;
    case PixelType::UInt16: scalars = borrow<vtkUnsignedShortArray, unsigned short>(volume); break;
    case PixelType::Int32: scalars = borrow<vtkIntArray, int>(volume); break;
    case PixelType::Float32: scalars = borrow<vtkFloatArray, float>(volume); break;
    }
    image->GetPointData()->SetScalars(scalars);
    return image;
}

} // namespace radpath::viewer
