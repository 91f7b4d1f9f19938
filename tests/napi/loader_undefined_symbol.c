/* Needs a data symbol no host defines: dlopen must fail with the loader's message. */
#include "test_common.h"

extern int nodus_test_no_such_variable;

static napi_value Init(napi_env env, napi_value exports) {
  return MakeInt(env, nodus_test_no_such_variable);
}

TEST_ADDON(Init)
