/* readline plugin descriptor: the module is JS only, so the binding stays empty. */
#include "nodus/plugin.h"

extern const nodus_js_source nodus_plugin_readline_js[];
static const char* const modules[] = {"readline", "readline/promises", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "readline",
                                  NODUS_PLUGIN_VERSION, modules, NULL, nodus_plugin_readline_js,
                                  NULL, NULL, 9};
NODUS_PLUGIN(desc)
