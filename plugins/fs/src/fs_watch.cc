// File watchers: fs.watch on uv_fs_event_t and fs.watchFile on uv_fs_poll_t. Each watcher is a
// heap object behind a JS external; it is freed once both the handle is closed and the external
// was collected, whichever comes last.
#include "fs_binding.h"

namespace nodus_fs {
namespace {

struct Watcher {
  napi_env env = nullptr;
  napi_ref callback = nullptr;
  bool poll = false;
  bool closed = false;     // uv_close ran to completion
  bool closing = false;    // uv_close requested
  bool collected = false;  // the JS external is gone
  union {
    uv_fs_event_t event;
    uv_fs_poll_t fs_poll;
    uv_handle_t handle;
  } h;

  uv_handle_t* handle() { return &h.handle; }
  void MaybeFree() {
    if (closed && collected) delete this;
  }
};

void OnClosed(uv_handle_t* handle) {
  auto* w = static_cast<Watcher*>(handle->data);
  w->closed = true;
  if (w->callback) {
    napi_delete_reference(w->env, w->callback);
    w->callback = nullptr;
  }
  w->MaybeFree();
}

void Close(Watcher* w) {
  if (w->closing) return;
  w->closing = true;
  uv_close(w->handle(), OnClosed);
}

void Finalize(napi_env, void* data, void*) {
  auto* w = static_cast<Watcher*>(data);
  w->collected = true;
  Close(w);  // a watcher can only be collected once JS let go of it (and it was unref'd)
  w->MaybeFree();
}

Watcher* GetWatcher(napi_env env, napi_value value) {
  void* data = nullptr;
  if (napi_get_value_external(env, value, &data) != napi_ok) return nullptr;
  return static_cast<Watcher*>(data);
}

void Call(Watcher* w, size_t argc, napi_value* argv) {
  napi_env env = w->env;
  Binding* b = GetBinding(env);
  napi_value cb, global;
  napi_get_reference_value(env, w->callback, &cb);
  napi_get_global(env, &global);
  if (napi_make_callback(env, b->async_context, global, cb, argc, argv, nullptr) != napi_ok) {
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) {
      napi_value error;
      napi_get_and_clear_last_exception(env, &error);
      napi_fatal_exception(env, error);
    }
  }
}

void OnEvent(uv_fs_event_t* handle, const char* filename, int events, int status) {
  auto* w = static_cast<Watcher*>(handle->data);
  if (w->closing || w->callback == nullptr) return;
  napi_env env = w->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value argv[3];
  argv[0] = Int(env, status);
  const char* type = (events & UV_RENAME) ? "rename" : "change";
  napi_create_string_utf8(env, type, NAPI_AUTO_LENGTH, &argv[1]);
  if (filename)
    napi_create_string_utf8(env, filename, NAPI_AUTO_LENGTH, &argv[2]);
  else
    napi_get_null(env, &argv[2]);
  Call(w, 3, argv);
  napi_close_handle_scope(env, scope);
}

void OnPoll(uv_fs_poll_t* handle, int status, const uv_stat_t* prev, const uv_stat_t* curr) {
  auto* w = static_cast<Watcher*>(handle->data);
  if (w->closing || w->callback == nullptr) return;
  napi_env env = w->env;
  Binding* b = GetBinding(env);
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  FillStats(b, curr, false, 0);
  FillStats(b, prev, false, 1);
  napi_value argv[1] = {Int(env, status)};
  Call(w, 1, argv);
  napi_close_handle_scope(env, scope);
}

napi_value Wrap(napi_env env, Watcher* w, napi_value cb) {
  w->env = env;
  w->handle()->data = w;
  napi_create_reference(env, cb, 1, &w->callback);
  napi_value ext;
  napi_create_external(env, w, Finalize, nullptr, &ext);
  return ext;
}

// watchStart(path, listener(status, eventType, filename)) -> handle, or a negative errno
napi_value WatchStart(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value a[2] = {};
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  std::string path;
  if (!GetPath(env, a[0], &path)) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "path must be a string or Buffer");
    return nullptr;
  }
  auto* w = new Watcher;
  uv_fs_event_init(GetBinding(env)->loop, &w->h.event);
  w->h.event.data = w;
  int err = uv_fs_event_start(&w->h.event, OnEvent, path.c_str(), 0);
  if (err < 0) {
    w->collected = true;  // no JS object will ever own it
    Close(w);
    return Int(env, err);
  }
  return Wrap(env, w, a[1]);
}

// pollStart(path, intervalMs, listener(status)) -> handle; stats land in slots 0 (curr), 1 (prev)
napi_value PollStart(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value a[3] = {};
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  std::string path;
  if (!GetPath(env, a[0], &path)) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "path must be a string or Buffer");
    return nullptr;
  }
  uint32_t interval = 5007;
  GetUint32(env, a[1], &interval);
  auto* w = new Watcher;
  w->poll = true;
  uv_fs_poll_init(GetBinding(env)->loop, &w->h.fs_poll);
  w->h.fs_poll.data = w;
  int err = uv_fs_poll_start(&w->h.fs_poll, OnPoll, path.c_str(), interval);
  if (err < 0) {
    w->collected = true;
    Close(w);
    return Int(env, err);
  }
  return Wrap(env, w, a[2]);
}

napi_value WatcherClose(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value a[1] = {};
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  if (Watcher* w = GetWatcher(env, a[0])) Close(w);
  return nullptr;
}

// watcherRef(handle, ref): whether the watcher keeps the loop alive.
napi_value WatcherRef(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value a[2] = {};
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  Watcher* w = GetWatcher(env, a[0]);
  if (w && !w->closing) {
    if (GetBool(env, a[1]))
      uv_ref(w->handle());
    else
      uv_unref(w->handle());
  }
  return nullptr;
}

}  // namespace

void RegisterWatchers(napi_env env, napi_value binding) {
  const Method methods[] = {{"watchStart", WatchStart},
                            {"pollStart", PollStart},
                            {"watcherClose", WatcherClose},
                            {"watcherRef", WatcherRef}};
  DefineMethods(env, binding, methods, 4);
}

}  // namespace nodus_fs
