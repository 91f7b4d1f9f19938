/* An init that throws: require() must throw that very error, and a later require try again. */
#include "test_common.h"

static napi_value Init(napi_env env, napi_value exports) {
  napi_throw_error(env, "ETEST_INIT", "addon init refused to start");
  return NULL;
}

TEST_ADDON(Init)
