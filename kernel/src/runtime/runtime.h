// The runtime: one V8 isolate and context, one libuv loop, and the bootstrap that ties them to the
// embedded JS library. Everything else in the kernel reaches V8 and the loop through this object.
#pragma once

#include <uv.h>
#include <v8.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/options.h"
#include "runtime/snapshot.h"

namespace nodus {

class Builtins;
namespace plugins { class PluginHost; }
namespace modules { class Resolver; }

// Embedder data slot in the context that holds the Runtime*.
constexpr int kContextRuntimeSlot = 33;

class Runtime {
 public:
  // With `creator`, the runtime bootstraps into a snapshot being built (see BuildSnapshot); without,
  // it starts from the snapshot file beside the plugins when there is a valid one.
  explicit Runtime(const cli::Options& options, v8::SnapshotCreator* creator = nullptr,
                   snapshot::ExternalRefs* recorder = nullptr);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Bootstraps the JS library, runs the entry point chosen by the options, spins the loop until
  // nothing keeps it alive, emits 'beforeExit'/'exit' and returns the process exit code.
  int Run();

  // Runs the bootstrap once and writes the startup snapshot to `path`. Returns an exit code.
  static int BuildSnapshot(const cli::Options& options, const std::string& path);
  // Compiles the kernel's builtins and the manifest's plugins' JS (the manifest beside `path`) and writes the code cache to `path`.
  static int BuildCodeCache(const cli::Options& options, const std::string& path);

  // Native callbacks put into V8 objects (FunctionTemplates, interceptors) must be recorded so a
  // snapshot can refer to them; outside snapshot building this does nothing.
  void RecordExternalReference(const void* fn) {
    if (recorder_) recorder_->Record(fn);
  }
  bool started_from_snapshot() const { return snapshot_.has_value(); }

  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const { return context_.Get(isolate_); }
  uv_loop_t* loop() { return &loop_; }
  const cli::Options& options() const { return options_; }
  plugins::PluginHost& plugin_host() { return *plugin_host_; }
  modules::Resolver& resolver() { return *resolver_; }
  Builtins& builtins() { return *builtins_; }

  static Runtime* From(v8::Local<v8::Context> context);
  static Runtime* From(v8::Isolate* isolate);  // the isolate's current context's runtime

  // Node's MakeCallback: calls fn, and on return to the loop (outermost callback scope) drains
  // process.nextTick and the microtask queue. An exception goes to the uncaught-exception path.
  v8::MaybeLocal<v8::Value> MakeCallback(v8::Local<v8::Value> recv, v8::Local<v8::Function> fn,
                                         int argc, v8::Local<v8::Value>* argv);

  // Called with the result of any JS call made from the loop: drains ticks and microtasks when
  // this is the outermost callback scope.
  void DrainTicks();

  // The uncaught-exception path: 'uncaughtException' listeners, or print and exit(1/7).
  void TriggerUncaughtException(v8::Local<v8::Value> error, v8::Local<v8::Message> message);

  // Environment teardown hooks (Node-API cleanup hooks, plugin teardown): run in reverse order of
  // registration when the runtime ends.
  using CleanupHook = void (*)(void* arg);
  void AddCleanupHook(CleanupHook hook, void* arg);
  void RemoveCleanupHook(CleanupHook hook, void* arg);

  // Callback scope depth (MakeCallback nesting); ticks drain only when it returns to zero.
  struct CallbackScope {
    explicit CallbackScope(Runtime& rt) : rt_(rt) { ++rt_.callback_depth_; }
    ~CallbackScope();
    Runtime& rt_;
  };

  // Exit with `code` right now, running 'exit' listeners first unless `from_exit` is set
  // (process.reallyExit after process.exit emitted 'exit').
  [[noreturn]] void Exit(int code);

  bool stopping() const { return stopping_; }

  // The V8 platform whose foreground tasks (FinalizationRegistry callbacks, Wasm compilation
  // results, GC tasks) this runtime runs from its loop.
  void set_platform(v8::Platform* platform) { platform_ = platform; }
  void PumpPlatformTasks();

  // JS functions installed by the bootstrap (internal/bootstrap/node.js).
  struct Hooks {
    v8::Global<v8::Function> tick_callback;      // processTicksAndRejections()
    v8::Global<v8::Function> fatal_exception;    // (err, arrowMessage) -> handled?
    v8::Global<v8::Function> promise_reject;     // (type, promise, reason)
    v8::Global<v8::Function> emit_before_exit;   // (code)
    v8::Global<v8::Function> emit_exit;          // (code) -> final code
    v8::Global<v8::Function> process_timers;     // (now) -> next expiry (ms) or 0
    v8::Global<v8::Function> process_immediates; // ()
    v8::Global<v8::Function> import_dynamically; // (specifier, referrerName, attributes, vmImportMode) -> Promise
    v8::Global<v8::Function> init_import_meta;   // (meta, moduleWrap)
  };
  Hooks& hooks() { return hooks_; }
  // Shared flags with JS: [0] = nextTick queue non-empty, [1] = rejections pending.
  uint8_t* tick_info() { return tick_info_; }
  void SetTickInfo(uint8_t* p) { tick_info_ = p; }

  v8::Local<v8::Object> process_object() const { return process_.Get(isolate_); }
  void SetProcessObject(v8::Local<v8::Object> p) { process_.Reset(isolate_, p); }

  // Timer/immediate handles driven by the JS timer lists (bindings/timers.cc).
  uv_timer_t* timer_handle() { return &timer_; }
  uv_check_t* immediate_check() { return &immediate_check_; }
  uv_idle_t* immediate_idle() { return &immediate_idle_; }
  uint32_t& immediate_ref_count() { return immediate_refs_; }
  // Shared with internal/timers.js: [0] immediates queued, [1] ref'd ones.
  uint32_t* immediate_info = nullptr;
  double loop_start_ms() const { return loop_start_ms_; }

  int exit_code() const { return exit_code_; }

  // Per-runtime state of a native binding, created on first use and destroyed (before the
  // isolate) with the runtime: bindings keep no global state of their own.
  template <typename T>
  T& BindingState() {
    static const char key = 0;
    std::shared_ptr<void>& slot = binding_state_[&key];
    if (!slot) slot = std::make_shared<T>();
    return *static_cast<T*>(slot.get());
  }

 private:
  // Creates the context and runs the realm bootstrap; returns the realm's startMain function.
  v8::MaybeLocal<v8::Function> Bootstrap();
  void RunCleanupHooks();
  int SpinLoop();

  cli::Options options_;
  v8::SnapshotCreator* creator_ = nullptr;
  snapshot::ExternalRefs* recorder_ = nullptr;
  std::optional<snapshot::Loaded> snapshot_;
  uv_loop_t loop_{};
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
  v8::Isolate* isolate_ = nullptr;
  v8::Global<v8::Context> context_;
  v8::Global<v8::Object> process_;
  std::unique_ptr<plugins::PluginHost> plugin_host_;
  std::unique_ptr<modules::Resolver> resolver_;
  std::unique_ptr<Builtins> builtins_;
  Hooks hooks_;
  uint8_t* tick_info_ = nullptr;
  uint8_t no_tick_info_[2] = {0, 0};
  int callback_depth_ = 0;
  bool stopping_ = false;
  int exit_code_ = 0;
  uv_timer_t timer_{};
  uv_check_t immediate_check_{};
  uv_idle_t immediate_idle_{};
  uv_check_t platform_check_{};
  v8::Platform* platform_ = nullptr;
  uint32_t immediate_refs_ = 0;
  double loop_start_ms_ = 0;
  std::vector<std::pair<CleanupHook, void*>> cleanup_hooks_;
  std::map<const void*, std::shared_ptr<void>> binding_state_;
};

}  // namespace nodus
