// Async work: `execute` on the libuv thread pool, `complete` back on the JS thread inside a
// callback scope (ticks and microtasks drain after it; exceptions are uncaught exceptions).
#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;
using nodus::napi::ToV8;

struct napi_async_work__ {
  napi_env env;
  napi_async_execute_callback execute;
  napi_async_complete_callback complete;
  void* data;
  uv_work_t req{};

  static void Execute(uv_work_t* req) {
    auto* work = static_cast<napi_async_work__*>(req->data);
    work->execute(work->env, work->data);
  }

  static void After(uv_work_t* req, int status) {
    auto* work = static_cast<napi_async_work__*>(req->data);
    napi_env env = work->env;
    // Copied: `complete` usually deletes the work item.
    napi_async_complete_callback complete = work->complete;
    void* data = work->data;
    if (complete != nullptr && !env->tearing_down && !env->gone) {
      napi_status result = status == UV_ECANCELED ? napi_cancelled : napi_ok;
      v8::HandleScope scope(env->isolate);
      v8::Context::Scope context_scope(env->context());
      nodus::Runtime::CallbackScope callback_scope(*env->rt);
      env->CallFromLoop([&](napi_env e) { complete(e, result, data); });
    }
  }
};

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_create_async_work(napi_env env,
                                                          napi_value async_resource,
                                                          napi_value async_resource_name,
                                                          napi_async_execute_callback execute,
                                                          napi_async_complete_callback complete,
                                                          void* data,
                                                          napi_async_work* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, execute);
  NAPI_CHECK_ARG(env, result);
  if (async_resource != nullptr) {
    NAPI_RETURN_IF_FALSE(env, ToV8(async_resource)->IsObject(), napi_object_expected);
  }
  NAPI_CHECK_ARG(env, async_resource_name);
  auto* work = new napi_async_work__{env, execute, complete, data};
  work->req.data = work;
  *result = work;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_delete_async_work(napi_env env, napi_async_work work) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, work);
  delete work;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_queue_async_work(node_api_basic_env env,
                                                         napi_async_work work) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, work);
  if (env->gone) return nodus::napi::GoneError(env);
  int rc = uv_queue_work(env->rt->loop(), &work->req, napi_async_work__::Execute,
                         napi_async_work__::After);
  NAPI_RETURN_IF_FALSE(env, rc == 0, napi_generic_failure);
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_cancel_async_work(node_api_basic_env env,
                                                          napi_async_work work) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, work);
  // Fails once the work has started: only queued work can be cancelled.
  int rc = uv_cancel(reinterpret_cast<uv_req_t*>(&work->req));
  NAPI_RETURN_IF_FALSE(env, rc == 0, napi_generic_failure);
  return ClearError(env);
}

}  // extern "C"
