// internalBinding('util'): what util.inspect and util.types need to see inside V8 objects —
// promise state, proxy target, Map/Set/iterator entries, internal type tags.
#include <cstdint>

#include "bindings/binding_registry.h"

namespace nodus {
namespace {

void GetPromiseDetails(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsPromise()) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Promise> promise = args[0].As<v8::Promise>();
  const v8::Promise::PromiseState state = promise->State();
  v8::Local<v8::Value> values[2] = {v8::Integer::New(isolate, state)};
  int n = 1;
  if (state != v8::Promise::PromiseState::kPending) values[n++] = promise->Result();
  args.GetReturnValue().Set(v8::Array::New(isolate, values, n));
}

// (value, fetchFull = true): undefined for non-proxies; [target, handler] or just the target.
void GetProxyDetails(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsProxy()) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Proxy> proxy = args[0].As<v8::Proxy>();
  const bool full = args.Length() < 2 || args[1]->BooleanValue(isolate);
  if (full) {
    v8::Local<v8::Value> values[2] = {proxy->GetTarget(), proxy->GetHandler()};
    args.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
  } else {
    args.GetReturnValue().Set(proxy->GetTarget());
  }
}

// (object, isIterator): the entries of a Map/Set/WeakMap/WeakSet or of an iterator over one.
// For iterators the answer is [entries, isKeyValue].
void PreviewEntries(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsObject()) return;
  v8::Isolate* isolate = args.GetIsolate();
  bool is_key_value = false;
  v8::Local<v8::Array> entries;
  if (!args[0].As<v8::Object>()->PreviewEntries(&is_key_value).ToLocal(&entries)) return;
  if (args.Length() < 2 || !args[1]->BooleanValue(isolate)) {
    args.GetReturnValue().Set(entries);
    return;
  }
  v8::Local<v8::Value> values[2] = {entries, v8::Boolean::New(isolate, is_key_value)};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

void GetOwnNonIndexProperties(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsObject()) return;
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  const uint32_t filter = args[1]->IsUint32() ? args[1].As<v8::Uint32>()->Value() : 0;
  v8::Local<v8::Array> names;
  if (!args[0].As<v8::Object>()
           ->GetPropertyNames(context, v8::KeyCollectionMode::kOwnOnly,
                              static_cast<v8::PropertyFilter>(filter),
                              v8::IndexFilter::kSkipIndices)
           .ToLocal(&names)) {
    return;
  }
  args.GetReturnValue().Set(names);
}

void GetConstructorName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsObject()) return;
  args.GetReturnValue().Set(args[0].As<v8::Object>()->GetConstructorName());
}

void GetExternalValue(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsExternal()) return;
  const auto address = reinterpret_cast<uintptr_t>(args[0].As<v8::External>()->Value());
  args.GetReturnValue().Set(v8::BigInt::NewFromUnsigned(args.GetIsolate(), address));
}

#define NODUS_TYPE_CHECKS(V)                                                   \
  V(isExternal, IsExternal)                                                    \
  V(isDate, IsDate)                                                            \
  V(isArgumentsObject, IsArgumentsObject)                                      \
  V(isBigIntObject, IsBigIntObject)                                            \
  V(isBooleanObject, IsBooleanObject)                                          \
  V(isNumberObject, IsNumberObject)                                            \
  V(isStringObject, IsStringObject)                                            \
  V(isSymbolObject, IsSymbolObject)                                            \
  V(isNativeError, IsNativeError)                                              \
  V(isRegExp, IsRegExp)                                                        \
  V(isAsyncFunction, IsAsyncFunction)                                          \
  V(isGeneratorFunction, IsGeneratorFunction)                                  \
  V(isGeneratorObject, IsGeneratorObject)                                      \
  V(isPromise, IsPromise)                                                      \
  V(isMap, IsMap)                                                              \
  V(isSet, IsSet)                                                              \
  V(isMapIterator, IsMapIterator)                                              \
  V(isSetIterator, IsSetIterator)                                              \
  V(isWeakMap, IsWeakMap)                                                      \
  V(isWeakSet, IsWeakSet)                                                      \
  V(isArrayBuffer, IsArrayBuffer)                                              \
  V(isDataView, IsDataView)                                                    \
  V(isSharedArrayBuffer, IsSharedArrayBuffer)                                  \
  V(isProxy, IsProxy)                                                          \
  V(isModuleNamespaceObject, IsModuleNamespaceObject)                          \
  V(isArrayBufferView, IsArrayBufferView)                                      \
  V(isTypedArray, IsTypedArray)                                                \
  V(isUint8Array, IsUint8Array)

#define NODUS_DEFINE_CHECK(js_name, method)                                    \
  void js_name(const v8::FunctionCallbackInfo<v8::Value>& args) {              \
    args.GetReturnValue().Set(args[0]->method());                              \
  }
NODUS_TYPE_CHECKS(NODUS_DEFINE_CHECK)
#undef NODUS_DEFINE_CHECK

void isAnyArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(args[0]->IsArrayBuffer() || args[0]->IsSharedArrayBuffer());
}

void isBoxedPrimitive(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Value> v = args[0];
  args.GetReturnValue().Set(v->IsNumberObject() || v->IsStringObject() || v->IsBooleanObject() ||
                            v->IsBigIntObject() || v->IsSymbolObject());
}

void Init(Runtime&, v8::Local<v8::Context> context, v8::Local<v8::Object> target) {
  v8::Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "getPromiseDetails", GetPromiseDetails);
  SetMethod(context, target, "getProxyDetails", GetProxyDetails);
  SetMethod(context, target, "previewEntries", PreviewEntries);
  SetMethod(context, target, "getOwnNonIndexProperties", GetOwnNonIndexProperties);
  SetMethod(context, target, "getConstructorName", GetConstructorName);
  SetMethod(context, target, "getExternalValue", GetExternalValue);
#define NODUS_SET_CHECK(js_name, method) SetMethod(context, target, #js_name, js_name);
  NODUS_TYPE_CHECKS(NODUS_SET_CHECK)
#undef NODUS_SET_CHECK
  SetMethod(context, target, "isAnyArrayBuffer", isAnyArrayBuffer);
  SetMethod(context, target, "isBoxedPrimitive", isBoxedPrimitive);

  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  auto set = [&](const char* name, int value) {
    constants->Set(context, OneByte(isolate, name), v8::Integer::New(isolate, value)).Check();
  };
  set("kPending", v8::Promise::PromiseState::kPending);
  set("kFulfilled", v8::Promise::PromiseState::kFulfilled);
  set("kRejected", v8::Promise::PromiseState::kRejected);
  set("ALL_PROPERTIES", v8::PropertyFilter::ALL_PROPERTIES);
  set("ONLY_WRITABLE", v8::PropertyFilter::ONLY_WRITABLE);
  set("ONLY_ENUMERABLE", v8::PropertyFilter::ONLY_ENUMERABLE);
  set("ONLY_CONFIGURABLE", v8::PropertyFilter::ONLY_CONFIGURABLE);
  set("SKIP_STRINGS", v8::PropertyFilter::SKIP_STRINGS);
  set("SKIP_SYMBOLS", v8::PropertyFilter::SKIP_SYMBOLS);
  target->Set(context, OneByte(isolate, "constants"), constants).Check();
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(util, nodus::Init);
