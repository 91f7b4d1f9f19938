// Shared pieces of the child_process binding: per-environment state, the wrapper every process
// and pipe handle is, spawn option parsing, and the helpers to enter JS from libuv callbacks.
// Node-API and libuv only (no v8.h).
#pragma once

#include <uv.h>

#include <cstdint>
#include <string>
#include <vector>

#include "node_api.h"
#include "nodus/napi_helpers.h"
#include "nodus/napi_uv_handle.h"

namespace nodus_cp {

// State of one environment, kept as instance data so the binding has no global mutable state.
struct Binding {
  napi_env env = nullptr;
  uv_loop_t* loop = nullptr;
  napi_async_context async_context = nullptr;
  napi_ref pipe_ctor = nullptr;
};

inline Binding* GetBinding(napi_env env) { return nodus::napi::InstanceData<Binding>(env); }

enum class Kind : uint8_t { kProcess, kPipe };

// One libuv handle behind a JS object; its life cycle (strong while open, weak once closed) and
// the methods every handle has come from nodus/napi_uv_handle.h. A Process handle is
// `initialized` only once uv_spawn ran.
struct Handle : nodus::napi::UvHandleBase {
  Kind kind = Kind::kPipe;
  bool ipc = false;
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_pipe_t pipe;
    uv_process_t process;
  } h;

  uv_handle_t* handle() { return &h.handle; }
  uv_stream_t* stream() { return &h.stream; }
};

// Unwraps `this` of a method call; throws and returns nullptr when it is not a handle.
inline Handle* ThisHandle(napi_env env, napi_callback_info info, size_t* argc, napi_value* argv,
                          napi_value* self = nullptr) {
  return nodus::napi::UnwrapThis<Handle>(env, info, argc, argv, self);
}
inline void WrapHandle(napi_env env, napi_value self, Handle* h) {
  nodus::napi::WrapUvHandle(env, self, h, GetBinding(env)->async_context);
}
// Unwraps a Pipe object passed as an argument (nullptr when it is not one).
Handle* UnwrapPipe(napi_env env, napi_value value);

// The SDK's generic Node-API helpers (Int, Str, GetString, Prop...), as this plugin's own.
using namespace nodus::napi;

// Calls obj[name](...argv) through napi_make_callback: nextTicks and microtasks drain after it,
// and an exception goes to 'uncaughtException'. The caller holds a handle scope.
inline void CallMethod(napi_env env, napi_value obj, const char* name, size_t argc, napi_value* argv) {
  nodus::napi::CallMethod(env, GetBinding(env)->async_context, obj, name, argc, argv);
}

// What uv_spawn needs, parsed from the JS options object
// { file, args, cwd, envPairs, stdio: [{ type, handle, fd }], detached, uid, gid }. The strings
// live here; options points into them.
struct SpawnOptions {
  std::string file;
  std::string cwd;
  std::vector<std::string> args;
  std::vector<std::string> env;
  std::vector<char*> argv;
  std::vector<char*> envp;
  std::vector<uv_stdio_container_t> stdio;
  uv_process_options_t options{};
};

// Parses `obj`; for stdio entries of type 'pipe' calls make_pipe(index, entry) to get the
// uv_stream_t libuv creates the pipe in. Returns 0 or a negative errno / UV_EINVAL.
template <typename MakePipe>
int ParseSpawnOptions(napi_env env, napi_value obj, SpawnOptions* out, MakePipe make_pipe);
int ParseSpawnOptionsCommon(napi_env env, napi_value obj, SpawnOptions* out);

// Registration, one per source file.
napi_value DefineProcess(napi_env env);
napi_value DefinePipe(napi_env env);
void RegisterSpawnSync(napi_env env, napi_value binding);

// ---- template body --------------------------------------------------------------------------

template <typename MakePipe>
int ParseSpawnOptions(napi_env env, napi_value obj, SpawnOptions* out, MakePipe make_pipe) {
  int err = ParseSpawnOptionsCommon(env, obj, out);
  if (err) return err;
  napi_value stdio = Prop(env, obj, "stdio");
  uint32_t count = 0;
  bool is_array = false;
  napi_is_array(env, stdio, &is_array);
  if (is_array) napi_get_array_length(env, stdio, &count);
  out->stdio.resize(count);
  for (uint32_t i = 0; i < count; i++) {
    napi_value entry;
    napi_get_element(env, stdio, i, &entry);
    std::string type;
    GetString(env, Prop(env, entry, "type"), &type);
    uv_stdio_container_t& c = out->stdio[i];
    if (type == "pipe" || type == "overlapped" || type == "ipc") {
      uv_stream_t* stream = make_pipe(i, entry);
      if (stream == nullptr) return UV_EINVAL;
      c.flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE);
      c.data.stream = stream;
    } else if (type == "fd" || type == "inherit") {
      c.flags = UV_INHERIT_FD;
      c.data.fd = GetInt32(env, Prop(env, entry, "fd"), static_cast<int32_t>(i));
    } else {
      c.flags = UV_IGNORE;
    }
  }
  out->options.stdio = out->stdio.data();
  out->options.stdio_count = static_cast<int>(count);
  return 0;
}

}  // namespace nodus_cp
