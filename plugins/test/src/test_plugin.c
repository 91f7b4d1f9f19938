/* test plugin descriptor: `node:test` is JS only, with no binding and no dependencies. */
#include "nodus/plugin.h"

extern const nodus_js_source nodus_plugin_test_js[];
static const char* const modules[] = {"test", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "test",
                                  NODUS_PLUGIN_VERSION, modules, NULL, nodus_plugin_test_js,
                                  NULL, NULL, 9};
NODUS_PLUGIN(desc)
