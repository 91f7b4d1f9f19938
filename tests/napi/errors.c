/* Errors and exceptions: create/throw with codes, napi_throw of any value, the pending
 * exception, last error info, fatal errors and exceptions. */
#include "test_common.h"

static napi_value Throw(napi_env env, napi_callback_info info) {
  /* throw(kind, code|null, message) */
  GET_ARGS(env, info, 3);
  char kind[16], code[64], msg[256];
  size_t len;
  napi_valuetype t;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], kind, sizeof kind, &len));
  NAPI_CALL(env, napi_typeof(env, argv[1], &t));
  const char* c = NULL;
  if (t == napi_string) {
    NAPI_CALL(env, napi_get_value_string_utf8(env, argv[1], code, sizeof code, &len));
    c = code;
  }
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[2], msg, sizeof msg, &len));
  napi_status s = napi_generic_failure;
  if (strcmp(kind, "Error") == 0) s = napi_throw_error(env, c, msg);
  if (strcmp(kind, "TypeError") == 0) s = napi_throw_type_error(env, c, msg);
  if (strcmp(kind, "RangeError") == 0) s = napi_throw_range_error(env, c, msg);
  if (strcmp(kind, "SyntaxError") == 0) s = node_api_throw_syntax_error(env, c, msg);
  NAPI_ASSERT(env, s == napi_ok, "throw returns napi_ok");
  return NULL;
}

static napi_value Create(napi_env env, napi_callback_info info) {
  /* create(kind, code|undefined, message) */
  GET_ARGS(env, info, 3);
  char kind[16];
  size_t len;
  napi_valuetype t;
  napi_value out = NULL;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], kind, sizeof kind, &len));
  NAPI_CALL(env, napi_typeof(env, argv[1], &t));
  napi_value code = t == napi_undefined ? NULL : argv[1];
  if (strcmp(kind, "Error") == 0) NAPI_CALL(env, napi_create_error(env, code, argv[2], &out));
  if (strcmp(kind, "TypeError") == 0) NAPI_CALL(env, napi_create_type_error(env, code, argv[2], &out));
  if (strcmp(kind, "RangeError") == 0) NAPI_CALL(env, napi_create_range_error(env, code, argv[2], &out));
  if (strcmp(kind, "SyntaxError") == 0) NAPI_CALL(env, node_api_create_syntax_error(env, code, argv[2], &out));
  return out;
}

static napi_value ThrowValue(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  NAPI_CALL(env, napi_throw(env, argv[0]));
  return NULL;
}

static napi_value IsError(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  bool r;
  NAPI_CALL(env, napi_is_error(env, argv[0], &r));
  return MakeBool(env, r);
}

static napi_value CatchOwnThrow(napi_env env, napi_callback_info info) {
  /* Throws, sees it pending, takes it back, and returns it as a plain value. */
  bool before, after;
  napi_value exc, none;
  NAPI_CALL(env, napi_is_exception_pending(env, &before));
  NAPI_ASSERT(env, !before, "nothing pending at entry");
  napi_throw_error(env, "CODE", "taken back");
  NAPI_CALL(env, napi_is_exception_pending(env, &after));
  NAPI_ASSERT(env, after, "pending after throw");
  NAPI_CALL(env, napi_get_and_clear_last_exception(env, &exc));
  NAPI_CALL(env, napi_get_and_clear_last_exception(env, &none));
  napi_valuetype t;
  NAPI_CALL(env, napi_typeof(env, none, &t));
  NAPI_ASSERT(env, t == napi_undefined, "second get_and_clear gives undefined");
  return exc;
}

static napi_value ThrowTwice(napi_env env, napi_callback_info info) {
  /* A second throw while one is pending is refused; the first one wins. */
  napi_throw_error(env, NULL, "first");
  napi_status s = napi_throw_error(env, NULL, "second");
  NAPI_ASSERT(env, s == napi_pending_exception, "second throw refused");
  return NULL;
}

static napi_value LastErrorInfo(napi_env env, napi_callback_info info) {
  const napi_extended_error_info* err;
  napi_value out, v;
  NAPI_CALL(env, napi_create_object(env, &out));
  napi_create_object(env, NULL); /* fails: invalid arg */
  NAPI_CALL(env, napi_get_last_error_info(env, &err));
  /* Read at once: the info describes the last call only. */
  napi_status failed_code = err->error_code;
  napi_value failed_message = MakeString(env, err->error_message);
  napi_get_undefined(env, &v);
  NAPI_CALL(env, napi_get_last_error_info(env, &err));
  napi_status ok_code = err->error_code;
  bool ok_null = err->error_message == NULL;
  SetNamedInt(env, out, "failedCode", failed_code);
  napi_set_named_property(env, out, "failedMessage", failed_message);
  SetNamedInt(env, out, "okCode", ok_code);
  napi_set_named_property(env, out, "okMessageIsNull", MakeBool(env, ok_null));
  SetNamedInt(env, out, "nullResult", napi_get_last_error_info(env, NULL));
  return out;
}

static napi_value FatalError(napi_env env, napi_callback_info info) {
  napi_fatal_error("test_location", NAPI_AUTO_LENGTH, "fatal message", NAPI_AUTO_LENGTH);
}

static napi_value FatalException(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  NAPI_CALL(env, napi_fatal_exception(env, argv[0]));
  return NULL;
}

static napi_value BadArgs(napi_env env, napi_callback_info info) {
  napi_value out, num, str, v;
  NAPI_CALL(env, napi_create_object(env, &out));
  NAPI_CALL(env, napi_create_int32(env, 1, &num));
  str = MakeString(env, "m");
  SetNamedInt(env, out, "createNullMsg", napi_create_error(env, NULL, NULL, &v));
  SetNamedInt(env, out, "createNumberMsg", napi_create_error(env, NULL, num, &v));
  SetNamedInt(env, out, "createNumberCode", napi_create_type_error(env, num, str, &v));
  SetNamedInt(env, out, "createNullResult", napi_create_range_error(env, NULL, str, NULL));
  SetNamedInt(env, out, "throwNull", napi_throw(env, NULL));
  SetNamedInt(env, out, "throwErrorNullMsg", napi_throw_error(env, "C", NULL));
  SetNamedInt(env, out, "isErrorNull", napi_is_error(env, NULL, NULL));
  SetNamedInt(env, out, "pendingNullResult", napi_is_exception_pending(env, NULL));
  return out;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      DECLARE_METHOD("throw", Throw),           DECLARE_METHOD("create", Create),
      DECLARE_METHOD("throwValue", ThrowValue), DECLARE_METHOD("isError", IsError),
      DECLARE_METHOD("catchOwnThrow", CatchOwnThrow), DECLARE_METHOD("throwTwice", ThrowTwice),
      DECLARE_METHOD("lastErrorInfo", LastErrorInfo), DECLARE_METHOD("fatalError", FatalError),
      DECLARE_METHOD("fatalException", FatalException), DECLARE_METHOD("badArgs", BadArgs),
  };
  return DefineMethods(env, exports, props, COUNT_OF(props));
}

TEST_ADDON(Init)
