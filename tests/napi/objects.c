/* Objects and arrays: properties, elements, key listing, prototype, instanceof, freeze/seal. */
#include "test_common.h"

static napi_value SetProp(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 3);
  NAPI_CALL(env, napi_set_property(env, argv[0], argv[1], argv[2]));
  return argv[0];
}

static napi_value GetProp(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  napi_value out;
  NAPI_CALL(env, napi_get_property(env, argv[0], argv[1], &out));
  return out;
}

static napi_value HasProp(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  bool r;
  NAPI_CALL(env, napi_has_property(env, argv[0], argv[1], &r));
  return MakeBool(env, r);
}

static napi_value HasOwn(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  bool r;
  NAPI_CALL(env, napi_has_own_property(env, argv[0], argv[1], &r));
  return MakeBool(env, r);
}

static napi_value DeleteProp(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  bool r;
  NAPI_CALL(env, napi_delete_property(env, argv[0], argv[1], &r));
  return MakeBool(env, r);
}

static napi_value Named(napi_env env, napi_callback_info info) {
  /* named(obj, name[, value]): sets when a value is given, then returns [has, value]. */
  GET_ARGS(env, info, 3);
  char name[64];
  size_t len;
  bool has;
  napi_value value, arr;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[1], name, sizeof name, &len));
  if (argc > 2) NAPI_CALL(env, napi_set_named_property(env, argv[0], name, argv[2]));
  NAPI_CALL(env, napi_has_named_property(env, argv[0], name, &has));
  NAPI_CALL(env, napi_get_named_property(env, argv[0], name, &value));
  NAPI_CALL(env, napi_create_array(env, &arr));
  NAPI_CALL(env, napi_set_element(env, arr, 0, MakeBool(env, has)));
  NAPI_CALL(env, napi_set_element(env, arr, 1, value));
  return arr;
}

static napi_value Elements(napi_env env, napi_callback_info info) {
  /* elements(arr, i, value): sets arr[i], returns [has(i), get(i), delete(i), has(i) after]. */
  GET_ARGS(env, info, 3);
  uint32_t i;
  bool has1, deleted, has2;
  napi_value got, out;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &i));
  NAPI_CALL(env, napi_set_element(env, argv[0], i, argv[2]));
  NAPI_CALL(env, napi_has_element(env, argv[0], i, &has1));
  NAPI_CALL(env, napi_get_element(env, argv[0], i, &got));
  NAPI_CALL(env, napi_delete_element(env, argv[0], i, &deleted));
  NAPI_CALL(env, napi_has_element(env, argv[0], i, &has2));
  NAPI_CALL(env, napi_create_array(env, &out));
  napi_set_element(env, out, 0, MakeBool(env, has1));
  napi_set_element(env, out, 1, got);
  napi_set_element(env, out, 2, MakeBool(env, deleted));
  napi_set_element(env, out, 3, MakeBool(env, has2));
  return out;
}

static napi_value Names(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_value out;
  NAPI_CALL(env, napi_get_property_names(env, argv[0], &out));
  return out;
}

static napi_value AllNames(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 4);
  uint32_t mode, filter, conversion;
  napi_value out;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &mode));
  NAPI_CALL(env, napi_get_value_uint32(env, argv[2], &filter));
  NAPI_CALL(env, napi_get_value_uint32(env, argv[3], &conversion));
  NAPI_CALL(env, napi_get_all_property_names(env, argv[0], (napi_key_collection_mode)mode,
                                             (napi_key_filter)filter,
                                             (napi_key_conversion)conversion, &out));
  return out;
}

static napi_value Freeze(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  NAPI_CALL(env, napi_object_freeze(env, argv[0]));
  return argv[0];
}

static napi_value Seal(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  NAPI_CALL(env, napi_object_seal(env, argv[0]));
  return argv[0];
}

static napi_value InstanceOf(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  bool r;
  NAPI_CALL(env, napi_instanceof(env, argv[0], argv[1], &r));
  return MakeBool(env, r);
}

static napi_value StrictEquals(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  bool r;
  NAPI_CALL(env, napi_strict_equals(env, argv[0], argv[1], &r));
  return MakeBool(env, r);
}

static napi_value Proto(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_value out;
  NAPI_CALL(env, napi_get_prototype(env, argv[0], &out));
  return out;
}

static napi_value ArrayInfo(napi_env env, napi_callback_info info) {
  /* arrayInfo(v) -> length if an array, else false */
  GET_ARGS(env, info, 1);
  bool is;
  uint32_t len;
  NAPI_CALL(env, napi_is_array(env, argv[0], &is));
  if (!is) return MakeBool(env, false);
  NAPI_CALL(env, napi_get_array_length(env, argv[0], &len));
  return MakeInt(env, (int32_t)len);
}

static napi_value NewArray(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  uint32_t n;
  napi_value out;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[0], &n));
  NAPI_CALL(env, napi_create_array_with_length(env, n, &out));
  return out;
}

static napi_value NewObject(napi_env env, napi_callback_info info) {
  napi_value out;
  NAPI_CALL(env, napi_create_object(env, &out));
  return out;
}

/* Status of a call, then the exception it left (if any) as [status, exception]. */
static napi_value StatusAndException(napi_env env, napi_status s) {
  napi_value arr, exc;
  napi_get_and_clear_last_exception(env, &exc);
  napi_create_array(env, &arr);
  napi_set_element(env, arr, 0, MakeInt(env, s));
  napi_set_element(env, arr, 1, exc);
  return arr;
}

static napi_value GetPropOfUndefined(napi_env env, napi_callback_info info) {
  napi_value undef, key, out;
  napi_get_undefined(env, &undef);
  key = MakeString(env, "x");
  return StatusAndException(env, napi_get_property(env, undef, key, &out));
}

static napi_value InstanceOfNonFunction(napi_env env, napi_callback_info info) {
  napi_value obj, ctor;
  bool r;
  napi_create_object(env, &obj);
  napi_create_object(env, &ctor);
  return StatusAndException(env, napi_instanceof(env, obj, ctor, &r));
}

static napi_value BadArgs(napi_env env, napi_callback_info info) {
  napi_value out, obj, num, key, v;
  bool b;
  uint32_t u;
  NAPI_CALL(env, napi_create_object(env, &out));
  NAPI_CALL(env, napi_create_object(env, &obj));
  NAPI_CALL(env, napi_create_int32(env, 1, &num));
  key = MakeString(env, "k");
  SetNamedInt(env, out, "setNullObject", napi_set_property(env, NULL, key, num));
  SetNamedInt(env, out, "setNullKey", napi_set_property(env, obj, NULL, num));
  SetNamedInt(env, out, "setNullValue", napi_set_property(env, obj, key, NULL));
  SetNamedInt(env, out, "getNullResult", napi_get_property(env, obj, key, NULL));
  SetNamedInt(env, out, "hasOwnNumberKey", napi_has_own_property(env, obj, num, &b));
  SetNamedInt(env, out, "namedNullName", napi_set_named_property(env, obj, NULL, num));
  SetNamedInt(env, out, "arrayLengthOfObject", napi_get_array_length(env, obj, &u));
  SetNamedInt(env, out, "isArrayNull", napi_is_array(env, NULL, &b));
  SetNamedInt(env, out, "allNamesBadMode",
              napi_get_all_property_names(env, obj, (napi_key_collection_mode)9,
                                          napi_key_all_properties, napi_key_keep_numbers, &v));
  SetNamedInt(env, out, "strictEqualsNull", napi_strict_equals(env, obj, NULL, &b));
  SetNamedInt(env, out, "freezeNull", napi_object_freeze(env, NULL));
  SetNamedInt(env, out, "deleteElementNullObject", napi_delete_element(env, NULL, 0, &b));
  return out;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      DECLARE_METHOD("setProp", SetProp),     DECLARE_METHOD("getProp", GetProp),
      DECLARE_METHOD("hasProp", HasProp),     DECLARE_METHOD("hasOwn", HasOwn),
      DECLARE_METHOD("deleteProp", DeleteProp), DECLARE_METHOD("named", Named),
      DECLARE_METHOD("elements", Elements),   DECLARE_METHOD("names", Names),
      DECLARE_METHOD("allNames", AllNames),   DECLARE_METHOD("freeze", Freeze),
      DECLARE_METHOD("seal", Seal),           DECLARE_METHOD("instanceOf", InstanceOf),
      DECLARE_METHOD("strictEquals", StrictEquals), DECLARE_METHOD("proto", Proto),
      DECLARE_METHOD("arrayInfo", ArrayInfo), DECLARE_METHOD("newArray", NewArray),
      DECLARE_METHOD("newObject", NewObject),
      DECLARE_METHOD("getPropOfUndefined", GetPropOfUndefined),
      DECLARE_METHOD("instanceOfNonFunction", InstanceOfNonFunction),
      DECLARE_METHOD("badArgs", BadArgs),
  };
  return DefineMethods(env, exports, props, COUNT_OF(props));
}

TEST_ADDON(Init)
