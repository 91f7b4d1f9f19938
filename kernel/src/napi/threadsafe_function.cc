// Thread-safe functions: any thread queues data, the JS thread calls JS with it. A mutex-guarded
// queue (bounded when max_queue_size > 0), a condition variable for blocking callers, and a
// uv_async_t that wakes the loop. The function is finalized on the JS thread once every thread
// has released it (or it was aborted) and the queue is drained.
#include <condition_variable>
#include <deque>
#include <mutex>

#include "napi/napi_env.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

struct napi_threadsafe_function__ {
  napi_env env = nullptr;
  v8::Global<v8::Function> func;
  void* context = nullptr;
  napi_threadsafe_function_call_js call_js = nullptr;
  void* finalize_data = nullptr;
  napi_finalize finalize_cb = nullptr;
  size_t max_queue_size = 0;

  std::mutex mutex;
  std::condition_variable not_full;
  std::deque<void*> queue;
  size_t thread_count = 0;
  bool closing = false;     // aborted, or released by the last thread
  bool aborted = false;
  bool finalized = false;   // finalize ran; the handle is closing
  uv_async_t* async = nullptr;
  uv_thread_t loop_thread{};

  // Called from the loop when woken: dispatches queued calls, finalizes when done.
  void Dispatch();
  void Finalize();
  static void OnAsync(uv_async_t* handle) {
    static_cast<napi_threadsafe_function__*>(handle->data)->Dispatch();
  }
  static void OnTeardown(void* arg) {
    auto* tsfn = static_cast<napi_threadsafe_function__*>(arg);
    {
      std::lock_guard<std::mutex> lock(tsfn->mutex);
      tsfn->closing = true;
      tsfn->aborted = true;
    }
    tsfn->not_full.notify_all();
    tsfn->Finalize();
  }
};

namespace {

// Calls with a full queue are processed in batches so one busy function cannot starve the loop.
constexpr int kMaxBatch = 1000;

}  // namespace

void napi_threadsafe_function__::Dispatch() {
  if (finalized) return;
  v8::Isolate* isolate = env->isolate;
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  for (int i = 0; i < kMaxBatch; ++i) {
    void* data = nullptr;
    bool have = false;
    bool done = false;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (aborted) {
        done = true;
      } else if (!queue.empty()) {
        data = queue.front();
        queue.pop_front();
        have = true;
        if (max_queue_size > 0) not_full.notify_one();
      }
      if (!have && (closing || thread_count == 0)) done = true;
    }
    if (have) {
      nodus::Runtime::CallbackScope callback_scope(*env->rt);
      v8::HandleScope call_scope(isolate);
      napi_value js = func.IsEmpty() ? nullptr : ToNapi(func.Get(isolate));
      env->CallFromLoop([&](napi_env e) {
        if (call_js != nullptr) {
          call_js(e, js, context, data);
        } else if (js != nullptr) {
          napi_value undefined;
          napi_get_undefined(e, &undefined);
          napi_call_function(e, undefined, js, 0, nullptr, nullptr);
        }
      }, env->EnforceUncaught());
      continue;
    }
    if (done) Finalize();
    return;
  }
  // More left: come back on the next loop iteration.
  uv_async_send(async);
}

void napi_threadsafe_function__::Finalize() {
  if (finalized) return;
  finalized = true;
  env->RemoveCleanupHook(OnTeardown, this);
  v8::HandleScope scope(env->isolate);
  v8::Context::Scope context_scope(env->context());
  // Items still queued (after an abort) are handed back with no env so the addon can free them.
  std::deque<void*> left;
  {
    std::lock_guard<std::mutex> lock(mutex);
    left.swap(queue);
  }
  if (call_js != nullptr) {
    for (void* data : left) call_js(nullptr, nullptr, context, data);
  }
  if (finalize_cb != nullptr) env->CallFinalizer(finalize_cb, finalize_data, context);
  func.Reset();
  uv_close(reinterpret_cast<uv_handle_t*>(async), [](uv_handle_t* handle) {
    auto* tsfn = static_cast<napi_threadsafe_function__*>(handle->data);
    delete reinterpret_cast<uv_async_t*>(handle);
    delete tsfn;
  });
}

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_create_threadsafe_function(
    napi_env env, napi_value func, napi_value async_resource, napi_value async_resource_name,
    size_t max_queue_size, size_t initial_thread_count, void* thread_finalize_data,
    napi_finalize thread_finalize_cb, void* context, napi_threadsafe_function_call_js call_js_cb,
    napi_threadsafe_function* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, async_resource_name);
  NAPI_RETURN_IF_FALSE(env, initial_thread_count > 0, napi_invalid_arg);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Function> fn;
  if (func == nullptr) {
    // Without a JS function the addon's call_js_cb does the calling.
    NAPI_CHECK_ARG(env, call_js_cb);
  } else {
    v8::Local<v8::Value> value = ToV8(func);
    NAPI_RETURN_IF_FALSE(env, value->IsFunction(), napi_invalid_arg);  // as Node
    fn = value.As<v8::Function>();
  }
  if (async_resource != nullptr) {
    NAPI_RETURN_IF_FALSE(env, ToV8(async_resource)->IsObject(), napi_object_expected);
  }
  auto* tsfn = new napi_threadsafe_function__;
  tsfn->env = env;
  tsfn->context = context;
  tsfn->call_js = call_js_cb;
  tsfn->finalize_data = thread_finalize_data;
  tsfn->finalize_cb = thread_finalize_cb;
  tsfn->max_queue_size = max_queue_size;
  if (!fn.IsEmpty()) tsfn->func.Reset(env->isolate, fn);
  tsfn->thread_count = initial_thread_count;
  tsfn->loop_thread = uv_thread_self();
  tsfn->async = new uv_async_t;
  if (uv_async_init(env->rt->loop(), tsfn->async, napi_threadsafe_function__::OnAsync) != 0) {
    delete tsfn->async;
    delete tsfn;
    return SetError(env, napi_generic_failure);
  }
  tsfn->async->data = tsfn;
  env->AddCleanupHook(napi_threadsafe_function__::OnTeardown, tsfn);
  *result = tsfn;
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_threadsafe_function_context(
    napi_threadsafe_function func, void** result) {
  if (func == nullptr || result == nullptr) return napi_invalid_arg;
  *result = func->context;
  return napi_ok;
}

NAPI_EXTERN napi_status NAPI_CDECL napi_call_threadsafe_function(
    napi_threadsafe_function func, void* data, napi_threadsafe_function_call_mode is_blocking) {
  if (func == nullptr) return napi_invalid_arg;
  std::unique_lock<std::mutex> lock(func->mutex);
  while (!func->closing && func->max_queue_size > 0 &&
         func->queue.size() >= func->max_queue_size) {
    if (is_blocking == napi_tsfn_nonblocking) return napi_queue_full;
    // Blocking on the loop thread would wait for a dispatch that can never run.
    uv_thread_t self = uv_thread_self();
    if (uv_thread_equal(&self, &func->loop_thread)) return napi_would_deadlock;
    func->not_full.wait(lock);
  }
  if (func->closing) {
    if (func->thread_count == 0) return napi_invalid_arg;
    // A thread that sees the function closing has implicitly released it.
    func->thread_count--;
    return napi_closing;
  }
  func->queue.push_back(data);
  uv_async_send(func->async);
  return napi_ok;
}

NAPI_EXTERN napi_status NAPI_CDECL napi_acquire_threadsafe_function(
    napi_threadsafe_function func) {
  if (func == nullptr) return napi_invalid_arg;
  std::lock_guard<std::mutex> lock(func->mutex);
  if (func->closing) return napi_closing;
  func->thread_count++;
  return napi_ok;
}

NAPI_EXTERN napi_status NAPI_CDECL napi_release_threadsafe_function(
    napi_threadsafe_function func, napi_threadsafe_function_release_mode mode) {
  if (func == nullptr) return napi_invalid_arg;
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(func->mutex);
    if (func->thread_count == 0) return napi_invalid_arg;
    func->thread_count--;
    if (func->thread_count == 0 || mode == napi_tsfn_abort) {
      if (!func->closing) {
        func->closing = true;
        func->aborted = mode == napi_tsfn_abort;
        wake = true;
      }
    }
  }
  if (wake) {
    func->not_full.notify_all();
    uv_async_send(func->async);
  }
  return napi_ok;
}

NAPI_EXTERN napi_status NAPI_CDECL napi_unref_threadsafe_function(node_api_basic_env env,
                                                                  napi_threadsafe_function func) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, func);
  if (!func->finalized) uv_unref(reinterpret_cast<uv_handle_t*>(func->async));
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_ref_threadsafe_function(node_api_basic_env env,
                                                                napi_threadsafe_function func) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, func);
  if (!func->finalized) uv_ref(reinterpret_cast<uv_handle_t*>(func->async));
  return ClearError(env);
}

}  // extern "C"
