// Primitive values: the singletons, numbers, symbols, typeof and coercion.
#include <cmath>

#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

extern "C" {


NAPI_EXTERN napi_status NAPI_CDECL napi_get_undefined(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Undefined(env->isolate));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_null(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Null(env->isolate));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_global(napi_env env, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(env->context()->Global());
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_boolean(napi_env env, bool value,
                                                    napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Boolean::New(env->isolate, value));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_double(napi_env env, double value,
                                                      napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Number::New(env->isolate, value));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_int32(napi_env env, int32_t value,
                                                     napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Integer::New(env->isolate, value));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_uint32(napi_env env, uint32_t value,
                                                      napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Integer::NewFromUnsigned(env->isolate, value));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_int64(napi_env env, int64_t value,
                                                     napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Number::New(env->isolate, static_cast<double>(value)));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_double(napi_env env, napi_value value,
                                                         double* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
  *result = v.As<v8::Number>()->Value();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_int32(napi_env env, napi_value value,
                                                        int32_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  if (v->IsInt32()) {
    *result = v.As<v8::Int32>()->Value();
  } else {
    NAPI_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
    // ToInt32 semantics: non-finite -> 0, others wrap modulo 2^32.
    *result = v->Int32Value(env->context()).FromJust();
  }
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_uint32(napi_env env, napi_value value,
                                                         uint32_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  if (v->IsUint32()) {
    *result = v.As<v8::Uint32>()->Value();
  } else {
    NAPI_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
    *result = v->Uint32Value(env->context()).FromJust();
  }
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_int64(napi_env env, napi_value value,
                                                        int64_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  if (v->IsInt32()) {
    *result = v.As<v8::Int32>()->Value();
    return ClearError(env);
  }
  NAPI_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
  double d = v.As<v8::Number>()->Value();
  // Non-finite numbers are 0; out-of-range ones saturate as V8's IntegerValue does.
  *result = std::isfinite(d) ? v->IntegerValue(env->context()).FromJust() : 0;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_bool(napi_env env, napi_value value,
                                                       bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsBoolean(), napi_boolean_expected);
  *result = v.As<v8::Boolean>()->Value();
  return ClearError(env);
}

// ---- symbols ----

NAPI_EXTERN napi_status NAPI_CDECL napi_create_symbol(napi_env env, napi_value description,
                                                      napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  if (description == nullptr) {
    *result = ToNapi(v8::Symbol::New(env->isolate));
  } else {
    v8::Local<v8::Value> desc = ToV8(description);
    NAPI_RETURN_IF_FALSE(env, desc->IsString(), napi_string_expected);
    *result = ToNapi(v8::Symbol::New(env->isolate, desc.As<v8::String>()));
  }
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_symbol_for(napi_env env, const char* utf8description,
                                                       size_t length, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::String> key;
  napi_status status = nodus::napi::NewUtf8String(env, utf8description, length, &key);
  if (status != napi_ok) return status;
  *result = ToNapi(v8::Symbol::For(env->isolate, key));
  return ClearError(env);
}

// ---- typeof and coercion ----

NAPI_EXTERN napi_status NAPI_CDECL napi_typeof(napi_env env, napi_value value,
                                               napi_valuetype* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  if (v->IsNumber()) {
    *result = napi_number;
  } else if (v->IsBigInt()) {
    *result = napi_bigint;
  } else if (v->IsString()) {
    *result = napi_string;
  } else if (v->IsFunction()) {
    *result = napi_function;
  } else if (v->IsExternal()) {
    // Externals are objects to V8: test them first.
    *result = napi_external;
  } else if (v->IsObject()) {
    *result = napi_object;
  } else if (v->IsBoolean()) {
    *result = napi_boolean;
  } else if (v->IsUndefined()) {
    *result = napi_undefined;
  } else if (v->IsSymbol()) {
    *result = napi_symbol;
  } else if (v->IsNull()) {
    *result = napi_null;
  } else {
    return SetError(env, napi_invalid_arg);
  }
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_coerce_to_bool(napi_env env, napi_value value,
                                                       napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::Boolean::New(env->isolate, ToV8(value)->BooleanValue(env->isolate)));
  NAPI_RETURN_STATUS(env);
}

#define NAPI_COERCE(name, method, type, status)                                           \
  NAPI_EXTERN napi_status NAPI_CDECL name(napi_env env, napi_value value,                 \
                                          napi_value* result) {                           \
    NAPI_PREAMBLE(env);                                                                   \
    NAPI_CHECK_ARG(env, value);                                                           \
    NAPI_CHECK_ARG(env, result);                                                          \
    v8::Local<type> out;                                                                  \
    if (!ToV8(value)->method(env->context()).ToLocal(&out))                               \
      return nodus::napi::FailedCall(env, try_catch, status);                             \
    *result = ToNapi(out);                                                                \
    NAPI_RETURN_STATUS(env);                                                              \
  }

NAPI_COERCE(napi_coerce_to_number, ToNumber, v8::Number, napi_number_expected)
NAPI_COERCE(napi_coerce_to_object, ToObject, v8::Object, napi_object_expected)
NAPI_COERCE(napi_coerce_to_string, ToString, v8::String, napi_string_expected)

#undef NAPI_COERCE

}  // extern "C"
