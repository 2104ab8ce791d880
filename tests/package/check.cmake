cmake_minimum_required(VERSION 3.25)
# cmake -DMODE=install|subdirectory -DSOURCE_DIR=... -DBINARY_DIR=... -DWORK_DIR=... -DCOMPILER=... -P check.cmake
# install:      cmake --install the build into a fresh prefix, then build and run a
#               consumer that uses find_package(ctnn) and ctnn::ctnn.
# subdirectory: build and run a project that does add_subdirectory(ctnn).
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()

if(MODE STREQUAL "install")
  run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${WORK_DIR}/prefix)
  foreach(file include/ctnn/ctnn.hpp include/ctnn/bits/exp_table.hpp share/cmake/ctnn/ctnnConfig.cmake
               share/cmake/ctnn/ctnnConfigVersion.cmake)
    if(NOT EXISTS ${WORK_DIR}/prefix/${file})
      message(FATAL_ERROR "not installed: ${file}")
    endif()
  endforeach()
  set(project ${CMAKE_CURRENT_LIST_DIR}/consumer)
  set(options -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
  set(program consumer)
else()
  set(project ${CMAKE_CURRENT_LIST_DIR}/subdirectory)
  set(options -DCTNN_SOURCE_DIR=${SOURCE_DIR})
  set(program user)
endif()
run(${CMAKE_COMMAND} -S ${project} -B ${WORK_DIR}/build -DCMAKE_CXX_COMPILER=${COMPILER} ${options})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/${program})
