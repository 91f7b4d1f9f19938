/* A plugin from outside the source tree: module `outside_greeting`, private binding `shout`. */
#include <ctype.h>
#include <string.h>

#include "nodus/plugin.h"

static napi_value Shout(napi_env env, napi_callback_info info) {
  size_t argc = 1, len = 0;
  napi_value arg, out;
  char buf[256];
  napi_get_cb_info(env, info, &argc, &arg, NULL, NULL);
  napi_get_value_string_utf8(env, arg, buf, sizeof(buf), &len);
  for (size_t i = 0; i < len; i++) buf[i] = (char)toupper((unsigned char)buf[i]);
  napi_create_string_utf8(env, buf, len, &out);
  return out;
}

static napi_value Init(napi_env env, napi_value binding) {
  napi_value fn;
  napi_create_function(env, "shout", NAPI_AUTO_LENGTH, Shout, NULL, &fn);
  napi_set_named_property(env, binding, "shout", fn);
  return binding;
}

extern const nodus_js_source nodus_plugin_outside_greeting_js[];
static const char* const modules[] = {"outside_greeting", NULL};
static const char* const versions[] = {"outside_greeting", NODUS_PLUGIN_VERSION, NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "outside_greeting",
                                  NODUS_PLUGIN_VERSION, modules, NULL, nodus_plugin_outside_greeting_js,
                                  Init, versions, 9};
NODUS_PLUGIN(desc)
