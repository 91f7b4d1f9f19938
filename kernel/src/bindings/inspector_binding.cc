// internalBinding('inspector'): the `inspector` module's native half. The agent is created on
// first use only.
#include "bindings/binding_registry.h"
#include "inspector/debug_signal.h"
#include "inspector/inspector_agent.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

using inspector::Agent;

Agent& AgentOf(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return Agent::Get(*Runtime::From(args.GetIsolate()->GetCurrentContext()));
}

v8::Local<v8::String> Str(v8::Isolate* isolate, const std::string& s) {
  return v8::String::NewFromUtf8(isolate, s.c_str(), v8::NewStringType::kNormal, static_cast<int>(s.size()))
      .ToLocalChecked();
}

// open(port, host): starts the DevTools server; a port that cannot be bound is reported on stderr
// and leaves the inspector inactive (url() stays undefined), as Node does.
void Open(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  int port = args[0]->IsNumber() ? args[0]->Int32Value(isolate->GetCurrentContext()).FromMaybe(9229) : 9229;
  std::string host = args[1]->IsString() ? ToStdString(isolate, args[1]) : "127.0.0.1";
  AgentOf(args).Start(host, port);
}

// watchSignal(): SIGUSR1 starts the inspector from now on, and the scripts compiled from now on
// are visible to it (called once at startup, before user code).
void WatchSignal(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> ctx = args.GetIsolate()->GetCurrentContext();
  Agent::TagContext(ctx);
  inspector::WatchDebugSignal(*Runtime::From(ctx));
}

// The agent if one exists: asking about the server must not create it.
Agent* ExistingAgent(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return Agent::Find(*Runtime::From(args.GetIsolate()->GetCurrentContext()));
}

void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (Agent* agent = ExistingAgent(args)) agent->StopIo();
}

void Url(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Agent* agent = ExistingAgent(args);
  if (agent && agent->io_active()) args.GetReturnValue().Set(Str(args.GetIsolate(), agent->WebSocketUrl()));
}

void WaitForDebugger(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Agent* agent = ExistingAgent(args);
  if (!agent || !agent->io_active()) return args.GetReturnValue().Set(false);
  agent->WaitForDebugger();
  args.GetReturnValue().Set(true);
}

struct LocalSessionState {
  v8::Global<v8::Function> callback;
};

// connect(onMessage(json)) -> session id
void Connect(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Runtime* rt = Runtime::From(isolate->GetCurrentContext());
  auto state = std::make_shared<LocalSessionState>();
  state->callback.Reset(isolate, args[0].As<v8::Function>());
  int id = AgentOf(args).ConnectLocal([rt, state](const std::string& msg) {
    v8::Isolate* iso = rt->isolate();
    v8::HandleScope scope(iso);
    v8::Local<v8::Value> arg = Str(iso, msg);
    v8::TryCatch tc(iso);
    (void)state->callback.Get(iso)->Call(rt->context(), v8::Undefined(iso), 1, &arg);
  });
  args.GetReturnValue().Set(id);
}

void Dispatch(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  AgentOf(args).DispatchLocal(args[0]->Int32Value(isolate->GetCurrentContext()).FromMaybe(0),
                              ToStdString(isolate, args[1]));
}

void Disconnect(const v8::FunctionCallbackInfo<v8::Value>& args) {
  AgentOf(args).DisconnectLocal(args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0));
}

// consoleCall(vmMethod, nodeMethod, ...args), bound once per console method: V8's console (what
// a debugger sees) and then nodus's. Being native, it adds no JS frame to the console call's stack.
void ConsoleCall(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  std::vector<v8::Local<v8::Value>> rest;
  for (int i = 2; i < args.Length(); i++) rest.push_back(args[i]);
  int argc = static_cast<int>(rest.size());
  if (args[0]->IsFunction() && args[0].As<v8::Function>()->Call(ctx, args.This(), argc, rest.data()).IsEmpty()) return;
  v8::Local<v8::Value> r;
  if (args[1]->IsFunction() && args[1].As<v8::Function>()->Call(ctx, args.This(), argc, rest.data()).ToLocal(&r))
    args.GetReturnValue().Set(r);
}

// callAndPauseOnStart(fn, thisArg, ...args): the main module under --inspect-brk.
void CallAndPauseOnStart(const v8::FunctionCallbackInfo<v8::Value>& args) {
  std::vector<v8::Local<v8::Value>> argv;
  for (int i = 2; i < args.Length(); i++) argv.push_back(args[i]);
  v8::Local<v8::Value> r;
  if (AgentOf(args).CallAndPauseOnStart(args[0].As<v8::Function>(), args[1], static_cast<int>(argv.size()),
                                        argv.data()).ToLocal(&r))
    args.GetReturnValue().Set(r);
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  SetMethod(ctx, target, "open", Open);
  SetMethod(ctx, target, "close", Close);
  SetMethod(ctx, target, "watchSignal", WatchSignal);
  SetMethod(ctx, target, "url", Url);
  SetMethod(ctx, target, "waitForDebugger", WaitForDebugger);
  SetMethod(ctx, target, "connect", Connect);
  SetMethod(ctx, target, "dispatch", Dispatch);
  SetMethod(ctx, target, "disconnect", Disconnect);
  SetMethod(ctx, target, "callAndPauseOnStart", CallAndPauseOnStart);
  SetMethod(ctx, target, "consoleCall", ConsoleCall);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(inspector, nodus::Init);
