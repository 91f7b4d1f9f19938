// Per-environment state and teardown: instance data, cleanup hooks (sync and async), and the
// facts an addon may ask about its host (versions, loop, file name, external memory).
#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;

struct napi_async_cleanup_hook_handle__ {
  napi_env env;
  napi_async_cleanup_hook hook;
  void* arg;
  bool registered = true;  // still in the environment's hook list
  bool in_call = false;    // the hook is running right now
  bool removed = false;
};

namespace {

// Runs an async cleanup hook at teardown. The hook finishes its asynchronous work (closing
// handles...) on later loop turns and then removes itself; teardown may run from inside a loop
// callback (process.exit), where libuv forbids running the loop again, so it is not spun here.
void RunAsyncCleanupHook(void* arg) {
  auto* handle = static_cast<napi_async_cleanup_hook_handle__*>(arg);
  handle->registered = false;
  handle->in_call = true;
  handle->hook(handle, handle->arg);
  handle->in_call = false;
  if (handle->removed) delete handle;  // removed from inside the hook; else freed on removal
}

}  // namespace

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_set_instance_data(node_api_basic_env env, void* data,
                                                          napi_finalize finalize_cb,
                                                          void* finalize_hint) {
  NAPI_CHECK_ENV_BASIC(env);
  // Replacing instance data drops the old finalizer without calling it, as Node does.
  env->instance_data = data;
  env->instance_data_finalize = finalize_cb;
  env->instance_data_hint = finalize_hint;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_instance_data(node_api_basic_env env, void** data) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, data);
  *data = env->instance_data;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_add_env_cleanup_hook(node_api_basic_env env,
                                                             napi_cleanup_hook fun, void* arg) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, fun);
  env->AddCleanupHook(fun, arg);
  return napi_ok;
}

NAPI_EXTERN napi_status NAPI_CDECL napi_remove_env_cleanup_hook(node_api_basic_env env,
                                                                napi_cleanup_hook fun,
                                                                void* arg) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, fun);
  env->RemoveCleanupHook(fun, arg);
  return napi_ok;
}

NAPI_EXTERN napi_status NAPI_CDECL napi_add_async_cleanup_hook(
    node_api_basic_env env, napi_async_cleanup_hook hook, void* arg,
    napi_async_cleanup_hook_handle* remove_handle) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, hook);
  auto* handle = new napi_async_cleanup_hook_handle__{env, hook, arg};
  env->AddCleanupHook(RunAsyncCleanupHook, handle);
  if (remove_handle != nullptr) *remove_handle = handle;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_remove_async_cleanup_hook(
    napi_async_cleanup_hook_handle remove_handle) {
  if (remove_handle == nullptr) return napi_invalid_arg;
  if (remove_handle->registered) {
    remove_handle->env->RemoveCleanupHook(RunAsyncCleanupHook, remove_handle);
    delete remove_handle;
  } else if (remove_handle->in_call) {
    remove_handle->removed = true;  // RunAsyncCleanupHook frees it when the hook returns
  } else {
    delete remove_handle;
  }
  return napi_ok;
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_version(node_api_basic_env env, uint32_t* result) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, result);
  *result = 10;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_node_version(node_api_basic_env env,
                                                         const napi_node_version** version) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, version);
  // The Node release whose behaviour nodus follows.
  static const napi_node_version kVersion = {20, 18, 0, "node"};
  *version = &kVersion;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_uv_event_loop(node_api_basic_env env,
                                                          struct uv_loop_s** loop) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, loop);
  if (env->gone) return nodus::napi::GoneError(env);  // the runtime and its loop are gone
  *loop = env->rt->loop();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_get_module_file_name(node_api_basic_env env,
                                                                 const char** result) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, result);
  *result = env->filename.c_str();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_adjust_external_memory(node_api_basic_env env,
                                                               int64_t change_in_bytes,
                                                               int64_t* adjusted_value) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, adjusted_value);
  if (env->gone) {  // the isolate may be gone: nothing left to account for
    *adjusted_value = 0;
    return ClearError(env);
  }
  *adjusted_value = env->isolate->AdjustAmountOfExternalAllocatedMemory(change_in_bytes);
  return ClearError(env);
}

}  // extern "C"
