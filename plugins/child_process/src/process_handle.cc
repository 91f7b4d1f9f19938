// Process handles: `new Process()`, spawn(options) on the runtime's loop, kill(signal),
// ref/unref and close; the exit arrives as this.onexit(exitStatus, termSignal).
#include "child_process_binding.h"

namespace nodus_cp {
namespace {

void OnExit(uv_process_t* process, int64_t exit_status, int term_signal) {
  auto* h = static_cast<Handle*>(process->data);
  napi_env env = h->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self;
  napi_get_reference_value(env, h->self, &self);
  napi_value argv[2] = {Int(env, exit_status), Int(env, term_signal)};
  CallMethod(env, self, "onexit", 2, argv);
  napi_close_handle_scope(env, scope);
}

napi_value New(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, nullptr, nullptr, &self, nullptr);
  auto* h = new Handle;
  h->kind = Kind::kProcess;
  h->initialized = false;  // until spawn()
  WrapHandle(env, self, h);
  return self;
}

// spawn(options) -> 0 or a negative errno; sets this.pid on success. Pipes named in
// options.stdio ({ type: 'pipe', handle: Pipe }) are created by libuv and connected to the child.
napi_value Spawn(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg = nullptr;
  napi_value self;
  Handle* h = ThisHandle(env, info, &argc, &arg, &self);
  if (!h) return nullptr;
  if (h->initialized) return Int(env, UV_EINVAL);
  SpawnOptions so;
  int err = ParseSpawnOptions(env, arg, &so, [&](uint32_t, napi_value entry) -> uv_stream_t* {
    Handle* p = UnwrapPipe(env, Prop(env, entry, "handle"));
    return p && !p->closing ? p->stream() : nullptr;
  });
  if (err) return Int(env, err);
  so.options.exit_cb = OnExit;
  err = uv_spawn(GetBinding(env)->loop, &h->h.process, &so.options);
  // libuv initializes the handle even when the spawn fails; it must then be closed like any other.
  h->initialized = true;
  h->h.process.data = h;
  if (err == 0) napi_set_named_property(env, self, "pid", Int(env, h->h.process.pid));
  return Int(env, err);
}

napi_value Kill(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg = nullptr;
  Handle* h = ThisHandle(env, info, &argc, &arg);
  if (!h) return nullptr;
  if (!h->usable()) return Int(env, UV_ESRCH);
  return Int(env, uv_process_kill(&h->h.process, GetInt32(env, arg, 15)));
}

}  // namespace

napi_value DefineProcess(napi_env env) {
  const napi_property_descriptor props[] = {
      Method("spawn", Spawn),
      Method("kill", Kill),
      Method("close", UvCloseMethod<Handle>),  // a never-spawned handle closes without libuv
      Method("ref", UvRefMethod<Handle, true>),
      Method("unref", UvRefMethod<Handle, false>),
      Method("hasRef", UvHasRefMethod<Handle>),
  };
  napi_value cls;
  napi_define_class(env, "Process", NAPI_AUTO_LENGTH, New, nullptr, sizeof(props) / sizeof(props[0]),
                    props, &cls);
  return cls;
}

}  // namespace nodus_cp
