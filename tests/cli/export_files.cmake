cmake_minimum_required(VERSION 3.25)
# cmake -DPROGRAM=ctnn-train -DWORK_DIR=... -P export_files.cmake
# How --export treats the file system: a failed export says why, exits 2 and
# leaves no file behind; a successful one touches no file but its target.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# Runs ctnn-train with ARGN after a quick training; sets status and err in the caller.
function(export_with)
  execute_process(COMMAND ${PROGRAM} --epochs 1 --log-every 0 ${ARGN}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(status ${status} PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

# The files in `dir` must be exactly those named after it.
function(expect_files dir)
  file(GLOB found RELATIVE ${dir} LIST_DIRECTORIES true ${dir}/* ${dir}/.*)
  list(SORT found)
  set(expected ${ARGN})
  list(SORT expected)
  if(NOT "${found}" STREQUAL "${expected}")
    message(FATAL_ERROR "${dir} holds '${found}', expected '${expected}'")
  endif()
endfunction()

function(expect_failure expected_status expected_err)
  if(NOT status EQUAL expected_status OR NOT err STREQUAL expected_err)
    message(FATAL_ERROR "expected exit ${expected_status} and stderr\n${expected_err}got exit ${status} and\n${err}")
  endif()
endfunction()

# 1. The target is an existing directory: said so (not "cannot write: Success"), nothing created.
file(MAKE_DIRECTORY ${WORK_DIR}/a/net.hpp)
export_with(--export ${WORK_DIR}/a/net.hpp)
expect_failure(2 "ctnn-train: ${WORK_DIR}/a/net.hpp: is a directory, not a file\n")
expect_files(${WORK_DIR}/a net.hpp)
expect_files(${WORK_DIR}/a/net.hpp)

# 2. A file of the user's with the name the temporary file once had (net.hpp.partial) is left alone.
file(MAKE_DIRECTORY ${WORK_DIR}/b)
file(WRITE ${WORK_DIR}/b/net.hpp.partial "the user's own notes\n")
export_with(--export ${WORK_DIR}/b/net.hpp)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export failed (${status}):\n${err}")
endif()
file(READ ${WORK_DIR}/b/net.hpp.partial notes)
if(NOT notes STREQUAL "the user's own notes\n")
  message(FATAL_ERROR "the export overwrote net.hpp.partial:\n${notes}")
endif()
expect_files(${WORK_DIR}/b net.hpp net.hpp.partial)

# 3. Writing fails half-way (a file size limit of 1024 bytes; the header is longer):
#    the reason is given and the temporary file removed.
find_program(SH sh)
if(SH)
  file(MAKE_DIRECTORY ${WORK_DIR}/c)
  execute_process(COMMAND ${SH} -c "ulimit -f 1 && trap '' XFSZ && exec \"$0\" \"$@\"" ${PROGRAM}
                          --epochs 1 --log-every 0 --export ${WORK_DIR}/c/net.hpp
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  expect_failure(2 "ctnn-train: ${WORK_DIR}/c/net.hpp: write failed: File too large\n")
  expect_files(${WORK_DIR}/c)
endif()

# 4. A directory that does not exist: the reason is given.
export_with(--export ${WORK_DIR}/missing/net.hpp)
expect_failure(2 "ctnn-train: ${WORK_DIR}/missing/net.hpp: cannot open for writing: No such file or directory\n")
