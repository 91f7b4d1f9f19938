// The zlib plugin's entry point: the nodus_plugin descriptor and binding.Handle, the JS-facing
// object around one Engine. handle.process(input, flush, maxOutput[, callback]) runs the engine
// now (sync APIs) or on the thread pool (streams and callback APIs), one job at a time.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <cstring>
#include <string>

#include "nodus/napi_helpers.h"
#include "nodus/plugin.h"
#include "zlib_binding.h"

namespace nodus_zlib {
namespace {

using nodus::napi::Bool;
using nodus::napi::Undefined;

struct Handle {
  Mode mode = kNone;
  std::unique_ptr<Engine> engine;
  bool busy = false;          // a thread-pool job is using the engine
  bool close_pending = false;  // close() came while busy: free when the job ends
};

Handle* Unwrap(napi_env env, napi_value self) {
  void* p = nullptr;
  napi_unwrap(env, self, &p);
  return static_cast<Handle*>(p);
}

bool GetBytes(napi_env env, napi_value value, const uint8_t** data, size_t* size) {
  bool is = false;
  void* d = nullptr;
  if (napi_is_typedarray(env, value, &is) == napi_ok && is) {
    napi_typedarray_type type;
    size_t length, offset;
    napi_value ab;
    napi_get_typedarray_info(env, value, &type, &length, &d, &ab, &offset);
    size_t elem = 1;
    switch (type) {
      case napi_int16_array: case napi_uint16_array: elem = 2; break;
      case napi_int32_array: case napi_uint32_array: case napi_float32_array: elem = 4; break;
      case napi_float64_array: case napi_bigint64_array: case napi_biguint64_array: elem = 8; break;
      default: break;
    }
    *data = static_cast<const uint8_t*>(d);
    *size = length * elem;
    return true;
  }
  if (napi_is_dataview(env, value, &is) == napi_ok && is) {
    napi_value ab;
    size_t offset;
    napi_get_dataview_info(env, value, size, &d, &ab, &offset);
    *data = static_cast<const uint8_t*>(d);
    return true;
  }
  if (napi_is_arraybuffer(env, value, &is) == napi_ok && is) {
    napi_get_arraybuffer_info(env, value, &d, size);
    *data = static_cast<const uint8_t*>(d);
    return true;
  }
  *data = nullptr;
  *size = 0;
  return false;
}

int32_t Int32(napi_env env, napi_value v, int32_t fallback) {
  int32_t out;
  if (v == nullptr || napi_get_value_int32(env, v, &out) != napi_ok) return fallback;
  return out;
}

napi_value MakeError(napi_env env, const EngineError& e) {
  napi_value msg, err, code, errnum;
  napi_create_string_utf8(env, e.message.c_str(), e.message.size(), &msg);
  napi_create_error(env, nullptr, msg, &err);
  if (!e.too_large) {
    napi_create_int32(env, e.errnum, &errnum);
    napi_set_named_property(env, err, "errno", errnum);
  }
  napi_create_string_utf8(env, e.code.c_str(), e.code.size(), &code);
  napi_set_named_property(env, err, "code", code);
  return err;
}

void Finalize(napi_env, void* data, void*) { delete static_cast<Handle*>(data); }

// new Handle(mode)
napi_value HandleNew(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, self;
  napi_get_cb_info(env, info, &argc, &arg, &self, nullptr);
  auto* h = new Handle;
  h->mode = static_cast<Mode>(Int32(env, arg, 0));
  napi_wrap(env, self, h, Finalize, nullptr, nullptr);
  return self;
}

// init(level, windowBits, memLevel, strategy, dictionary | undefined) -> error or undefined
napi_value HandleInit(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  Handle* h = Unwrap(env, self);
  std::vector<uint8_t> dict;
  const uint8_t* d;
  size_t n;
  if (argc > 4 && GetBytes(env, argv[4], &d, &n)) dict.assign(d, d + n);
  EngineError err;
  h->engine = MakeZlibEngine(h->mode, Int32(env, argv[0], -1), Int32(env, argv[1], 15),
                             Int32(env, argv[2], 8), Int32(env, argv[3], 0), std::move(dict), &err);
  return h->engine ? Undefined(env) : MakeError(env, err);
}

// initBrotli(Uint32Array of key, value pairs) -> error or undefined
napi_value HandleInitBrotli(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, self;
  napi_get_cb_info(env, info, &argc, &arg, &self, nullptr);
  Handle* h = Unwrap(env, self);
  const uint8_t* d = nullptr;
  size_t n = 0;
  std::vector<std::pair<int, uint32_t>> params;
  if (argc > 0 && GetBytes(env, arg, &d, &n)) {
    const auto* words = reinterpret_cast<const uint32_t*>(d);
    for (size_t i = 0; i + 1 < n / 4; i += 2) params.emplace_back(static_cast<int>(words[i]), words[i + 1]);
  }
  EngineError err;
  h->engine = MakeBrotliEngine(h->mode, params, &err);
  return h->engine ? Undefined(env) : MakeError(env, err);
}

struct ProcessJob {
  napi_env env;
  Handle* handle;
  napi_ref self = nullptr, input = nullptr, callback = nullptr;
  napi_async_work work = nullptr;
  const uint8_t* data;
  size_t size;
  int flush;
  Output out;
  EngineError err;
  bool ok = false;
};

void Execute(napi_env, void* data) {
  auto* job = static_cast<ProcessJob*>(data);
  job->ok = job->handle->engine->Process(job->data, job->size, job->flush, &job->out, &job->err);
}

void Complete(napi_env env, napi_status, void* data) {
  std::unique_ptr<ProcessJob> job(static_cast<ProcessJob*>(data));
  Handle* h = job->handle;
  h->busy = false;
  if (h->close_pending) h->engine.reset();
  napi_value cb, global, argv[2];
  napi_get_reference_value(env, job->callback, &cb);
  napi_get_global(env, &global);
  if (job->ok) {
    napi_get_null(env, &argv[0]);
    argv[1] = job->out.ToBuffer(env);
  } else {
    argv[0] = MakeError(env, job->err);
    argv[1] = Undefined(env);
  }
  napi_delete_reference(env, job->self);
  napi_delete_reference(env, job->input);
  napi_delete_reference(env, job->callback);
  napi_delete_async_work(env, job->work);
  napi_value ignored;
  napi_call_function(env, global, cb, 2, argv, &ignored);
}

// process(input, flush, maxOutputLength[, callback]): the output Buffer (sync; throws on error)
// or undefined with callback(err, output) later.
napi_value HandleProcess(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  Handle* h = Unwrap(env, self);
  if (h == nullptr || !h->engine || h->busy) {
    napi_throw_error(env, "ERR_INVALID_STATE", "zlib binding closed");
    return nullptr;
  }
  const uint8_t* data;
  size_t size;
  GetBytes(env, argv[0], &data, &size);
  int flush = Int32(env, argv[1], Z_NO_FLUSH);
  double limit = 0;
  napi_get_value_double(env, argv[2], &limit);
  napi_valuetype cbtype = napi_undefined;
  if (argc > 3) napi_typeof(env, argv[3], &cbtype);
  if (cbtype != napi_function) {
    Output out;
    if (limit > 0 && limit < static_cast<double>(SIZE_MAX)) out.limit = static_cast<size_t>(limit);
    EngineError err;
    if (!h->engine->Process(data, size, flush, &out, &err)) {
      napi_throw(env, MakeError(env, err));
      return nullptr;
    }
    return out.ToBuffer(env);
  }
  auto* job = new ProcessJob{env, h};
  job->data = data;
  job->size = size;
  job->flush = flush;
  if (limit > 0 && limit < static_cast<double>(SIZE_MAX)) job->out.limit = static_cast<size_t>(limit);
  // The handle object and the input stay alive (and unmoved) while a pool thread reads them.
  napi_create_reference(env, self, 1, &job->self);
  napi_create_reference(env, argv[0], 1, &job->input);
  napi_create_reference(env, argv[3], 1, &job->callback);
  napi_value name;
  napi_create_string_utf8(env, "ZLIB", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, nullptr, name, Execute, Complete, job, &job->work);
  h->busy = true;
  napi_queue_async_work(env, job->work);
  return Undefined(env);
}

napi_value HandleParams(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], self;
  napi_get_cb_info(env, info, &argc, argv, &self, nullptr);
  Handle* h = Unwrap(env, self);
  if (!h->engine || h->busy) return Bool(env, false);
  EngineError err;
  if (!h->engine->Params(Int32(env, argv[0], -1), Int32(env, argv[1], 0), &err))
    return MakeError(env, err);
  return Undefined(env);
}

napi_value HandleReset(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  Handle* h = Unwrap(env, self);
  if (!h->engine || h->busy) return Undefined(env);
  EngineError err;
  if (!h->engine->Reset(&err)) return MakeError(env, err);
  return Undefined(env);
}

napi_value HandleClose(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  Handle* h = Unwrap(env, self);
  if (h == nullptr) return Undefined(env);
  if (h->busy) h->close_pending = true;
  else h->engine.reset();
  return Undefined(env);
}

// crc32(data, initial) -> unsigned 32-bit checksum
napi_value Crc32(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  const uint8_t* data;
  size_t size;
  GetBytes(env, argv[0], &data, &size);
  uint32_t value = 0;
  napi_get_value_uint32(env, argv[1], &value);
  uLong crc = value;
  // zlib's length is a uInt: go through huge inputs in pieces.
  while (size > 0) {
    uInt n = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
    crc = crc32(crc, data, n);
    data += n;
    size -= n;
  }
  napi_value out;
  napi_create_uint32(env, static_cast<uint32_t>(crc), &out);
  return out;
}

#define PROP(name, fn) {name, nullptr, fn, nullptr, nullptr, nullptr, napi_default, nullptr}

napi_value Init(napi_env env, napi_value binding) {
  const napi_property_descriptor props[] = {
      PROP("init", HandleInit),       PROP("initBrotli", HandleInitBrotli),
      PROP("process", HandleProcess), PROP("params", HandleParams),
      PROP("reset", HandleReset),     PROP("close", HandleClose),
  };
  napi_value cls;
  napi_define_class(env, "Handle", NAPI_AUTO_LENGTH, HandleNew, nullptr,
                    sizeof(props) / sizeof(props[0]), props, &cls);
  napi_set_named_property(env, binding, "Handle", cls);
  napi_value fn;
  napi_create_function(env, "crc32", NAPI_AUTO_LENGTH, Crc32, nullptr, &fn);
  napi_set_named_property(env, binding, "crc32", fn);
  napi_value vernum;
  napi_create_int32(env, ZLIB_VERNUM, &vernum);
  napi_set_named_property(env, binding, "ZLIB_VERNUM", vernum);
  return binding;
}

// BrotliEncoderVersion() packs major << 24 | minor << 12 | patch.
std::string BrotliVersion() {
  uint32_t v = BrotliEncoderVersion();
  return std::to_string(v >> 24) + "." + std::to_string((v >> 12) & 0xfff) + "." +
         std::to_string(v & 0xfff);
}

}  // namespace
}  // namespace nodus_zlib

extern "C" {
extern const nodus_js_source nodus_plugin_zlib_js[];
}

namespace {
const char* const kModules[] = {"zlib", nullptr};
// process.versions entries are fixed strings in the descriptor; brotli's is computed once here.
const std::string kBrotliVersion = nodus_zlib::BrotliVersion();
const char* kVersions[] = {"zlib", ZLIB_VERSION, "brotli", kBrotliVersion.c_str(), nullptr};
const nodus_plugin kPlugin = {
    NODUS_PLUGIN_ABI_VERSION,
    sizeof(nodus_plugin),
    NODUS_PLUGIN_NAME,
    NODUS_PLUGIN_VERSION,
    kModules,
    nullptr,
    nodus_plugin_zlib_js,
    nodus_zlib::Init,
    kVersions,
    9,
};
}  // namespace

extern "C" {
NODUS_PLUGIN(kPlugin)
}
