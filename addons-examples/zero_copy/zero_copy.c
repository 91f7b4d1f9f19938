/* Sharing memory between C and JS without copies:
 *   ring(size)          -> a Buffer over malloc'ed memory the addon owns (external buffer);
 *                          freed by its finalizer once JS drops it. freedCount() counts those.
 *   fill(buffer, byte)  -> writes into any Buffer/TypedArray through napi_get_buffer_info.
 *   scale(f64, factor)  -> scales a Float64Array in place (napi_get_typedarray_info).
 *   samples(n)          -> a Float64Array view over an external ArrayBuffer of n samples. */
#include <node_api.h>
#include <stdlib.h>
#include <string.h>

static int freed = 0;

static void FreeMemory(napi_env env, void* data, void* hint) {
  free(data);
  freed++;
}

static napi_value Ring(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], buffer;
  uint32_t size = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_uint32(env, argv[0], &size);
  char* memory = calloc(size ? size : 1, 1);
  if (napi_create_external_buffer(env, size, memory, FreeMemory, NULL, &buffer) != napi_ok) {
    free(memory);
    return NULL;
  }
  return buffer;
}

static napi_value Fill(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  void* data;
  size_t length;
  uint32_t byte = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (napi_get_buffer_info(env, argv[0], &data, &length) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "expected a Buffer or TypedArray");
    return NULL;
  }
  napi_get_value_uint32(env, argv[1], &byte);
  memset(data, (int)byte, length);
  return argv[0];
}

static napi_value Scale(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_typedarray_type type;
  size_t length;
  void* data;
  double factor = 1;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  bool is_typed = false;
  napi_is_typedarray(env, argv[0], &is_typed);
  if (!is_typed) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "expected a Float64Array");
    return NULL;
  }
  napi_get_typedarray_info(env, argv[0], &type, &length, &data, NULL, NULL);
  if (type != napi_float64_array) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "expected a Float64Array");
    return NULL;
  }
  napi_get_value_double(env, argv[1], &factor);
  double* values = data;
  for (size_t i = 0; i < length; i++) values[i] *= factor;
  return argv[0];
}

static napi_value Samples(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], ab, array;
  uint32_t n = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_uint32(env, argv[0], &n);
  double* values = malloc(sizeof(double) * (n ? n : 1));
  for (uint32_t i = 0; i < n; i++) values[i] = i * 0.5;
  napi_create_external_arraybuffer(env, values, sizeof(double) * n, FreeMemory, NULL, &ab);
  napi_create_typedarray(env, napi_float64_array, n, ab, 0, &array);
  return array;
}

static napi_value FreedCount(napi_env env, napi_callback_info info) {
  napi_value out;
  napi_create_int32(env, freed, &out);
  return out;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"ring", NULL, Ring, NULL, NULL, NULL, napi_enumerable, NULL},
      {"fill", NULL, Fill, NULL, NULL, NULL, napi_enumerable, NULL},
      {"scale", NULL, Scale, NULL, NULL, NULL, napi_enumerable, NULL},
      {"samples", NULL, Samples, NULL, NULL, NULL, napi_enumerable, NULL},
      {"freedCount", NULL, FreedCount, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}
