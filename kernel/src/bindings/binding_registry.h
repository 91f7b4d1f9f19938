// Internal native bindings: named objects that embedded JS reaches through internalBinding(name).
// A binding registers itself with NODUS_BINDING(name, init) in its own .cc file; the object is built
// on first use, so startup pays only for the bindings the bootstrap actually touches.
#pragma once

#include <v8.h>

namespace nodus {

class Runtime;

using BindingInit = void (*)(Runtime& rt, v8::Local<v8::Context> context,
                             v8::Local<v8::Object> target);

struct BindingRegistration {
  BindingRegistration(const char* name, BindingInit init);
  const char* name;
  BindingInit init;
  BindingRegistration* next;
};

// Looks a binding up by name; nullptr when there is none.
const BindingRegistration* FindBinding(const char* name);

// Small helpers shared by binding files.
inline v8::Local<v8::String> OneByte(v8::Isolate* isolate, const char* s) {
  return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(s),
                                    v8::NewStringType::kInternalized).ToLocalChecked();
}

// Records a native callback for the startup snapshot (see runtime/snapshot.h).
void RecordExternalReference(v8::Local<v8::Context> context, const void* fn);

// A FunctionTemplate for a native callback, recorded for the snapshot.
inline v8::Local<v8::FunctionTemplate> NewFunctionTemplate(v8::Local<v8::Context> context,
                                                           v8::FunctionCallback cb) {
  RecordExternalReference(context, reinterpret_cast<const void*>(cb));
  return v8::FunctionTemplate::New(context->GetIsolate(), cb);
}

inline void SetMethod(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
                      const char* name, v8::FunctionCallback cb) {
  v8::Isolate* isolate = context->GetIsolate();
  RecordExternalReference(context, reinterpret_cast<const void*>(cb));
  v8::Local<v8::Function> fn = v8::FunctionTemplate::New(isolate, cb, v8::Local<v8::Value>(),
      v8::Local<v8::Signature>(), 0, v8::ConstructorBehavior::kThrow)
      ->GetFunction(context).ToLocalChecked();
  v8::Local<v8::String> key = OneByte(isolate, name);
  fn->SetName(key);
  target->Set(context, key, fn).Check();
}

}  // namespace nodus

#define NODUS_BINDING(name, init) \
  static ::nodus::BindingRegistration nodus_binding_##name(#name, init)
