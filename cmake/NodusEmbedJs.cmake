# nodus_embed_js(OUT <generated.cc> SYMBOL <c-name> BASE <dir> FILES <js files...>)
# Turns JS files into a C++ source holding a table of {id, bytes, length}; the id is the file's
# path below BASE without ".js" (kernel/lib/internal/errors.js -> "internal/errors").
function(nodus_embed_js)
  cmake_parse_arguments(A "" "OUT;SYMBOL;BASE" "FILES" ${ARGN})
  set(args "${A_OUT}" "${A_SYMBOL}")
  foreach(f ${A_FILES})
    file(RELATIVE_PATH rel "${A_BASE}" "${f}")
    string(REGEX REPLACE "\\.js$" "" id "${rel}")
    list(APPEND args "${id}=${f}")
  endforeach()
  add_custom_command(OUTPUT "${A_OUT}"
    COMMAND nodus_js2c ${args}
    DEPENDS nodus_js2c ${A_FILES}
    COMMENT "Embedding ${A_SYMBOL} JS" VERBATIM)
endfunction()
