cmake_minimum_required(VERSION 3.25)
# cmake -DPROGRAM=ctnn-train -DCOMPILER=c++ -DINCLUDE_DIR=... -DWORK_DIR=... -DDATA=file.csv [-DSELF_CHECK_ONLY=ON]
#       -P export_check.cmake
# 1. ctnn-train --export writes a header; 2. a TU including only it compiles;
# 3. the same header with any one weight changed (in its last hex digit) does not.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${PROGRAM} --data ${DATA} --log-every 0 --export ${WORK_DIR}/people_net.hpp --name people_net
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT EXISTS ${WORK_DIR}/people_net.hpp)
  message(FATAL_ERROR "export failed (${status}):\n${out}\n${err}")
endif()
file(GLOB left_behind ${WORK_DIR}/people_net.hpp?*)  # the temporary file is people_net.hpp.partial-XXXXXX
if(left_behind)
  message(FATAL_ERROR "a temporary file was left behind: ${left_behind}")
endif()

function(compile header expect_success)
  file(WRITE ${WORK_DIR}/use_${header}.cpp "#include \"${header}.hpp\"\nint main() { return people_net.feedforward({0, 0}) > 2; }\n")
  execute_process(COMMAND ${COMPILER} -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I${INCLUDE_DIR}
                          ${WORK_DIR}/use_${header}.cpp
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(expect_success AND NOT status EQUAL 0)
    message(FATAL_ERROR "the exported header does not compile on its own:\n${err}")
  endif()
  if(NOT expect_success)
    if(status EQUAL 0)
      message(FATAL_ERROR "${header}.hpp compiled although a weight was changed")
    endif()
    if(NOT err MATCHES "static.assert")
      message(FATAL_ERROR "${header}.hpp failed, but not on a static_assert:\n${err}")
    endif()
  endif()
endfunction()

compile(people_net TRUE)
if(SELF_CHECK_ONLY)  # the header's own checks hold; the mutations are tested once, elsewhere
  return()
endif()

# Change the last hex digit of each weight literal in turn: every change must break the build.
file(READ ${WORK_DIR}/people_net.hpp header)
string(REGEX MATCHALL "[-]?0x1\\.[0-9a-f]+p[-+][0-9]+" literals "${header}")
list(LENGTH literals count)
if(count LESS 9)
  message(FATAL_ERROR "expected at least 9 weight literals, found ${count}")
endif()
foreach(index RANGE 0 8)  # the 6 weights and 3 biases come first
  list(GET literals ${index} literal)
  string(REGEX MATCH "([0-9a-f])p[-+][0-9]+$" last "${literal}")
  string(SUBSTRING "${last}" 0 1 digit)
  if(digit STREQUAL "0")
    set(new_digit "1")
  else()
    set(new_digit "0")
  endif()
  string(REGEX REPLACE "[0-9a-f](p[-+][0-9]+)$" "${new_digit}\\1" changed "${literal}")
  string(REPLACE "${literal}" "${changed}" edited "${header}")
  file(WRITE ${WORK_DIR}/edited_${index}.hpp "${edited}")
  compile(edited_${index} FALSE)
endforeach()
