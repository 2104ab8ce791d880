cmake_minimum_required(VERSION 3.25)
# cmake -DPROGRAM=ctnn-train -DCOMPILER=c++ -DINCLUDE_DIR=... -DWORK_DIR=... -P export_case_guards.cmake
# Networks whose names differ only in case (net, Net) exported to two headers:
# their include guards must differ, so one file can include both and use both.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
foreach(name net Net)
  execute_process(COMMAND ${PROGRAM} --epochs 1 --log-every 0 --export ${WORK_DIR}/${name}.hpp --name ${name}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "export of ${name} failed (${status}):\n${out}\n${err}")
  endif()
endforeach()
file(WRITE ${WORK_DIR}/use_both.cpp "#include \"net.hpp\"\n#include \"Net.hpp\"\n"
           "int main() { return net.feedforward({0, 0}) + Net.feedforward({0, 0}) > 2; }\n")
execute_process(COMMAND ${COMPILER} -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I${INCLUDE_DIR}
                        -I${WORK_DIR} ${WORK_DIR}/use_both.cpp
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "two headers whose names differ only in case cannot be included together:\n${err}")
endif()
