// internalBinding('contextify'): the native half of `vm`. A contextified object ("sandbox") is an
// ordinary object paired with a fresh V8 context whose global object forwards property access to
// it through interceptors; compiled scripts are unbound so one Script runs in many contexts.
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "bindings/binding_registry.h"
#include "bindings/buffer_util.h"
#include "bindings/vm_watchdogs.h"
#include "inspector/inspector_agent.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

// Embedder data slots of a vm context: its own microtask queue (or null), and `false` when
// codeGeneration.wasm is off.
constexpr int kVmMicrotaskQueueSlot = 35;
constexpr int kVmNoWasmSlot = 36;

v8::Local<v8::Private> ContextKey(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate, OneByte(isolate, "nodus:vm:globalProxy"));
}

// The global proxy of the context paired with `sandbox`, or empty when it is not contextified.
v8::MaybeLocal<v8::Object> GlobalProxyOf(v8::Local<v8::Context> ctx, v8::Local<v8::Object> sandbox) {
  v8::Local<v8::Value> v;
  if (!sandbox->GetPrivate(ctx, ContextKey(ctx->GetIsolate())).ToLocal(&v) || !v->IsObject()) return {};
  return v.As<v8::Object>();
}

template <typename T>
v8::Local<v8::Object> SandboxOf(const v8::PropertyCallbackInfo<T>& info) {
  return info.Data().template As<v8::Object>();
}

// ---- Interceptors on the context's global object. Leaving the return value unset means "not
// handled here": V8 goes on to the global object's own properties (the context's builtins).

// Reads the sandbox first (its prototype chain included), then the context's own globals.
void GlobalGet(v8::Local<v8::Name> name, const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Object> sandbox = SandboxOf(info);
  v8::Local<v8::Value> value;
  if (!sandbox->GetRealNamedProperty(ctx, name).ToLocal(&value)) return;
  // A sandbox that refers to itself is seen from inside as the global object.
  if (value == sandbox) {
    v8::Local<v8::Object> proxy;
    if (GlobalProxyOf(ctx, sandbox).ToLocal(&proxy)) value = proxy;
  }
  info.GetReturnValue().Set(value);
}

bool IsReadOnly(v8::Local<v8::Context> ctx, v8::Local<v8::Object> o, v8::Local<v8::Name> name) {
  v8::PropertyAttribute attr;
  return o->GetRealNamedPropertyAttributes(ctx, name).To(&attr) && (attr & v8::ReadOnly);
}

// Writes go to the sandbox and, as in Node, on to the global object too (so a `var` keeps its
// value there), except for the sandbox's accessors. In strict code an assignment to a name
// declared nowhere stays a ReferenceError (V8 raises it when the store is left to the global).
void GlobalSet(v8::Local<v8::Name> name, v8::Local<v8::Value> value,
               const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Object> sandbox = SandboxOf(info);
  v8::Local<v8::Object> global = ctx->Global();
  // Symbol-keyed writes stay on the global object, as in Node.
  if (name->IsSymbol()) return;
  // Own or inherited: the attributes are found either way.
  bool on_sandbox = !sandbox->GetRealNamedPropertyAttributes(ctx, name).IsNothing();
  bool on_global = global->HasRealNamedProperty(ctx, name).FromMaybe(false);
  if (IsReadOnly(ctx, sandbox, name) || (!on_sandbox && on_global && IsReadOnly(ctx, global, name))) {
    if (info.ShouldThrowOnError()) {
      v8::String::Utf8Value n(isolate, name);
      isolate->ThrowException(v8::Exception::TypeError(
          v8::String::NewFromUtf8(isolate, fmt::format("Cannot assign to read only property '{}' of object "
                                                       "'[object Object]'", *n ? *n : "").c_str())
              .ToLocalChecked()));
    }
    info.GetReturnValue().Set(false);
    return;
  }
  // An unqualified store (`x = 1`) reaches the interceptor with the global object as receiver,
  // a qualified one (`this.x = 1`) with the global proxy. Function declarations come through here
  // too and must always land.
  bool contextual = info.This() != global;
  if (!on_sandbox && !on_global && contextual && info.ShouldThrowOnError() && !value->IsFunction()) return;
  if (sandbox->Set(ctx, name, value).IsNothing()) return;
  v8::Local<v8::Value> desc;
  if (sandbox->GetOwnPropertyDescriptor(ctx, name).ToLocal(&desc) && desc->IsObject()) {
    v8::Local<v8::Object> d = desc.As<v8::Object>();
    if (d->Has(ctx, OneByte(isolate, "get")).FromMaybe(false) || d->Has(ctx, OneByte(isolate, "set")).FromMaybe(false))
      info.GetReturnValue().Set(value);
  }
}

void GlobalQuery(v8::Local<v8::Name> name, const v8::PropertyCallbackInfo<v8::Integer>& info) {
  v8::Local<v8::Context> ctx = info.GetIsolate()->GetCurrentContext();
  v8::PropertyAttribute attr;
  if (SandboxOf(info)->GetRealNamedPropertyAttributes(ctx, name).To(&attr)) info.GetReturnValue().Set(attr);
}

// The sandbox's property goes; the global object's own one (left by a `var`) is V8's to judge.
void GlobalDelete(v8::Local<v8::Name> name, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  v8::Local<v8::Context> ctx = info.GetIsolate()->GetCurrentContext();
  bool ok;
  if (!SandboxOf(info)->Delete(ctx, name).To(&ok)) return;
  if (!ok) info.GetReturnValue().Set(false);
}

// The sandbox's enumerable string keys, inherited ones included (what Node lists).
void GlobalKeys(const v8::PropertyCallbackInfo<v8::Array>& info) {
  v8::Local<v8::Context> ctx = info.GetIsolate()->GetCurrentContext();
  v8::Local<v8::Array> names;
  if (SandboxOf(info)->GetPropertyNames(ctx, v8::KeyCollectionMode::kIncludePrototypes,
                                        static_cast<v8::PropertyFilter>(v8::ONLY_ENUMERABLE | v8::SKIP_SYMBOLS),
                                        v8::IndexFilter::kSkipIndices).ToLocal(&names))
    info.GetReturnValue().Set(names);
}

// Defines on `target` what `d` describes (V8's descriptors cannot be copied).
v8::Maybe<bool> DefineLike(v8::Local<v8::Context> ctx, v8::Local<v8::Object> target, v8::Local<v8::Name> name,
                           const v8::PropertyDescriptor& d) {
  v8::Isolate* isolate = ctx->GetIsolate();
  auto finish = [&](v8::PropertyDescriptor& out) {
    if (d.has_enumerable()) out.set_enumerable(d.enumerable());
    if (d.has_configurable()) out.set_configurable(d.configurable());
    return target->DefineProperty(ctx, name, out);
  };
  if (d.has_get() || d.has_set()) {
    v8::PropertyDescriptor out(d.has_get() ? d.get() : v8::Undefined(isolate).As<v8::Value>(),
                               d.has_set() ? d.set() : v8::Undefined(isolate).As<v8::Value>());
    return finish(out);
  }
  if (d.has_value() && d.has_writable()) {
    v8::PropertyDescriptor out(d.value(), d.writable());
    return finish(out);
  }
  if (d.has_value()) {
    v8::PropertyDescriptor out(d.value());
    return finish(out);
  }
  v8::PropertyDescriptor out;
  return finish(out);
}

// Definitions go to the sandbox and then on to the global object (as stores do). Accessors and
// read-only values stay on the sandbox alone: V8 10.2 completes a data definition on the global
// through the setter interceptor, which would see the read-only copy and refuse it.
void GlobalDefine(v8::Local<v8::Name> name, const v8::PropertyDescriptor& desc,
                  const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  if (name->IsSymbol()) return;
  bool ok;
  if (!DefineLike(ctx, SandboxOf(info), name, desc).To(&ok)) return;
  if (ok) {
    if (desc.has_get() || desc.has_set() || (desc.has_writable() && !desc.writable()) ||
        (desc.has_value() && !desc.has_writable()))
      info.GetReturnValue().Set(true);
    return;
  }
  if (info.ShouldThrowOnError()) {
    v8::String::Utf8Value n(isolate, name);
    isolate->ThrowException(v8::Exception::TypeError(
        v8::String::NewFromUtf8(isolate, fmt::format("Cannot redefine property: {}", *n ? *n : "").c_str())
            .ToLocalChecked()));
    return;
  }
  info.GetReturnValue().Set(false);
}

void GlobalDescribe(v8::Local<v8::Name> name, const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> ctx = info.GetIsolate()->GetCurrentContext();
  v8::Local<v8::Object> sandbox = SandboxOf(info);
  if (!sandbox->HasOwnProperty(ctx, name).FromMaybe(false)) return;
  v8::Local<v8::Value> desc;
  if (sandbox->GetOwnPropertyDescriptor(ctx, name).ToLocal(&desc)) info.GetReturnValue().Set(desc);
}

// Indexed access takes the same paths with the index as a name.
v8::Local<v8::Name> IndexName(v8::Isolate* isolate, uint32_t index) {
  return v8::Integer::NewFromUnsigned(isolate, index)->ToString(isolate->GetCurrentContext()).ToLocalChecked();
}
void IndexGet(uint32_t i, const v8::PropertyCallbackInfo<v8::Value>& info) { GlobalGet(IndexName(info.GetIsolate(), i), info); }
void IndexSet(uint32_t i, v8::Local<v8::Value> v, const v8::PropertyCallbackInfo<v8::Value>& info) {
  GlobalSet(IndexName(info.GetIsolate(), i), v, info);
}
void IndexQuery(uint32_t i, const v8::PropertyCallbackInfo<v8::Integer>& info) { GlobalQuery(IndexName(info.GetIsolate(), i), info); }
void IndexDelete(uint32_t i, const v8::PropertyCallbackInfo<v8::Boolean>& info) { GlobalDelete(IndexName(info.GetIsolate(), i), info); }
void IndexDefine(uint32_t i, const v8::PropertyDescriptor& d, const v8::PropertyCallbackInfo<v8::Value>& info) {
  GlobalDefine(IndexName(info.GetIsolate(), i), d, info);
}
void IndexDescribe(uint32_t i, const v8::PropertyCallbackInfo<v8::Value>& info) { GlobalDescribe(IndexName(info.GetIsolate(), i), info); }
void IndexKeys(const v8::PropertyCallbackInfo<v8::Array>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Array> all;
  if (!SandboxOf(info)->GetPropertyNames(ctx, v8::KeyCollectionMode::kIncludePrototypes,
                                         static_cast<v8::PropertyFilter>(v8::ONLY_ENUMERABLE | v8::SKIP_SYMBOLS),
                                         v8::IndexFilter::kIncludeIndices, v8::KeyConversionMode::kKeepNumbers)
           .ToLocal(&all))
    return;
  std::vector<v8::Local<v8::Value>> indices;
  for (uint32_t i = 0; i < all->Length(); i++) {
    v8::Local<v8::Value> k = all->Get(ctx, i).ToLocalChecked();
    if (k->IsUint32()) indices.push_back(k);
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, indices.data(), indices.size()));
}

// A context's own microtask queue ('afterEvaluate'), freed with its sandbox: the sandbox is
// reachable from the context (interceptor data), so it outlives everything that runs there.
struct OwnedQueue {
  std::unique_ptr<v8::MicrotaskQueue> queue;
  v8::Global<v8::Object> sandbox;
};

struct ScriptHolder {
  v8::Global<v8::UnboundScript> script;
  v8::Global<v8::Object> self;
};

// Native parts freed by GC callbacks; whatever is still alive when the runtime ends (no GC runs
// then) is freed with the runtime's binding state, before the isolate goes.
struct VmNatives {
  std::unordered_set<ScriptHolder*> scripts;
  std::unordered_set<OwnedQueue*> queues;
  VmNatives() = default;
  VmNatives(const VmNatives&) = delete;
  VmNatives& operator=(const VmNatives&) = delete;
  ~VmNatives() {
    for (ScriptHolder* s : scripts) delete s;
    for (OwnedQueue* q : queues) delete q;
  }
};

VmNatives& NativesOf(v8::Isolate* isolate) { return Runtime::From(isolate)->BindingState<VmNatives>(); }

std::unordered_set<ScriptHolder*>& Registry(VmNatives& n, ScriptHolder*) { return n.scripts; }
std::unordered_set<OwnedQueue*>& Registry(VmNatives& n, OwnedQueue*) { return n.queues; }

// Hands `owned` to the runtime's VmNatives and frees it when `handle` is collected.
template <typename T>
void OwnUntilCollected(v8::Isolate* isolate, std::unique_ptr<T> owned, v8::Global<v8::Object>& handle) {
  T* raw = owned.release();
  Registry(NativesOf(isolate), raw).insert(raw);
  handle.SetWeak(raw, [](const v8::WeakCallbackInfo<T>& data) {
    T* p = data.GetParameter();
    Registry(NativesOf(data.GetIsolate()), p).erase(p);
    delete p;
  }, v8::WeakCallbackType::kParameter);
}

v8::MicrotaskQueue* QueueOf(v8::Local<v8::Context> ctx) {
  if (ctx->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kVmMicrotaskQueueSlot)) return nullptr;
  return static_cast<v8::MicrotaskQueue*>(ctx->GetAlignedPointerFromEmbedderData(kVmMicrotaskQueueSlot));
}

// makeContext(sandbox, name, allowStrings, allowWasm, ownMicrotaskQueue)
// A null sandbox (vm.constants.DONT_CONTEXTIFY) makes a plain context: no interceptors, its own
// global object stands for it. Returns the object that stands for the context.
void MakeContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> main = isolate->GetCurrentContext();
  bool plain = args[0]->IsNull();
  if (!plain && !args[0]->IsObject()) return;
  v8::Local<v8::Object> sandbox;
  v8::Local<v8::ObjectTemplate> global;
  if (!plain) {
    sandbox = args[0].As<v8::Object>();
    global = v8::ObjectTemplate::New(isolate);
    global->SetHandler(v8::NamedPropertyHandlerConfiguration(GlobalGet, GlobalSet, GlobalQuery, GlobalDelete,
                                                             GlobalKeys, GlobalDefine, GlobalDescribe, sandbox,
                                                             v8::PropertyHandlerFlags::kHasNoSideEffect));
    global->SetHandler(v8::IndexedPropertyHandlerConfiguration(IndexGet, IndexSet, IndexQuery, IndexDelete,
                                                               IndexKeys, IndexDefine, IndexDescribe, sandbox,
                                                               v8::PropertyHandlerFlags::kHasNoSideEffect));
  }
  std::unique_ptr<OwnedQueue> owned;
  if (args[4]->IsTrue()) {
    owned = std::make_unique<OwnedQueue>();
    owned->queue = v8::MicrotaskQueue::New(isolate, v8::MicrotasksPolicy::kExplicit);
  }
  v8::Local<v8::Context> ctx = v8::Context::New(isolate, nullptr, global, {}, {}, owned ? owned->queue.get() : nullptr);
  if (ctx.IsEmpty()) return;
  ctx->SetSecurityToken(main->GetSecurityToken());
  ctx->SetAlignedPointerInEmbedderData(kContextRuntimeSlot, Runtime::From(main));
  ctx->SetAlignedPointerInEmbedderData(kVmMicrotaskQueueSlot, owned ? owned->queue.get() : nullptr);
  if (args[2]->IsFalse()) ctx->AllowCodeGenerationFromStrings(false);
  if (args[3]->IsFalse()) ctx->SetEmbedderData(kVmNoWasmSlot, v8::False(isolate));
  if (plain) sandbox = ctx->Global();
  if (sandbox->SetPrivate(main, ContextKey(isolate), ctx->Global()).IsNothing()) return;
  if (inspector::Agent* agent = inspector::Agent::Find(*Runtime::From(main)))
    agent->ContextCreated(ctx, ToStdString(isolate, args[1]));
  if (owned) {
    owned->sandbox.Reset(isolate, sandbox);
    v8::Global<v8::Object>& handle = owned->sandbox;
    OwnUntilCollected(isolate, std::move(owned), handle);
  }
  args.GetReturnValue().Set(sandbox);
}

bool AllowWasm(v8::Local<v8::Context> ctx, v8::Local<v8::String>) {
  if (ctx->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kVmNoWasmSlot)) return true;
  return !ctx->GetEmbedderData(kVmNoWasmSlot)->IsFalse();
}

void IsContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> ctx = args.GetIsolate()->GetCurrentContext();
  args.GetReturnValue().Set(args[0]->IsObject() && !GlobalProxyOf(ctx, args[0].As<v8::Object>()).IsEmpty());
}

// The context to run in: the sandbox's, or the caller's for null/undefined. Empty (and a thrown
// error) for an object that was never contextified.
v8::MaybeLocal<v8::Context> TargetContext(v8::Isolate* isolate, v8::Local<v8::Value> sandbox) {
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  if (!sandbox->IsObject()) return ctx;
  v8::Local<v8::Object> proxy;
  if (!GlobalProxyOf(ctx, sandbox.As<v8::Object>()).ToLocal(&proxy)) {
    isolate->ThrowException(v8::Exception::TypeError(OneByte(isolate, "sandbox is not contextified")));
    return {};
  }
  return proxy->GetCreationContext();
}

// An Error with a code, made in the current context (the vm context, as in Node).
void ThrowWithCode(v8::Isolate* isolate, const std::string& message, const char* code) {
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Value> err = v8::Exception::Error(v8::String::NewFromUtf8(isolate, message.c_str()).ToLocalChecked());
  err.As<v8::Object>()->Set(ctx, OneByte(isolate, "code"), OneByte(isolate, code)).Check();
  isolate->ThrowException(err);
}

struct RunOptions {
  int64_t timeout = -1;  // ms; negative: none
  bool display_errors = true;
  bool break_on_sigint = false;
};

// Runs `fn` in `ctx` with the vm options: a timeout, SIGINT breaking the run, the arrow put in
// front of a thrown error's stack (displayErrors) and the context's own microtasks after
// evaluation.
template <typename Fn>
void RunIn(const v8::FunctionCallbackInfo<v8::Value>& args, v8::Local<v8::Context> ctx, const RunOptions& options,
           Fn fn) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Context::Scope scope(ctx);
  v8::MaybeLocal<v8::Value> result;
  bool timed_out = false;
  bool interrupted = false;
  {
    v8::TryCatch tc(isolate);
    // The context's own microtasks run under the same watchdog.
    auto run = [&]() {
      result = fn(ctx);
      if (v8::MicrotaskQueue* q = QueueOf(ctx); q && !result.IsEmpty()) q->PerformCheckpoint(isolate);
    };
    {
      std::optional<TimeoutWatchdog> timer;
      std::optional<SigintWatchdog> sigint;
      if (options.timeout >= 0) timer.emplace(isolate, options.timeout);
      if (options.break_on_sigint) sigint.emplace(isolate);
      run();
      timed_out = timer && timer->Stop();
      interrupted = sigint && sigint->Stop();
    }
    // A fired watchdog stops the run even when V8 swallowed the termination (microtask
    // checkpoints do).
    if (timed_out || interrupted) {
    } else if (tc.HasCaught()) {
      // A termination that is not ours (an outer run's watchdog) keeps unwinding: rethrown, it
      // would become an exception JS could catch.
      if (tc.HasTerminated()) return;
      if (options.display_errors) DecorateErrorStack(isolate, tc.Exception(), tc.Message());
      tc.ReThrow();
      return;
    }
  }
  if (timed_out)
    return ThrowWithCode(isolate, fmt::format("Script execution timed out after {}ms", options.timeout),
                         "ERR_SCRIPT_EXECUTION_TIMEOUT");
  if (interrupted)
    return ThrowWithCode(isolate, "Script execution was interrupted by `SIGINT`", "ERR_SCRIPT_EXECUTION_INTERRUPTED");
  v8::Local<v8::Value> value;
  if (result.ToLocal(&value)) args.GetReturnValue().Set(value);
}

// ---- Scripts

ScriptHolder* HolderOf(v8::Local<v8::Object> self) {
  if (self->InternalFieldCount() < 1) return nullptr;
  return static_cast<ScriptHolder*>(self->GetAlignedPointerFromInternalField(0));
}

int32_t IntArg(v8::Local<v8::Context> ctx, v8::Local<v8::Value> v) {
  return v->IsNumber() ? v->Int32Value(ctx).FromMaybe(0) : 0;
}

// Source with origin and (optionally) code cache; the CachedData object is owned by the Source.
// The origin's host-defined options carry how import() inside the code behaves (see vm.js's
// importMode); the module loader's dynamic-import hook reads it back.
std::unique_ptr<v8::ScriptCompiler::Source> MakeSource(v8::Isolate* isolate, const v8::FunctionCallbackInfo<v8::Value>& args,
                                                       v8::Local<v8::Value> import_mode) {
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::PrimitiveArray> host_options = v8::PrimitiveArray::New(isolate, 1);
  host_options->Set(isolate, 0, v8::Integer::New(isolate, IntArg(ctx, import_mode)));
  v8::ScriptOrigin origin(isolate, args[1], IntArg(ctx, args[2]), IntArg(ctx, args[3]), false, -1, {}, false, false,
                          false, host_options);
  ByteSpan cache;
  v8::ScriptCompiler::CachedData* cached = nullptr;
  if (GetByteSpan(args[4], &cache))
    cached = new v8::ScriptCompiler::CachedData(reinterpret_cast<const uint8_t*>(cache.data),
                                                static_cast<int>(cache.length),
                                                v8::ScriptCompiler::CachedData::BufferNotOwned);
  return std::make_unique<v8::ScriptCompiler::Source>(args[0].As<v8::String>(), origin, cached);
}

// Sets cachedDataRejected (when data was given) and cachedData (when asked to produce it).
void ReportCache(v8::Local<v8::Object> target, v8::ScriptCompiler::Source& source,
                 std::unique_ptr<v8::ScriptCompiler::CachedData> produced) {
  v8::Isolate* isolate = target->GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  if (const v8::ScriptCompiler::CachedData* c = source.GetCachedData())
    target->Set(ctx, OneByte(isolate, "cachedDataRejected"), v8::Boolean::New(isolate, c->rejected)).Check();
  if (produced) {
    v8::Local<v8::Uint8Array> buf;
    if (NewBufferCopy(isolate, reinterpret_cast<const char*>(produced->data), static_cast<size_t>(produced->length))
            .ToLocal(&buf))
      target->Set(ctx, OneByte(isolate, "cachedData"), buf).Check();
    target->Set(ctx, OneByte(isolate, "cachedDataProduced"), v8::Boolean::New(isolate, true)).Check();
  }
}

// new ContextifyScript(code, filename, lineOffset, columnOffset, cachedData, produceCachedData, parsingSandbox,
//                      importMode)
void ScriptNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall() || !args[0]->IsString()) {
    isolate->ThrowException(v8::Exception::TypeError(OneByte(isolate, "ContextifyScript: bad arguments")));
    return;
  }
  v8::Local<v8::Context> parsing;
  if (!TargetContext(isolate, args[6]).ToLocal(&parsing)) return;
  std::unique_ptr<v8::ScriptCompiler::Source> source = MakeSource(isolate, args, args[7]);
  v8::Local<v8::UnboundScript> script;
  {
    v8::Context::Scope scope(parsing);
    auto options = source->GetCachedData() ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions;
    v8::TryCatch tc(isolate);
    if (!v8::ScriptCompiler::CompileUnboundScript(isolate, source.get(), options).ToLocal(&script)) {
      if (tc.HasTerminated()) return;  // an outer run's watchdog: keeps unwinding
      if (tc.HasCaught()) DecorateErrorStack(isolate, tc.Exception(), tc.Message());
      tc.ReThrow();
      return;
    }
  }
  std::unique_ptr<v8::ScriptCompiler::CachedData> produced;
  if (args[5]->IsTrue()) produced.reset(v8::ScriptCompiler::CreateCodeCache(script));
  v8::Local<v8::Object> self = args.This();
  ReportCache(self, *source, std::move(produced));
  v8::Local<v8::Value> map_url = script->GetSourceMappingURL();
  self->Set(isolate->GetCurrentContext(), OneByte(isolate, "sourceMapURL"),
            map_url->IsString() ? map_url : v8::Undefined(isolate).As<v8::Value>()).Check();
  auto holder = std::make_unique<ScriptHolder>();
  holder->script.Reset(isolate, script);
  holder->self.Reset(isolate, self);
  self->SetAlignedPointerInInternalField(0, holder.get());
  v8::Global<v8::Object>& handle = holder->self;
  OwnUntilCollected(isolate, std::move(holder), handle);
}

// script.runInContext(sandbox | null, timeout, displayErrors, breakOnSigint)
void ScriptRun(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ScriptHolder* holder = HolderOf(args.This());
  if (!holder) return;
  v8::Local<v8::Context> ctx;
  if (!TargetContext(isolate, args[0]).ToLocal(&ctx)) return;
  RunOptions options;
  options.timeout = args[1]->IsNumber() ? static_cast<int64_t>(args[1].As<v8::Number>()->Value()) : -1;
  options.display_errors = !args[2]->IsFalse();
  options.break_on_sigint = args[3]->IsTrue();
  v8::Local<v8::UnboundScript> unbound = holder->script.Get(isolate);
  RunIn(args, ctx, options, [&](v8::Local<v8::Context> c) -> v8::MaybeLocal<v8::Value> {
    return unbound->BindToCurrentContext()->Run(c);
  });
}

void ScriptCreateCachedData(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ScriptHolder* holder = HolderOf(args.This());
  if (!holder) return;
  std::unique_ptr<v8::ScriptCompiler::CachedData> data(v8::ScriptCompiler::CreateCodeCache(holder->script.Get(isolate)));
  v8::Local<v8::Uint8Array> buf;
  const char* bytes = data ? reinterpret_cast<const char*>(data->data) : "";
  if (NewBufferCopy(isolate, bytes, data ? static_cast<size_t>(data->length) : 0).ToLocal(&buf))
    args.GetReturnValue().Set(buf);
}

// compileFunction(code, filename, lineOffset, columnOffset, cachedData, produceCachedData,
//                 parsingSandbox, contextExtensions[], params[], importMode) -> { function, cachedData... }
void CompileFunctionIn(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> main = isolate->GetCurrentContext();
  v8::Local<v8::Context> parsing;
  if (!args[0]->IsString() || !TargetContext(isolate, args[6]).ToLocal(&parsing)) return;
  std::vector<v8::Local<v8::Object>> extensions;
  std::vector<v8::Local<v8::String>> params;
  auto each = [&](v8::Local<v8::Value> v, auto take) {
    if (!v->IsArray()) return;
    v8::Local<v8::Array> a = v.As<v8::Array>();
    for (uint32_t i = 0; i < a->Length(); i++) take(a->Get(main, i).ToLocalChecked());
  };
  each(args[7], [&](v8::Local<v8::Value> e) { if (e->IsObject()) extensions.push_back(e.As<v8::Object>()); });
  each(args[8], [&](v8::Local<v8::Value> e) { if (e->IsString()) params.push_back(e.As<v8::String>()); });
  std::unique_ptr<v8::ScriptCompiler::Source> source = MakeSource(isolate, args, args[9]);
  v8::Local<v8::Function> fn;
  {
    v8::Context::Scope scope(parsing);
    auto options = source->GetCachedData() ? v8::ScriptCompiler::kConsumeCodeCache : v8::ScriptCompiler::kNoCompileOptions;
    v8::TryCatch tc(isolate);
    if (!v8::ScriptCompiler::CompileFunction(parsing, source.get(), params.size(), params.data(), extensions.size(),
                                             extensions.data(), options)
             .ToLocal(&fn)) {
      if (tc.HasTerminated()) return;  // an outer run's watchdog: keeps unwinding
      if (tc.HasCaught()) DecorateErrorStack(isolate, tc.Exception(), tc.Message());
      tc.ReThrow();
      return;
    }
  }
  std::unique_ptr<v8::ScriptCompiler::CachedData> produced;
  if (args[5]->IsTrue()) produced.reset(v8::ScriptCompiler::CreateCodeCacheForFunction(fn));
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  result->Set(main, OneByte(isolate, "function"), fn).Check();
  ReportCache(result, *source, std::move(produced));
  args.GetReturnValue().Set(result);
}

// measureMemory(detailed) -> Promise of V8's report (what Node resolves with too).
// 'default' execution waits for V8's next scheduled GC, which in a small heap comes only after
// V8's fallback delay (~12 s here, where Node's busier startup heap collects at once): both
// modes start the measuring GC now.
void MeasureMemory(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(ctx).ToLocal(&resolver)) return;
  auto mode = args[0]->IsTrue() ? v8::MeasureMemoryMode::kDetailed : v8::MeasureMemoryMode::kSummary;
  isolate->MeasureMemory(v8::MeasureMemoryDelegate::Default(isolate, ctx, resolver, mode),
                         v8::MeasureMemoryExecution::kEager);
  args.GetReturnValue().Set(resolver->GetPromise());
}

void Init(Runtime& rt, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = ctx->GetIsolate();
  SetMethod(ctx, target, "makeContext", MakeContext);
  SetMethod(ctx, target, "isContext", IsContext);
  SetMethod(ctx, target, "compileFunction", CompileFunctionIn);
  SetMethod(ctx, target, "measureMemory", MeasureMemory);
  for (const void* fn : {reinterpret_cast<const void*>(GlobalGet), reinterpret_cast<const void*>(GlobalSet),
                         reinterpret_cast<const void*>(GlobalQuery), reinterpret_cast<const void*>(GlobalDelete),
                         reinterpret_cast<const void*>(GlobalKeys), reinterpret_cast<const void*>(GlobalDefine),
                         reinterpret_cast<const void*>(GlobalDescribe), reinterpret_cast<const void*>(IndexGet),
                         reinterpret_cast<const void*>(IndexSet), reinterpret_cast<const void*>(IndexQuery),
                         reinterpret_cast<const void*>(IndexDelete), reinterpret_cast<const void*>(IndexKeys),
                         reinterpret_cast<const void*>(IndexDefine), reinterpret_cast<const void*>(IndexDescribe)})
    rt.RecordExternalReference(fn);
  v8::Local<v8::FunctionTemplate> script = NewFunctionTemplate(ctx, ScriptNew);
  script->InstanceTemplate()->SetInternalFieldCount(1);
  v8::Local<v8::String> name = OneByte(isolate, "ContextifyScript");
  script->SetClassName(name);
  // Methods check their receiver ("Illegal invocation" on anything but a ContextifyScript).
  v8::Local<v8::Signature> signature = v8::Signature::New(isolate, script);
  for (auto [method, cb] : {std::pair<const char*, v8::FunctionCallback>{"runInContext", ScriptRun},
                            {"createCachedData", ScriptCreateCachedData}}) {
    rt.RecordExternalReference(reinterpret_cast<const void*>(cb));
    script->PrototypeTemplate()->Set(OneByte(isolate, method),
                                     v8::FunctionTemplate::New(isolate, cb, {}, signature, 0, v8::ConstructorBehavior::kThrow));
  }
  target->Set(ctx, name, script->GetFunction(ctx).ToLocalChecked()).Check();
  isolate->SetAllowWasmCodeGenerationCallback(AllowWasm);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(contextify, nodus::Init);
