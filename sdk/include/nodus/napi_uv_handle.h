// nodus/napi_uv_handle.h — a libuv handle owned by a JS object, for plugin bindings (C++17).
//
// Header-only, over Node-API and libuv. A binding declares its handle type as
//   struct Handle : nodus::napi::UvHandleBase {
//     union { uv_handle_t handle; uv_stream_t stream; uv_pipe_t pipe; } h;
//     uv_handle_t* handle() { return &h.handle; }
//     uv_stream_t* stream() { return &h.stream; }
//   };
// and gets the life cycle and the methods every stream handle has from the templates below.
// Life cycle: the JS object is held strongly while the handle is open, so libuv callbacks always
// find it; once uv_close completes the reference turns weak and the finalizer frees the struct.
#ifndef NODUS_NAPI_UV_HANDLE_H_
#define NODUS_NAPI_UV_HANDLE_H_

#include <uv.h>

#include "nodus/napi_helpers.h"

namespace nodus::napi {

struct UvHandleBase {
  napi_env env = nullptr;
  napi_ref self = nullptr;                      // the JS object: strong while open, then weak
  napi_ref close_cb = nullptr;                  // close(callback)'s callback until it runs
  napi_async_context async_context = nullptr;   // libuv callbacks enter JS in this context
  bool initialized = true;                      // false until uv_*_init ran: nothing to close
  bool closing = false;
  bool closed = false;
  bool orphaned = false;  // finalized at environment teardown while still open

  bool usable() const { return initialized && !closing; }
};

// Throws a libuv error as Node's plain errors look: code 'EINVAL', message 'invalid argument'.
inline void ThrowUvError(napi_env env, int err) { napi_throw_error(env, uv_err_name(err), uv_strerror(err)); }

// Frees a handle libuv no longer uses, with the references it holds.
template <typename H>
void DeleteUvHandle(H* h) {
  if (h->close_cb) napi_delete_reference(h->env, h->close_cb);
  if (h->self) napi_delete_reference(h->env, h->self);
  delete h;
}

template <typename H>
void FinalizeUvHandle(napi_env, void* data, void*) {
  auto* h = static_cast<H*>(data);
  if (h->closed || !h->initialized) {
    DeleteUvHandle(h);
    return;
  }
  // An open handle is referenced strongly, so it is only collected at environment teardown. Its
  // callbacks must not reach the environment after that: it is closed here and freed once libuv
  // lets go of it (or, already closing, freed by OnUvHandleClosed).
  h->orphaned = true;
  if (!h->closing) {
    h->closing = true;
    uv_close(h->handle(), [](uv_handle_t* handle) { DeleteUvHandle(static_cast<H*>(handle->data)); });
  }
}

// Ties `h` to the JS object `self` (napi_wrap) and holds the object strongly.
template <typename H>
void WrapUvHandle(napi_env env, napi_value self, H* h, napi_async_context context) {
  h->env = env;
  h->async_context = context;
  h->handle()->data = h;
  napi_wrap(env, self, h, FinalizeUvHandle<H>, nullptr, &h->self);
  uint32_t count;
  napi_reference_ref(env, h->self, &count);
}

// uv_close callback: runs close(callback)'s callback, then lets the JS object be collected.
template <typename H>
void OnUvHandleClosed(uv_handle_t* handle) {
  auto* h = static_cast<H*>(handle->data);
  if (h->orphaned) {  // its environment is gone (FinalizeUvHandle)
    DeleteUvHandle(h);
    return;
  }
  napi_env env = h->env;
  h->closed = true;
  HandleScope scope(env);
  napi_value self;
  napi_get_reference_value(env, h->self, &self);
  if (napi_ref cb = h->close_cb) {
    h->close_cb = nullptr;
    CallRef(env, h->async_context, self, cb, 0, nullptr);
    napi_delete_reference(env, cb);
  }
  uint32_t count;
  napi_reference_unref(env, h->self, &count);  // now weak: the finalizer frees h
}

// Idempotent close; `callback` (when a function) runs once libuv has released the handle.
template <typename H>
void CloseUvHandle(H* h, napi_value callback) {
  if (h->closing) return;
  h->closing = true;
  if (!h->initialized) {
    // Never reached libuv: nothing to close; JS hears of it through its own close path.
    h->closed = true;
    uint32_t count;
    napi_reference_unref(h->env, h->self, &count);
    return;
  }
  if (IsFunction(h->env, callback)) napi_create_reference(h->env, callback, 1, &h->close_cb);
  uv_close(h->handle(), OnUvHandleClosed<H>);
}

// ---- methods (napi_callback) shared by every wrapped handle ----------------------------------

// close([callback])
template <typename H>
napi_value UvCloseMethod(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value cb = nullptr;
  H* h = UnwrapThis<H>(env, info, &argc, &cb);
  if (h) CloseUvHandle(h, argc >= 1 ? cb : nullptr);
  return nullptr;
}

// ref() / unref(): whether the handle keeps the loop (and so the process) alive.
template <typename H, bool kRef>
napi_value UvRefMethod(napi_env env, napi_callback_info info) {
  H* h = UnwrapThis<H>(env, info, nullptr, nullptr);
  if (h && h->usable()) {
    if (kRef)
      uv_ref(h->handle());
    else
      uv_unref(h->handle());
  }
  return nullptr;
}

template <typename H>
napi_value UvHasRefMethod(napi_env env, napi_callback_info info) {
  H* h = UnwrapThis<H>(env, info, nullptr, nullptr);
  if (!h) return nullptr;
  return Bool(env, h->usable() && uv_has_ref(h->handle()));
}

// getFd() -> the descriptor, or -1 once closing or when there is none.
template <typename H>
napi_value UvGetFdMethod(napi_env env, napi_callback_info info) {
  H* h = UnwrapThis<H>(env, info, nullptr, nullptr);
  if (!h) return nullptr;
  uv_os_fd_t fd = -1;
  if (!h->usable() || uv_fileno(h->handle(), &fd) != 0) fd = -1;
  return Int(env, fd);
}

// Bytes queued for writing on a stream handle.
template <typename H>
napi_value UvWriteQueueSizeMethod(napi_env env, napi_callback_info info) {
  H* h = UnwrapThis<H>(env, info, nullptr, nullptr);
  if (!h) return nullptr;
  return Int(env, h->usable() ? static_cast<int64_t>(uv_stream_get_write_queue_size(h->stream())) : 0);
}

// readStart() / readStop() -> 0 or a negative errno; reads arrive through the binding's own
// `Alloc` and `Read` callbacks (handle->data is the H).
template <typename H, uv_alloc_cb Alloc, uv_read_cb Read>
napi_value UvReadStartMethod(napi_env env, napi_callback_info info) {
  H* h = UnwrapThis<H>(env, info, nullptr, nullptr);
  if (!h) return nullptr;
  return Int(env, h->usable() ? uv_read_start(h->stream(), Alloc, Read) : UV_EBADF);
}

template <typename H>
napi_value UvReadStopMethod(napi_env env, napi_callback_info info) {
  H* h = UnwrapThis<H>(env, info, nullptr, nullptr);
  if (!h) return nullptr;
  return Int(env, h->usable() ? uv_read_stop(h->stream()) : UV_EBADF);
}

// open(fd) -> 0 or a negative errno: an existing descriptor becomes this pipe handle.
template <typename H>
napi_value UvPipeOpenMethod(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value fd = nullptr;
  H* h = UnwrapThis<H>(env, info, &argc, &fd);
  if (!h) return nullptr;
  auto* pipe = reinterpret_cast<uv_pipe_t*>(h->handle());
  return Int(env, h->usable() ? uv_pipe_open(pipe, GetInt32(env, fd, -1)) : UV_EBADF);
}

// A shutdown in flight; JS's request object hears of completion through req.oncomplete(status).
struct UvShutdownReq {
  uv_shutdown_t req{};
  napi_env env = nullptr;
  napi_async_context async_context = nullptr;
  napi_ref req_obj = nullptr;
};

inline void AfterUvShutdown(uv_shutdown_t* uv, int status) {
  auto* s = static_cast<UvShutdownReq*>(uv->data);
  napi_env env = s->env;
  HandleScope scope(env);
  napi_value obj;
  napi_get_reference_value(env, s->req_obj, &obj);
  napi_delete_reference(env, s->req_obj);
  napi_async_context context = s->async_context;
  delete s;
  napi_value argv[1] = {Int(env, status)};
  CallMethod(env, context, obj, "oncomplete", 1, argv);
}

// shutdown(req) -> 0 or a negative errno; req.oncomplete(status) once queued writes are flushed.
template <typename H>
napi_value UvShutdownMethod(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value req = nullptr;
  H* h = UnwrapThis<H>(env, info, &argc, &req);
  if (!h) return nullptr;
  if (!h->usable()) return Int(env, UV_EBADF);
  auto* s = new UvShutdownReq;
  s->env = env;
  s->async_context = h->async_context;
  s->req.data = s;
  int err = uv_shutdown(&s->req, h->stream(), AfterUvShutdown);
  if (err) {
    delete s;
    return Int(env, err);
  }
  napi_create_reference(env, req, 1, &s->req_obj);
  return Int(env, 0);
}

}  // namespace nodus::napi

#endif  // NODUS_NAPI_UV_HANDLE_H_
