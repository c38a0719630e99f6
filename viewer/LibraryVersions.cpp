#include "viewer/LibraryVersions.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <itkVersion.h>
#include <vtkVersion.h>

namespace radpath::viewer {

std::vector<std::pair<std::string, std::string>> libraryVersions()
{
    return {
        {"VTK", vtkVersion::GetVTKVersion()},
        {"ITK", itk::Version::GetITKVersion()},
        {"DCMTK", OFFIS_DCMTK_VERSION_STRING},
    };
}

} // namespace radpath::viewer
