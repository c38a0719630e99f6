# radpath_test_orthanc: OrthancFixture (a real Orthanc for tests and benchmarks). Included by
# tests/viewer and tests/bench; whichever comes first defines the library.
find_package(Qt6 6.4 REQUIRED COMPONENTS Network)
if(NOT TARGET radpath_test_orthanc)
    add_library(radpath_test_orthanc STATIC
        ${CMAKE_CURRENT_LIST_DIR}/OrthancFixture.cpp ${CMAKE_CURRENT_LIST_DIR}/OrthancFixture.h)
    target_include_directories(radpath_test_orthanc PUBLIC ${CMAKE_CURRENT_LIST_DIR})
    target_link_libraries(radpath_test_orthanc PUBLIC Qt6::Core Qt6::Network PRIVATE radpath_warnings)
endif()
