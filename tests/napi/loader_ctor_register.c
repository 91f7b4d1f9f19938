/* The legacy registration: a static constructor hands a napi_module to napi_module_register
 * while the library is being opened. */
#include "test_common.h"

static napi_value Init(napi_env env, napi_value exports) {
  napi_set_named_property(env, exports, "registeredBy", MakeString(env, "constructor"));
  return exports;
}

static napi_module module = {
    NAPI_MODULE_VERSION, 0, __FILE__, Init, "ctor_register", NULL, {0},
};

__attribute__((constructor)) static void Register(void) {
  napi_module_register(&module);
}
