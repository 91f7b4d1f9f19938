/* repl plugin descriptor: the REPL is JS only; it needs the readline plugin. */
#include "nodus/plugin.h"

extern const nodus_js_source nodus_plugin_repl_js[];
static const char* const modules[] = {"repl", NULL};
static const char* const depends[] = {"readline", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "repl",
                                  NODUS_PLUGIN_VERSION, modules, depends, nodus_plugin_repl_js,
                                  NULL, NULL, 9};
NODUS_PLUGIN(desc)
