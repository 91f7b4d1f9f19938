# The nodus SDK's CMake functions, used both by the in-tree build and by outside authors through
# find_package(Nodus). Before including this file, the includer defines:
#   NODUS_JS2C             the js2c executable (a target name in-tree, a path when installed)
#   NODUS_SDK_TARGET       an interface target with the SDK include directories
#
# nodus_add_addon(NAME SOURCES ... [NAPI_VERSION n])
#   A Node-API addon: NAME.node, loadable by nodus and by Node.js alike.
# nodus_add_plugin(NAME SOURCES ... JS_DIR dir MODULES ids... [DEPENDS plugins...]
#                  [LIBRARIES libs...] [VERSION x.y.z] [OUTPUT_DIR dir] [NAPI_VERSION n])
#   A plugin: libnodus_NAME.so carrying its binding and its JS, exporting only the entry symbol,
#   plus NAME.plugin.json (its manifest entry) beside it. With ALTERNATIVE, the plugin is a second
#   implementation of modules another plugin provides: it is built but left out of the generated
#   manifest, and chosen at run time with --plugin / NODUS_PLUGIN_<NAME>. In the nodus source
#   tree, the plugins named by DEPENDS are added too when the build's list leaves them out.
# nodus_embed_js(OUT file.cc SYMBOL c_name BASE dir FILES js...)
#   Embeds JS files as a nodus_js_source table (module id = path below BASE without ".js").

set(NODUS_SDK_DIR "${CMAKE_CURRENT_LIST_DIR}")
set_property(GLOBAL PROPERTY NODUS_MANIFEST_ENTRIES "")

function(nodus_embed_js)
  cmake_parse_arguments(A "" "OUT;SYMBOL;BASE" "FILES" ${ARGN})
  set(args "${A_OUT}" "${A_SYMBOL}")
  foreach(f ${A_FILES})
    file(RELATIVE_PATH rel "${A_BASE}" "${f}")
    string(REGEX REPLACE "\\.js$" "" id "${rel}")
    list(APPEND args "${id}=${f}")
  endforeach()
  set(deps ${A_FILES})
  if(TARGET ${NODUS_JS2C})
    list(APPEND deps ${NODUS_JS2C})
  endif()
  add_custom_command(OUTPUT "${A_OUT}"
    COMMAND ${NODUS_JS2C} ${args}
    DEPENDS ${deps}
    COMMENT "Embedding ${A_SYMBOL} JS" VERBATIM)
endfunction()

function(nodus_add_addon name)
  cmake_parse_arguments(A "" "NAPI_VERSION" "SOURCES" ${ARGN})
  if(NOT A_NAPI_VERSION)
    set(A_NAPI_VERSION 8)
  endif()
  add_library(${name} MODULE ${A_SOURCES})
  set_target_properties(${name} PROPERTIES PREFIX "" SUFFIX ".node"
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden)
  target_link_libraries(${name} PRIVATE ${NODUS_SDK_TARGET})
  target_compile_definitions(${name} PRIVATE NAPI_VERSION=${A_NAPI_VERSION})
endfunction()

function(nodus_add_plugin name)
  cmake_parse_arguments(A "ALTERNATIVE" "JS_DIR;VERSION;OUTPUT_DIR;NAPI_VERSION" "SOURCES;MODULES;DEPENDS;LIBRARIES" ${ARGN})
  if(NOT A_VERSION)
    set(A_VERSION "${PROJECT_VERSION}")
  endif()
  if(NOT A_VERSION)
    set(A_VERSION "0.0.0")
  endif()
  if(NOT A_OUTPUT_DIR)
    if(NODUS_PLUGIN_OUTPUT_DIR)
      set(A_OUTPUT_DIR "${NODUS_PLUGIN_OUTPUT_DIR}")
    else()
      set(A_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    endif()
  endif()
  if(NOT A_NAPI_VERSION)
    set(A_NAPI_VERSION 9)
  endif()
  set(sources ${A_SOURCES})
  if(A_JS_DIR)
    file(GLOB_RECURSE js CONFIGURE_DEPENDS "${A_JS_DIR}/*.js")
    set(gen "${CMAKE_CURRENT_BINARY_DIR}/${name}_js.c")
    nodus_embed_js(OUT "${gen}" SYMBOL "nodus_plugin_${name}_js" BASE "${A_JS_DIR}" FILES ${js})
    list(APPEND sources "${gen}")
  endif()
  set(target nodus_plugin_${name})
  add_library(${target} MODULE ${sources})
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME "nodus_${name}" PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY "${A_OUTPUT_DIR}"
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${target} PRIVATE ${NODUS_SDK_TARGET} ${A_LIBRARIES})
  target_compile_definitions(${target} PRIVATE NAPI_VERSION=${A_NAPI_VERSION}
    NODUS_PLUGIN_NAME="${name}" NODUS_PLUGIN_VERSION="${A_VERSION}")
  # Only the entry symbol leaves the file: Node-API binds to the kernel, and private copies of
  # libraries (llhttp...) bind to themselves, never to same-named symbols elsewhere.
  target_link_options(${target} PRIVATE
    "-Wl,--version-script=${NODUS_SDK_DIR}/plugin.map" "-Wl,-Bsymbolic")

  string(REPLACE ";" "\",\"" mods "${A_MODULES}")
  string(REPLACE ";" "\",\"" deps "${A_DEPENDS}")
  if(deps)
    set(deps "\"${deps}\"")
  endif()
  set(entry "{\"name\":\"${name}\",\"version\":\"${A_VERSION}\",\"file\":\"libnodus_${name}.so\",\"modules\":[\"${mods}\"],\"depends\":[${deps}]}")
  if(NOT A_ALTERNATIVE)
    set_property(GLOBAL APPEND PROPERTY NODUS_MANIFEST_ENTRIES "${entry}")
  endif()
  file(WRITE "${A_OUTPUT_DIR}/${name}.plugin.json" "${entry}\n")

  # In the source tree a plugin brings the plugins it depends on: -DNODUS_PLUGINS="fs;http" builds
  # net too. Those the list names itself are left to the top-level file, which adds them in turn.
  set_property(GLOBAL APPEND PROPERTY NODUS_ADDED_PLUGINS ${name})
  if(NODUS_SOURCE_ROOT)
    foreach(dep ${A_DEPENDS})
      get_property(added GLOBAL PROPERTY NODUS_ADDED_PLUGINS)
      if(NOT dep IN_LIST added AND NOT dep IN_LIST NODUS_PLUGINS
         AND EXISTS "${NODUS_SOURCE_ROOT}/plugins/${dep}/CMakeLists.txt")
        message(STATUS "plugin '${dep}' added: '${name}' depends on it")
        add_subdirectory("${NODUS_SOURCE_ROOT}/plugins/${dep}" "${CMAKE_BINARY_DIR}/plugins/${dep}")
      endif()
    endforeach()
  endif()
endfunction()

# Writes a plugins.json listing every plugin added so far (the in-tree runtime's manifest).
function(nodus_write_manifest path)
  get_property(entries GLOBAL PROPERTY NODUS_MANIFEST_ENTRIES)
  string(REPLACE ";" ",\n    " body "${entries}")
  file(WRITE "${path}.tmp" "{\n  \"manifest\": 1,\n  \"plugins\": [\n    ${body}\n  ]\n}\n")
  file(COPY_FILE "${path}.tmp" "${path}" ONLY_IF_DIFFERENT)
  file(REMOVE "${path}.tmp")
endfunction()
