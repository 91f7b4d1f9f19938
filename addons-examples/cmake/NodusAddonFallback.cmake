# Stand-in for the installed nodus SDK (find_package(Nodus)) so an example also builds from a
# plain checkout: the same nodus_add_addon() signature, with the Node-API headers taken from
# NODE_API_HEADERS_DIR (npm `node-api-headers`, its include/ folder) and node-addon-api from
# NODE_ADDON_API_DIR. A Node-API addon links nothing: its napi_* symbols bind to the host process
# (nodus or node) when the .node file is loaded.
set(NODE_API_HEADERS_DIR "" CACHE PATH "Folder holding node_api.h (npm node-api-headers/include)")
set(NODE_ADDON_API_DIR "" CACHE PATH "Folder holding napi.h (npm node-addon-api)")

function(nodus_add_addon)
  cmake_parse_arguments(A "CXX_API" "NAME;NAPI_VERSION" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT A_NAPI_VERSION)
    set(A_NAPI_VERSION 8)
  endif()
  if(NOT EXISTS "${NODE_API_HEADERS_DIR}/node_api.h")
    message(FATAL_ERROR "Set NODE_API_HEADERS_DIR to the folder holding node_api.h, or install the nodus SDK")
  endif()
  add_library(${A_NAME} MODULE ${A_SOURCES})
  set_target_properties(${A_NAME} PROPERTIES PREFIX "" SUFFIX ".node"
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_include_directories(${A_NAME} PRIVATE "${NODE_API_HEADERS_DIR}")
  target_compile_definitions(${A_NAME} PRIVATE NAPI_VERSION=${A_NAPI_VERSION})
  if(A_CXX_API)
    if(NOT EXISTS "${NODE_ADDON_API_DIR}/napi.h")
      message(FATAL_ERROR "Set NODE_ADDON_API_DIR to the folder holding napi.h (npm node-addon-api)")
    endif()
    target_include_directories(${A_NAME} PRIVATE "${NODE_ADDON_API_DIR}")
    target_compile_definitions(${A_NAME} PRIVATE NAPI_CPP_EXCEPTIONS)
  endif()
  target_link_libraries(${A_NAME} PRIVATE ${A_LIBRARIES})
endfunction()
