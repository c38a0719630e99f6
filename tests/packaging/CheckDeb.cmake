# Builds the Debian package and checks it the way a user's machine would see it:
# contents, dependencies, menu entry and metadata, and that the unpacked programs run
# (the AI module found beside them in /usr/lib/radpath).
# cmake -DBUILD_DIR=... -DOUT_DIR=... -DSOURCE_DIR=... -P CheckDeb.cmake

file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})
execute_process(COMMAND cpack -G DEB --config ${BUILD_DIR}/CPackConfig.cmake -B ${OUT_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT (rc EQUAL 0))
    message(FATAL_ERROR "packaging check failed: cpack failed: ${out} ${err}")
endif()
file(GLOB debs ${OUT_DIR}/*.deb)
list(LENGTH debs count)
if(NOT (count EQUAL 1))
    message(FATAL_ERROR "packaging check failed: expected one .deb, found: ${debs}")
endif()
message(STATUS "built ${debs}")

execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
if(NOT (rc EQUAL 0))
    message(FATAL_ERROR "packaging check failed: dpkg-deb -c failed")
endif()
foreach(path ./usr/bin/radpath ./usr/bin/radpath-cli ./usr/lib/radpath/libradpath_ai.so
             ./usr/share/applications/radpath.desktop ./usr/share/metainfo/org.radpath.RadPath.metainfo.xml
             ./usr/share/icons/hicolor/scalable/apps/radpath.svg)
    string(FIND "${contents}" "${path}" at)
    if(NOT (NOT at EQUAL -1))
        message(FATAL_ERROR "packaging check failed: ${path} missing from the package")
    endif()
endforeach()

execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends)
foreach(lib libqt6widgets6 libopenslide0 libdcmtk17)
    string(FIND "${depends}" "${lib}" at)
    if(NOT (NOT at EQUAL -1))
        message(FATAL_ERROR "packaging check failed: Depends lacks ${lib}: ${depends}")
    endif()
endforeach()

find_program(DESKTOP_VALIDATE desktop-file-validate)
if(DESKTOP_VALIDATE)
    execute_process(COMMAND ${DESKTOP_VALIDATE} ${SOURCE_DIR}/packaging/radpath.desktop
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT (rc EQUAL 0))
        message(FATAL_ERROR "packaging check failed: desktop-file-validate: ${out} ${err}")
    endif()
endif()
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
    execute_process(COMMAND ${APPSTREAMCLI} validate --no-net --pedantic ${SOURCE_DIR}/packaging/org.radpath.RadPath.metainfo.xml
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT (rc EQUAL 0))
        message(FATAL_ERROR "packaging check failed: appstreamcli validate: ${out} ${err}")
    endif()
endif()

# Unpacked as dpkg would install it: the programs run and find the AI module.
set(root ${OUT_DIR}/root)
execute_process(COMMAND dpkg-deb -x ${debs} ${root} RESULT_VARIABLE rc)
if(NOT (rc EQUAL 0))
    message(FATAL_ERROR "packaging check failed: dpkg-deb -x failed")
endif()
execute_process(COMMAND ${root}/usr/bin/radpath-cli ai-info RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT (rc EQUAL 0))
    message(FATAL_ERROR "packaging check failed: installed radpath-cli ai-info failed: ${out} ${err}")
endif()
string(FIND "${out}" "${root}/usr/lib/radpath/libradpath_ai.so" at)
if(NOT (NOT at EQUAL -1))
    message(FATAL_ERROR "packaging check failed: installed radpath-cli did not load the installed module: ${out}")
endif()
execute_process(COMMAND ${root}/usr/bin/radpath --version RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT (rc EQUAL 0))
    message(FATAL_ERROR "packaging check failed: installed radpath --version failed")
endif()
message(STATUS "package checks passed")
