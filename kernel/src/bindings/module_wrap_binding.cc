// internalBinding('module_wrap'): ES modules for internal/modules/esm. A ModuleWrap owns one V8
// module (source text or synthetic); JS resolves and links the graph, V8 instantiates and evaluates.
// Dynamic import() and import.meta reach JS through the runtime's hooks.
#include <memory>
#include <unordered_map>
#include <vector>

#include "bindings/binding_registry.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

struct ModuleWrap {
  v8::Global<v8::Module> module;
  v8::Global<v8::Object> object;
  v8::Global<v8::Function> synthetic_steps;
  std::unordered_map<std::string, v8::Global<v8::Module>> linked;  // specifier -> module
};

// Every wrap of the runtime, findable from its v8::Module (resolve and import.meta callbacks).
struct Registry {
  std::unordered_multimap<int, std::unique_ptr<ModuleWrap>> by_hash;
  ModuleWrap* Find(v8::Isolate* isolate, v8::Local<v8::Module> m) {
    auto range = by_hash.equal_range(m->GetIdentityHash());
    for (auto it = range.first; it != range.second; ++it)
      if (it->second->module.Get(isolate) == m) return it->second.get();
    return nullptr;
  }
};

Registry& RegistryOf(v8::Local<v8::Context> ctx) { return Runtime::From(ctx)->BindingState<Registry>(); }

ModuleWrap* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (args.This()->InternalFieldCount() < 1) return nullptr;
  return static_cast<ModuleWrap*>(args.This()->GetAlignedPointerFromInternalField(0));
}

v8::Local<v8::String> Str(v8::Isolate* isolate, const std::string& s) {
  return v8::String::NewFromUtf8(isolate, s.c_str(), v8::NewStringType::kNormal, static_cast<int>(s.size()))
      .ToLocalChecked();
}

void ThrowError(v8::Isolate* isolate, const std::string& msg) {
  isolate->ThrowException(v8::Exception::Error(Str(isolate, msg)));
}

v8::MaybeLocal<v8::Value> SyntheticSteps(v8::Local<v8::Context> ctx, v8::Local<v8::Module> module) {
  v8::Isolate* isolate = ctx->GetIsolate();
  ModuleWrap* w = RegistryOf(ctx).Find(isolate, module);
  if (!w || w->synthetic_steps.IsEmpty()) return v8::Undefined(isolate);
  v8::Local<v8::Value> arg = w->object.Get(isolate);
  v8::Local<v8::Value> r;
  if (!w->synthetic_steps.Get(isolate)->Call(ctx, w->object.Get(isolate), 1, &arg).ToLocal(&r)) return {};
  // Synthetic modules evaluate to a resolved promise (top-level await semantics).
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(ctx).ToLocal(&resolver)) return {};
  (void)resolver->Resolve(ctx, v8::Undefined(isolate));
  return resolver->GetPromise();
}

// new ModuleWrap(url, source) or new ModuleWrap(url, exportNames, evaluationSteps)
void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  if (!args.IsConstructCall() || !args[0]->IsString()) return ThrowError(isolate, "ModuleWrap: bad arguments");
  v8::Local<v8::String> url = args[0].As<v8::String>();
  v8::Local<v8::Module> module;
  auto wrap = std::make_unique<ModuleWrap>();
  if (args[1]->IsArray()) {
    v8::Local<v8::Array> names = args[1].As<v8::Array>();
    std::vector<v8::Local<v8::String>> exports;
    for (uint32_t i = 0; i < names->Length(); i++) {
      v8::Local<v8::Value> n;
      if (!names->Get(ctx, i).ToLocal(&n) || !n->IsString()) return ThrowError(isolate, "export names must be strings");
      exports.push_back(n.As<v8::String>());
    }
    module = v8::Module::CreateSyntheticModule(isolate, url, exports, SyntheticSteps);
    if (args[2]->IsFunction()) wrap->synthetic_steps.Reset(isolate, args[2].As<v8::Function>());
  } else {
    v8::ScriptOrigin origin(isolate, url, 0, 0, false, -1, v8::Local<v8::Value>(), false, false, true);
    v8::ScriptCompiler::Source source(args[1].As<v8::String>(), origin);
    if (!v8::ScriptCompiler::CompileModule(isolate, &source).ToLocal(&module)) return;
  }
  wrap->module.Reset(isolate, module);
  wrap->object.Reset(isolate, args.This());
  args.This()->SetAlignedPointerInInternalField(0, wrap.get());
  args.This()->Set(ctx, OneByte(isolate, "url"), url).Check();
  RegistryOf(ctx).by_hash.emplace(module->GetIdentityHash(), std::move(wrap));
}

// [{ specifier, attributes: { type: 'json' } }, ...]
void GetModuleRequests(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  ModuleWrap* w = Unwrap(args);
  if (!w) return;
  v8::Local<v8::FixedArray> requests = w->module.Get(isolate)->GetModuleRequests();
  v8::Local<v8::Array> out = v8::Array::New(isolate, requests->Length());
  for (int i = 0; i < requests->Length(); i++) {
    v8::Local<v8::ModuleRequest> req = requests->Get(ctx, i).As<v8::ModuleRequest>();
    v8::Local<v8::Object> o = v8::Object::New(isolate);
    o->Set(ctx, OneByte(isolate, "specifier"), req->GetSpecifier()).Check();
    v8::Local<v8::Object> attrs = v8::Object::New(isolate);
    v8::Local<v8::FixedArray> assertions = req->GetImportAssertions();
    // Triples of key, value, source offset.
    for (int j = 0; j + 2 < assertions->Length() + 1 && j + 1 < assertions->Length(); j += 3) {
      v8::Local<v8::Value> k = assertions->Get(ctx, j).As<v8::Value>();
      v8::Local<v8::Value> v = assertions->Get(ctx, j + 1).As<v8::Value>();
      attrs->Set(ctx, k, v).Check();
    }
    o->Set(ctx, OneByte(isolate, "attributes"), attrs).Check();
    out->Set(ctx, static_cast<uint32_t>(i), o).Check();
  }
  args.GetReturnValue().Set(out);
}

// link(specifiers[], wraps[])
void Link(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  ModuleWrap* w = Unwrap(args);
  if (!w || !args[0]->IsArray() || !args[1]->IsArray()) return ThrowError(isolate, "link: bad arguments");
  v8::Local<v8::Array> specs = args[0].As<v8::Array>();
  v8::Local<v8::Array> wraps = args[1].As<v8::Array>();
  for (uint32_t i = 0; i < specs->Length(); i++) {
    v8::Local<v8::Value> s, o;
    if (!specs->Get(ctx, i).ToLocal(&s) || !wraps->Get(ctx, i).ToLocal(&o) || !o->IsObject()) continue;
    v8::Local<v8::Object> obj = o.As<v8::Object>();
    if (obj->InternalFieldCount() < 1) continue;
    auto* child = static_cast<ModuleWrap*>(obj->GetAlignedPointerFromInternalField(0));
    if (!child) continue;
    w->linked[ToStdString(isolate, s)].Reset(isolate, child->module.Get(isolate));
  }
}

v8::MaybeLocal<v8::Module> ResolveCallback(v8::Local<v8::Context> ctx, v8::Local<v8::String> specifier,
                                           v8::Local<v8::FixedArray>, v8::Local<v8::Module> referrer) {
  v8::Isolate* isolate = ctx->GetIsolate();
  ModuleWrap* w = RegistryOf(ctx).Find(isolate, referrer);
  std::string spec = ToStdString(isolate, specifier);
  if (w) {
    auto it = w->linked.find(spec);
    if (it != w->linked.end()) return it->second.Get(isolate);
  }
  ThrowError(isolate, "import '" + spec + "' was not linked");
  return {};
}

void Instantiate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  if (ModuleWrap* w = Unwrap(args))
    (void)w->module.Get(isolate)->InstantiateModule(isolate->GetCurrentContext(), ResolveCallback);
}

void Evaluate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ModuleWrap* w = Unwrap(args);
  if (!w) return;
  v8::Local<v8::Value> r;
  if (w->module.Get(isolate)->Evaluate(isolate->GetCurrentContext()).ToLocal(&r)) args.GetReturnValue().Set(r);
}

void GetNamespace(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ModuleWrap* w = Unwrap(args);
  if (!w) return;
  v8::Local<v8::Module> m = w->module.Get(isolate);
  if (m->GetStatus() < v8::Module::kInstantiated) return ThrowError(isolate, "module is not instantiated");
  args.GetReturnValue().Set(m->GetModuleNamespace());
}

void GetStatus(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (ModuleWrap* w = Unwrap(args))
    args.GetReturnValue().Set(static_cast<int>(w->module.Get(args.GetIsolate())->GetStatus()));
}

void GetError(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (ModuleWrap* w = Unwrap(args)) {
    v8::Local<v8::Module> m = w->module.Get(args.GetIsolate());
    if (m->GetStatus() == v8::Module::kErrored) args.GetReturnValue().Set(m->GetException());
  }
}

void IsGraphAsync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (ModuleWrap* w = Unwrap(args)) {
    v8::Local<v8::Module> m = w->module.Get(args.GetIsolate());
    args.GetReturnValue().Set(m->GetStatus() >= v8::Module::kInstantiated && m->IsGraphAsync());
  }
}

void SetExport(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  if (ModuleWrap* w = Unwrap(args))
    (void)w->module.Get(isolate)->SetSyntheticModuleExport(isolate, args[0].As<v8::String>(), args[1]);
}

// The import mode vm gave a script (host-defined option 0), or 0 for every other script.
int32_t VmImportMode(v8::Isolate* isolate, v8::Local<v8::Data> options) {
  if (options.IsEmpty() || !options->IsFixedArray()) return 0;
  v8::Local<v8::PrimitiveArray> a = options.As<v8::PrimitiveArray>();
  if (a->Length() < 1) return 0;
  v8::Local<v8::Primitive> mode = a->Get(isolate, 0);
  return mode->IsInt32() ? mode.As<v8::Int32>()->Value() : 0;
}

v8::MaybeLocal<v8::Promise> ImportDynamically(v8::Local<v8::Context> ctx, v8::Local<v8::Data> host_options,
                                              v8::Local<v8::Value> resource_name,
                                              v8::Local<v8::String> specifier,
                                              v8::Local<v8::FixedArray> assertions) {
  v8::Isolate* isolate = ctx->GetIsolate();
  Runtime* rt = Runtime::From(ctx);
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Object> attrs = v8::Object::New(isolate);
  for (int j = 0; j + 1 < assertions->Length(); j += 2) {
    // Dynamic import assertions come as key, value pairs.
    attrs->Set(ctx, assertions->Get(ctx, j).As<v8::Value>(), assertions->Get(ctx, j + 1).As<v8::Value>()).Check();
  }
  if (rt->hooks().import_dynamically.IsEmpty()) {
    ThrowError(isolate, "import() is not available");
    return {};
  }
  v8::Local<v8::Value> argv[] = {specifier, resource_name.IsEmpty() ? v8::Undefined(isolate).As<v8::Value>() : resource_name, attrs,
                                 v8::Integer::New(isolate, VmImportMode(isolate, host_options))};
  v8::Local<v8::Value> r;
  if (!rt->hooks().import_dynamically.Get(isolate)->Call(ctx, v8::Undefined(isolate), 4, argv).ToLocal(&r)) return {};
  if (!r->IsPromise()) {
    ThrowError(isolate, "import() hook did not return a promise");
    return {};
  }
  return scope.Escape(r.As<v8::Promise>());
}

void InitImportMeta(v8::Local<v8::Context> ctx, v8::Local<v8::Module> module, v8::Local<v8::Object> meta) {
  v8::Isolate* isolate = ctx->GetIsolate();
  Runtime* rt = Runtime::From(ctx);
  ModuleWrap* w = RegistryOf(ctx).Find(isolate, module);
  if (!w || rt->hooks().init_import_meta.IsEmpty()) return;
  v8::Local<v8::Value> argv[] = {meta, w->object.Get(isolate)};
  (void)rt->hooks().init_import_meta.Get(isolate)->Call(ctx, v8::Undefined(isolate), 2, argv);
}

void Init(Runtime& rt, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = ctx->GetIsolate();
  v8::Local<v8::FunctionTemplate> t = NewFunctionTemplate(ctx, New);
  t->InstanceTemplate()->SetInternalFieldCount(1);
  t->SetClassName(OneByte(isolate, "ModuleWrap"));
  auto proto = [&](const char* name, v8::FunctionCallback cb) {
    t->PrototypeTemplate()->Set(isolate, name, NewFunctionTemplate(ctx, cb));
  };
  proto("getModuleRequests", GetModuleRequests);
  proto("link", Link);
  proto("instantiate", Instantiate);
  proto("evaluate", Evaluate);
  proto("getNamespace", GetNamespace);
  proto("getStatus", GetStatus);
  proto("getError", GetError);
  proto("isGraphAsync", IsGraphAsync);
  proto("setExport", SetExport);
  target->Set(ctx, OneByte(isolate, "ModuleWrap"), t->GetFunction(ctx).ToLocalChecked()).Check();
  static const char* const kStatus[] = {"kUninstantiated", "kInstantiating", "kInstantiated",
                                        "kEvaluating", "kEvaluated", "kErrored"};
  for (int i = 0; i < 6; i++) target->Set(ctx, OneByte(isolate, kStatus[i]), v8::Integer::New(isolate, i)).Check();
  (void)rt;
}

}  // namespace

// Installed on the isolate once by the runtime: both call into JS through Runtime::hooks().
void InstallModuleCallbacks(v8::Isolate* isolate) {
  isolate->SetHostImportModuleDynamicallyCallback(ImportDynamically);
  isolate->SetHostInitializeImportMetaObjectCallback(InitImportMeta);
}

}  // namespace nodus

NODUS_BINDING(module_wrap, nodus::Init);
