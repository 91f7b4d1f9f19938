// Handle scopes opened by addons. V8 scopes cannot live on the heap directly, so each is held by
// a small wrapper; the env counts them so an unbalanced addon is caught.
#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

namespace {

struct HandleScopeHolder {
  explicit HandleScopeHolder(v8::Isolate* isolate) : scope(isolate) {}
  v8::HandleScope scope;
};

struct EscapableScopeHolder {
  explicit EscapableScopeHolder(v8::Isolate* isolate) : scope(isolate) {}
  v8::EscapableHandleScope scope;
  bool escaped = false;
};

}  // namespace

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_open_handle_scope(napi_env env,
                                                          napi_handle_scope* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_handle_scope>(new HandleScopeHolder(env->isolate));
  env->open_handle_scopes++;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_close_handle_scope(napi_env env,
                                                           napi_handle_scope scope) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, scope);
  NAPI_RETURN_IF_FALSE(env, env->open_handle_scopes > 0, napi_handle_scope_mismatch);
  env->open_handle_scopes--;
  delete reinterpret_cast<HandleScopeHolder*>(scope);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_open_escapable_handle_scope(
    napi_env env, napi_escapable_handle_scope* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_escapable_handle_scope>(new EscapableScopeHolder(env->isolate));
  env->open_handle_scopes++;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_close_escapable_handle_scope(
    napi_env env, napi_escapable_handle_scope scope) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, scope);
  NAPI_RETURN_IF_FALSE(env, env->open_handle_scopes > 0, napi_handle_scope_mismatch);
  env->open_handle_scopes--;
  delete reinterpret_cast<EscapableScopeHolder*>(scope);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_escape_handle(napi_env env,
                                                      napi_escapable_handle_scope scope,
                                                      napi_value escapee, napi_value* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, scope);
  NAPI_CHECK_ARG(env, escapee);
  NAPI_CHECK_ARG(env, result);
  auto* holder = reinterpret_cast<EscapableScopeHolder*>(scope);
  NAPI_RETURN_IF_FALSE(env, !holder->escaped, napi_escape_called_twice);
  holder->escaped = true;
  *result = ToNapi(holder->scope.Escape(ToV8(escapee)));
  return ClearError(env);
}

}  // extern "C"
