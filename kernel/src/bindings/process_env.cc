// process.env: an object whose properties are the C environment, with Node's coercion rules
// (values become strings; delete removes the variable; enumeration lists environ).
#include <cstdlib>
#include <cstring>

#include "bindings/binding_registry.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

extern char** environ;

namespace nodus {
namespace {

void EnvGetter(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Value>& info) {
  if (!property->IsString()) return;
  v8::Isolate* isolate = info.GetIsolate();
  std::string key = ToStdString(isolate, property);
  if (const char* v = std::getenv(key.c_str()))
    info.GetReturnValue().Set(v8::String::NewFromUtf8(isolate, v).ToLocalChecked());
}

void EnvSetter(v8::Local<v8::Name> property, v8::Local<v8::Value> value,
               const v8::PropertyCallbackInfo<v8::Value>& info) {
  if (!property->IsString()) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::String> str;
  if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&str)) return;
  std::string key = ToStdString(isolate, property);
  std::string val = ToStdString(isolate, str);
  if (!key.empty() && key.find('=') == std::string::npos) setenv(key.c_str(), val.c_str(), 1);
  info.GetReturnValue().Set(value);
}

void EnvQuery(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Integer>& info) {
  if (!property->IsString()) return;
  std::string key = ToStdString(info.GetIsolate(), property);
  if (std::getenv(key.c_str())) info.GetReturnValue().Set(static_cast<int32_t>(v8::None));
}

void EnvDeleter(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  if (property->IsString()) unsetenv(ToStdString(info.GetIsolate(), property).c_str());
  info.GetReturnValue().Set(true);
}

void EnvEnumerator(const v8::PropertyCallbackInfo<v8::Array>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Array> keys = v8::Array::New(isolate);
  uint32_t i = 0;
  for (char** e = environ; e && *e; e++) {
    const char* eq = std::strchr(*e, '=');
    if (!eq || eq == *e) continue;
    keys->Set(ctx, i++, v8::String::NewFromUtf8(isolate, *e, v8::NewStringType::kNormal,
                                                static_cast<int>(eq - *e)).ToLocalChecked()).Check();
  }
  info.GetReturnValue().Set(keys);
}

void EnvDefiner(v8::Local<v8::Name> property, const v8::PropertyDescriptor& desc,
                const v8::PropertyCallbackInfo<v8::Value>& info) {
  if (desc.has_value()) EnvSetter(property, desc.value(), info);
  else info.GetIsolate()->ThrowException(v8::Exception::TypeError(
      v8::String::NewFromUtf8Literal(info.GetIsolate(), "'process.env' only accepts a configurable, "
                                     "writable, and enumerable data descriptor")));
}

}  // namespace

v8::Local<v8::Object> CreateEnvObject(v8::Local<v8::Context> ctx) {
  v8::Isolate* isolate = ctx->GetIsolate();
  for (const void* fn : {reinterpret_cast<const void*>(&EnvGetter), reinterpret_cast<const void*>(&EnvSetter),
                         reinterpret_cast<const void*>(&EnvQuery), reinterpret_cast<const void*>(&EnvDeleter),
                         reinterpret_cast<const void*>(&EnvEnumerator), reinterpret_cast<const void*>(&EnvDefiner)})
    RecordExternalReference(ctx, fn);
  v8::Local<v8::ObjectTemplate> tmpl = v8::ObjectTemplate::New(isolate);
  tmpl->SetHandler(v8::NamedPropertyHandlerConfiguration(
      EnvGetter, EnvSetter, EnvQuery, EnvDeleter, EnvEnumerator, EnvDefiner, nullptr,
      v8::Local<v8::Value>(), v8::PropertyHandlerFlags::kHasNoSideEffect));
  return tmpl->NewInstance(ctx).ToLocalChecked();
}

}  // namespace nodus
