cmake_minimum_required(VERSION 3.25)
# cmake -DINCLUDE_DIR=include -DOUTPUT=ctnn_single.hpp -P amalgamate.cmake
# Writes ctnn as one header: ctnn/ctnn.hpp with every #include <ctnn/...>
# replaced by that header's text (each header once). Standard and Boost
# includes stay as they are: paste the result into an online compiler that
# has Boost.
set_property(GLOBAL PROPERTY ctnn_amalgamated "")

function(expand relative result)
  get_property(done GLOBAL PROPERTY ctnn_amalgamated)
  if(relative IN_LIST done)
    set(${result} "" PARENT_SCOPE)
    return()
  endif()
  set_property(GLOBAL APPEND PROPERTY ctnn_amalgamated ${relative})
  file(READ ${INCLUDE_DIR}/${relative} text)
  set(text "\n${text}")  # so that every directive follows a newline
  # Only directives at the start of a line (export.hpp writes some inside strings).
  string(REGEX MATCHALL "\n#include <ctnn/[^>\n]+>" includes "${text}")
  foreach(line ${includes})
    string(REGEX REPLACE "\n#include <(ctnn/[^>]+)>" "\\1" inner "${line}")
    expand(${inner} inner_text)
    string(REPLACE "${line}" "\n// ---- ${inner} ----\n${inner_text}" text "${text}")
  endforeach()
  set(${result} "${text}" PARENT_SCOPE)
endfunction()

expand(ctnn/ctnn.hpp all)
expand(ctnn/io/csv.hpp csv)
expand(ctnn/io/export.hpp export)
file(WRITE ${OUTPUT} "// ctnn as a single header, generated from include/ctnn by cmake/amalgamate.cmake.\n${all}${csv}${export}")
