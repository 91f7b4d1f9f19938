# npm packages built into the kernel (docs/streams.md). Each file of readable-stream's lib/ becomes
# the builtin id internal/deps/readable-stream/lib/<path> in a table of its own
# (nodus_kernel_deps_js), which internalBinding('deps') registers on first use; the package's
# relative requires and npm dependencies are resolved by lib/internal/deps/readable_stream.js.
# Without the package (tools/bootstrap.sh not run) the table is empty and require('stream')
# throws a clear error.
set(nodus_rs_dir "${NODUS_DEPS_DIR}/npm/node_modules/readable-stream")
file(GLOB_RECURSE nodus_rs_js CONFIGURE_DEPENDS "${nodus_rs_dir}/lib/*.js")
list(FILTER nodus_rs_js EXCLUDE REGEX "/lib/ours/browser\\.js$")
set(nodus_deps_args)
foreach(f ${nodus_rs_js})
  file(RELATIVE_PATH rel "${nodus_rs_dir}" "${f}")
  string(REGEX REPLACE "\\.js$" "" rel "${rel}")
  list(APPEND nodus_deps_args "internal/deps/readable-stream/${rel}=${f}")
endforeach()
set(nodus_deps_gen "${CMAKE_CURRENT_BINARY_DIR}/kernel_deps_js.cc")
add_custom_command(OUTPUT "${nodus_deps_gen}"
  COMMAND nodus_js2c "${nodus_deps_gen}" nodus_kernel_deps_js ${nodus_deps_args}
  DEPENDS nodus_js2c ${nodus_rs_js}
  COMMENT "Embedding npm dependencies (readable-stream)" VERBATIM)
target_sources(nodus PRIVATE "${nodus_deps_gen}")

# libnode is built without RTTI, so a class deriving from a V8 interface (the serializer
# delegates) must be compiled without it too or it references typeinfo libnode lacks.
set_source_files_properties(src/bindings/serdes_binding.cc PROPERTIES COMPILE_OPTIONS -fno-rtti)

# V8's DevTools protocol schema (npm devtools-protocol, pinned in tools/bootstrap.sh), served by the
# inspector at /json/protocol. A plain byte table (js2c's format), so the inspector's IO thread
# reads it without V8. Without the package the table is empty and a minimal schema is served.
set(nodus_protocol_json "${NODUS_DEPS_DIR}/npm/node_modules/devtools-protocol/json/js_protocol.json")
set(nodus_protocol_gen "${CMAKE_CURRENT_BINARY_DIR}/inspector_protocol_json.c")
set(nodus_protocol_args)
set(nodus_protocol_deps)
if(EXISTS "${nodus_protocol_json}")
  set(nodus_protocol_args "js_protocol=${nodus_protocol_json}")
  set(nodus_protocol_deps "${nodus_protocol_json}")
endif()
add_custom_command(OUTPUT "${nodus_protocol_gen}"
  COMMAND nodus_js2c "${nodus_protocol_gen}" nodus_inspector_protocol_json ${nodus_protocol_args}
  DEPENDS nodus_js2c ${nodus_protocol_deps}
  COMMENT "Embedding the DevTools protocol schema" VERBATIM)
target_sources(nodus PRIVATE "${nodus_protocol_gen}")
