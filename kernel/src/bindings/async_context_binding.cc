// internalBinding('async_context'): V8's JavaScript promise hooks, which let
// internal/async_context carry the AsyncLocalStorage context from where a promise reaction is
// registered to where it runs. Installed only while some AsyncLocalStorage is enabled: every
// promise pays for the hooks while they are set.
#include "bindings/binding_registry.h"

namespace nodus {
namespace {

// (init, before, after, resolve): each a function or undefined; all undefined removes the hooks.
void SetPromiseHooks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Function> hooks[4];
  for (int i = 0; i < 4; i++) {
    if (args[i]->IsFunction()) hooks[i] = args[i].As<v8::Function>();
  }
  args.GetIsolate()->GetCurrentContext()->SetPromiseHooks(hooks[0], hooks[1], hooks[2], hooks[3]);
}

void Init(Runtime&, v8::Local<v8::Context> context, v8::Local<v8::Object> target) {
  SetMethod(context, target, "setPromiseHooks", SetPromiseHooks);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(async_context, nodus::Init);
