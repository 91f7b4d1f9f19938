// Promises: a napi_deferred is a heap-held resolver, freed when it is settled.
#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::FailedCall;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

namespace {

using Deferred = v8::Global<v8::Promise::Resolver>;

napi_status Settle(napi_env env, napi_deferred deferred, napi_value value, bool resolve) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, deferred);
  NAPI_CHECK_ARG(env, value);
  auto* holder = reinterpret_cast<Deferred*>(deferred);
  v8::Local<v8::Promise::Resolver> resolver = holder->Get(env->isolate);
  delete holder;  // settled once, whatever happens below
  v8::Local<v8::Context> context = env->context();
  v8::Maybe<bool> done = resolve ? resolver->Resolve(context, ToV8(value))
                                 : resolver->Reject(context, ToV8(value));
  if (done.IsNothing()) return FailedCall(env, try_catch, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

}  // namespace

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_create_promise(napi_env env, napi_deferred* deferred,
                                                       napi_value* promise) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, deferred);
  NAPI_CHECK_ARG(env, promise);
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(env->context()).ToLocal(&resolver))
    return FailedCall(env, try_catch, napi_generic_failure);
  *deferred = reinterpret_cast<napi_deferred>(new Deferred(env->isolate, resolver));
  *promise = ToNapi(resolver->GetPromise());
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_resolve_deferred(napi_env env, napi_deferred deferred,
                                                         napi_value resolution) {
  return Settle(env, deferred, resolution, true);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_reject_deferred(napi_env env, napi_deferred deferred,
                                                        napi_value rejection) {
  return Settle(env, deferred, rejection, false);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_is_promise(napi_env env, napi_value value,
                                                   bool* is_promise) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, is_promise);
  *is_promise = ToV8(value)->IsPromise();
  return ClearError(env);
}

}  // extern "C"
