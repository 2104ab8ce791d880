# Runs PYTHON SCRIPT and fails unless its output is the file EXPECTED
# (or if numpy is missing: the reference must really run).
execute_process(COMMAND ${PYTHON} ${SCRIPT} OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${SCRIPT} failed: ${errors}")
endif()
file(READ ${EXPECTED} expected)
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "${SCRIPT} no longer writes ${EXPECTED}")
endif()
