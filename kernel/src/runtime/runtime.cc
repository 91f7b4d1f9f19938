#include "runtime/runtime.h"

#include <libplatform/libplatform.h>

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bindings/binding_registry.h"
#include "modules/resolver.h"
#include "plugins/plugin_host.h"
#include "runtime/builtins.h"
#include "runtime/code_cache.h"
#include "runtime/errors.h"
#include "inspector/inspector_agent.h"

extern "C" const nodus_js_source nodus_kernel_esm_deps_js[];

namespace nodus {

const nodus_js_source* KernelSources();
void InstallModuleCallbacks(v8::Isolate* isolate);

namespace {

void PromiseRejectCallback(v8::PromiseRejectMessage message) {
  v8::Local<v8::Promise> promise = message.GetPromise();
  v8::Isolate* isolate = promise->GetIsolate();
  Runtime* rt = Runtime::From(isolate);
  if (!rt || rt->hooks().promise_reject.IsEmpty()) return;
  v8::Local<v8::Value> reason = message.GetValue();
  if (reason.IsEmpty()) reason = v8::Undefined(isolate);
  v8::Local<v8::Value> args[] = {v8::Integer::New(isolate, message.GetEvent()), promise, reason};
  v8::Local<v8::Context> ctx = rt->context();
  (void)rt->hooks().promise_reject.Get(isolate)->Call(ctx, v8::Undefined(isolate), 3, args);
}

void InternalBinding(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  std::string name = ToStdString(isolate, args[0]);
  const BindingRegistration* reg = FindBinding(name.c_str());
  if (!reg) {
    isolate->ThrowException(v8::Exception::Error(
        v8::String::NewFromUtf8(isolate, fmt::format("No such binding: {}", name).c_str()).ToLocalChecked()));
    return;
  }
  v8::Local<v8::Object> target = v8::Object::New(isolate);
  reg->init(*Runtime::From(ctx), ctx, target);
  args.GetReturnValue().Set(target);
}

}  // namespace

Runtime::Runtime(const cli::Options& options, v8::SnapshotCreator* creator,
                 snapshot::ExternalRefs* recorder)
    : options_(options),
      creator_(creator),
      recorder_(recorder),
      plugin_host_(std::make_unique<plugins::PluginHost>(*this)),
      resolver_(std::make_unique<modules::Resolver>()),
      builtins_(std::make_unique<Builtins>()) {
  uv_loop_init(&loop_);
  if (creator_) {
    isolate_ = creator_->GetIsolate();
  } else {
    allocator_.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    // V8 flags may change what a snapshot contains, so with flags the bootstrap runs from source.
    const char* no_snapshot = std::getenv("NODUS_NO_SNAPSHOT");
    if (options_.v8_flags.empty() && !(no_snapshot && *no_snapshot)) {
      std::string file = modules::PathResolve(modules::PathDirname(options_.exec_path),
                                              "../lib/nodus/snapshot.blob");
      snapshot_ = snapshot::Read(file);
      if (snapshot_) {
        snapshot_->startup_data.data = snapshot_->blob.data() + snapshot_->offset;
        snapshot_->startup_data.raw_size = static_cast<int>(snapshot_->blob.size() - snapshot_->offset);
        params.snapshot_blob = &snapshot_->startup_data;
        params.external_references = snapshot_->refs.data();
      }
    }
    isolate_ = v8::Isolate::New(params);
    if (!(no_snapshot && *no_snapshot))
      builtins_->SetCodeCachePath(modules::PathResolve(modules::PathDirname(options_.exec_path),
                                                       "../lib/nodus/builtins.cache"));
  }
  isolate_->SetData(0, this);
  isolate_->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate_->SetPromiseRejectCallback(PromiseRejectCallback);
  isolate_->SetCaptureStackTraceForUncaughtExceptions(false);
  builtins_->AddTable(KernelSources(), "");
  builtins_->AddTable(nodus_kernel_esm_deps_js, "");
  InstallModuleCallbacks(isolate_);
  tick_info_ = no_tick_info_;
  uv_timer_init(&loop_, &timer_);
  uv_unref(reinterpret_cast<uv_handle_t*>(&timer_));
  uv_check_init(&loop_, &immediate_check_);
  uv_unref(reinterpret_cast<uv_handle_t*>(&immediate_check_));
  uv_idle_init(&loop_, &immediate_idle_);
  timer_.data = this;
  immediate_check_.data = this;
  // Foreground tasks V8 posts run once per loop iteration; the handle keeps nothing alive.
  uv_check_init(&loop_, &platform_check_);
  platform_check_.data = this;
  uv_check_start(&platform_check_, [](uv_check_t* h) { static_cast<Runtime*>(h->data)->PumpPlatformTasks(); });
  uv_unref(reinterpret_cast<uv_handle_t*>(&platform_check_));
  loop_start_ms_ = static_cast<double>(uv_hrtime()) / 1e6;
}

Runtime::~Runtime() {
  RunCleanupHooks();
  {
    v8::Isolate::Scope isolate_scope(isolate_);
    v8::HandleScope scope(isolate_);
    hooks_ = Hooks{};
    process_.Reset();
    binding_state_.clear();
    plugin_host_.reset();  // drops the plugins' V8 handles while the isolate still exists
    context_.Reset();
  }
  for (uv_handle_t* h : {reinterpret_cast<uv_handle_t*>(&timer_),
                         reinterpret_cast<uv_handle_t*>(&immediate_check_),
                         reinterpret_cast<uv_handle_t*>(&immediate_idle_),
                         reinterpret_cast<uv_handle_t*>(&platform_check_)})
    if (!uv_is_closing(h)) uv_close(h, nullptr);
  uv_run(&loop_, UV_RUN_NOWAIT);
  if (!creator_) isolate_->Dispose();
  // Handles owned by plugins may still be open; the loop is left for process exit to reclaim.
  uv_loop_close(&loop_);
}

Runtime* Runtime::From(v8::Local<v8::Context> context) {
  return static_cast<Runtime*>(context->GetAlignedPointerFromEmbedderData(kContextRuntimeSlot));
}

Runtime* Runtime::From(v8::Isolate* isolate) { return static_cast<Runtime*>(isolate->GetData(0)); }

Runtime::CallbackScope::~CallbackScope() {
  if (--rt_.callback_depth_ == 0) rt_.DrainTicks();
}

void Runtime::DrainTicks() {
  if (callback_depth_ > 0 || stopping_) return;
  v8::HandleScope scope(isolate_);
  // Bounded by the work JS queues; each pass either empties the queues or reports an exception.
  while (true) {
    if (!tick_info_[0] && !tick_info_[1]) {
      isolate_->PerformMicrotaskCheckpoint();
      if (!tick_info_[0] && !tick_info_[1]) return;
    }
    if (hooks_.tick_callback.IsEmpty()) return;
    v8::TryCatch tc(isolate_);
    ++callback_depth_;
    v8::MaybeLocal<v8::Value> r = hooks_.tick_callback.Get(isolate_)->Call(
        context(), process_object(), 0, nullptr);
    --callback_depth_;
    if (r.IsEmpty()) {
      if (tc.HasTerminated() || !tc.CanContinue()) return;
      TriggerUncaughtException(tc.Exception(), tc.Message());
      continue;
    }
    return;
  }
}

v8::MaybeLocal<v8::Value> Runtime::MakeCallback(v8::Local<v8::Value> recv, v8::Local<v8::Function> fn,
                                                int argc, v8::Local<v8::Value>* argv) {
  v8::EscapableHandleScope scope(isolate_);
  v8::MaybeLocal<v8::Value> result;
  {
    v8::TryCatch tc(isolate_);
    ++callback_depth_;
    result = fn->Call(context(), recv, argc, argv);
    --callback_depth_;
    if (result.IsEmpty() && tc.HasCaught() && tc.CanContinue()) {
      if (callback_depth_ > 0) {
        tc.ReThrow();  // an inner MakeCallback: the outer one reports it
        return {};
      }
      TriggerUncaughtException(tc.Exception(), tc.Message());
    }
  }
  if (callback_depth_ == 0) DrainTicks();
  if (result.IsEmpty()) return {};
  return scope.Escape(result.ToLocalChecked());
}

void Runtime::TriggerUncaughtException(v8::Local<v8::Value> error, v8::Local<v8::Message> message) {
  v8::HandleScope scope(isolate_);
  if (hooks_.fatal_exception.IsEmpty()) {
    PrintException(isolate_, error, message);
    Exit(1);
  }
  std::string arrow = IsErrorStackDecorated(isolate_, error) ? std::string() : GetArrowMessage(isolate_, message);
  v8::Local<v8::Value> args[] = {
      error, v8::String::NewFromUtf8(isolate_, arrow.c_str()).ToLocalChecked()};
  v8::TryCatch tc(isolate_);
  ++callback_depth_;
  v8::MaybeLocal<v8::Value> handled =
      hooks_.fatal_exception.Get(isolate_)->Call(context(), process_object(), 2, args);
  --callback_depth_;
  if (handled.IsEmpty()) {
    // The 'uncaughtException' handler itself threw: Node prints that error and exits with 7.
    if (tc.HasCaught()) PrintException(isolate_, tc.Exception(), tc.Message());
    Exit(7);
  }
  if (!handled.ToLocalChecked()->IsTrue()) {
    int code = handled.ToLocalChecked()->IsInt32() ? handled.ToLocalChecked().As<v8::Int32>()->Value() : 1;
    Exit(code);
  }
}

void Runtime::AddCleanupHook(CleanupHook hook, void* arg) { cleanup_hooks_.emplace_back(hook, arg); }

void Runtime::RemoveCleanupHook(CleanupHook hook, void* arg) {
  auto it = std::find(cleanup_hooks_.begin(), cleanup_hooks_.end(), std::make_pair(hook, arg));
  if (it != cleanup_hooks_.end()) cleanup_hooks_.erase(it);
}

void Runtime::RunCleanupHooks() {
  if (!isolate_ || cleanup_hooks_.empty() || context_.IsEmpty()) return;
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope scope(isolate_);
  v8::Context::Scope context_scope(context());
  while (!cleanup_hooks_.empty()) {
    auto [hook, arg] = cleanup_hooks_.back();
    cleanup_hooks_.pop_back();
    hook(arg);
  }
}

void Runtime::Exit(int code) {
  stopping_ = true;
  RunCleanupHooks();
  std::fflush(stdout);
  std::fflush(stderr);
  // V8 and the loop are torn down by the OS: running destructors with JS frames on the stack
  // (process.exit() is called from JS) is not safe.
  _exit(code);
}

v8::MaybeLocal<v8::Function> Runtime::Bootstrap() {
  v8::EscapableHandleScope scope(isolate_);
  v8::Local<v8::Context> ctx = v8::Context::New(isolate_);
  ctx->SetAlignedPointerInEmbedderData(kContextRuntimeSlot, this);
  context_.Reset(isolate_, ctx);
  v8::Context::Scope context_scope(ctx);
  v8::Local<v8::Function> realm;
  if (!builtins_->Compile(ctx, "internal/bootstrap/realm").ToLocal(&realm)) return {};
  v8::Local<v8::Object> process = v8::Object::New(isolate_);
  SetProcessObject(process);
  v8::Local<v8::Object> module = v8::Object::New(isolate_);
  v8::Local<v8::Object> exports = v8::Object::New(isolate_);
  module->Set(ctx, OneByte(isolate_, "exports"), exports).Check();
  RecordExternalReference(reinterpret_cast<const void*>(&InternalBinding));
  v8::Local<v8::Function> ib = v8::Function::New(ctx, InternalBinding).ToLocalChecked();
  v8::Local<v8::Value> args[] = {exports, v8::Undefined(isolate_), module, process, ib};
  ++callback_depth_;
  v8::MaybeLocal<v8::Value> r = realm->Call(ctx, v8::Undefined(isolate_), 5, args);
  --callback_depth_;
  if (r.IsEmpty()) return {};
  v8::Local<v8::Value> start;
  v8::Local<v8::Value> realm_exports;
  if (!module->Get(ctx, OneByte(isolate_, "exports")).ToLocal(&realm_exports) || !realm_exports->IsObject() ||
      !realm_exports.As<v8::Object>()->Get(ctx, OneByte(isolate_, "startMain")).ToLocal(&start) ||
      !start->IsFunction()) {
    isolate_->ThrowException(v8::Exception::Error(OneByte(isolate_, "bootstrap did not export startMain")));
    return {};
  }
  return scope.Escape(start.As<v8::Function>());
}

int Runtime::BuildSnapshot(const cli::Options& options, const std::string& path) {
  snapshot::ExternalRefs refs(8192);
  v8::StartupData blob{};
  {
    v8::SnapshotCreator creator(refs.data());
    {
      Runtime rt(options, &creator, &refs);
      v8::Isolate* isolate = rt.isolate_;
      v8::Isolate::Scope isolate_scope(isolate);
      v8::HandleScope handle_scope(isolate);
      v8::TryCatch tc(isolate);
      v8::Local<v8::Function> start;
      if (!rt.Bootstrap().ToLocal(&start)) {
        if (tc.HasCaught()) PrintException(isolate, tc.Exception(), tc.Message());
        std::fprintf(stderr, "nodus: bootstrap failed while building the snapshot\n");
        return 1;
      }
      v8::Local<v8::Context> ctx = rt.context();
      // Raw pointers cannot be serialized; the slot is filled again at startup.
      ctx->SetAlignedPointerInEmbedderData(kContextRuntimeSlot, nullptr);
      creator.AddData(ctx, start);
      // The default context stays V8's plain one (vm contexts are made from it); the runtime's
      // bootstrapped context is context 0.
      creator.SetDefaultContext(v8::Context::New(isolate));
      creator.AddContext(ctx);
      rt.hooks_ = Hooks{};
      rt.process_.Reset();
      rt.context_.Reset();
    }
    blob = creator.CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
  }
  if (blob.data == nullptr || blob.raw_size <= 0) {
    std::fprintf(stderr, "nodus: V8 could not create the snapshot\n");
    return 1;
  }
  std::string error;
  bool ok = snapshot::Write(path, refs, blob, &error);
  delete[] blob.data;
  if (!ok) {
    std::fprintf(stderr, "nodus: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

void Runtime::PumpPlatformTasks() {
  if (!platform_ || stopping_) return;
  v8::HandleScope scope(isolate_);
  v8::Context::Scope context_scope(context());
  bool ran = false;
  // Bounded: tasks posted while pumping wait for the next iteration.
  for (int i = 0; i < 64 && v8::platform::PumpMessageLoop(platform_, isolate_); i++) ran = true;
  if (ran) DrainTicks();
}

int Runtime::BuildCodeCache(const cli::Options& options, const std::string& path) {
  Runtime rt(options);
  rt.builtins_->SetCodeCachePath("");  // compile from source
  v8::Isolate::Scope isolate_scope(rt.isolate_);
  v8::HandleScope handle_scope(rt.isolate_);
  v8::Local<v8::Context> ctx = v8::Context::New(rt.isolate_);
  ctx->SetAlignedPointerInEmbedderData(kContextRuntimeSlot, &rt);
  v8::Context::Scope context_scope(ctx);
  std::string error;
  if (!CodeCache::Build(*rt.builtins_, modules::PathDirname(path), ctx, path, &error)) {
    std::fprintf(stderr, "nodus: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

int Runtime::SpinLoop() {
  v8::HandleScope scope(isolate_);
  bool more;
  do {
    uv_run(&loop_, UV_RUN_DEFAULT);
    if (stopping_) break;
    PumpPlatformTasks();
    // 'beforeExit' may schedule more work, which revives the loop.
    if (!hooks_.emit_before_exit.IsEmpty())
      MakeCallback(process_object(), hooks_.emit_before_exit.Get(isolate_), 0, nullptr);
    more = uv_loop_alive(&loop_);
  } while (more && !stopping_);
  int code = 0;
  if (!hooks_.emit_exit.IsEmpty()) {
    v8::TryCatch tc(isolate_);
    ++callback_depth_;
    v8::Local<v8::Value> r;
    if (hooks_.emit_exit.Get(isolate_)->Call(context(), process_object(), 0, nullptr).ToLocal(&r)) {
      code = r->Int32Value(context()).FromMaybe(0);
    } else if (tc.HasCaught()) {
      --callback_depth_;
      TriggerUncaughtException(tc.Exception(), tc.Message());
      ++callback_depth_;
      code = 7;
    }
    --callback_depth_;
  }
  return code;
}

int Runtime::Run() {
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope handle_scope(isolate_);
  v8::TryCatch tc(isolate_);
  v8::Local<v8::Function> start;
  bool ok;
  if (snapshot_) {
    v8::Local<v8::Context> ctx;
    ok = v8::Context::FromSnapshot(isolate_, 0).ToLocal(&ctx);
    if (ok) {
      ctx->SetAlignedPointerInEmbedderData(kContextRuntimeSlot, this);
      context_.Reset(isolate_, ctx);
      ok = ctx->GetDataFromSnapshotOnce<v8::Function>(0).ToLocal(&start);
    }
  } else {
    ok = Bootstrap().ToLocal(&start);
  }
  if (!ok) {
    if (tc.HasCaught()) PrintException(isolate_, tc.Exception(), tc.Message());
    else std::fprintf(stderr, "nodus: bootstrap failed\n");
    return 70;
  }
  v8::Local<v8::Context> ctx = context();
  v8::Context::Scope context_scope(ctx);
  cli::InspectOptions inspect = cli::ParseInspect(options_.inspect);
  if (inspect.enabled) {
    inspector::Agent& agent = inspector::Agent::Get(*this);
    std::string error;
    if (!agent.StartIo(inspect.host, inspect.port, &error)) {
      std::fprintf(stderr, "Starting inspector on %s:%d failed: %s\n", inspect.host.c_str(), inspect.port,
                   error.c_str());
      return 12;  // Node's exit code for an invalid debug argument
    }
    if (inspect.brk || inspect.wait) agent.WaitForDebugger();
    if (inspect.brk) agent.RequestBreakOnStart();
  }
  // startMain refreshes per-process state and runs the entry point (script, -e, stdin...).
  ++callback_depth_;
  v8::MaybeLocal<v8::Value> r = start->Call(ctx, v8::Undefined(isolate_), 0, nullptr);
  --callback_depth_;
  if (r.IsEmpty() && tc.HasCaught()) {
    if (hooks_.fatal_exception.IsEmpty()) {
      PrintException(isolate_, tc.Exception(), tc.Message());
      return 1;
    }
    v8::Local<v8::Value> exception = tc.Exception();
    v8::Local<v8::Message> message = tc.Message();
    tc.Reset();
    TriggerUncaughtException(exception, message);  // returns only when handled
  }
  DrainTicks();
  if (stopping_) return exit_code_;
  exit_code_ = SpinLoop();
  return exit_code_;
}

}  // namespace nodus
