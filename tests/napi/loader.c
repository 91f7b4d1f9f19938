/* Loading: init runs once per load; the object it returns becomes module.exports. Also loads a
 * helper library at run time (loadHelper(path)) whose Node-API calls bind to the host. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include "test_common.h"

static napi_value LoadHelper(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  char path[4096];
  size_t len;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], path, sizeof path, &len));
  void* lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (lib == NULL) {
    napi_throw_error(env, NULL, dlerror());
    return NULL;
  }
  napi_value (*greeting)(napi_env) = (napi_value(*)(napi_env))dlsym(lib, "helper_greeting");
  NAPI_ASSERT(env, greeting != NULL, "helper_greeting");
  return greeting(env);
}

static int init_count = 0;

static napi_value Init(napi_env env, napi_value exports) {
  napi_value out;
  init_count++;
  NAPI_CALL(env, napi_create_object(env, &out));
  SetNamedInt(env, out, "initCount", init_count);
  napi_set_named_property(env, out, "exportsWasObject", MakeBool(env, exports != NULL));
  napi_value fn;
  NAPI_CALL(env, napi_create_function(env, "loadHelper", NAPI_AUTO_LENGTH, LoadHelper, NULL, &fn));
  napi_set_named_property(env, out, "loadHelper", fn);
  return out;
}

TEST_ADDON(Init)
