/* Built against the frozen SDK 1.0 headers (tests/abi/sdk-1.0): must keep loading on newer kernels. */
#include "nodus/plugin.h"

static napi_value Answer(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value v;
  napi_create_int32(env, 42, &v);
  return v;
}

static napi_value Init(napi_env env, napi_value binding) {
  napi_value fn;
  napi_create_function(env, "answer", NAPI_AUTO_LENGTH, Answer, NULL, &fn);
  napi_set_named_property(env, binding, "answer", fn);
  return binding;
}

extern const nodus_js_source abi_frozen_js[];
static const char* const modules[] = {"abi_frozen", NULL};
static const nodus_plugin desc = {NODUS_PLUGIN_ABI_VERSION, sizeof(nodus_plugin), "abi_frozen", "1.0.0",
                                  modules, NULL, abi_frozen_js, Init, NULL, 8};
NODUS_PLUGIN(desc)
