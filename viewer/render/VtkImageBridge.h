#pragma once
// Volume -> vtkImageData over the same memory: no voxel is copied.

#include "viewer/model/Volume.h"

#include <vtkSmartPointer.h>

class vtkImageData;

namespace radpath::viewer {

/// The returned image borrows the Volume's voxels: keep a Volume sharing that buffer alive
/// for as long as the image is in use. Origin, spacing and direction are copied (LPS mm).
vtkSmartPointer<vtkImageData> makeVtkImage(const Volume& volume);

} // namespace radpath::viewer
