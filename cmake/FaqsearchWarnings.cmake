# Warnings and sanitizers go on our own targets only, never into global flags.
function(faqsearch_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  # GCC 12 at -O3 (Release) warns -Wrestrict inside libstdc++'s own
  # std::string code (GCC bug 105329 and its duplicates): a false
  # positive in the standard library, not in our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(FAQSEARCH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(FAQSEARCH_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    # PUBLIC: whatever links a sanitized static libfaqsearch needs the runtimes too.
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
