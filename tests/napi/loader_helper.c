/* Not an addon: a plain shared library that an addon loads later with dlopen (as some addons
 * unpack a bundled library at run time). Its Node-API calls must bind to the host too. */
#include <node_api.h>

__attribute__((visibility("default"))) napi_value helper_greeting(napi_env env) {
  napi_value out = NULL;
  napi_create_string_utf8(env, "hello from a library loaded later", NAPI_AUTO_LENGTH, &out);
  return out;
}
