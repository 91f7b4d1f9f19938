// Strings: creation from Latin-1/UTF-8/UTF-16, reading back into caller buffers, property keys
// (internalized strings) and "external" strings.
#include <algorithm>
#include <climits>

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

}  // extern "C"
