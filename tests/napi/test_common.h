/* Helpers shared by the Node-API test addons. Plain C: these addons are built the way any
 * outside author builds one, against the Node-API headers only. */
#ifndef NODUS_TEST_NAPI_COMMON_H_
#define NODUS_TEST_NAPI_COMMON_H_

#include <node_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Turns a failed call into a JS exception naming the call and Node-API's message. */
#define NAPI_CALL_BASE(env, call, ret)                                          \
  do {                                                                          \
    napi_status status_ = (call);                                               \
    if (status_ != napi_ok) {                                                   \
      const napi_extended_error_info* info_ = NULL;                             \
      napi_get_last_error_info((env), &info_);                                  \
      bool pending_ = false;                                                    \
      napi_is_exception_pending((env), &pending_);                              \
      if (!pending_) {                                                          \
        char msg_[512];                                                         \
        snprintf(msg_, sizeof msg_, "%s failed: status %d (%s)", #call,         \
                 (int)status_,                                                  \
                 info_ && info_->error_message ? info_->error_message : "?");   \
        napi_throw_error((env), NULL, msg_);                                    \
      }                                                                         \
      return ret;                                                               \
    }                                                                           \
  } while (0)

#define NAPI_CALL(env, call) NAPI_CALL_BASE(env, call, NULL)
#define NAPI_CALL_RETURN_VOID(env, call) NAPI_CALL_BASE(env, call, )

#define NAPI_ASSERT(env, cond, msg)                                             \
  do {                                                                          \
    if (!(cond)) {                                                              \
      napi_throw_error((env), NULL, "assertion failed: " #cond ": " msg);       \
      return NULL;                                                              \
    }                                                                           \
  } while (0)

/* Fetches up to N arguments into argv (missing ones are undefined). */
#define GET_ARGS(env, info, n)                                                  \
  size_t argc = (n);                                                            \
  napi_value argv[(n) > 0 ? (n) : 1];                                           \
  napi_value this_arg;                                                          \
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, &this_arg, NULL));    \
  (void)this_arg

#define DECLARE_METHOD(name, func) {(name), NULL, (func), NULL, NULL, NULL, napi_default, NULL}

static inline napi_value MakeInt(napi_env env, int32_t v) {
  napi_value out;
  napi_create_int32(env, v, &out);
  return out;
}

static inline napi_value MakeBool(napi_env env, bool v) {
  napi_value out;
  napi_get_boolean(env, v, &out);
  return out;
}

static inline napi_value MakeString(napi_env env, const char* s) {
  napi_value out;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &out);
  return out;
}

static inline napi_value Undefined(napi_env env) {
  napi_value out;
  napi_get_undefined(env, &out);
  return out;
}

/* Adds each (name, value) in obj. */
static inline void SetNamedInt(napi_env env, napi_value obj, const char* name, int32_t v) {
  napi_set_named_property(env, obj, name, MakeInt(env, v));
}

static inline napi_value DefineMethods(napi_env env, napi_value exports,
                                       const napi_property_descriptor* props, size_t n) {
  napi_status s = napi_define_properties(env, exports, n, props);
  if (s != napi_ok) {
    napi_throw_error(env, NULL, "napi_define_properties failed");
    return NULL;
  }
  return exports;
}

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))



/* Registration with an explicit module API version (8 unless the addon asks for more): Node 20
 * refuses addons that declare version 10, so only the tests of version-10 behaviour do. */
#ifndef TEST_API_VERSION
#define TEST_API_VERSION 8
#endif

#define TEST_ADDON(init_fn)                                                              \
  NAPI_MODULE_EXPORT int32_t node_api_module_get_api_version_v1(void) {                  \
    return TEST_API_VERSION;                                                             \
  }                                                                                      \
  NAPI_MODULE_EXPORT napi_value napi_register_module_v1(napi_env env, napi_value exports) { \
    return init_fn(env, exports);                                                        \
  }
#endif
