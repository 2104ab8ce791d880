cmake_minimum_required(VERSION 3.25)
# cmake -DPROGRAM=writer -DCOMPILER=c++ -DINCLUDE_DIR=ctnn/include -DACTIVATION_DIR=dir -DWORK_DIR=... -P compile_exported.cmake
# PROGRAM writes a header to WORK_DIR/exported.hpp; a TU including only it must compile
# (ACTIVATION_DIR holds the header of the user-defined activation it uses).
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${PROGRAM} ${WORK_DIR}/exported.hpp RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "writing the header failed (${status}):\n${err}")
endif()
file(WRITE ${WORK_DIR}/use.cpp "#include \"exported.hpp\"\nint main() {}\n")
execute_process(COMMAND ${COMPILER} -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I${INCLUDE_DIR} -I${ACTIVATION_DIR}
                        ${WORK_DIR}/use.cpp
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the exported header does not compile on its own:\n${err}")
endif()
