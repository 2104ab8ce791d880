# examples/digits with bad classification data: one message naming the
# problem, exit status 2, and no output header. DIGITS is the program, WORK a
# scratch folder.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(header "p0")
foreach(i RANGE 1 63)
  string(APPEND header ",p${i}")
endforeach()
string(APPEND header ",digit\n")
# A row of 64 pixels with the given class label.
function(row label out)
  string(REPEAT "1," 64 pixels)
  set(${out} "${pixels}${label}\n" PARENT_SCOPE)
endfunction()
set(all_classes "")
foreach(d RANGE 0 9)
  row(${d} r)
  string(APPEND all_classes "${r}")
endforeach()

row(rose not_a_class)
string(REPEAT "1," 63 short_pixels)
string(REPLACE "1,1,1," "1,inf,1," non_finite "${all_classes}")
row(3 r3)
string(REPLACE "${r3}" "" no_threes "${all_classes}")

set(cases
  "labels|${header}${all_classes}${not_a_class}|class 'rose' is not one of the classes \\(0, 1, 2, 3, 4, 5, 6, 7, 8, 9\\)"
  "widths|${header}${all_classes}${short_pixels}7\n|expected 65 columns, found 64"
  "empty class|${header}${no_threes}|class '3' has no rows"
  "non-finite|${header}${non_finite}|column 2: 'inf' is not finite")
foreach(case IN LISTS cases)
  string(FIND "${case}" "|" first)
  string(SUBSTRING "${case}" 0 ${first} name)
  math(EXPR rest_start "${first} + 1")
  string(SUBSTRING "${case}" ${rest_start} -1 rest)
  string(FIND "${rest}" "|" second)
  string(SUBSTRING "${rest}" 0 ${second} content)
  math(EXPR message_start "${second} + 1")
  string(SUBSTRING "${rest}" ${message_start} -1 message)
  file(WRITE ${WORK}/data.csv "${content}")
  execute_process(COMMAND ${DIGITS} ${WORK}/out.hpp ${WORK}/data.csv
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 2)
    message(FATAL_ERROR "${name}: exit status ${status}, expected 2\n${out}${err}")
  endif()
  # The path is not part of the regular expression: it may hold '+' (build-g++).
  string(REPLACE "digits: ${WORK}/data.csv" "digits: DATA" err "${err}")
  if(NOT err MATCHES "^digits: DATA(:[0-9]+)?: ${message}\n$")
    message(FATAL_ERROR "${name}: unexpected message: ${err}")
  endif()
  if(EXISTS ${WORK}/out.hpp)
    message(FATAL_ERROR "${name}: an output header was written")
  endif()
endforeach()
