// The Node-API environment (napi_env__) and the helpers every napi_*.cc file uses: status
// bookkeeping, argument checks, the TryCatch that turns thrown JS exceptions into "pending"
// exceptions, and calling into addon code with Node's exception rules.
#pragma once

#include <uv.h>
#include <v8.h>

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "napi/napi_host.h"
#include "node_api.h"
#include "runtime/runtime.h"

// Newer than the pinned node-api-headers: declared here so the kernel defines and exports it.
extern "C" NAPI_EXTERN napi_status NAPI_CDECL node_api_post_finalizer(
    node_api_basic_env env, napi_finalize finalize_cb, void* finalize_data, void* finalize_hint);

namespace nodus::napi {

class Reference;
struct CallbackBundle;

// The callback bundles (functions.cc) of one runtime's environments that V8 has not collected.
// Kept as runtime binding state: it is destroyed after every cleanup hook has run, so no JS can
// call a function whose bundle it frees.
class BundleList {
 public:
  BundleList() = default;
  BundleList(const BundleList&) = delete;
  BundleList& operator=(const BundleList&) = delete;
  ~BundleList();
  void Link(CallbackBundle* bundle);
  void Unlink(CallbackBundle* bundle);

 private:
  CallbackBundle* head_ = nullptr;
};

// A finalizer that runs later, on the JS thread, outside GC.
struct DeferredFinalizer {
  napi_finalize cb;
  void* data;
  void* hint;
};

}  // namespace nodus::napi

struct napi_env__ {
  napi_env__(nodus::Runtime& rt, v8::Local<v8::Context> ctx, int32_t version, std::string file);
  ~napi_env__();

  v8::Isolate* const isolate;
  nodus::Runtime* const rt;
  v8::Global<v8::Context> context_;
  const int32_t module_api_version;
  const std::string filename;  // file: URL
  nodus::napi::BundleList* const bundles;  // the runtime's, fetched once

  // A strong Global's slot is a valid handle while the Global lives: reading it as a Local
  // avoids a new handle per call (every call that may run JS asks for the context).
  v8::Local<v8::Context> context() const {
    static_assert(sizeof(v8::Global<v8::Context>) == sizeof(v8::Local<v8::Context>));
    return *reinterpret_cast<const v8::Local<v8::Context>*>(&context_);
  }

  // Status of the last call, and the JS exception thrown by a call that has not reached JS yet.
  napi_extended_error_info last_error{};
  v8::Global<v8::Value> last_exception;

  int open_handle_scopes = 0;
  int open_callback_scopes = 0;
  bool in_gc_finalizer = false;   // pure finalizers (experimental addons) run inside GC
  bool tearing_down = false;      // set once the runtime tears the environment down

  // Private keys for napi_wrap and napi_type_tag_object.
  v8::Global<v8::Private> wrapper_key;
  v8::Global<v8::Private> type_tag_key;
  v8::Global<v8::Object> buffer_prototype;  // Buffer.prototype once found

  // Instance data (napi_set_instance_data).
  void* instance_data = nullptr;
  napi_finalize instance_data_finalize = nullptr;
  void* instance_data_hint = nullptr;

  // References this environment tracks for teardown: with and without a finalizer.
  nodus::napi::Reference* finalizing_refs = nullptr;
  nodus::napi::Reference* plain_refs = nullptr;

  // Finalizers of collected objects waiting for a safe point (never run inside GC).
  std::unordered_set<nodus::napi::Reference*> pending_refs;
  std::vector<nodus::napi::DeferredFinalizer> pending_finalizers;
  uv_async_t* drain_handle = nullptr;  // heap-owned: closed at teardown, freed by its close cb

  // Set once teardown is over and the isolate may be gone. The struct itself is never freed:
  // addons still call Node-API after that (static destructors of node-addon-api references,
  // thread-pool work completing late), and those calls must fail cleanly, not touch freed memory.
  bool gone = false;

  bool CanCallIntoJs() const { return !tearing_down && !isolate->IsExecutionTerminating(); }
  bool PureFinalizers() const { return module_api_version == NAPI_VERSION_EXPERIMENTAL; }

  // Runs addon code called from JS; a JS exception it left pending is rethrown into JS.
  template <typename Call>
  void CallIntoModule(Call&& call);
  // Same, for addon code called from the loop. A pending exception goes to 'uncaughtException'
  // when `enforce` (async work completions always; finalizers and thread-safe function calls
  // from Node-API 10 on); older addons get Node's DEP0168 warning and the exception is dropped.
  template <typename Call>
  void CallFromLoop(Call&& call, bool enforce = true);
  bool EnforceUncaught() const { return module_api_version >= 10 || force_uncaught_policy; }
  // --force-node-api-uncaught-exceptions-policy[=true] on the command line, as in Node.
  bool force_uncaught_policy = false;

  // Runs a finalizer with Node's rules (deferred unless pure, exceptions uncaught).
  void CallFinalizer(napi_finalize cb, void* data, void* hint);
  // Queues work for the next safe point.
  void EnqueueRef(nodus::napi::Reference* ref);
  void EnqueueFinalizer(const nodus::napi::DeferredFinalizer& f);
  void DrainFinalizers();
  void Teardown();

  // Cleanup hooks of this environment (napi_add_env_cleanup_hook, async hooks, thread-safe
  // functions): run in reverse order before the environment itself is torn down. Kept here
  // rather than in the runtime's list so hooks may add or remove hooks while they run.
  void AddCleanupHook(void (*fn)(void*), void* arg) { cleanup_hooks.push_back({fn, arg}); }
  void RemoveCleanupHook(void (*fn)(void*), void* arg);
  void RunCleanupHooks();
  struct CleanupHook {
    void (*fn)(void*);
    void* arg;
  };
  std::vector<CleanupHook> cleanup_hooks;
  bool running_cleanup_hooks = false;

  void RethrowPending();
  void ReportPending(bool enforce);
};

namespace nodus::napi {

inline napi_status SetError(napi_env env, napi_status status) {
  env->last_error.error_code = status;
  env->last_error.engine_error_code = 0;
  env->last_error.engine_reserved = nullptr;
  return status;
}

inline napi_status ClearError(napi_env env) {
  env->last_error.error_code = napi_ok;
  env->last_error.engine_error_code = 0;
  env->last_error.engine_reserved = nullptr;
  return napi_ok;
}

// Catches what JS throws during a Node-API call and keeps it as the env's pending exception.
class TryCatch : public v8::TryCatch {
 public:
  explicit TryCatch(napi_env env) : v8::TryCatch(env->isolate), env_(env) {}
  ~TryCatch() {
    if (HasCaught()) env_->last_exception.Reset(env_->isolate, Exception());
  }

 private:
  napi_env env_;
};

[[noreturn]] void FatalError(const char* location, const char* message);

[[noreturn]] inline void NotInGc() {
  FatalError("Node-API", "Finalizer is calling a function that may affect GC state.");
}

inline napi_status GoneError(napi_env env) {
  return SetError(env, env->module_api_version >= 10 ? napi_cannot_run_js
                                                     : napi_pending_exception);
}

// Status when a call into JS yielded nothing: the exception if one was thrown, else `status`.
inline napi_status FailedCall(napi_env env, const v8::TryCatch& tc, napi_status status) {
  return SetError(env, tc.HasCaught() ? napi_pending_exception : status);
}

inline v8::Local<v8::String> Utf8(v8::Isolate* isolate, const char* s) {
  return v8::String::NewFromUtf8(isolate, s).ToLocalChecked();
}

// Creates a string from UTF-8 with Node's argument rules (NULL or too long -> napi_invalid_arg).
napi_status NewUtf8String(napi_env env, const char* str, size_t length,
                          v8::Local<v8::String>* result);

// Throws an Error of the given constructor with a `code` property (Node's internal errors).
void ThrowCodedError(napi_env env, v8::Local<v8::Value> (*make)(v8::Local<v8::String>),
                     const char* code, const char* message);

// Buffer.prototype of the context (Buffers are Uint8Arrays with that prototype).
v8::Local<v8::Object> BufferPrototype(napi_env env);

}  // namespace nodus::napi

// ---- argument checks (the shapes every function shares) ----

#define NAPI_CHECK_ENV(env)                                                     \
  do {                                                                          \
    if ((env) == nullptr) return napi_invalid_arg;                              \
    if ((env)->gone) return ::nodus::napi::GoneError(env);                      \
    if ((env)->in_gc_finalizer) ::nodus::napi::NotInGc();                       \
  } while (0)

// "Basic" calls (node_api_basic_env): they touch no JS heap state, so they are allowed inside
// GC (pure finalizers) and after teardown (static destructors at exit call them).
#define NAPI_CHECK_ENV_BASIC(env)                                               \
  do {                                                                          \
    if ((env) == nullptr) return napi_invalid_arg;                              \
  } while (0)

#define NAPI_RETURN_IF_FALSE(env, cond, status)                                 \
  do {                                                                          \
    if (!(cond)) return ::nodus::napi::SetError((env), (status));              \
  } while (0)

#define NAPI_CHECK_ARG(env, arg) NAPI_RETURN_IF_FALSE((env), ((arg) != nullptr), napi_invalid_arg)

// Functions that may run JS: refuse when an exception is pending or JS cannot run, then catch.
#define NAPI_PREAMBLE(env)                                                      \
  NAPI_CHECK_ENV(env);                                                          \
  NAPI_RETURN_IF_FALSE((env), (env)->last_exception.IsEmpty(), napi_pending_exception); \
  NAPI_RETURN_IF_FALSE((env), (env)->CanCallIntoJs(),                           \
      (env)->module_api_version >= 10 ? napi_cannot_run_js : napi_pending_exception); \
  ::nodus::napi::ClearError(env);                                               \
  ::nodus::napi::TryCatch try_catch(env)

#define NAPI_RETURN_STATUS(env)                                                 \
  return try_catch.HasCaught() ? ::nodus::napi::SetError((env), napi_pending_exception) \
                               : ::nodus::napi::ClearError(env)

#define NAPI_TO_OBJECT(env, ctx, out, value)                                    \
  NAPI_CHECK_ARG(env, value);                                                   \
  v8::Local<v8::Object> out;                                                    \
  do {                                                                          \
    if (!::nodus::napi::ToV8(value)->ToObject(ctx).ToLocal(&out))               \
      return ::nodus::napi::SetError((env), napi_object_expected);              \
  } while (0)

#define NAPI_TO_FUNCTION(env, out, value)                                       \
  NAPI_CHECK_ARG(env, value);                                                   \
  v8::Local<v8::Function> out;                                                  \
  do {                                                                          \
    v8::Local<v8::Value> v_ = ::nodus::napi::ToV8(value);                       \
    if (!v_->IsFunction()) return ::nodus::napi::SetError((env), napi_invalid_arg); /* as Node */ \
    out = v_.As<v8::Function>();                                                \
  } while (0)

// ---- calling into the addon ----

template <typename Call>
void napi_env__::CallIntoModule(Call&& call) {
  int scopes_before = open_handle_scopes;
  int cb_scopes_before = open_callback_scopes;
  nodus::napi::ClearError(this);
  call(this);
  if (open_handle_scopes != scopes_before)
    nodus::napi::FatalError("Node-API", "a handle scope opened by the addon was not closed");
  if (open_callback_scopes != cb_scopes_before)
    nodus::napi::FatalError("Node-API", "a callback scope opened by the addon was not closed");
  if (!last_exception.IsEmpty()) RethrowPending();
}

template <typename Call>
void napi_env__::CallFromLoop(Call&& call, bool enforce) {
  int scopes_before = open_handle_scopes;
  nodus::napi::ClearError(this);
  call(this);
  if (open_handle_scopes != scopes_before)
    nodus::napi::FatalError("Node-API", "a handle scope opened by the addon was not closed");
  if (!last_exception.IsEmpty()) ReportPending(enforce);
}
