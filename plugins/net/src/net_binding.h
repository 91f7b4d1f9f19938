// Shared pieces of the net binding: per-environment state, the handle wrapper every TCP and pipe
// object is, and the helpers to enter JS from libuv callbacks. Node-API and libuv only (no v8.h).
#pragma once

#include <uv.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "node_api.h"
#include "nodus/napi_helpers.h"
#include "nodus/napi_uv_handle.h"

namespace nodus_net {

// Reads land in a shared slab (one JS ArrayBuffer) that JS slices into Buffers without copying.
// Each read gets kSlabMinFree bytes (64 KiB, Node's read size); a new slab is started when less
// than that remains.
constexpr size_t kSlabSize = 256 * 1024;
constexpr size_t kSlabMinFree = 64 * 1024;

struct Slab {
  napi_ref ref = nullptr;  // the ArrayBuffer, kept while it is the current slab
  char* base = nullptr;
  size_t used = 0;
};

// State of one environment, kept as instance data so the binding has no global mutable state.
struct Binding {
  napi_env env = nullptr;
  uv_loop_t* loop = nullptr;
  napi_async_context async_context = nullptr;
  napi_ref tcp_ctor = nullptr;
  napi_ref pipe_ctor = nullptr;
  double* stream_state = nullptr;  // [bytes of the last write, 1 if it completes later]
  Slab slab;
};

inline Binding* GetBinding(napi_env env) { return nodus::napi::InstanceData<Binding>(env); }

enum class Kind : uint8_t { kTcp, kPipe };

// One libuv stream handle behind a JS object; its life cycle (strong while open, weak once
// closed) and the methods every stream has come from nodus/napi_uv_handle.h.
struct Handle : nodus::napi::UvHandleBase {
  Kind kind = Kind::kTcp;
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_tcp_t tcp;
    uv_pipe_t pipe;
  } h;

  uv_handle_t* handle() { return &h.handle; }
  uv_stream_t* stream() { return &h.stream; }
};

// Unwraps `this` of a method call into its Handle; throws and returns nullptr when it is not one.
inline Handle* ThisHandle(napi_env env, napi_callback_info info, size_t* argc, napi_value* argv,
                          napi_value* self = nullptr) {
  return nodus::napi::UnwrapThis<Handle>(env, info, argc, argv, self);
}

// The SDK's generic Node-API helpers (Int, Str, GetString, Prop...), as this plugin's own.
using namespace nodus::napi;

// Calls obj[name](...argv) through napi_make_callback: nextTicks and microtasks drain after it,
// and an exception goes to 'uncaughtException' as in Node. The caller holds a handle scope.
inline void CallMethod(napi_env env, napi_value obj, const char* name, size_t argc, napi_value* argv) {
  nodus::napi::CallMethod(env, GetBinding(env)->async_context, obj, name, argc, argv);
}

// Fills out.address/.family/.port from a socket address; returns 0.
int FillAddress(napi_env env, const sockaddr* addr, napi_value out);

// uv_close callback shared by close() and TCP reset().
inline void OnClosed(uv_handle_t* handle) { nodus::napi::OnUvHandleClosed<Handle>(handle); }

// Registration, one per source file.
void DefineStreamMethods(napi_property_descriptor* out, size_t* count);
napi_value DefineTcp(napi_env env);
napi_value DefinePipe(napi_env env);
// Shared constructor tail: wraps `self` and makes the reference strong.
inline void WrapHandle(napi_env env, napi_value self, Handle* h) {
  nodus::napi::WrapUvHandle(env, self, h, GetBinding(env)->async_context);
}
// Creates a JS object of the same class as `server` to accept a connection into.
Handle* NewClient(napi_env env, Kind kind, napi_value* out);

}  // namespace nodus_net
