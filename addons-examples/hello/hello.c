/* The smallest useful Node-API addon, in plain C: hello(name) -> "hello, <name>!". */
#include <node_api.h>
#include <stdio.h>

static napi_value Hello(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  char name[128] = "world";
  size_t len;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  if (argc > 0) {
    napi_valuetype type;
    napi_typeof(env, argv[0], &type);
    if (type != napi_string) {
      napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "name must be a string");
      return NULL;
    }
    napi_get_value_string_utf8(env, argv[0], name, sizeof name, &len);
  }
  char text[160];
  snprintf(text, sizeof text, "hello, %s!", name);
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "hello", NAPI_AUTO_LENGTH, Hello, NULL, &fn);
  napi_set_named_property(env, exports, "hello", fn);
  return exports;
}
