/* An init whose Node-API call fails with a JS exception pending (JSON.parse of bad text) and
   that returns NULL without clearing it, the usual C error path: require() throws that error. */
#include "test_common.h"

static napi_value Init(napi_env env, napi_value exports) {
  napi_value global, json, parse, text, result;
  napi_get_global(env, &global);
  napi_get_named_property(env, global, "JSON", &json);
  napi_get_named_property(env, json, "parse", &parse);
  napi_create_string_utf8(env, "{not json", NAPI_AUTO_LENGTH, &text);
  if (napi_call_function(env, json, parse, 1, &text, &result) != napi_ok) return NULL;
  return exports;
}

TEST_ADDON(Init)
