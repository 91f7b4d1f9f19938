// Errors and exceptions: creating and throwing errors, the pending exception, fatal errors.
#include <cstdio>
#include <cstring>
#include <string>

#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

namespace {

using MakeError = v8::Local<v8::Value> (*)(v8::Local<v8::String>);

napi_status CreateError(napi_env env, napi_value code, napi_value msg, napi_value* result,
                        MakeError make) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, msg);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> message = ToV8(msg);
  NAPI_RETURN_IF_FALSE(env, message->IsString(), napi_string_expected);
  v8::Local<v8::Value> error = make(message.As<v8::String>());
  if (code != nullptr) {
    v8::Local<v8::Value> code_value = ToV8(code);
    NAPI_RETURN_IF_FALSE(env, code_value->IsString(), napi_string_expected);
    v8::Local<v8::Context> context = env->context();
    NAPI_RETURN_IF_FALSE(env,
        error.As<v8::Object>()
            ->Set(context, nodus::napi::Utf8(env->isolate, "code"), code_value)
            .FromMaybe(false),
        napi_generic_failure);
  }
  *result = ToNapi(error);
  return ClearError(env);
}

napi_status ThrowError(napi_env env, const char* code, const char* msg, MakeError make) {
  NAPI_PREAMBLE(env);
  v8::Local<v8::String> message;
  napi_status status = nodus::napi::NewUtf8String(env, msg, NAPI_AUTO_LENGTH, &message);
  if (status != napi_ok) return status;
  v8::Local<v8::Value> error = make(message);
  if (code != nullptr) {
    v8::Local<v8::String> code_value;
    status = nodus::napi::NewUtf8String(env, code, NAPI_AUTO_LENGTH, &code_value);
    if (status != napi_ok) return status;
    error.As<v8::Object>()
        ->Set(env->context(), nodus::napi::Utf8(env->isolate, "code"), code_value)
        .FromMaybe(false);
  }
  env->isolate->ThrowException(error);
  // The exception is now pending on purpose: that is success.
  return ClearError(env);
}

}  // namespace

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_create_error(napi_env env, napi_value code,
                                                     napi_value msg, napi_value* result) {
  return CreateError(env, code, msg, result, v8::Exception::Error);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_type_error(napi_env env, napi_value code,
                                                          napi_value msg, napi_value* result) {
  return CreateError(env, code, msg, result, v8::Exception::TypeError);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_range_error(napi_env env, napi_value code,
                                                           napi_value msg, napi_value* result) {
  return CreateError(env, code, msg, result, v8::Exception::RangeError);
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_create_syntax_error(napi_env env, napi_value code,
                                                                napi_value msg,
                                                                napi_value* result) {
  return CreateError(env, code, msg, result, v8::Exception::SyntaxError);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_throw(napi_env env, napi_value error) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, error);
  env->isolate->ThrowException(ToV8(error));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_throw_error(napi_env env, const char* code,
                                                    const char* msg) {
  return ThrowError(env, code, msg, v8::Exception::Error);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_throw_type_error(napi_env env, const char* code,
                                                         const char* msg) {
  return ThrowError(env, code, msg, v8::Exception::TypeError);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_throw_range_error(napi_env env, const char* code,
                                                          const char* msg) {
  return ThrowError(env, code, msg, v8::Exception::RangeError);
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_throw_syntax_error(napi_env env, const char* code,
                                                               const char* msg) {
  return ThrowError(env, code, msg, v8::Exception::SyntaxError);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_is_error(napi_env env, napi_value value, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsNativeError();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_is_exception_pending(napi_env env, bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = !env->last_exception.IsEmpty();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_and_clear_last_exception(napi_env env,
                                                                     napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  if (env->last_exception.IsEmpty()) {
    *result = ToNapi(v8::Undefined(env->isolate));
  } else {
    *result = ToNapi(env->last_exception.Get(env->isolate));
    env->last_exception.Reset();
  }
  return ClearError(env);
}

NAPI_EXTERN NAPI_NO_RETURN void NAPI_CDECL napi_fatal_error(const char* location,
                                                            size_t location_len,
                                                            const char* message,
                                                            size_t message_len) {
  std::string where, what;
  if (location != nullptr)
    where.assign(location, location_len == NAPI_AUTO_LENGTH ? std::strlen(location) : location_len);
  if (message != nullptr)
    what.assign(message, message_len == NAPI_AUTO_LENGTH ? std::strlen(message) : message_len);
  nodus::napi::FatalError(where.c_str(), what.c_str());
}

NAPI_EXTERN napi_status NAPI_CDECL napi_fatal_exception(napi_env env, napi_value err) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, err);
  v8::Local<v8::Value> error = ToV8(err);
  env->rt->TriggerUncaughtException(error, v8::Exception::CreateMessage(env->isolate, error));
  return ClearError(env);
}

}  // extern "C"
