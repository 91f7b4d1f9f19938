// internalBinding('deps'): registers the embedded npm dependencies (kernel/deps.cmake) as builtin
// sources the first time a module asks for them, so startup never pays for them.
#include "bindings/binding_registry.h"
#include "nodus/js_source.h"
#include "runtime/builtins.h"
#include "runtime/runtime.h"

extern "C" const nodus_js_source nodus_kernel_deps_js[];

namespace nodus {
namespace {

void Init(Runtime& rt, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  rt.builtins().AddTable(nodus_kernel_deps_js, "");
  v8::Isolate* isolate = ctx->GetIsolate();
  int count = 0;
  for (const nodus_js_source* s = nodus_kernel_deps_js; s->id != nullptr; s++) count++;
  target->Set(ctx, OneByte(isolate, "count"), v8::Integer::New(isolate, count)).Check();
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(deps, nodus::Init);
