cmake_minimum_required(VERSION 3.25)
# cmake -DPROGRAM=... -DARGS="a|b" -DEXPECT_EXIT=N [-DEXPECT_STDOUT_FILE=F -DSTDOUT_FILTER=regex]
#       [-DEXPECT_STDERR_REGEX=regex] [-DEXPECT_STDOUT_WORDS="w1|w2"] -P run_and_check.cmake
# Runs PROGRAM and checks its exit status, and optionally the stdout lines
# matching STDOUT_FILTER against a file, stderr against a regex, and that
# stdout contains each of EXPECT_STDOUT_WORDS (letters and '-', each as a whole word).
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${PROGRAM} ${ARGS} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status STREQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit status ${status}, expected ${EXPECT_EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_STDERR_REGEX AND NOT err MATCHES "${EXPECT_STDERR_REGEX}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR_REGEX}':\n${err}")
endif()
if(DEFINED EXPECT_STDOUT_FILE)
  string(REPLACE "\n" ";" lines "${out}")
  list(FILTER lines INCLUDE REGEX "${STDOUT_FILTER}")
  file(STRINGS ${EXPECT_STDOUT_FILE} expected)
  if(NOT lines STREQUAL expected)
    string(REPLACE ";" "\n" lines "${lines}")
    message(FATAL_ERROR "stdout differs from ${EXPECT_STDOUT_FILE}; got:\n${lines}")
  endif()
endif()
if(DEFINED EXPECT_STDOUT_WORDS)
  string(REPLACE "|" ";" words "${EXPECT_STDOUT_WORDS}")
  foreach(word IN LISTS words)
    if(NOT out MATCHES "(^|[^-a-z])${word}([^-a-z]|$)")  # words are option names: no regex characters
      message(FATAL_ERROR "stdout does not name ${word}:\n${out}")
    endif()
  endforeach()
endif()
