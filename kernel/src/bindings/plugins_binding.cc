// internalBinding('plugins'): loading plugins for the builtin loader and listing them.
#include "bindings/binding_registry.h"
#include "plugins/plugin_host.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

v8::Local<v8::String> Str(v8::Isolate* isolate, const std::string& s) {
  return v8::String::NewFromUtf8(isolate, s.c_str(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size())).ToLocalChecked();
}

v8::Local<v8::Array> StrArray(v8::Local<v8::Context> ctx, const std::vector<std::string>& v) {
  v8::Isolate* isolate = ctx->GetIsolate();
  v8::Local<v8::Array> arr = v8::Array::New(isolate, static_cast<int>(v.size()));
  for (uint32_t i = 0; i < v.size(); i++) arr->Set(ctx, i, Str(isolate, v[i])).Check();
  return arr;
}

void ThrowPluginError(v8::Isolate* isolate, const plugins::PluginError& e) {
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Object> err = v8::Exception::Error(Str(isolate, e.message)).As<v8::Object>();
  err->Set(ctx, OneByte(isolate, "code"), Str(isolate, e.code)).Check();
  isolate->ThrowException(err);
}

// load(moduleId) -> plugin name; throws a coded Error naming the file and the reason.
void Load(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Runtime* rt = Runtime::From(isolate->GetCurrentContext());
  plugins::PluginError error;
  auto name = rt->plugin_host().LoadForModule(ToStdString(isolate, args[0]), &error);
  if (!name) return ThrowPluginError(isolate, error);
  args.GetReturnValue().Set(Str(isolate, *name));
}

void Binding(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Runtime* rt = Runtime::From(isolate->GetCurrentContext());
  if (const auto* p = rt->plugin_host().Find(ToStdString(isolate, args[0])))
    args.GetReturnValue().Set(p->binding.Get(isolate));
}

// Module ids the manifest offers (without loading anything).
void Modules(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  std::vector<std::string> ids;
  for (const auto& p : Runtime::From(ctx)->plugin_host().manifest().plugins())
    ids.insert(ids.end(), p.modules.begin(), p.modules.end());
  args.GetReturnValue().Set(StrArray(ctx, ids));
}

// [{name, version, file, modules, depends, loaded, exists, versions}] for `nodus --plugins`.
void List(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  auto& host = Runtime::From(ctx)->plugin_host();
  const auto& plugins = host.manifest().plugins();
  v8::Local<v8::Array> out = v8::Array::New(isolate, static_cast<int>(plugins.size()));
  uint32_t i = 0;
  for (const auto& p : plugins) {
    v8::Local<v8::Object> o = v8::Object::New(isolate);
    const auto* loaded = host.Find(p.name);
    o->Set(ctx, OneByte(isolate, "name"), Str(isolate, p.name)).Check();
    o->Set(ctx, OneByte(isolate, "version"), Str(isolate, loaded ? loaded->version : p.version)).Check();
    o->Set(ctx, OneByte(isolate, "file"), Str(isolate, p.file)).Check();
    o->Set(ctx, OneByte(isolate, "modules"), StrArray(ctx, p.modules)).Check();
    o->Set(ctx, OneByte(isolate, "depends"), StrArray(ctx, p.depends)).Check();
    o->Set(ctx, OneByte(isolate, "loaded"), v8::Boolean::New(isolate, loaded != nullptr)).Check();
    o->Set(ctx, OneByte(isolate, "overridden"), v8::Boolean::New(isolate, p.overridden)).Check();
    out->Set(ctx, i++, o).Check();
  }
  args.GetReturnValue().Set(out);
}

// { lib: version } of every loaded plugin, for process.versions.
void Versions(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Object> o = v8::Object::New(isolate);
  for (const auto& [name, p] : Runtime::From(ctx)->plugin_host().loaded())
    for (const auto& [lib, ver] : p->versions) o->Set(ctx, Str(isolate, lib), Str(isolate, ver)).Check();
  args.GetReturnValue().Set(o);
}

void ManifestPath(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  args.GetReturnValue().Set(Str(isolate, Runtime::From(isolate->GetCurrentContext())->plugin_host().manifest().path()));
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  SetMethod(ctx, target, "load", Load);
  SetMethod(ctx, target, "binding", Binding);
  SetMethod(ctx, target, "modules", Modules);
  SetMethod(ctx, target, "list", List);
  SetMethod(ctx, target, "versions", Versions);
  SetMethod(ctx, target, "manifestPath", ManifestPath);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(plugins, nodus::Init);
