// Node Buffers: Uint8Arrays whose prototype is Buffer.prototype. Copies, external memory
// (finalized like external ArrayBuffers) and zero-copy views over existing ArrayBuffers.
#include <cstdlib>
#include <cstring>

#include "napi/references.h"

using nodus::napi::ClearError;
using nodus::napi::SetError;
using nodus::napi::ThrowCodedError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

namespace nodus::napi {
v8::Local<v8::ArrayBuffer> NewExternalArrayBuffer(napi_env env, void* data, size_t length,
                                                  napi_finalize finalize_cb, void* hint);
}

namespace {

// Node's kMaxLength for Buffers (v8::TypedArray::kMaxLength on 64-bit).
constexpr size_t kMaxBufferLength = v8::TypedArray::kMaxLength;

v8::Local<v8::Uint8Array> AsBuffer(napi_env env, v8::Local<v8::ArrayBuffer> ab, size_t offset,
                                   size_t length) {
  v8::Local<v8::Uint8Array> array = v8::Uint8Array::New(ab, offset, length);
  v8::Local<v8::Object> proto = nodus::napi::BufferPrototype(env);
  if (!proto.IsEmpty()) array->SetPrototype(env->context(), proto).FromMaybe(false);
  return array;
}

// A new Buffer of `length` bytes (uninitialized, like Buffer.allocUnsafe).
napi_status NewBuffer(napi_env env, size_t length, void** data, v8::Local<v8::Uint8Array>* out) {
  if (length > kMaxBufferLength) {
    ThrowCodedError(env, v8::Exception::RangeError, "ERR_BUFFER_TOO_LARGE",
                    "Cannot create a Buffer larger than the maximum length");
    return SetError(env, napi_pending_exception);
  }
  std::unique_ptr<v8::BackingStore> store;
  if (length == 0) {
    store = v8::ArrayBuffer::NewBackingStore(env->isolate, 0);
  } else {
    void* memory = std::malloc(length);
    if (memory == nullptr) {
      ThrowCodedError(env, v8::Exception::RangeError, "ERR_MEMORY_ALLOCATION_FAILED",
                      "Buffer allocation failed");
      return SetError(env, napi_pending_exception);
    }
    store = v8::ArrayBuffer::NewBackingStore(
        memory, length, [](void* p, size_t, void*) { std::free(p); }, nullptr);
  }
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(env->isolate, std::move(store));
  if (data != nullptr) *data = ab->Data();
  *out = AsBuffer(env, ab, 0, length);
  return napi_ok;
}

}  // namespace

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_create_buffer(napi_env env, size_t length, void** data,
                                                      napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Uint8Array> buffer;
  napi_status status = NewBuffer(env, length, data, &buffer);
  if (status != napi_ok) return status;
  *result = ToNapi(buffer);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_buffer_copy(napi_env env, size_t length,
                                                           const void* data, void** result_data,
                                                           napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  if (length > 0) NAPI_CHECK_ARG(env, data);
  void* copy = nullptr;
  v8::Local<v8::Uint8Array> buffer;
  napi_status status = NewBuffer(env, length, &copy, &buffer);
  if (status != napi_ok) return status;
  if (length > 0) std::memcpy(copy, data, length);
  if (result_data != nullptr) *result_data = copy;
  *result = ToNapi(buffer);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_external_buffer(
    napi_env env, size_t length, void* data, node_api_basic_finalize finalize_cb,
    void* finalize_hint, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  if (length > kMaxBufferLength) {
    ThrowCodedError(env, v8::Exception::RangeError, "ERR_BUFFER_TOO_LARGE",
                    "Cannot create a Buffer larger than the maximum length");
    return SetError(env, napi_pending_exception);
  }
  v8::Local<v8::ArrayBuffer> ab = nodus::napi::NewExternalArrayBuffer(
      env, data, length, reinterpret_cast<napi_finalize>(finalize_cb), finalize_hint);
  *result = ToNapi(AsBuffer(env, ab, 0, length));
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL node_api_create_buffer_from_arraybuffer(
    napi_env env, napi_value arraybuffer, size_t byte_offset, size_t byte_length,
    napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> value = ToV8(arraybuffer);
  NAPI_RETURN_IF_FALSE(env, value->IsArrayBuffer(), napi_arraybuffer_expected);
  v8::Local<v8::ArrayBuffer> ab = value.As<v8::ArrayBuffer>();
  if (byte_offset > ab->ByteLength() || byte_length > ab->ByteLength() - byte_offset) {
    ThrowCodedError(env, v8::Exception::RangeError, "ERR_OUT_OF_RANGE",
                    "The byte offset + length is out of range");
    return SetError(env, napi_pending_exception);
  }
  *result = ToNapi(AsBuffer(env, ab, byte_offset, byte_length));
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_is_buffer(napi_env env, napi_value value,
                                                  bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  // Node counts every ArrayBufferView (TypedArray or DataView) as a buffer.
  *result = ToV8(value)->IsArrayBufferView();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_buffer_info(napi_env env, napi_value value,
                                                        void** data, size_t* length) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  v8::Local<v8::Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsArrayBufferView(), napi_invalid_arg);
  v8::Local<v8::ArrayBufferView> view = v.As<v8::ArrayBufferView>();
  if (data != nullptr) {
    auto* base = static_cast<uint8_t*>(view->Buffer()->Data());
    *data = base != nullptr ? base + view->ByteOffset() : nullptr;
  }
  if (length != nullptr) *length = view->ByteLength();
  return ClearError(env);
}

}  // extern "C"
