# Third-party packages of the whole application (ai/ finds its own: it builds alone too).
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets OpenGLWidgets Concurrent Sql Test Charts
                                          LinguistTools)
qt_standard_project_setup()

# VTK 9.1 on Debian needs MPI's C component before VTK, or VTK::mpi fails to configure.
find_package(MPI COMPONENTS C)
find_package(VTK 9.1 REQUIRED COMPONENTS
    CommonCore CommonDataModel CommonExecutionModel ImagingCore
    RenderingCore RenderingOpenGL2 RenderingVolume RenderingVolumeOpenGL2
    RenderingFreeType InteractionStyle FiltersSources)

find_package(ITK 5.2 REQUIRED COMPONENTS ITKCommon ITKIOImageBase ITKIONIFTI ITKIONRRD ITKIOMeta ITKIOPNG ITKIOJPEG ITKIOTIFF ITKIOGDCM
    ITKRegionGrowing ITKLabelVoting ITKBinaryMathematicalMorphology ITKMathematicalMorphology ITKDistanceMap)
find_package(DCMTK REQUIRED CONFIG)

find_package(PkgConfig REQUIRED)
pkg_check_modules(OPENSLIDE REQUIRED IMPORTED_TARGET GLOBAL openslide)
pkg_check_modules(TIFF REQUIRED IMPORTED_TARGET GLOBAL libtiff-4)
pkg_check_modules(OPENJPEG REQUIRED IMPORTED_TARGET GLOBAL libopenjp2)
find_package(JPEG REQUIRED)
find_package(Threads REQUIRED)
