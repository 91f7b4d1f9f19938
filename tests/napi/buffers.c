/* Binary data: ArrayBuffers (plain, external, detachable), TypedArrays, DataViews, Buffers. */
#include "test_common.h"

static int finalized = 0;

static void FreeData(napi_env env, void* data, void* hint) {
  finalized++;
  free(data);
}

static napi_value Finalized(napi_env env, napi_callback_info info) {
  return MakeInt(env, finalized);
}

static napi_value NewArrayBuffer(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  uint32_t n;
  void* data;
  napi_value out;
  bool is;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[0], &n));
  NAPI_CALL(env, napi_create_arraybuffer(env, n, &data, &out));
  for (uint32_t i = 0; i < n; i++) ((uint8_t*)data)[i] = (uint8_t)i;
  NAPI_CALL(env, napi_is_arraybuffer(env, out, &is));
  NAPI_ASSERT(env, is, "is_arraybuffer");
  return out;
}

static napi_value ExternalArrayBuffer(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  uint32_t n;
  napi_value out;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[0], &n));
  uint8_t* data = malloc(n ? n : 1);
  for (uint32_t i = 0; i < n; i++) data[i] = (uint8_t)('a' + i % 26);
  NAPI_CALL(env, napi_create_external_arraybuffer(env, data, n, FreeData, NULL, &out));
  return out;
}

static napi_value ArrayBufferInfo(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  void* data;
  size_t len;
  napi_value arr;
  NAPI_CALL(env, napi_get_arraybuffer_info(env, argv[0], &data, &len));
  NAPI_CALL(env, napi_create_array(env, &arr));
  napi_set_element(env, arr, 0, MakeInt(env, (int32_t)len));
  napi_set_element(env, arr, 1, MakeInt(env, len ? ((uint8_t*)data)[len - 1] : -1));
  return arr;
}

static napi_value Detach(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  return MakeInt(env, napi_detach_arraybuffer(env, argv[0]));
}

static napi_value IsDetached(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  bool r;
  NAPI_CALL(env, napi_is_detached_arraybuffer(env, argv[0], &r));
  return MakeBool(env, r);
}

static napi_value TypedArray(napi_env env, napi_callback_info info) {
  /* typedArray(type, arraybuffer, byteOffset, length) */
  GET_ARGS(env, info, 4);
  uint32_t type, offset, length;
  napi_value out;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[0], &type));
  NAPI_CALL(env, napi_get_value_uint32(env, argv[2], &offset));
  NAPI_CALL(env, napi_get_value_uint32(env, argv[3], &length));
  NAPI_CALL(env, napi_create_typedarray(env, (napi_typedarray_type)type, length, argv[1], offset, &out));
  return out;
}

static napi_value TypedArrayInfo(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  napi_typedarray_type type;
  size_t length, offset;
  void* data;
  napi_value ab, out;
  bool is;
  NAPI_CALL(env, napi_is_typedarray(env, argv[0], &is));
  if (!is) return MakeBool(env, false);
  NAPI_CALL(env, napi_get_typedarray_info(env, argv[0], &type, &length, &data, &ab, &offset));
  NAPI_CALL(env, napi_create_object(env, &out));
  SetNamedInt(env, out, "type", type);
  SetNamedInt(env, out, "length", (int32_t)length);
  SetNamedInt(env, out, "byteOffset", (int32_t)offset);
  SetNamedInt(env, out, "firstByte", length ? *(uint8_t*)data : -1);
  napi_set_named_property(env, out, "buffer", ab);
  return out;
}

static napi_value DataView(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 3);
  uint32_t offset, length;
  napi_value out;
  bool is;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &offset));
  NAPI_CALL(env, napi_get_value_uint32(env, argv[2], &length));
  NAPI_CALL(env, napi_create_dataview(env, length, argv[0], offset, &out));
  NAPI_CALL(env, napi_is_dataview(env, out, &is));
  NAPI_ASSERT(env, is, "is_dataview");
  return out;
}

static napi_value DataViewInfo(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  size_t length, offset;
  void* data;
  napi_value ab, out;
  NAPI_CALL(env, napi_get_dataview_info(env, argv[0], &length, &data, &ab, &offset));
  NAPI_CALL(env, napi_create_object(env, &out));
  SetNamedInt(env, out, "byteLength", (int32_t)length);
  SetNamedInt(env, out, "byteOffset", (int32_t)offset);
  SetNamedInt(env, out, "firstByte", length ? *(uint8_t*)data : -1);
  napi_set_named_property(env, out, "buffer", ab);
  return out;
}

static napi_value NewBuffer(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  uint32_t n;
  void* data;
  napi_value out;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[0], &n));
  NAPI_CALL(env, napi_create_buffer(env, n, &data, &out));
  memset(data, 'z', n);
  return out;
}

static napi_value BufferCopy(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  char text[256];
  size_t len;
  void* copy;
  napi_value out;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], text, sizeof text, &len));
  NAPI_CALL(env, napi_create_buffer_copy(env, len, text, &copy, &out));
  NAPI_ASSERT(env, copy != text && memcmp(copy, text, len) == 0, "copied");
  return out;
}

static napi_value ExternalBuffer(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 1);
  size_t len;
  napi_value out;
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], NULL, 0, &len));
  char* text = malloc(len + 1);
  NAPI_CALL(env, napi_get_value_string_utf8(env, argv[0], text, len + 1, &len));
  NAPI_CALL(env, napi_create_external_buffer(env, len, text, FreeData, NULL, &out));
  return out;
}

static napi_value BufferInfo(napi_env env, napi_callback_info info) {
  /* Returns the bytes as a latin1 string, read through napi_get_buffer_info (zero copy). */
  GET_ARGS(env, info, 1);
  void* data;
  size_t len;
  bool is;
  napi_value out;
  NAPI_CALL(env, napi_is_buffer(env, argv[0], &is));
  if (!is) return MakeBool(env, false);
  NAPI_CALL(env, napi_get_buffer_info(env, argv[0], &data, &len));
  NAPI_CALL(env, napi_create_string_latin1(env, data, len, &out));
  return out;
}

static napi_value Uppercase(napi_env env, napi_callback_info info) {
  /* Writes through the pointer from napi_get_buffer_info: JS must see it. */
  GET_ARGS(env, info, 1);
  char* data;
  size_t len;
  NAPI_CALL(env, napi_get_buffer_info(env, argv[0], (void**)&data, &len));
  for (size_t i = 0; i < len; i++)
    if (data[i] >= 'a' && data[i] <= 'z') data[i] = (char)(data[i] - 32);
  return argv[0];
}

static napi_value BufferFromArrayBuffer(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, 3);
  uint32_t offset, length;
  napi_value out;
  NAPI_CALL(env, napi_get_value_uint32(env, argv[1], &offset));
  NAPI_CALL(env, napi_get_value_uint32(env, argv[2], &length));
  NAPI_CALL(env, node_api_create_buffer_from_arraybuffer(env, argv[0], offset, length, &out));
  return out;
}

static napi_value BadArgs(napi_env env, napi_callback_info info) {
  napi_value out, obj, ab, v;
  void* data;
  size_t len;
  bool b;
  NAPI_CALL(env, napi_create_object(env, &out));
  NAPI_CALL(env, napi_create_object(env, &obj));
  NAPI_CALL(env, napi_create_arraybuffer(env, 8, &data, &ab));
  SetNamedInt(env, out, "createNullResult", napi_create_arraybuffer(env, 8, &data, NULL));
  SetNamedInt(env, out, "infoOfObject", napi_get_arraybuffer_info(env, obj, &data, &len));
  SetNamedInt(env, out, "detachObject", napi_detach_arraybuffer(env, obj));
  SetNamedInt(env, out, "typedArrayOfObject", napi_create_typedarray(env, napi_uint8_array, 1, obj, 0, &v));
  SetNamedInt(env, out, "typedArrayBadType", napi_create_typedarray(env, (napi_typedarray_type)99, 1, ab, 0, &v));
  SetNamedInt(env, out, "typedArrayInfoOfObject",
              napi_get_typedarray_info(env, obj, NULL, NULL, NULL, NULL, NULL));
  SetNamedInt(env, out, "dataViewOfObject", napi_create_dataview(env, 1, obj, 0, &v));
  SetNamedInt(env, out, "dataViewInfoOfObject", napi_get_dataview_info(env, obj, NULL, NULL, NULL, NULL));
  SetNamedInt(env, out, "bufferInfoOfObject", napi_get_buffer_info(env, obj, &data, &len));
  SetNamedInt(env, out, "isBufferNull", napi_is_buffer(env, NULL, &b));
  SetNamedInt(env, out, "bufferNullResult", napi_create_buffer(env, 1, &data, NULL));
  return out;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      DECLARE_METHOD("finalized", Finalized),
      DECLARE_METHOD("newArrayBuffer", NewArrayBuffer),
      DECLARE_METHOD("externalArrayBuffer", ExternalArrayBuffer),
      DECLARE_METHOD("arrayBufferInfo", ArrayBufferInfo),
      DECLARE_METHOD("detach", Detach),
      DECLARE_METHOD("isDetached", IsDetached),
      DECLARE_METHOD("typedArray", TypedArray),
      DECLARE_METHOD("typedArrayInfo", TypedArrayInfo),
      DECLARE_METHOD("dataView", DataView),
      DECLARE_METHOD("dataViewInfo", DataViewInfo),
      DECLARE_METHOD("newBuffer", NewBuffer),
      DECLARE_METHOD("bufferCopy", BufferCopy),
      DECLARE_METHOD("externalBuffer", ExternalBuffer),
      DECLARE_METHOD("bufferInfo", BufferInfo),
      DECLARE_METHOD("uppercase", Uppercase),
      DECLARE_METHOD("bufferFromArrayBuffer", BufferFromArrayBuffer),
      DECLARE_METHOD("badArgs", BadArgs),
  };
  return DefineMethods(env, exports, props, COUNT_OF(props));
}

TEST_ADDON(Init)
