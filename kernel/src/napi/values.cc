// Primitive values: singletons, numbers, strings, symbols, BigInts, Dates, typeof and coercion.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

namespace {

// Shared argument rules of the string constructors.
#define NAPI_CHECK_NEW_STRING_ARGS(env, str, length, result)                            \
  NAPI_CHECK_ENV(env);                                                                  \
  if ((length) > 0) NAPI_CHECK_ARG(env, str);                                           \
  NAPI_CHECK_ARG(env, result);                                                          \
  NAPI_RETURN_IF_FALSE(env, (length) == NAPI_AUTO_LENGTH || (length) <= INT_MAX,        \
                       napi_invalid_arg)

int ToV8Length(size_t length) {
  return length == NAPI_AUTO_LENGTH ? -1 : static_cast<int>(length);
}

template <typename Make>
napi_status NewString(napi_env env, napi_value* result, Make&& make) {
  v8::Local<v8::String> str;
  NAPI_RETURN_IF_FALSE(env, make().ToLocal(&str), napi_generic_failure);
  *result = ToNapi(str);
  return ClearError(env);
}

}  // namespace

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

// ---- strings ----

NAPI_EXTERN napi_status NAPI_CDECL napi_create_string_latin1(napi_env env, const char* str,
                                                             size_t length, napi_value* result) {
  NAPI_CHECK_NEW_STRING_ARGS(env, str, length, result);
  return NewString(env, result, [&] {
    return v8::String::NewFromOneByte(env->isolate, reinterpret_cast<const uint8_t*>(str),
                                      v8::NewStringType::kNormal, ToV8Length(length));
  });
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_string_utf8(napi_env env, const char* str,
                                                           size_t length, napi_value* result) {
  NAPI_CHECK_NEW_STRING_ARGS(env, str, length, result);
  return NewString(env, result, [&] {
    return v8::String::NewFromUtf8(env->isolate, str, v8::NewStringType::kNormal,
                                   ToV8Length(length));
  });
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_string_utf16(napi_env env, const char16_t* str,
                                                            size_t length, napi_value* result) {
  NAPI_CHECK_NEW_STRING_ARGS(env, str, length, result);
  return NewString(env, result, [&] {
    return v8::String::NewFromTwoByte(env->isolate, reinterpret_cast<const uint16_t*>(str),
                                      v8::NewStringType::kNormal, ToV8Length(length));
  });
}

// External strings are copied: V8 would release the resource during GC, where an addon's
// finalizer must not run. Node-API allows this: `copied` tells the caller, and the finalizer
// has already run when the call returns.
NAPI_EXTERN napi_status NAPI_CDECL node_api_create_external_string_latin1(
    napi_env env, char* str, size_t length, node_api_basic_finalize finalize_callback,
    void* finalize_hint, napi_value* result, bool* copied) {
  napi_status status = napi_create_string_latin1(env, str, length, result);
  if (status == napi_ok) {
    if (copied != nullptr) *copied = true;
    if (finalize_callback != nullptr) finalize_callback(env, str, finalize_hint);
  }
  return status;
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_create_external_string_utf16(
    napi_env env, char16_t* str, size_t length, node_api_basic_finalize finalize_callback,
    void* finalize_hint, napi_value* result, bool* copied) {
  napi_status status = napi_create_string_utf16(env, str, length, result);
  if (status == napi_ok) {
    if (copied != nullptr) *copied = true;
    if (finalize_callback != nullptr) finalize_callback(env, str, finalize_hint);
  }
  return status;
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_create_property_key_latin1(napi_env env,
                                                                       const char* str,
                                                                       size_t length,
                                                                       napi_value* result) {
  NAPI_CHECK_NEW_STRING_ARGS(env, str, length, result);
  return NewString(env, result, [&] {
    return v8::String::NewFromOneByte(env->isolate, reinterpret_cast<const uint8_t*>(str),
                                      v8::NewStringType::kInternalized, ToV8Length(length));
  });
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_create_property_key_utf8(napi_env env,
                                                                     const char* str,
                                                                     size_t length,
                                                                     napi_value* result) {
  NAPI_CHECK_NEW_STRING_ARGS(env, str, length, result);
  return NewString(env, result, [&] {
    return v8::String::NewFromUtf8(env->isolate, str, v8::NewStringType::kInternalized,
                                   ToV8Length(length));
  });
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_create_property_key_utf16(napi_env env,
                                                                      const char16_t* str,
                                                                      size_t length,
                                                                      napi_value* result) {
  NAPI_CHECK_NEW_STRING_ARGS(env, str, length, result);
  return NewString(env, result, [&] {
    return v8::String::NewFromTwoByte(env->isolate, reinterpret_cast<const uint16_t*>(str),
                                      v8::NewStringType::kInternalized, ToV8Length(length));
  });
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_string_latin1(napi_env env, napi_value value,
                                                                char* buf, size_t bufsize,
                                                                size_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsString(), napi_string_expected);
  v8::Local<v8::String> str = v.As<v8::String>();
  if (buf == nullptr) {
    NAPI_CHECK_ARG(env, result);
    *result = static_cast<size_t>(str->Length());
  } else if (bufsize != 0) {
    int copied = str->WriteOneByte(env->isolate, reinterpret_cast<uint8_t*>(buf), 0,
                                   static_cast<int>(std::min<size_t>(bufsize - 1, INT_MAX)),
                                   v8::String::NO_NULL_TERMINATION);
    buf[copied] = '\0';
    if (result != nullptr) *result = static_cast<size_t>(copied);
  } else if (result != nullptr) {
    *result = 0;
  }
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_string_utf8(napi_env env, napi_value value,
                                                              char* buf, size_t bufsize,
                                                              size_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsString(), napi_string_expected);
  v8::Local<v8::String> str = v.As<v8::String>();
  if (buf == nullptr) {
    NAPI_CHECK_ARG(env, result);
    *result = static_cast<size_t>(str->Utf8Length(env->isolate));
  } else if (bufsize != 0) {
    // WriteUtf8 never splits a character, so a short buffer holds whole characters only.
    int copied = str->WriteUtf8(env->isolate, buf,
                                static_cast<int>(std::min<size_t>(bufsize - 1, INT_MAX)),
                                nullptr,
                                v8::String::REPLACE_INVALID_UTF8 |
                                    v8::String::NO_NULL_TERMINATION);
    buf[copied] = '\0';
    if (result != nullptr) *result = static_cast<size_t>(copied);
  } else if (result != nullptr) {
    *result = 0;
  }
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_string_utf16(napi_env env, napi_value value,
                                                               char16_t* buf, size_t bufsize,
                                                               size_t* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsString(), napi_string_expected);
  v8::Local<v8::String> str = v.As<v8::String>();
  if (buf == nullptr) {
    NAPI_CHECK_ARG(env, result);
    *result = static_cast<size_t>(str->Length());
  } else if (bufsize != 0) {
    int copied = str->Write(env->isolate, reinterpret_cast<uint16_t*>(buf), 0,
                            static_cast<int>(std::min<size_t>(bufsize - 1, INT_MAX)),
                            v8::String::NO_NULL_TERMINATION);
    buf[copied] = 0;
    if (result != nullptr) *result = static_cast<size_t>(copied);
  } else if (result != nullptr) {
    *result = 0;
  }
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

// ---- BigInt ----

NAPI_EXTERN napi_status NAPI_CDECL napi_create_bigint_int64(napi_env env, int64_t value,
                                                            napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::BigInt::New(env->isolate, value));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_bigint_uint64(napi_env env, uint64_t value,
                                                             napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(v8::BigInt::NewFromUnsigned(env->isolate, value));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_bigint_words(napi_env env, int sign_bit,
                                                            size_t word_count,
                                                            const uint64_t* words,
                                                            napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, words);
  NAPI_CHECK_ARG(env, result);
  NAPI_RETURN_IF_FALSE(env, word_count <= INT_MAX, napi_invalid_arg);
  v8::Local<v8::BigInt> big;
  if (!v8::BigInt::NewFromWords(env->context(), sign_bit, static_cast<int>(word_count), words)
           .ToLocal(&big)) {
    return nodus::napi::FailedCall(env, try_catch, napi_generic_failure);
  }
  *result = ToNapi(big);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_bigint_int64(napi_env env, napi_value value,
                                                               int64_t* result, bool* lossless) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, lossless);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsBigInt(), napi_bigint_expected);
  *result = v.As<v8::BigInt>()->Int64Value(lossless);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_bigint_uint64(napi_env env, napi_value value,
                                                                uint64_t* result,
                                                                bool* lossless) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, lossless);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsBigInt(), napi_bigint_expected);
  *result = v.As<v8::BigInt>()->Uint64Value(lossless);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_value_bigint_words(napi_env env, napi_value value,
                                                               int* sign_bit, size_t* word_count,
                                                               uint64_t* words) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, word_count);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsBigInt(), napi_bigint_expected);
  v8::Local<v8::BigInt> big = v.As<v8::BigInt>();
  int count = static_cast<int>(std::min<size_t>(*word_count, INT_MAX));
  if (sign_bit == nullptr && words == nullptr) {
    count = big->WordCount();
  } else {
    NAPI_CHECK_ARG(env, sign_bit);
    NAPI_CHECK_ARG(env, words);
    big->ToWordsArray(sign_bit, &count, words);
  }
  *word_count = static_cast<size_t>(count);
  return ClearError(env);
}

// ---- Date ----

NAPI_EXTERN napi_status NAPI_CDECL napi_create_date(napi_env env, double time,
                                                    napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> date;
  if (!v8::Date::New(env->context(), time).ToLocal(&date))
    return nodus::napi::FailedCall(env, try_catch, napi_generic_failure);
  *result = ToNapi(date);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_is_date(napi_env env, napi_value value,
                                                bool* is_date) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, is_date);
  *is_date = ToV8(value)->IsDate();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_date_value(napi_env env, napi_value value,
                                                       double* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsDate(), napi_date_expected);
  *result = v.As<v8::Date>()->ValueOf();
  NAPI_RETURN_STATUS(env);
}

}  // extern "C"
