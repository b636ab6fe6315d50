# Installs the built faqsearch into a scratch prefix, then configures and builds
# the examples as an outside project with find_package(faqsearch), and runs them.
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "command failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}" --config "${CONFIG}")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/build"
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DFAQSEARCH_EXAMPLES_DIR=${EXAMPLES_DIR}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/examples/index_minimal" "${WORK_DIR}/db")
run("${WORK_DIR}/build/examples/search_minimal" "${WORK_DIR}/db" "wallet backup")
if(NOT last_output MATCHES "^kb-1\t")
  message(FATAL_ERROR "search_minimal did not find kb-1 first:\n${last_output}")
endif()
run("${WORK_DIR}/build/examples/search_minimal" "${WORK_DIR}/db" "用户ID")
if(NOT last_output MATCHES "^kb-2\t")
  message(FATAL_ERROR "search_minimal did not find kb-2 first:\n${last_output}")
endif()
message(STATUS "package test passed")
