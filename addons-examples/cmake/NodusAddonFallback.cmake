# Stand-in for the installed nodus SDK (find_package(Nodus)) so an example also builds from a
# plain checkout: the same nodus_add_addon(<name> SOURCES ... [NAPI_VERSION n]), with the
# Node-API headers taken from NODE_API_HEADERS_DIR (npm `node-api-headers`, its include/ folder).
# A Node-API addon links nothing: its napi_* symbols bind to the host process (nodus or node)
# when the .node file is loaded.
set(NODE_API_HEADERS_DIR "" CACHE PATH "Folder holding node_api.h (npm node-api-headers/include)")

function(nodus_add_addon name)
  cmake_parse_arguments(A "" "NAPI_VERSION" "SOURCES" ${ARGN})
  if(NOT A_NAPI_VERSION)
    set(A_NAPI_VERSION 8)
  endif()
  if(NOT EXISTS "${NODE_API_HEADERS_DIR}/node_api.h")
    message(FATAL_ERROR "Install the nodus SDK (find_package(Nodus)), or set NODE_API_HEADERS_DIR "
                        "to the folder holding node_api.h")
  endif()
  add_library(${name} MODULE ${A_SOURCES})
  set_target_properties(${name} PROPERTIES PREFIX "" SUFFIX ".node"
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden)
  target_include_directories(${name} PRIVATE "${NODE_API_HEADERS_DIR}")
  target_compile_definitions(${name} PRIVATE NAPI_VERSION=${A_NAPI_VERSION})
endfunction()
