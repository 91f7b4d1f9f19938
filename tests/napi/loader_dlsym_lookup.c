/* Finds Node-API at run time with dlopen(NULL) + dlsym, as napi-rs addons do: no Node-API
 * symbol is bound when the library loads. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <node_api.h>

typedef napi_status (*create_string_fn)(napi_env, const char*, size_t, napi_value*);
typedef napi_status (*set_named_fn)(napi_env, napi_value, const char*, napi_value);

__attribute__((visibility("default"))) napi_value napi_register_module_v1(napi_env env,
                                                                          napi_value exports) {
  void* self = dlopen(NULL, RTLD_LAZY);
  create_string_fn create_string = (create_string_fn)dlsym(self, "napi_create_string_utf8");
  set_named_fn set_named = (set_named_fn)dlsym(self, "napi_set_named_property");
  if (create_string == NULL || set_named == NULL) return exports;
  napi_value str;
  create_string(env, "found by dlsym", NAPI_AUTO_LENGTH, &str);
  set_named(env, exports, "message", str);
  return exports;
}
