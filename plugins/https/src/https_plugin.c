/* https plugin descriptor: the module is JS only (http over tls), so the binding stays empty. */
#include "nodus/plugin.h"

extern const nodus_js_source nodus_plugin_https_js[];
static const char* const modules[] = {"https", NULL};
static const char* const depends[] = {"tls", "http", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "https",
                                  NODUS_PLUGIN_VERSION, modules, depends, nodus_plugin_https_js,
                                  NULL, NULL, 9};
NODUS_PLUGIN(desc)
