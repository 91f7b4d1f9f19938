// internalBinding('signals'): SignalWatcher(signum, callback) over uv_signal_t. The watcher does
// not keep the loop alive (Node's signal handlers don't).
#include <unordered_set>

#include "bindings/binding_registry.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

struct SignalWatcher {
  uv_signal_t handle;
  Runtime* rt;
  v8::Global<v8::Function> callback;
  v8::Global<v8::Object> self;
};

void OnSignal(uv_signal_t* handle, int) {
  auto* w = static_cast<SignalWatcher*>(handle->data);
  v8::Isolate* isolate = w->rt->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope cs(w->rt->context());
  w->rt->MakeCallback(w->self.Get(isolate), w->callback.Get(isolate), 0, nullptr);
}

// Watchers still open, per runtime: closed by a cleanup hook, so that nothing of theirs reaches
// the runtime after teardown and the loop can be closed (a TTY's SIGWINCH watcher lives as long
// as the process).
struct OpenWatchers {
  std::unordered_set<SignalWatcher*> open;
  bool hooked = false;
};

void CloseWatcher(SignalWatcher* w) {
  w->rt->BindingState<OpenWatchers>().open.erase(w);
  v8::HandleScope scope(w->rt->isolate());
  w->self.Get(w->rt->isolate())->SetAlignedPointerInInternalField(0, nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&w->handle), [](uv_handle_t* h) {
    auto* watcher = static_cast<SignalWatcher*>(h->data);
    watcher->callback.Reset();
    watcher->self.Reset();
    delete watcher;
  });
}

void CloseAll(void* arg) {
  auto& state = static_cast<Runtime*>(arg)->BindingState<OpenWatchers>();
  while (!state.open.empty()) CloseWatcher(*state.open.begin());
}

SignalWatcher* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return static_cast<SignalWatcher*>(args.This()->GetAlignedPointerFromInternalField(0));
}

void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  auto* w = new SignalWatcher();  // owned by the handle; freed in the close callback
  w->rt = Runtime::From(ctx);
  w->callback.Reset(isolate, args[1].As<v8::Function>());
  w->self.Reset(isolate, args.This());
  w->handle.data = w;
  uv_signal_init(w->rt->loop(), &w->handle);
  uv_signal_start(&w->handle, OnSignal, args[0]->Int32Value(ctx).FromMaybe(0));
  args.This()->SetAlignedPointerInInternalField(0, w);
  auto& state = w->rt->BindingState<OpenWatchers>();
  state.open.insert(w);
  if (!state.hooked) {
    state.hooked = true;
    w->rt->AddCleanupHook(CloseAll, w->rt);
  }
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (auto* w = Unwrap(args)) uv_unref(reinterpret_cast<uv_handle_t*>(&w->handle));
}

void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* w = Unwrap(args);
  if (!w) return;
  CloseWatcher(w);
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = ctx->GetIsolate();
  v8::Local<v8::FunctionTemplate> t = NewFunctionTemplate(ctx, New);
  t->InstanceTemplate()->SetInternalFieldCount(1);
  t->SetClassName(OneByte(isolate, "SignalWatcher"));
  t->PrototypeTemplate()->Set(isolate, "unref", NewFunctionTemplate(ctx, Unref));
  t->PrototypeTemplate()->Set(isolate, "close", NewFunctionTemplate(ctx, Close));
  target->Set(ctx, OneByte(isolate, "SignalWatcher"), t->GetFunction(ctx).ToLocalChecked()).Check();
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(signals, nodus::Init);
