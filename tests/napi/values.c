/* Primitive values: numbers, strings, symbols, BigInts, Dates, typeof, coercion. */
#include <limits.h>
#include "test_common.h"

static napi_value Int32(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  int32_t v;
  NAPI_CALL(env, napi_get_value_int32(env, argv[0], &v));
  return MakeInt(env, v);
}

static napi_value Uint32(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  uint32_t v;
  napi_value out;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[0], &v));
  NAPI_CALL(env, napi_create_uint32(env, v, &out));
  return out;
}

static napi_value Int64(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  int64_t v;
  napi_value out;
  NAPI_CALL(env, napi_get_value_int64(env, argv[0], &v));
  NAPI_CALL(env, napi_create_int64(env, v, &out));
  return out;
}

static napi_value Double(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  double v;
  napi_value out;
  NAPI_CALL(env, napi_get_value_double(env, argv[0], &v));
  NAPI_CALL(env, napi_create_double(env, v, &out));
  return out;
}

static napi_value Bool(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  bool v;
  NAPI_CALL(env, napi_get_value_bool(env, argv[0], &v));
  return MakeBool(env, !v);
}

/* String round trips through a buffer of `bufsize` (default: big enough). */
static napi_value Utf8(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  char buf[256];
  size_t bufsize = sizeof buf, len, needed;
  napi_valuetype t;
  NAPI_CALL(env, napi_typeof(env, argv[1], &t));
  if (t == napi_number) {
    uint32_t n;
    NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &n));
    bufsize = n;
  }
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], NULL, 0, &needed));
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], buf, bufsize, &len));
  napi_value out;
  NAPI_CALL(env, napi_create_string_utf8(env, buf, len, &out));
  NAPI_ASSERT(env, bufsize < sizeof buf || needed == len, "utf8 length");
  return out;
}

static napi_value Latin1(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  char buf[256];
  size_t bufsize = sizeof buf, len;
  napi_valuetype t;
  NAPI_CALL(env, napi_typeof(env, argv[1], &t));
  if (t == napi_number) {
    uint32_t n;
    NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &n));
    bufsize = n;
  }
  NAPI_CALL(env, napi_get_value_string_latin1(env, argv[0], buf, bufsize, &len));
  napi_value out;
  NAPI_CALL(env, napi_create_string_latin1(env, buf, len, &out));
  return out;
}

static napi_value Utf16(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  char16_t buf[256];
  size_t bufsize = 256, len, needed;
  napi_valuetype t;
  NAPI_CALL(env, napi_typeof(env, argv[1], &t));
  if (t == napi_number) {
    uint32_t n;
    NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &n));
    bufsize = n;
  }
  NAPI_CALL(env, napi_get_value_string_utf16(env, argv[0], NULL, 0, &needed));
  NAPI_CALL(env, napi_get_value_string_utf16(env, argv[0], buf, bufsize, &len));
  napi_value out;
  NAPI_CALL(env, napi_create_string_utf16(env, buf, len, &out));
  return out;
}

static napi_value Utf8Length(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  size_t len;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], NULL, 0, &len));
  return MakeInt(env, (int32_t)len);
}

static napi_value TypeOf(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  static const char* names[] = {"undefined", "null",   "boolean",  "number", "string",
                                "symbol",    "object", "function", "external", "bigint"};
  napi_valuetype t;
  NAPI_CALL(env, napi_typeof(env, argv[0], &t));
  return MakeString(env, names[t]);
}

static napi_value Coerce(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 2);
  char kind[16];
  size_t len;
  napi_value out = NULL;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[1], kind, sizeof kind, &len));
  if (strcmp(kind, "bool") == 0) NAPI_CALL(env, napi_coerce_to_bool(env, argv[0], &out));
  if (strcmp(kind, "number") == 0) NAPI_CALL(env, napi_coerce_to_number(env, argv[0], &out));
  if (strcmp(kind, "object") == 0) NAPI_CALL(env, napi_coerce_to_object(env, argv[0], &out));
  if (strcmp(kind, "string") == 0) NAPI_CALL(env, napi_coerce_to_string(env, argv[0], &out));
  return out;
}

static napi_value Symbol(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_valuetype t;
  napi_value out;
  NAPI_CALL(env, napi_typeof(env, argv[0], &t));
  NAPI_CALL(env, napi_create_symbol(env, t == napi_undefined ? NULL : argv[0], &out));
  return out;
}

static napi_value SymbolFor(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  char buf[128];
  size_t len;
  napi_value out;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], buf, sizeof buf, &len));
  NAPI_CALL(env, node_api_symbol_for(env, buf, len, &out));
  return out;
}

static napi_value BigIntInt64(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  int64_t v;
  bool lossless;
  napi_value out, arr;
  NAPI_CALL(env, napi_get_value_bigint_int64(env, argv[0], &v, &lossless));
  NAPI_CALL(env, napi_create_bigint_int64(env, v, &out));
  NAPI_CALL(env, napi_create_array(env, &arr));
  NAPI_CALL(env, napi_set_element(env, arr, 0, out));
  NAPI_CALL(env, napi_set_element(env, arr, 1, MakeBool(env, lossless)));
  return arr;
}

static napi_value BigIntUint64(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  uint64_t v;
  bool lossless;
  napi_value out, arr;
  NAPI_CALL(env, napi_get_value_bigint_uint64(env, argv[0], &v, &lossless));
  NAPI_CALL(env, napi_create_bigint_uint64(env, v, &out));
  NAPI_CALL(env, napi_create_array(env, &arr));
  NAPI_CALL(env, napi_set_element(env, arr, 0, out));
  NAPI_CALL(env, napi_set_element(env, arr, 1, MakeBool(env, lossless)));
  return arr;
}

static napi_value BigIntWords(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  size_t count = 0;
  int sign;
  uint64_t words[16];
  napi_value out;
  NAPI_CALL(env, napi_get_value_bigint_words(env, argv[0], NULL, &count, NULL));
  NAPI_ASSERT(env, count <= 16, "too many words");
  NAPI_CALL(env, napi_get_value_bigint_words(env, argv[0], &sign, &count, words));
  NAPI_CALL(env, napi_create_bigint_words(env, sign, count, words, &out));
  return out;
}

static napi_value HugeBigInt(napi_env env, napi_callback_info info) {
  /* More words than V8 allows: a RangeError becomes the pending exception. */
  static uint64_t words[1];
  napi_value out;
  napi_status s = napi_create_bigint_words(env, 0, (size_t)INT_MAX, words, &out);
  return s == napi_pending_exception ? NULL : MakeInt(env, s);
}

static napi_value Date(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  double t;
  napi_value out;
  bool is_date;
  NAPI_CALL(env, napi_get_value_double(env, argv[0], &t));
  NAPI_CALL(env, napi_create_date(env, t, &out));
  NAPI_CALL(env, napi_is_date(env, out, &is_date));
  NAPI_ASSERT(env, is_date, "is_date");
  return out;
}

static napi_value DateValue(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  double t;
  napi_value out;
  NAPI_CALL(env, napi_get_date_value(env, argv[0], &t));
  NAPI_CALL(env, napi_create_double(env, t, &out));
  return out;
}

static napi_value Singletons(napi_env env, napi_callback_info info) {
  napi_value arr, v;
  NAPI_CALL(env, napi_create_array_with_length(env, 5, &arr));
  NAPI_CALL(env, napi_get_undefined(env, &v));
  NAPI_CALL(env, napi_set_element(env, arr, 0, v));
  NAPI_CALL(env, napi_get_null(env, &v));
  NAPI_CALL(env, napi_set_element(env, arr, 1, v));
  NAPI_CALL(env, napi_get_boolean(env, true, &v));
  NAPI_CALL(env, napi_set_element(env, arr, 2, v));
  NAPI_CALL(env, napi_get_boolean(env, false, &v));
  NAPI_CALL(env, napi_set_element(env, arr, 3, v));
  NAPI_CALL(env, napi_get_global(env, &v));
  NAPI_CALL(env, napi_set_element(env, arr, 4, v));
  return arr;
}

/* Status codes of calls made with bad arguments, keyed by a short description. */
static napi_value BadArgs(napi_env env, napi_callback_info info) {
  napi_value out, num, str, obj, v;
  int32_t i32;
  double d;
  bool b;
  size_t len;
  char buf[8];
  napi_valuetype t;
  int64_t i64;
  NAPI_CALL(env, napi_create_object(env, &out));
  NAPI_CALL(env, napi_create_double(env, 1.5, &num));
  NAPI_CALL(env, napi_create_string_utf8(env, "str", 3, &str));
  NAPI_CALL(env, napi_create_object(env, &obj));

  SetNamedInt(env, out, "nullEnv", napi_create_int32(NULL, 1, &v));
  SetNamedInt(env, out, "nullResult", napi_create_int32(env, 1, NULL));
  SetNamedInt(env, out, "int32OfString", napi_get_value_int32(env, str, &i32));
  SetNamedInt(env, out, "doubleOfNull", napi_get_value_double(env, NULL, &d));
  SetNamedInt(env, out, "boolOfNumber", napi_get_value_bool(env, num, &b));
  SetNamedInt(env, out, "utf8OfNumber", napi_get_value_string_utf8(env, num, buf, 8, &len));
  SetNamedInt(env, out, "utf8NoBufNoResult", napi_get_value_string_utf8(env, str, NULL, 0, NULL));
  SetNamedInt(env, out, "newUtf8Null", napi_create_string_utf8(env, NULL, 3, &v));
  SetNamedInt(env, out, "newUtf8NullEmpty", napi_create_string_utf8(env, NULL, 0, &v));
  SetNamedInt(env, out, "newUtf8TooLong",
              napi_create_string_utf8(env, "x", (size_t)INT_MAX + 1, &v));
  SetNamedInt(env, out, "typeofNull", napi_typeof(env, NULL, &t));
  SetNamedInt(env, out, "bigintOfNumber", napi_get_value_bigint_int64(env, num, &i64, &b));
  SetNamedInt(env, out, "dateOfNumber", napi_get_date_value(env, num, &d));
  SetNamedInt(env, out, "symbolOfNumber", napi_create_symbol(env, num, &v));
  SetNamedInt(env, out, "symbolForNull", node_api_symbol_for(env, NULL, 3, &v));
  SetNamedInt(env, out, "coerceNull", napi_coerce_to_string(env, NULL, &v));

  /* The last error describes the failing call. */
  napi_get_value_int32(env, str, &i32);
  const napi_extended_error_info* err;
  NAPI_CALL(env, napi_get_last_error_info(env, &err));
  /* Read at once: the info describes the last call only. */
  napi_status code = err->error_code;
  napi_value message = MakeString(env, err->error_message);
  SetNamedInt(env, out, "lastErrorCode", code);
  napi_set_named_property(env, out, "lastErrorMessage", message);
  napi_get_undefined(env, &v);
  NAPI_CALL(env, napi_get_last_error_info(env, &err));
  SetNamedInt(env, out, "lastErrorAfterOk", err->error_code);
  return out;
}

/* The cheapest possible Node-API function, for the call benchmark. */
static napi_value Noop(napi_env env, napi_callback_info info) { return NULL; }

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      DECLARE_METHOD("int32", Int32),       DECLARE_METHOD("uint32", Uint32),
      DECLARE_METHOD("int64", Int64),       DECLARE_METHOD("double", Double),
      DECLARE_METHOD("notBool", Bool),      DECLARE_METHOD("utf8", Utf8),
      DECLARE_METHOD("latin1", Latin1),     DECLARE_METHOD("utf16", Utf16),
      DECLARE_METHOD("utf8Length", Utf8Length), DECLARE_METHOD("typeOf", TypeOf),
      DECLARE_METHOD("coerce", Coerce),     DECLARE_METHOD("symbol", Symbol),
      DECLARE_METHOD("symbolFor", SymbolFor), DECLARE_METHOD("bigintInt64", BigIntInt64),
      DECLARE_METHOD("bigintUint64", BigIntUint64), DECLARE_METHOD("bigintWords", BigIntWords),
      DECLARE_METHOD("hugeBigInt", HugeBigInt), DECLARE_METHOD("date", Date),
      DECLARE_METHOD("dateValue", DateValue), DECLARE_METHOD("singletons", Singletons),
      DECLARE_METHOD("badArgs", BadArgs),       DECLARE_METHOD("noop", Noop),
  };
  return DefineMethods(env, exports, props, COUNT_OF(props));
}

TEST_ADDON(Init)
