// Environment lifetime: creation, the safe-point finalizer queue, teardown, and running addon
// init. Also the error-info bookkeeping every call shares.
#include "napi/napi_env.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "bindings/buffer_util.h"
#include "napi/references.h"

namespace nodus::napi {
namespace {

void DrainCallback(uv_async_t* handle) {
  static_cast<napi_env>(handle->data)->DrainFinalizers();
}

// Environments that were torn down. They are never deleted (see napi_env__::gone), and this
// list, itself never destroyed, says so: leak checkers count them as kept, not lost.
void Retire(napi_env env) {
  static std::mutex mutex;
  static auto* retired = new std::vector<napi_env>;
  std::lock_guard<std::mutex> lock(mutex);
  retired->push_back(env);
}

void TeardownHook(void* arg) {
  napi_env env = static_cast<napi_env>(arg);
  env->RunCleanupHooks();
  env->Teardown();
  env->gone = true;
  Retire(env);
}

// node_api_get_module_file_name reports a file: URL, percent-encoding what a URL path cannot hold.
std::string ToFileUrl(const std::string& path) {
  if (path.rfind("file://", 0) == 0 || path.empty()) return path;
  static const char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("/-._~!$&'()*+,;=:@").find(static_cast<char>(c)) !=
                     std::string_view::npos;
    if (plain) {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

}  // namespace

[[noreturn]] void FatalError(const char* location, const char* message) {
  std::fflush(stdout);
  std::fprintf(stderr, "FATAL ERROR: %s %s\n", location ? location : "", message ? message : "");
  std::fflush(stderr);
  std::abort();
}

napi_env CreateEnv(Runtime& rt, v8::Local<v8::Context> ctx, int32_t module_api_version,
                   const std::string& filename) {
  auto* env = new napi_env__(rt, ctx, module_api_version, ToFileUrl(filename));
  rt.AddCleanupHook(TeardownHook, env);
  return env;
}

v8::MaybeLocal<v8::Value> CallModuleInit(napi_env env, napi_addon_register_func init,
                                         v8::Local<v8::Object> exports) {
  v8::Isolate* isolate = env->isolate;
  v8::EscapableHandleScope scope(isolate);
  v8::Context::Scope context_scope(env->context());
  napi_value returned = nullptr;
  bool threw = false;
  int scopes_before = env->open_handle_scopes;
  ClearError(env);
  returned = init(env, ToNapi(exports));
  if (env->open_handle_scopes != scopes_before)
    FatalError("Node-API", "a handle scope opened by the addon was not closed");
  if (!env->last_exception.IsEmpty()) {
    env->RethrowPending();
    threw = true;
  }
  if (threw) return {};
  if (returned == nullptr) return scope.Escape(exports);
  v8::Local<v8::Value> value = ToV8(returned);
  if (value->IsUndefined()) return scope.Escape(exports);
  return scope.Escape(value);
}

napi_status NewUtf8String(napi_env env, const char* str, size_t length,
                          v8::Local<v8::String>* result) {
  NAPI_RETURN_IF_FALSE(env, length == NAPI_AUTO_LENGTH || length <= INT_MAX, napi_invalid_arg);
  NAPI_RETURN_IF_FALSE(env, str != nullptr, napi_invalid_arg);
  int len = length == NAPI_AUTO_LENGTH ? -1 : static_cast<int>(length);
  NAPI_RETURN_IF_FALSE(env,
      v8::String::NewFromUtf8(env->isolate, str, v8::NewStringType::kNormal, len).ToLocal(result),
      napi_generic_failure);
  return napi_ok;
}

void ThrowCodedError(napi_env env, v8::Local<v8::Value> (*make)(v8::Local<v8::String>),
                     const char* code, const char* message) {
  v8::Isolate* isolate = env->isolate;
  v8::Local<v8::Value> error = make(Utf8(isolate, message));
  if (code != nullptr) {
    error.As<v8::Object>()
        ->Set(env->context(), Utf8(isolate, "code"), Utf8(isolate, code))
        .FromMaybe(false);
  }
  isolate->ThrowException(error);
}

v8::Local<v8::Object> BufferPrototype(napi_env env) {
  if (!env->buffer_prototype.IsEmpty()) return env->buffer_prototype.Get(env->isolate);
  v8::Local<v8::Object> known = nodus::GetBufferPrototype(env->isolate);
  if (!known.IsEmpty()) {
    env->buffer_prototype.Reset(env->isolate, known);
    return known;
  }
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Value> buffer;
  v8::Local<v8::Value> proto;
  // Looked up lazily: the Buffer constructor is defined by the embedded JS library.
  if (context->Global()->Get(context, Utf8(env->isolate, "Buffer")).ToLocal(&buffer) &&
      buffer->IsFunction() &&
      buffer.As<v8::Object>()->Get(context, Utf8(env->isolate, "prototype")).ToLocal(&proto) &&
      proto->IsObject()) {
    env->buffer_prototype.Reset(env->isolate, proto.As<v8::Object>());
    return proto.As<v8::Object>();
  }
  return {};
}

}  // namespace nodus::napi

using nodus::napi::Reference;

napi_env__::napi_env__(nodus::Runtime& runtime, v8::Local<v8::Context> ctx, int32_t version,
                       std::string file)
    : isolate(ctx->GetIsolate()),
      rt(&runtime),
      context_(ctx->GetIsolate(), ctx),
      module_api_version(version),
      filename(std::move(file)),
      bundles(&runtime.BindingState<nodus::napi::BundleList>()) {
  wrapper_key.Reset(isolate, v8::Private::ForApi(isolate, nodus::napi::Utf8(isolate, "nodus:napi:wrapper")));
  type_tag_key.Reset(isolate, v8::Private::ForApi(isolate, nodus::napi::Utf8(isolate, "nodus:napi:type_tag")));
  for (const std::string& arg : rt->options().exec_argv) {
    if (arg == "--force-node-api-uncaught-exceptions-policy" ||
        arg == "--force-node-api-uncaught-exceptions-policy=true") {
      force_uncaught_policy = true;
    }
  }
  drain_handle = new uv_async_t;
  uv_async_init(rt->loop(), drain_handle, nodus::napi::DrainCallback);
  drain_handle->data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(drain_handle));
}

napi_env__::~napi_env__() = default;

void napi_env__::RethrowPending() {
  v8::Local<v8::Value> error = last_exception.Get(isolate);
  last_exception.Reset();
  isolate->ThrowException(error);
}

void napi_env__::ReportPending(bool enforce) {
  v8::HandleScope scope(isolate);
  v8::Local<v8::Value> error = last_exception.Get(isolate);
  last_exception.Reset();
  if (tearing_down || isolate->IsExecutionTerminating()) return;
  if (enforce) {
    rt->TriggerUncaughtException(error, v8::Exception::CreateMessage(isolate, error));
    return;
  }
  // Older addons: Node drops the exception with a deprecation warning (DEP0168).
  v8::Local<v8::Context> ctx = context();
  v8::Local<v8::Object> process = rt->process_object();
  v8::Local<v8::Value> emit;
  if (process.IsEmpty() ||
      !process->Get(ctx, nodus::napi::Utf8(isolate, "emitWarning")).ToLocal(&emit) ||
      !emit->IsFunction()) {
    return;
  }
  v8::Local<v8::Value> args[] = {
      nodus::napi::Utf8(isolate,
          "Uncaught N-API callback exception detected, please run node with option "
          "--force-node-api-uncaught-exceptions-policy=true to handle those exceptions "
          "properly."),
      nodus::napi::Utf8(isolate, "DeprecationWarning"),
      nodus::napi::Utf8(isolate, "DEP0168")};
  v8::TryCatch try_catch(isolate);
  emit.As<v8::Function>()->Call(ctx, process, 3, args).IsEmpty();
}

void napi_env__::CallFinalizer(napi_finalize cb, void* data, void* hint) {
  if (cb == nullptr) return;
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(context());
  CallFromLoop([&](napi_env env) { cb(env, data, hint); }, EnforceUncaught());
}

void napi_env__::EnqueueRef(Reference* ref) {
  pending_refs.insert(ref);
  if (drain_handle != nullptr) {
    uv_ref(reinterpret_cast<uv_handle_t*>(drain_handle));
    uv_async_send(drain_handle);
  }
}

void napi_env__::EnqueueFinalizer(const nodus::napi::DeferredFinalizer& f) {
  pending_finalizers.push_back(f);
  if (drain_handle != nullptr) {
    uv_ref(reinterpret_cast<uv_handle_t*>(drain_handle));
    uv_async_send(drain_handle);
  }
}

void napi_env__::DrainFinalizers() {
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(context());
  {
    // Finalizers may call JS: ticks and microtasks they queue run when this scope closes.
    nodus::Runtime::CallbackScope callback_scope(*rt);
    while (!pending_refs.empty() || !pending_finalizers.empty()) {
      if (!pending_refs.empty()) {
        Reference* ref = *pending_refs.begin();
        pending_refs.erase(pending_refs.begin());
        ref->Finalize();
      } else {
        nodus::napi::DeferredFinalizer f = pending_finalizers.front();
        pending_finalizers.erase(pending_finalizers.begin());
        CallFinalizer(f.cb, f.data, f.hint);
      }
    }
  }
  if (drain_handle != nullptr) uv_unref(reinterpret_cast<uv_handle_t*>(drain_handle));
}

void napi_env__::RemoveCleanupHook(void (*fn)(void*), void* arg) {
  for (auto it = cleanup_hooks.rbegin(); it != cleanup_hooks.rend(); ++it) {
    if (it->fn == fn && it->arg == arg) {
      if (running_cleanup_hooks) {
        it->fn = nullptr;  // erased lazily: the hooks are being iterated
      } else {
        cleanup_hooks.erase(std::next(it).base());
      }
      return;
    }
  }
}

void napi_env__::RunCleanupHooks() {
  running_cleanup_hooks = true;
  while (!cleanup_hooks.empty()) {
    CleanupHook hook = cleanup_hooks.back();
    cleanup_hooks.pop_back();
    if (hook.fn != nullptr) hook.fn(hook.arg);
  }
  running_cleanup_hooks = false;
}

void napi_env__::Teardown() {
  v8::HandleScope scope(isolate);
  // A real handle, not context(): context_ itself is reset at the end.
  v8::Context::Scope context_scope(context_.Get(isolate));
  // Finalizers that were waiting for a safe point run first, while JS may still run.
  while (!pending_refs.empty() || !pending_finalizers.empty()) {
    if (!pending_refs.empty()) {
      Reference* ref = *pending_refs.begin();
      pending_refs.erase(pending_refs.begin());
      ref->Finalize();
    } else {
      nodus::napi::DeferredFinalizer f = pending_finalizers.front();
      pending_finalizers.erase(pending_finalizers.begin());
      CallFinalizer(f.cb, f.data, f.hint);
    }
  }
  tearing_down = true;
  // References with finalizers go first: their finalizers may delete other references.
  while (finalizing_refs != nullptr) finalizing_refs->Finalize();
  // The runtime's own references go; the addon's stay on the list, which lives as long as the
  // environment: the addon may still delete them (static destructors at exit do).
  for (Reference* ref = plain_refs; ref != nullptr;) {
    Reference* next = ref->next_;
    ref->value_.Reset();
    if (ref->ownership() == Reference::Ownership::kRuntime) delete ref;
    ref = next;
  }
  if (instance_data_finalize != nullptr) {
    napi_finalize cb = instance_data_finalize;
    instance_data_finalize = nullptr;
    CallFinalizer(cb, instance_data, instance_data_hint);
  }
  if (drain_handle != nullptr) {
    uv_close(reinterpret_cast<uv_handle_t*>(drain_handle),
             [](uv_handle_t* h) { delete reinterpret_cast<uv_async_t*>(h); });
    drain_handle = nullptr;
  }
  // Nothing below may touch V8 once the isolate is gone: drop every handle now.
  last_exception.Reset();
  buffer_prototype.Reset();
  wrapper_key.Reset();
  type_tag_key.Reset();
  context_.Reset();
}

// ---- exported: error info ----

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_get_last_error_info(
    node_api_basic_env env, const napi_extended_error_info** result) {
  NAPI_CHECK_ENV_BASIC(env);
  NAPI_CHECK_ARG(env, result);
  static const char* const kMessages[] = {
      nullptr,
      "Invalid argument",
      "An object was expected",
      "A string was expected",
      "A string or symbol was expected",
      "A function was expected",
      "A number was expected",
      "A boolean was expected",
      "An array was expected",
      "Unknown failure",
      "An exception is pending",
      "The async work item was cancelled",
      "napi_escape_handle already called on scope",
      "Invalid handle scope usage",
      "Invalid callback scope usage",
      "Thread-safe function queue is full",
      "Thread-safe function handle is closing",
      "A bigint was expected",
      "A date was expected",
      "An arraybuffer was expected",
      "A detachable arraybuffer was expected",
      "Main thread would deadlock",
      "External buffers are not allowed",
      "Cannot run JavaScript",
  };
  constexpr size_t kCount = sizeof(kMessages) / sizeof(kMessages[0]);
  size_t code = static_cast<size_t>(env->last_error.error_code);
  env->last_error.error_message = code < kCount ? kMessages[code] : nullptr;
  // The info describes the last call: reading it does not reset it.
  *result = &env->last_error;
  return napi_ok;
}

}  // extern "C"
