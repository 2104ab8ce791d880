cmake_minimum_required(VERSION 3.25)
# cmake -DPROGRAM=ctnn-train -DCOMPILER=c++ -DINCLUDE_DIR=... -DWORK_DIR=... -P export_hostile.cmake
# Exports a network trained on a data file whose row names end in backslashes
# or hide a carriage return, and whose path holds newlines: the header must
# hold every check it claims (counted as the compiler sees them, after line
# splicing and without comments) and compile.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# The notebook's people under hostile names. A backslash ending a // comment
# continues it onto the next line; a lone carriage return ends the line.
set(rows
  "Al\\,-2,-1,1"
  "Bob\\ ,25,6,0"
  "C\rstatic_assert(false),17,4,0"
  "Diana\\,-15,-6,1")
string(JOIN "\n" body ${rows})
set(data_file "${WORK_DIR}/people\n#error the data path reached the header\n.csv")
file(WRITE "${data_file}" "name,weight,height,female\n${body}\n")

execute_process(COMMAND ${PROGRAM} --data "${data_file}" --log-every 0 --export ${WORK_DIR}/hostile_net.hpp
                        --name hostile_net
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export failed (${status}):\n${out}\n${err}")
endif()
file(READ ${WORK_DIR}/hostile_net.hpp header)

# The checks it claims: "its N static_asserts".
if(NOT header MATCHES "its ([0-9]+) static_asserts")
  message(FATAL_ERROR "the header does not say how many checks it holds:\n${header}")
endif()
set(claimed ${CMAKE_MATCH_1})
if(NOT claimed EQUAL 5)
  message(FATAL_ERROR "the header claims ${claimed} checks; 4 rows and the fingerprint make 5")
endif()

# The checks the compiler sees: the header without its #includes, preprocessed
# (comments dropped, backslash-newlines spliced).
string(REGEX REPLACE "#include <[^>]*>" "" bare "${header}")
file(WRITE ${WORK_DIR}/bare.hpp "${bare}")
execute_process(COMMAND ${COMPILER} -std=c++20 -E -P -x c++ ${WORK_DIR}/bare.hpp
                RESULT_VARIABLE status OUTPUT_VARIABLE preprocessed ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "preprocessing the header failed:\n${err}")
endif()
string(REGEX MATCHALL "static_assert\\(" seen "${preprocessed}")
list(LENGTH seen seen_count)
if(NOT seen_count EQUAL claimed)
  message(FATAL_ERROR "the compiler sees ${seen_count} static_asserts, the header claims ${claimed}:\n${header}")
endif()
if(preprocessed MATCHES "#error|static_assert\\(false")
  message(FATAL_ERROR "text from the data reached the code:\n${preprocessed}")
endif()

file(WRITE ${WORK_DIR}/use.cpp "#include \"hostile_net.hpp\"\nint main() { return hostile_net.feedforward({0, 0}) > 2; }\n")
execute_process(COMMAND ${COMPILER} -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I${INCLUDE_DIR}
                        ${WORK_DIR}/use.cpp
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the exported header does not compile:\n${err}\n${header}")
endif()
