# In-tree plugin helper. nodus_add_plugin(NAME SOURCES ... JS_DIR dir MODULES ids... [DEPENDS plugins...]
#                                         [LIBRARIES libs...] [VERSION x.y.z])
# Builds lib/nodus/libnodus_<name>.so with its JS embedded, exporting only the entry symbol, and adds
# the plugin to the manifest (lib/nodus/plugins.json) that the kernel reads lazily.
set_property(GLOBAL PROPERTY NODUS_MANIFEST_ENTRIES "")

function(nodus_add_plugin name)
  cmake_parse_arguments(A "" "JS_DIR;VERSION" "SOURCES;MODULES;DEPENDS;LIBRARIES" ${ARGN})
  if(NOT A_VERSION)
    set(A_VERSION "${PROJECT_VERSION}")
  endif()
  file(GLOB_RECURSE js CONFIGURE_DEPENDS "${A_JS_DIR}/*.js")
  set(gen "${CMAKE_CURRENT_BINARY_DIR}/${name}_js.cc")
  nodus_embed_js(OUT "${gen}" SYMBOL "nodus_plugin_${name}_js" BASE "${A_JS_DIR}" FILES ${js})
  set(target nodus_plugin_${name})
  add_library(${target} MODULE ${A_SOURCES} "${gen}")
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME "nodus_${name}" PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY "${NODUS_PLUGIN_OUTPUT_DIR}"
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${target} PRIVATE nodus::sdk ${A_LIBRARIES})
  target_compile_definitions(${target} PRIVATE NAPI_VERSION=9
    NODUS_PLUGIN_NAME="${name}" NODUS_PLUGIN_VERSION="${A_VERSION}")
  # Only the entry symbol leaves the file; Node-API binds to the kernel, everything else is private.
  target_link_options(${target} PRIVATE
    "-Wl,--version-script=${NODUS_SOURCE_ROOT}/cmake/plugin.map" "-Wl,-Bsymbolic")

  string(REPLACE ";" "\",\"" mods "${A_MODULES}")
  string(REPLACE ";" "\",\"" deps "${A_DEPENDS}")
  if(deps)
    set(deps "\"${deps}\"")
  endif()
  set_property(GLOBAL APPEND PROPERTY NODUS_MANIFEST_ENTRIES
    "{\"name\":\"${name}\",\"version\":\"${A_VERSION}\",\"file\":\"libnodus_${name}.so\",\"modules\":[\"${mods}\"],\"depends\":[${deps}]}")
endfunction()

function(nodus_write_manifest path)
  get_property(entries GLOBAL PROPERTY NODUS_MANIFEST_ENTRIES)
  string(REPLACE ";" ",\n    " body "${entries}")
  file(WRITE "${path}.tmp" "{\n  \"manifest\": 1,\n  \"plugins\": [\n    ${body}\n  ]\n}\n")
  file(COPY_FILE "${path}.tmp" "${path}" ONLY_IF_DIFFERENT)
endfunction()
