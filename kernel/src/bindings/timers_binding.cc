// internalBinding('timers'): one libuv timer drives every JS timer (internal/timers.js keeps the
// ordered lists), and a check + idle handle pair runs setImmediate callbacks in the check phase.
#include <cmath>

#include "bindings/binding_registry.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

void OnTimer(uv_timer_t* handle) {
  Runtime* rt = static_cast<Runtime*>(handle->data);
  v8::Isolate* isolate = rt->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> ctx = rt->context();
  v8::Context::Scope context_scope(ctx);
  if (rt->hooks().process_timers.IsEmpty()) return;
  // As Node's RunTimers: the ticks and microtasks the timers queued run when this scope closes,
  // after the next expiry is armed below; run earlier, a timer they set would be overwritten by
  // that stale expiry (and lost when it is an unref'd one).
  Runtime::CallbackScope callback_scope(*rt);
  v8::Local<v8::Value> ret;
  // A timer that throws is reported as uncaught; if the process survives, the rest still run.
  for (int attempt = 0; attempt < 1000 && !rt->stopping(); attempt++) {
    uv_update_time(rt->loop());
    v8::Local<v8::Value> now = v8::Number::New(isolate, static_cast<double>(uv_now(rt->loop())));
    v8::TryCatch tc(isolate);
    if (rt->hooks().process_timers.Get(isolate)->Call(ctx, rt->process_object(), 1, &now).ToLocal(&ret))
      break;
    if (!tc.HasCaught() || !tc.CanContinue()) return;
    rt->TriggerUncaughtException(tc.Exception(), tc.Message());
  }
  if (ret.IsEmpty() || !ret->IsNumber()) return;
  double next = ret.As<v8::Number>()->Value();
  if (next == 0 || std::isnan(next)) return;
  double expiry = std::fabs(next);
  uint64_t now = uv_now(rt->loop());
  uint64_t delay = expiry > static_cast<double>(now) ? static_cast<uint64_t>(expiry - static_cast<double>(now)) : 1;
  uv_timer_start(handle, OnTimer, delay, 0);
  if (next > 0) uv_ref(reinterpret_cast<uv_handle_t*>(handle));
  else uv_unref(reinterpret_cast<uv_handle_t*>(handle));
}

void OnCheck(uv_check_t* handle) {
  Runtime* rt = static_cast<Runtime*>(handle->data);
  if (!rt->immediate_info || rt->immediate_info[0] == 0) return;
  v8::Isolate* isolate = rt->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(rt->context());
  if (rt->hooks().process_immediates.IsEmpty()) return;
  rt->MakeCallback(rt->process_object(), rt->hooks().process_immediates.Get(isolate), 0, nullptr);
}

void OnIdle(uv_idle_t*) {}

void ScheduleTimer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Runtime* rt = Runtime::From(args.GetIsolate()->GetCurrentContext());
  double ms = args[0]->NumberValue(rt->context()).FromMaybe(1);
  uv_timer_start(rt->timer_handle(), OnTimer, ms < 1 ? 1 : static_cast<uint64_t>(ms), 0);
}

void ToggleTimerRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Runtime* rt = Runtime::From(args.GetIsolate()->GetCurrentContext());
  auto* h = reinterpret_cast<uv_handle_t*>(rt->timer_handle());
  if (args[0]->IsTrue()) uv_ref(h); else uv_unref(h);
}

void ToggleImmediateRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Runtime* rt = Runtime::From(args.GetIsolate()->GetCurrentContext());
  // An active idle handle keeps the loop alive and stops poll from blocking.
  if (args[0]->IsTrue()) uv_idle_start(rt->immediate_idle(), OnIdle);
  else uv_idle_stop(rt->immediate_idle());
}

void GetLibuvNow(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Runtime* rt = Runtime::From(args.GetIsolate()->GetCurrentContext());
  // Fresh time, as Node: timers started during a long callback count from now, not the tick start.
  uv_update_time(rt->loop());
  args.GetReturnValue().Set(static_cast<double>(uv_now(rt->loop())));
}

void SetImmediateInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Uint32Array> a = args[0].As<v8::Uint32Array>();
  Runtime* rt = Runtime::From(args.GetIsolate()->GetCurrentContext());
  rt->immediate_info = reinterpret_cast<uint32_t*>(static_cast<uint8_t*>(a->Buffer()->Data()) + a->ByteOffset());
  // Called once per process (also after a snapshot start): the check handle starts here.
  uv_check_start(rt->immediate_check(), OnCheck);
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  SetMethod(ctx, target, "scheduleTimer", ScheduleTimer);
  SetMethod(ctx, target, "toggleTimerRef", ToggleTimerRef);
  SetMethod(ctx, target, "toggleImmediateRef", ToggleImmediateRef);
  SetMethod(ctx, target, "getLibuvNow", GetLibuvNow);
  SetMethod(ctx, target, "setImmediateInfo", SetImmediateInfo);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(timers, nodus::Init);
