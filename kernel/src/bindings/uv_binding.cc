// internalBinding('uv'): libuv error names and messages for internal/errors.js
// (uvException, getSystemErrorName) and the UV_E* constants.
#include <uv.h>

#include "bindings/binding_registry.h"

namespace nodus {
namespace {

void ErrName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  int err = 0;
  if (args.Length() < 1 || !args[0]->Int32Value(context).To(&err)) return;
  if (err >= 0) {
    isolate->ThrowException(v8::Exception::RangeError(
        OneByte(isolate, "err >= 0")));
    return;
  }
  args.GetReturnValue().Set(OneByte(isolate, uv_err_name(err)));
}

// Map errno -> [name, message] for every error libuv knows.
void GetErrorMap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Map> map = v8::Map::New(isolate);
#define NODUS_UV_ENTRY(name, msg)                                                        \
  {                                                                                      \
    v8::Local<v8::Value> pair[] = {OneByte(isolate, #name), OneByte(isolate, msg)};      \
    map->Set(context, v8::Integer::New(isolate, UV_##name),                              \
             v8::Array::New(isolate, pair, 2)).ToLocalChecked();                         \
  }
  UV_ERRNO_MAP(NODUS_UV_ENTRY)
#undef NODUS_UV_ENTRY
  args.GetReturnValue().Set(map);
}

void Init(Runtime&, v8::Local<v8::Context> context, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "errname", ErrName);
  SetMethod(context, target, "getErrorMap", GetErrorMap);
#define NODUS_UV_CONST(name, msg) \
  target->Set(context, OneByte(isolate, "UV_" #name), v8::Integer::New(isolate, UV_##name)).Check();
  UV_ERRNO_MAP(NODUS_UV_CONST)
#undef NODUS_UV_CONST
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(uv, nodus::Init);
