cmake_minimum_required(VERSION 3.25)
# cmake -DOUTPUT=out.cpp -DSOURCES="a.hpp|b.hpp|c.cpp" -P single_header_example.cmake
# Concatenates the sources after #include "ctnn_single.hpp", dropping their
# #include <ctnn/...> and local #include "..." lines.
string(REPLACE "|" ";" SOURCES "${SOURCES}")
set(text "#include \"ctnn_single.hpp\"\n")
foreach(source ${SOURCES})
  file(READ ${source} content)
  string(REGEX REPLACE "\n#include <ctnn/[^>\n]+>" "\n" content "\n${content}")
  string(REGEX REPLACE "\n#include \"[^\"\n]+\"" "\n" content "${content}")
  string(APPEND text "// ---- ${source} ----\n${content}\n")
endforeach()
file(WRITE ${OUTPUT} "${text}")
