// ArrayBuffers (plain, external, detachable), TypedArrays and DataViews.
#include <cstdlib>

#include "napi/references.h"

using nodus::napi::ClearError;
using nodus::napi::FailedCall;
using nodus::napi::Reference;
using nodus::napi::SetError;
using nodus::napi::ThrowCodedError;
using nodus::napi::ToNapi;
using nodus::napi::ToV8;

namespace nodus::napi {

// An ArrayBuffer over addon memory. The finalizer follows the ArrayBuffer object (not the backing
// store), so it runs at a safe point after GC or at environment teardown.
v8::Local<v8::ArrayBuffer> NewExternalArrayBuffer(napi_env env, void* data, size_t length,
                                                  napi_finalize finalize_cb, void* hint) {
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      data, length, v8::BackingStore::EmptyDeleter, nullptr);
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(env->isolate, std::move(store));
  if (finalize_cb != nullptr) {
    Reference::New(env, buffer, 0, Reference::Ownership::kRuntime, finalize_cb, data, hint);
  }
  return buffer;
}

}  // namespace nodus::napi

namespace {

struct TypedArrayKind {
  napi_typedarray_type type;
  size_t element_size;
  const char* name;
};

constexpr TypedArrayKind kKinds[] = {
    {napi_int8_array, 1, "Int8Array"},
    {napi_uint8_array, 1, "Uint8Array"},
    {napi_uint8_clamped_array, 1, "Uint8ClampedArray"},
    {napi_int16_array, 2, "Int16Array"},
    {napi_uint16_array, 2, "Uint16Array"},
    {napi_int32_array, 4, "Int32Array"},
    {napi_uint32_array, 4, "Uint32Array"},
    {napi_float32_array, 4, "Float32Array"},
    {napi_float64_array, 8, "Float64Array"},
    {napi_bigint64_array, 8, "BigInt64Array"},
    {napi_biguint64_array, 8, "BigUint64Array"},
};

v8::Local<v8::TypedArray> MakeTypedArray(napi_typedarray_type type,
                                         v8::Local<v8::ArrayBuffer> ab, size_t offset,
                                         size_t length) {
  switch (type) {
    case napi_int8_array: return v8::Int8Array::New(ab, offset, length);
    case napi_uint8_array: return v8::Uint8Array::New(ab, offset, length);
    case napi_uint8_clamped_array: return v8::Uint8ClampedArray::New(ab, offset, length);
    case napi_int16_array: return v8::Int16Array::New(ab, offset, length);
    case napi_uint16_array: return v8::Uint16Array::New(ab, offset, length);
    case napi_int32_array: return v8::Int32Array::New(ab, offset, length);
    case napi_uint32_array: return v8::Uint32Array::New(ab, offset, length);
    case napi_float32_array: return v8::Float32Array::New(ab, offset, length);
    case napi_float64_array: return v8::Float64Array::New(ab, offset, length);
    case napi_bigint64_array: return v8::BigInt64Array::New(ab, offset, length);
    case napi_biguint64_array: return v8::BigUint64Array::New(ab, offset, length);
    default: return {};
  }
}

napi_typedarray_type TypeOf(v8::Local<v8::TypedArray> array) {
  if (array->IsInt8Array()) return napi_int8_array;
  if (array->IsUint8Array()) return napi_uint8_array;
  if (array->IsUint8ClampedArray()) return napi_uint8_clamped_array;
  if (array->IsInt16Array()) return napi_int16_array;
  if (array->IsUint16Array()) return napi_uint16_array;
  if (array->IsInt32Array()) return napi_int32_array;
  if (array->IsUint32Array()) return napi_uint32_array;
  if (array->IsFloat32Array()) return napi_float32_array;
  if (array->IsFloat64Array()) return napi_float64_array;
  if (array->IsBigInt64Array()) return napi_bigint64_array;
  return napi_biguint64_array;
}

}  // namespace

extern "C" {

NAPI_EXTERN napi_status NAPI_CDECL napi_is_arraybuffer(napi_env env, napi_value value,
                                                       bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsArrayBuffer();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_arraybuffer(napi_env env, size_t byte_length,
                                                           void** data, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  // Allocated here so that a failed allocation is an exception, not V8's fatal OOM abort.
  std::unique_ptr<v8::BackingStore> store;
  if (byte_length == 0) {
    store = v8::ArrayBuffer::NewBackingStore(env->isolate, 0);
  } else {
    void* memory = std::calloc(byte_length, 1);
    if (memory == nullptr) {
      ThrowCodedError(env, v8::Exception::RangeError, "ERR_MEMORY_ALLOCATION_FAILED",
                      "Array buffer allocation failed");
      return SetError(env, napi_pending_exception);
    }
    store = v8::ArrayBuffer::NewBackingStore(
        memory, byte_length, [](void* p, size_t, void*) { std::free(p); }, nullptr);
  }
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(env->isolate, std::move(store));
  if (data != nullptr) *data = buffer->Data();
  *result = ToNapi(buffer);
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_external_arraybuffer(
    napi_env env, void* external_data, size_t byte_length, node_api_basic_finalize finalize_cb,
    void* finalize_hint, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(nodus::napi::NewExternalArrayBuffer(
      env, external_data, byte_length, reinterpret_cast<napi_finalize>(finalize_cb),
      finalize_hint));
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_arraybuffer_info(napi_env env,
                                                             napi_value arraybuffer,
                                                             void** data, size_t* byte_length) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  v8::Local<v8::Value> value = ToV8(arraybuffer);
  NAPI_RETURN_IF_FALSE(env, value->IsArrayBuffer(), napi_invalid_arg);
  v8::Local<v8::ArrayBuffer> buffer = value.As<v8::ArrayBuffer>();
  if (data != nullptr) *data = buffer->Data();
  if (byte_length != nullptr) *byte_length = buffer->ByteLength();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_detach_arraybuffer(napi_env env,
                                                           napi_value arraybuffer) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  v8::Local<v8::Value> value = ToV8(arraybuffer);
  NAPI_RETURN_IF_FALSE(env, value->IsArrayBuffer(), napi_arraybuffer_expected);
  v8::Local<v8::ArrayBuffer> buffer = value.As<v8::ArrayBuffer>();
  NAPI_RETURN_IF_FALSE(env, buffer->IsDetachable(), napi_detachable_arraybuffer_expected);
  buffer->Detach();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_is_detached_arraybuffer(napi_env env, napi_value value,
                                                                bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = ToV8(value);
  *result = v->IsArrayBuffer() && v.As<v8::ArrayBuffer>()->WasDetached();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_is_typedarray(napi_env env, napi_value value,
                                                      bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsTypedArray();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_typedarray(napi_env env,
                                                          napi_typedarray_type type,
                                                          size_t length, napi_value arraybuffer,
                                                          size_t byte_offset,
                                                          napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> value = ToV8(arraybuffer);
  NAPI_RETURN_IF_FALSE(env, value->IsArrayBuffer(), napi_invalid_arg);
  v8::Local<v8::ArrayBuffer> buffer = value.As<v8::ArrayBuffer>();
  const TypedArrayKind* kind = nullptr;
  for (const TypedArrayKind& k : kKinds) {
    if (k.type == type) kind = &k;
  }
  NAPI_RETURN_IF_FALSE(env, kind != nullptr, napi_invalid_arg);
  if (byte_offset % kind->element_size != 0) {
    std::string message = std::string("start offset of ") + kind->name +
                          " should be a multiple of " + std::to_string(kind->element_size);
    ThrowCodedError(env, v8::Exception::RangeError, "ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT",
                    message.c_str());
    return SetError(env, napi_pending_exception);
  }
  if (length > (SIZE_MAX - byte_offset) / kind->element_size ||
      length * kind->element_size + byte_offset > buffer->ByteLength()) {
    ThrowCodedError(env, v8::Exception::RangeError, "ERR_NAPI_INVALID_TYPEDARRAY_LENGTH",
                    "Invalid typed array length");
    return SetError(env, napi_pending_exception);
  }
  *result = ToNapi(MakeTypedArray(type, buffer, byte_offset, length));
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_typedarray_info(napi_env env, napi_value typedarray,
                                                            napi_typedarray_type* type,
                                                            size_t* length, void** data,
                                                            napi_value* arraybuffer,
                                                            size_t* byte_offset) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, typedarray);
  v8::Local<v8::Value> value = ToV8(typedarray);
  NAPI_RETURN_IF_FALSE(env, value->IsTypedArray(), napi_invalid_arg);
  v8::Local<v8::TypedArray> array = value.As<v8::TypedArray>();
  if (type != nullptr) *type = TypeOf(array);
  if (length != nullptr) *length = array->Length();
  if (data != nullptr || arraybuffer != nullptr) {
    v8::Local<v8::ArrayBuffer> buffer = array->Buffer();
    if (data != nullptr) {
      auto* base = static_cast<uint8_t*>(buffer->Data());
      *data = base != nullptr ? base + array->ByteOffset() : nullptr;
    }
    if (arraybuffer != nullptr) *arraybuffer = ToNapi(buffer);
  }
  if (byte_offset != nullptr) *byte_offset = array->ByteOffset();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_create_dataview(napi_env env, size_t byte_length,
                                                        napi_value arraybuffer,
                                                        size_t byte_offset, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  NAPI_CHECK_ARG(env, result);
  v8::Local<v8::Value> value = ToV8(arraybuffer);
  NAPI_RETURN_IF_FALSE(env, value->IsArrayBuffer(), napi_invalid_arg);
  v8::Local<v8::ArrayBuffer> buffer = value.As<v8::ArrayBuffer>();
  if (byte_length > buffer->ByteLength() || byte_offset > buffer->ByteLength() - byte_length) {
    ThrowCodedError(env, v8::Exception::RangeError, "ERR_NAPI_INVALID_DATAVIEW_ARGS",
                    "byte_offset + byte_length should be less than or equal to the size in "
                    "bytes of the array passed in");
    return SetError(env, napi_pending_exception);
  }
  *result = ToNapi(v8::DataView::New(buffer, byte_offset, byte_length));
  NAPI_RETURN_STATUS(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_is_dataview(napi_env env, napi_value value,
                                                    bool* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsDataView();
  return ClearError(env);
}

NAPI_EXTERN napi_status NAPI_CDECL napi_get_dataview_info(napi_env env, napi_value dataview,
                                                          size_t* bytelength, void** data,
                                                          napi_value* arraybuffer,
                                                          size_t* byte_offset) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, dataview);
  v8::Local<v8::Value> value = ToV8(dataview);
  NAPI_RETURN_IF_FALSE(env, value->IsDataView(), napi_invalid_arg);
  v8::Local<v8::DataView> view = value.As<v8::DataView>();
  if (bytelength != nullptr) *bytelength = view->ByteLength();
  if (data != nullptr || arraybuffer != nullptr) {
    v8::Local<v8::ArrayBuffer> buffer = view->Buffer();
    if (data != nullptr) {
      auto* base = static_cast<uint8_t*>(buffer->Data());
      *data = base != nullptr ? base + view->ByteOffset() : nullptr;
    }
    if (arraybuffer != nullptr) *arraybuffer = ToNapi(buffer);
  }
  if (byte_offset != nullptr) *byte_offset = view->ByteOffset();
  return ClearError(env);
}

}  // extern "C"
