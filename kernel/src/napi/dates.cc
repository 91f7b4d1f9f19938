// Dates: creation from a time value, the type check, and reading the time value back.
#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

extern "C" {

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
