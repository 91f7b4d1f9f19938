// internalBinding('serdes'): V8's ValueSerializer/ValueDeserializer behind structuredClone and
// v8.serialize/deserialize. Data-clone failures become DOMException('...', 'DataCloneError')
// through a factory that lib/internal/structured_clone.js installs.
#include <cstdlib>
#include <cstring>
#include <vector>

#include "bindings/binding_registry.h"
#include "bindings/buffer_util.h"
#include "runtime/runtime.h"

namespace nodus {
namespace {

// Throws DOMException(message, 'DataCloneError') through the factory JS passed in with the call
// (lib/internal/structured_clone.js), or a plain Error without one.
void ThrowCloneError(v8::Isolate* isolate, v8::Local<v8::Value> factory,
                     v8::Local<v8::String> message) {
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  if (factory->IsFunction()) {
    v8::Local<v8::Value> argv[] = {message};
    v8::Local<v8::Value> err;
    if (factory.As<v8::Function>()->Call(ctx, v8::Undefined(isolate), 1, argv).ToLocal(&err)) {
      isolate->ThrowException(err);
    }
    return;
  }
  isolate->ThrowException(v8::Exception::Error(message));
}

class SerializerDelegate final : public v8::ValueSerializer::Delegate {
 public:
  SerializerDelegate(v8::Isolate* isolate, v8::Local<v8::Value> factory)
      : isolate_(isolate), factory_(factory) {}

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    ThrowCloneError(isolate_, factory_, message);
  }

  // SharedArrayBuffers stay shared within the isolate: the id indexes `shared`.
  v8::Maybe<uint32_t> GetSharedArrayBufferId(v8::Isolate* isolate,
                                             v8::Local<v8::SharedArrayBuffer> sab) override {
    for (size_t i = 0; i < shared.size(); i++) {
      if (shared[i].Get(isolate) == sab) return v8::Just(static_cast<uint32_t>(i));
    }
    shared.emplace_back(isolate, sab);
    return v8::Just(static_cast<uint32_t>(shared.size() - 1));
  }

  std::vector<v8::Global<v8::SharedArrayBuffer>> shared;

 private:
  v8::Isolate* isolate_;
  v8::Local<v8::Value> factory_;
};

class DeserializerDelegate final : public v8::ValueDeserializer::Delegate {
 public:
  explicit DeserializerDelegate(std::vector<v8::Global<v8::SharedArrayBuffer>>* shared)
      : shared_(shared) {}

  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(v8::Isolate* isolate,
                                                                   uint32_t id) override {
    if (shared_ == nullptr || id >= shared_->size()) return {};
    return (*shared_)[id].Get(isolate);
  }

 private:
  std::vector<v8::Global<v8::SharedArrayBuffer>>* shared_;
};

// structuredClone(value, transferList: ArrayBuffer[] | undefined, makeCloneError)
void StructuredClone(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  SerializerDelegate sdelegate(isolate, args[2]);
  v8::ValueSerializer ser(isolate, &sdelegate);

  std::vector<v8::Local<v8::ArrayBuffer>> transfers;
  if (args[1]->IsArray()) {
    v8::Local<v8::Array> list = args[1].As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      v8::Local<v8::Value> item;
      if (!list->Get(ctx, i).ToLocal(&item)) return;
      if (!item->IsArrayBuffer()) {
        ThrowCloneError(isolate, args[2], OneByte(isolate, "Value not transferable"));
        return;
      }
      v8::Local<v8::ArrayBuffer> ab = item.As<v8::ArrayBuffer>();
      for (auto& t : transfers) {
        if (t == ab) {
          ThrowCloneError(isolate, args[2],
                          OneByte(isolate, "Transfer list contains duplicate ArrayBuffer"));
          return;
        }
      }
      if (!ab->IsDetachable() || (ab->ByteLength() > 0 && ab->Data() == nullptr)) {
        ThrowCloneError(isolate, args[2], OneByte(isolate, "An ArrayBuffer is detached and could not "
                                                  "be cloned."));
        return;
      }
      ser.TransferArrayBuffer(static_cast<uint32_t>(transfers.size()), ab);
      transfers.push_back(ab);
    }
  }

  ser.WriteHeader();
  if (ser.WriteValue(ctx, args[0]).IsNothing()) return;
  std::pair<uint8_t*, size_t> data = ser.Release();

  // Move each transferred buffer's memory into a fresh ArrayBuffer and detach the original.
  std::vector<v8::Local<v8::ArrayBuffer>> moved;
  for (auto& ab : transfers) {
    std::shared_ptr<v8::BackingStore> store = ab->GetBackingStore();
    ab->Detach();
    moved.push_back(v8::ArrayBuffer::New(isolate, std::move(store)));
  }

  DeserializerDelegate ddelegate(&sdelegate.shared);
  v8::ValueDeserializer des(isolate, data.first, data.second, &ddelegate);
  for (size_t i = 0; i < moved.size(); i++) des.TransferArrayBuffer(static_cast<uint32_t>(i), moved[i]);
  v8::Local<v8::Value> result;
  bool ok = des.ReadHeader(ctx).FromMaybe(false) && des.ReadValue(ctx).ToLocal(&result);
  std::free(data.first);
  if (ok) args.GetReturnValue().Set(result);
}

// serialize(value, makeCloneError) -> Buffer (V8's wire format with header)
void Serialize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  SerializerDelegate delegate(isolate, args[1]);
  v8::ValueSerializer ser(isolate, &delegate);
  ser.WriteHeader();
  if (ser.WriteValue(ctx, args[0]).IsNothing()) return;
  std::pair<uint8_t*, size_t> data = ser.Release();
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      data.first, data.second, [](void* p, size_t, void*) { std::free(p); }, nullptr);
  v8::Local<v8::Uint8Array> buf;
  if (NewBuffer(isolate, std::move(store), 0, data.second).ToLocal(&buf))
    args.GetReturnValue().Set(buf);
}

// deserialize(bytes) -> value
void Deserialize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> ctx = isolate->GetCurrentContext();
  ByteSpan span;
  if (!GetByteSpan(args[0], &span)) {
    isolate->ThrowException(v8::Exception::TypeError(
        OneByte(isolate, "buffer must be a TypedArray or a DataView")));
    return;
  }
  DeserializerDelegate delegate(nullptr);
  v8::ValueDeserializer des(isolate, reinterpret_cast<const uint8_t*>(span.data), span.length,
                            &delegate);
  if (!des.ReadHeader(ctx).FromMaybe(false)) return;
  v8::Local<v8::Value> result;
  if (des.ReadValue(ctx).ToLocal(&result)) args.GetReturnValue().Set(result);
}

void Init(Runtime&, v8::Local<v8::Context> ctx, v8::Local<v8::Object> target) {
  SetMethod(ctx, target, "structuredClone", StructuredClone);
  SetMethod(ctx, target, "serialize", Serialize);
  SetMethod(ctx, target, "deserialize", Deserialize);
}

}  // namespace
}  // namespace nodus

NODUS_BINDING(serdes, nodus::Init);
