# Wraps Xapian in an imported target. Xapian's own CMake config only sets
# XAPIAN_LIBRARIES and XAPIAN_INCLUDE_DIR, so we go through pkg-config.
include(FindPackageHandleStandardArgs)
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_XAPIAN QUIET xapian-core)
endif()
find_path(Xapian_INCLUDE_DIR xapian.h HINTS ${PC_XAPIAN_INCLUDE_DIRS})
find_library(Xapian_LIBRARY NAMES xapian HINTS ${PC_XAPIAN_LIBRARY_DIRS})
set(Xapian_VERSION ${PC_XAPIAN_VERSION})
find_package_handle_standard_args(Xapian
  REQUIRED_VARS Xapian_LIBRARY Xapian_INCLUDE_DIR
  VERSION_VAR Xapian_VERSION)
if(Xapian_FOUND AND NOT TARGET Xapian::xapian)
  add_library(Xapian::xapian UNKNOWN IMPORTED)
  set_target_properties(Xapian::xapian PROPERTIES
    IMPORTED_LOCATION "${Xapian_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Xapian_INCLUDE_DIR}")
endif()
mark_as_advanced(Xapian_INCLUDE_DIR Xapian_LIBRARY)
