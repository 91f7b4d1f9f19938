# Finds V8 10.2 inside Debian's libnode108, extracted by tools/bootstrap.sh into .deps/v8.
# Defines the imported target nodus::v8 (headers + libv8 + libv8_libplatform).
set(_v8_prefix "${NODUS_DEPS_DIR}/v8/usr")
find_path(NodusV8_INCLUDE_DIR v8.h PATHS "${_v8_prefix}/include/node" NO_DEFAULT_PATH)
find_library(NodusV8_LIBRARY NAMES v8 PATHS "${_v8_prefix}/lib/x86_64-linux-gnu" NO_DEFAULT_PATH)
find_library(NodusV8_PLATFORM_LIBRARY NAMES v8_libplatform PATHS "${_v8_prefix}/lib/x86_64-linux-gnu" NO_DEFAULT_PATH)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(NodusV8 REQUIRED_VARS NodusV8_INCLUDE_DIR NodusV8_LIBRARY NodusV8_PLATFORM_LIBRARY)
if(NodusV8_FOUND AND NOT TARGET nodus::v8)
  add_library(nodus::v8 INTERFACE IMPORTED)
  # The headers live beside node.h and node_api.h; only the v8 ones may be used, so the include
  # directory is exposed under a private prefix that does not shadow the SDK's Node-API headers.
  set_target_properties(nodus::v8 PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${CMAKE_BINARY_DIR}/v8-include"
    INTERFACE_LINK_LIBRARIES "${NodusV8_LIBRARY};${NodusV8_PLATFORM_LIBRARY}")
  # Expose only v8*.h, libplatform/ and cppgc/ (not libnode's node_api.h).
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/v8-include")
  file(GLOB _v8_headers "${NodusV8_INCLUDE_DIR}/v8*.h")
  foreach(h ${_v8_headers})
    get_filename_component(n "${h}" NAME)
    file(CREATE_LINK "${h}" "${CMAKE_BINARY_DIR}/v8-include/${n}" SYMBOLIC)
  endforeach()
  # The inspector headers come from Debian's Node 18 package (same V8), see tools/bootstrap.sh.
  foreach(h v8-inspector.h v8-inspector-protocol.h)
    set(src "${_v8_prefix}/include/nodejs/deps/v8/include/${h}")
    if(EXISTS "${src}" AND NOT EXISTS "${CMAKE_BINARY_DIR}/v8-include/${h}")
      file(CREATE_LINK "${src}" "${CMAKE_BINARY_DIR}/v8-include/${h}" SYMBOLIC)
    endif()
  endforeach()
  foreach(d libplatform cppgc)
    if(NOT EXISTS "${CMAKE_BINARY_DIR}/v8-include/${d}")
      file(CREATE_LINK "${NodusV8_INCLUDE_DIR}/${d}" "${CMAKE_BINARY_DIR}/v8-include/${d}" SYMBOLIC)
    endif()
  endforeach()
  get_filename_component(NodusV8_LIBRARY_DIR "${NodusV8_LIBRARY}" DIRECTORY)
endif()
