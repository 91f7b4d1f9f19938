// Making real Buffers from native code (Node-API's napi_create_buffer, fs reads) and reading the
// bytes behind any ArrayBufferView. Buffer.prototype is handed to the kernel by lib/buffer.js
// (internalBinding('buffer').setBufferPrototype) when the buffer module loads.
#pragma once

#include <v8.h>

#include <cstddef>
#include <memory>

namespace nodus {

// Context embedder-data slot holding Buffer.prototype (set by lib/buffer.js).
constexpr int kContextBufferPrototypeSlot = 34;

// A Uint8Array over [offset, offset + length) of `store` whose prototype is Buffer.prototype.
v8::MaybeLocal<v8::Uint8Array> NewBuffer(v8::Isolate* isolate,
                                         std::shared_ptr<v8::BackingStore> store, size_t offset,
                                         size_t length);
// A Buffer holding a copy of data[0..length).
v8::MaybeLocal<v8::Uint8Array> NewBufferCopy(v8::Isolate* isolate, const char* data,
                                             size_t length);
// A Buffer of `length` uninitialised bytes.
v8::MaybeLocal<v8::Uint8Array> NewBufferUninitialized(v8::Isolate* isolate, size_t length);

// Buffer.prototype of the isolate's current context (loads lib/buffer.js through the global
// Buffer if it has not run yet; empty if that fails).
v8::Local<v8::Object> GetBufferPrototype(v8::Isolate* isolate);

// The bytes behind an ArrayBufferView, ArrayBuffer or SharedArrayBuffer.
struct ByteSpan {
  char* data = nullptr;
  size_t length = 0;
};
bool GetByteSpan(v8::Local<v8::Value> value, ByteSpan* out);

}  // namespace nodus
