# Warnings and build speed for every RadPath target.
add_library(radpath_warnings INTERFACE)
target_compile_options(radpath_warnings INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wno-unused-parameter>)

# ccache when present (the presets also set the launcher; this covers plain configures).
find_program(RADPATH_CCACHE ccache)
if(RADPATH_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_C_COMPILER_LAUNCHER ${RADPATH_CCACHE})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${RADPATH_CCACHE})
endif()
