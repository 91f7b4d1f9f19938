/* hash(buffer[, rounds]) -> Promise<string>: a 64-bit FNV-1a digest (hex), computed `rounds`
 * times over the bytes on the libuv thread pool while JS keeps running. The input is held by a
 * reference so GC cannot take it while a pool thread reads it. */
#include <node_api.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  napi_async_work work;
  napi_deferred deferred;
  napi_ref input;
  const uint8_t* data;
  size_t length;
  uint32_t rounds;
  uint64_t digest;
} HashJob;

static void Execute(napi_env env, void* arg) {
  /* Pool thread: no Node-API calls here, only the bytes. */
  HashJob* job = arg;
  uint64_t h = 0xcbf29ce484222325ULL;
  for (uint32_t r = 0; r < job->rounds; r++) {
    for (size_t i = 0; i < job->length; i++) {
      h ^= job->data[i];
      h *= 0x100000001b3ULL;
    }
  }
  job->digest = h;
}

static void Complete(napi_env env, napi_status status, void* arg) {
  HashJob* job = arg;
  napi_value result;
  if (status == napi_ok) {
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)job->digest);
    napi_create_string_utf8(env, hex, 16, &result);
    napi_resolve_deferred(env, job->deferred, result);
  } else {
    napi_value msg;
    napi_create_string_utf8(env, "hash cancelled", NAPI_AUTO_LENGTH, &msg);
    napi_create_error(env, NULL, msg, &result);
    napi_reject_deferred(env, job->deferred, result);
  }
  napi_delete_reference(env, job->input);
  napi_delete_async_work(env, job->work);
  free(job);
}

static napi_value Hash(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], promise, name;
  bool is_buffer = false;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc > 0) napi_is_buffer(env, argv[0], &is_buffer);
  if (!is_buffer) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "data must be a Buffer or TypedArray");
    return NULL;
  }
  HashJob* job = calloc(1, sizeof *job);
  job->rounds = 1;
  if (argc > 1) napi_get_value_uint32(env, argv[1], &job->rounds);
  napi_get_buffer_info(env, argv[0], (void**)&job->data, &job->length);
  napi_create_reference(env, argv[0], 1, &job->input);
  napi_create_promise(env, &job->deferred, &promise);
  napi_create_string_utf8(env, "async_hash", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, NULL, name, Execute, Complete, job, &job->work);
  napi_queue_async_work(env, job->work);
  return promise;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "hash", NAPI_AUTO_LENGTH, Hash, NULL, &fn);
  napi_set_named_property(env, exports, "hash", fn);
  return exports;
}
