// internalBinding('builtins'): compiling embedded modules for the builtin loader (realm.js).
#include "bindings/binding_registry.h"
#include "runtime/builtins.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

void Compile(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  std::string id = ToStdString(isolate, args[0]);
  v8::Local<v8::Function> fn;
  if (Runtime::From(ctx)->builtins().Compile(ctx, id).ToLocal(&fn)) args.GetReturnValue().Set(fn);
}

// [exists, owner]: owner is the plugin name ("" for the kernel).
void Lookup(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  std::string id = ToStdString(isolate, args[0]);
  const Builtins::Entry* e = Runtime::From(ctx)->builtins().Find(id);
  if (!e) return args.GetReturnValue().Set(v8::Undefined(isolate));
  args.GetReturnValue().Set(v8::String::NewFromUtf8(isolate, e->owner.c_str()).ToLocalChecked());
}

void Ids(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  auto ids = Runtime::From(ctx)->builtins().Ids();
  v8::Local<v8::Array> arr = v8::Array::New(isolate, static_cast<int>(ids.size()));
  for (uint32_t i = 0; i < ids.size(); i++)
    arr->Set(ctx, i, v8::String::NewFromUtf8(isolate, ids[i].c_str()).ToLocalChecked()).Check();
  args.GetReturnValue().Set(arr);
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  SetMethod(ctx, target, "compile", Compile);
  SetMethod(ctx, target, "lookup", Lookup);
  SetMethod(ctx, target, "ids", Ids);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(builtins, nodus::Init);
