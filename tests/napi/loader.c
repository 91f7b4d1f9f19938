/* Loading: init runs once per load; the object it returns becomes module.exports. */
#include "test_common.h"

static int init_count = 0;

static napi_value Init(napi_env env, napi_value exports) {
  napi_value out;
  init_count++;
  NAPI_CALL(env, napi_create_object(env, &out));
  SetNamedInt(env, out, "initCount", init_count);
  napi_set_named_property(env, out, "exportsWasObject", MakeBool(env, exports != NULL));
  return out;
}

TEST_ADDON(Init)
