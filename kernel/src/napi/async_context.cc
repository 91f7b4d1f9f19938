// Async contexts, napi_make_callback and callback scopes. nodus reports no native resource to
// async_hooks, so an async context only records its resource; what matters is that entering JS
// from native code drains the nextTick and microtask queues when the outermost scope closes.
#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::FailedCall;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

struct napi_async_context__ {
  v8::Global<v8::Object> resource;
};

struct napi_callback_scope__ {
  explicit napi_callback_scope__(nodus::Runtime& rt) : scope(rt) {}
  nodus::Runtime::CallbackScope scope;
};

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_async_init(napi_env env, napi_value async_resource,
                                                   napi_value async_resource_name,
                                                   napi_async_context* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, async_resource_name);
  NAPI_CHECK_ARG(env, result);
  auto* context = new napi_async_context__;
  if (async_resource != nullptr) {
    v8::Local<v8::Value> resource = ToV8(async_resource);
    if (!resource->IsObject()) {
      delete context;
      return SetError(env, napi_object_expected);
    }
    context->resource.Reset(env->isolate, resource.As<v8::Object>());
  }
  *result = context;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_async_destroy(napi_env env,
                                                      napi_async_context async_context) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, async_context);
  delete async_context;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_make_callback(napi_env env,
                                                      napi_async_context async_context,
                                                      napi_value recv, napi_value func,
                                                      size_t argc, const napi_value* argv,
                                                      napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, recv);
  if (argc > 0) NAPI_CHECK_ARG(env, argv);
  v8::Local<v8::Context> context = env->context();
  NAPI_TO_OBJECT(env, context, receiver, recv);
  NAPI_TO_FUNCTION(env, fn, func);
  v8::MaybeLocal<v8::Value> maybe;
  {
    nodus::Runtime::CallbackScope scope(*env->rt);
    maybe = fn->Call(context, receiver, static_cast<int>(argc),
                     reinterpret_cast<v8::Local<v8::Value>*>(const_cast<napi_value*>(argv)));
  }
  v8::Local<v8::Value> value;
  if (!maybe.ToLocal(&value)) return FailedCall(env, try_catch, napi_generic_failure);
  if (result != nullptr) *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_open_callback_scope(napi_env env,
                                                            napi_value resource_object,
                                                            napi_async_context context,
                                                            napi_callback_scope* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = new napi_callback_scope__(*env->rt);
  env->open_callback_scopes++;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_close_callback_scope(napi_env env,
                                                             napi_callback_scope scope) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, scope);
  NAPI_RETURN_IF_FALSE(env, env->open_callback_scopes > 0, napi_callback_scope_mismatch);
  env->open_callback_scopes--;
  delete scope;  // closing the outermost scope drains ticks and microtasks
  return ClearError(env);
}

}  // extern "C"
