/* An addon that declares NAPI_VERSION_EXPERIMENTAL gets "pure" finalizers: they run inside GC
 * and may only use basic APIs; node_api_post_finalizer defers the JS-touching part to a safe
 * point. */
#include "test_common.h"

#define TEST_API_VERSION_EXPERIMENTAL 2147483647

/* Experimental in Node, absent from the pinned node-api-headers. */
NAPI_EXTERN napi_status NAPI_CDECL node_api_post_finalizer(node_api_basic_env env,
                                                           napi_finalize finalize_cb,
                                                           void* finalize_data,
                                                           void* finalize_hint);

static int pure_runs = 0;
static int posted_runs = 0;
static napi_ref on_posted = NULL;

static void Posted(napi_env env, void* data, void* hint) {
  /* Outside GC: JS may run here. */
  posted_runs++;
  if (on_posted != NULL) {
    napi_value cb, undefined, arg;
    napi_get_reference_value(env, on_posted, &cb);
    napi_get_undefined(env, &undefined);
    napi_create_int32(env, posted_runs, &arg);
    napi_call_function(env, undefined, cb, 1, &arg, NULL);
  }
}

static void PureFinalize(node_api_basic_env env, void* data, void* hint) {
  pure_runs++;
  node_api_post_finalizer(env, Posted, data, NULL);
}

static napi_value Track(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  if (on_posted == NULL) NAPI_CALL(env, napi_create_reference(env, argv[1], 1, &on_posted));
  NAPI_CALL(env, napi_add_finalizer(env, argv[0], NULL, PureFinalize, NULL, NULL));
  return NULL;
}

static napi_value Counts(napi_env env, napi_callback_info info) {
  napi_value arr;
  napi_create_array(env, &arr);
  napi_set_element(env, arr, 0, MakeInt(env, pure_runs));
  napi_set_element(env, arr, 1, MakeInt(env, posted_runs));
  return arr;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      DECLARE_METHOD("track", Track),
      DECLARE_METHOD("counts", Counts),
  };
  return DefineMethods(env, exports, props, COUNT_OF(props));
}

NAPI_MODULE_EXPORT int32_t node_api_module_get_api_version_v1(void) {
  return TEST_API_VERSION_EXPERIMENTAL;
}
NAPI_MODULE_EXPORT napi_value napi_register_module_v1(napi_env env, napi_value exports) {
  return Init(env, exports);
}
