// napi_run_script: compiles and runs a string in the env's context, like indirect eval.
#include "napi/napi_env.h"

using nodus::napi::FailedCall;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_run_script(napi_env env, napi_value script,
                                                   napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, script);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> source = ToV8(script);
  NAPI_RETURN_IF_FALSE(env, source->IsString(), napi_string_expected);
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Script> compiled;
  if (!v8::Script::Compile(context, source.As<v8::String>()).ToLocal(&compiled))
    return FailedCall(env, try_catch, napi_generic_failure);
  v8::Local<v8::Value> value;
  if (!compiled->Run(context).ToLocal(&value))
    return FailedCall(env, try_catch, napi_generic_failure);
  *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

}  // extern "C"
