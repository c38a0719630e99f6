#pragma once
// Volume -> vtkImageData over the same memory: no voxel is copied.

#include "viewer/model/Volume.h"

#include <vtkMatrix4x4.h> // complete: callers hand it to props and transforms
#include <vtkSmartPointer.h>

class vtkImageData;

namespace radpath::viewer {

/// The returned image borrows the Volume's voxels: keep a Volume sharing that buffer alive
/// for as long as the image is in use. Origin, spacing and direction are copied (LPS mm).
vtkSmartPointer<vtkImageData> makeVtkImage(const Volume& volume);

/// Index frame -> LPS (x = i * spacing... mapped by [direction | origin]), as a prop's user
/// matrix or a transform.
vtkSmartPointer<vtkMatrix4x4> indexFrameToPatient(const ImageGeometry& geometry);

/// As makeVtkImage, but at the origin and unrotated (spacing only), for mappers that take the
/// grid's orientation from their prop's matrix rather than the image's direction
/// (vtkImageResliceMapper, the GPU ray caster): give the prop indexFrameToPatient().
vtkSmartPointer<vtkImageData> makeIndexFrameVtkImage(const Volume& volume);

} // namespace radpath::viewer
