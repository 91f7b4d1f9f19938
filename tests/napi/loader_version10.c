/* An addon that declares Node-API 10 gets version-10 behaviour: references to any value. */
#define TEST_API_VERSION 10
#include "test_common.h"

static napi_value PrimitiveRef(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_ref ref;
  napi_value strong, weak, out;
  uint32_t count;
  NAPI_CALL(env, napi_create_reference(env, argv[0], 1, &ref));
  NAPI_CALL(env, napi_get_reference_value(env, ref, &strong));
  NAPI_CALL(env, napi_reference_unref(env, ref, &count));
  /* Primitives cannot be weak: at count 0 they are released. */
  NAPI_CALL(env, napi_get_reference_value(env, ref, &weak));
  NAPI_CALL(env, napi_delete_reference(env, ref));
  NAPI_CALL(env, napi_create_array(env, &out));
  napi_set_element(env, out, 0, strong);
  napi_set_element(env, out, 1, MakeBool(env, weak == NULL));
  return out;
}

static napi_value PropertyKeys(napi_env env, napi_callback_info info) {
  napi_value out, k1, k2, k3;
  static const char16_t utf16[] = {'k', '3', 0};
  NAPI_CALL(env, node_api_create_property_key_latin1(env, "k1", NAPI_AUTO_LENGTH, &k1));
  NAPI_CALL(env, node_api_create_property_key_utf8(env, "k2", 2, &k2));
  NAPI_CALL(env, node_api_create_property_key_utf16(env, utf16, NAPI_AUTO_LENGTH, &k3));
  NAPI_CALL(env, napi_create_object(env, &out));
  napi_set_property(env, out, k1, MakeInt(env, 1));
  napi_set_property(env, out, k2, MakeInt(env, 2));
  napi_set_property(env, out, k3, MakeInt(env, 3));
  return out;
}

static int external_finalized = 0;
static void StringFinalize(napi_env env, void* data, void* hint) { external_finalized++; }

static napi_value ExternalStrings(napi_env env, napi_callback_info info) {
  static char latin1[] = "external latin1";
  static char16_t utf16[] = {'u', 't', 'f', '1', '6', 0};
  napi_value out, a, b;
  bool copied;
  NAPI_CALL(env, node_api_create_external_string_latin1(env, latin1, NAPI_AUTO_LENGTH,
                                                        StringFinalize, NULL, &a, &copied));
  NAPI_CALL(env, node_api_create_external_string_utf16(env, utf16, 5, NULL, NULL, &b, NULL));
  NAPI_CALL(env, napi_create_array(env, &out));
  napi_set_element(env, out, 0, a);
  napi_set_element(env, out, 1, b);
  /* If the string was copied, its finalizer has already run. */
  napi_set_element(env, out, 2, MakeBool(env, !copied || external_finalized == 1));
  return out;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      DECLARE_METHOD("primitiveRef", PrimitiveRef),
      DECLARE_METHOD("propertyKeys", PropertyKeys),
      DECLARE_METHOD("externalStrings", ExternalStrings),
  };
  return DefineMethods(env, exports, props, COUNT_OF(props));
}

TEST_ADDON(Init)
