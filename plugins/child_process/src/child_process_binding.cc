// The child_process plugin's entry point: the nodus_plugin descriptor, the binding's init and the
// helpers the handle files share.
#include "child_process_binding.h"

#include <csignal>

#include "nodus/plugin.h"

namespace nodus_cp {

Binding* GetBinding(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  return static_cast<Binding*>(data);
}

napi_value Undefined(napi_env env) {
  napi_value v;
  napi_get_undefined(env, &v);
  return v;
}

napi_value Int(napi_env env, int64_t value) {
  napi_value v;
  if (value >= INT32_MIN && value <= INT32_MAX)
    napi_create_int32(env, static_cast<int32_t>(value), &v);
  else
    napi_create_int64(env, value, &v);
  return v;
}

napi_value Str(napi_env env, const char* s) {
  napi_value v;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
  return v;
}

bool GetBool(napi_env env, napi_value value) {
  bool result = false;
  if (value == nullptr) return false;
  napi_value coerced;
  if (napi_coerce_to_bool(env, value, &coerced) == napi_ok) napi_get_value_bool(env, coerced, &result);
  return result;
}

int32_t GetInt32(napi_env env, napi_value value, int32_t fallback) {
  int32_t out = fallback;
  napi_valuetype type;
  if (value == nullptr || napi_typeof(env, value, &type) != napi_ok || type != napi_number) return fallback;
  napi_get_value_int32(env, value, &out);
  return out;
}

double GetDouble(napi_env env, napi_value value, double fallback) {
  double out = fallback;
  napi_valuetype type;
  if (value == nullptr || napi_typeof(env, value, &type) != napi_ok || type != napi_number) return fallback;
  napi_get_value_double(env, value, &out);
  return out;
}

bool GetString(napi_env env, napi_value value, std::string* out) {
  size_t len = 0;
  if (value == nullptr || napi_get_value_string_utf8(env, value, nullptr, 0, &len) != napi_ok) return false;
  out->resize(len + 1);
  napi_get_value_string_utf8(env, value, out->data(), len + 1, &len);
  out->resize(len);
  return true;
}

napi_value Prop(napi_env env, napi_value obj, const char* name) {
  napi_value v = nullptr;
  napi_valuetype type;
  if (obj == nullptr || napi_typeof(env, obj, &type) != napi_ok || (type != napi_object && type != napi_function))
    return Undefined(env);
  if (napi_get_named_property(env, obj, name, &v) != napi_ok) return Undefined(env);
  return v;
}

bool IsNullish(napi_env env, napi_value value) {
  napi_valuetype type;
  if (value == nullptr || napi_typeof(env, value, &type) != napi_ok) return true;
  return type == napi_undefined || type == napi_null;
}

void CallMethod(napi_env env, napi_value obj, const char* name, size_t argc, napi_value* argv) {
  napi_value fn;
  if (napi_get_named_property(env, obj, name, &fn) != napi_ok) return;
  CallFunction(env, obj, fn, argc, argv);
}

void CallFunction(napi_env env, napi_value recv, napi_value fn, size_t argc, napi_value* argv) {
  napi_valuetype type;
  if (napi_typeof(env, fn, &type) != napi_ok || type != napi_function) return;
  if (napi_make_callback(env, GetBinding(env)->async_context, recv, fn, argc, argv, nullptr) != napi_ok) {
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) {
      napi_value error;
      napi_get_and_clear_last_exception(env, &error);
      napi_fatal_exception(env, error);
    }
  }
}

Handle* ThisHandle(napi_env env, napi_callback_info info, size_t* argc, napi_value* argv,
                   napi_value* self) {
  napi_value jsthis;
  size_t zero = 0;
  if (napi_get_cb_info(env, info, argc ? argc : &zero, argv, &jsthis, nullptr) != napi_ok) return nullptr;
  void* data = nullptr;
  if (napi_unwrap(env, jsthis, &data) != napi_ok || data == nullptr) {
    napi_throw_type_error(env, "ERR_INVALID_THIS", "Illegal invocation");
    return nullptr;
  }
  if (self) *self = jsthis;
  return static_cast<Handle*>(data);
}

Handle* UnwrapPipe(napi_env env, napi_value value) {
  void* data = nullptr;
  if (IsNullish(env, value) || napi_unwrap(env, value, &data) != napi_ok || data == nullptr) return nullptr;
  auto* h = static_cast<Handle*>(data);
  return h->kind == Kind::kPipe ? h : nullptr;
}

namespace {

void FinalizeHandle(napi_env, void* data, void*) {
  auto* h = static_cast<Handle*>(data);
  // An open handle is referenced strongly, so it is only collected at environment teardown; the
  // loop may still point at it then, so it is left for process exit to reclaim.
  if (h->closed || !h->initialized) delete h;
}

void OnClosed(uv_handle_t* handle) {
  auto* h = static_cast<Handle*>(handle->data);
  napi_env env = h->env;
  h->closed = true;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self;
  napi_get_reference_value(env, h->self, &self);
  if (h->close_cb) {
    napi_value cb;
    napi_get_reference_value(env, h->close_cb, &cb);
    napi_delete_reference(env, h->close_cb);
    h->close_cb = nullptr;
    CallFunction(env, self, cb, 0, nullptr);
  }
  uint32_t count = 0;
  napi_reference_unref(env, h->self, &count);  // now weak: the finalizer frees h
  napi_close_handle_scope(env, scope);
}

}  // namespace

void WrapHandle(napi_env env, napi_value self, Handle* h) {
  h->env = env;
  h->handle()->data = h;
  napi_wrap(env, self, h, FinalizeHandle, nullptr, &h->self);
  uint32_t count;
  napi_reference_ref(env, h->self, &count);
}

void CloseHandle(Handle* h, napi_value callback) {
  if (h->closing) return;
  h->closing = true;
  napi_valuetype type;
  if (callback && napi_typeof(h->env, callback, &type) == napi_ok && type == napi_function)
    napi_create_reference(h->env, callback, 1, &h->close_cb);
  if (!h->initialized) {
    // Never reached libuv: nothing to close, but JS still hears back asynchronously like libuv.
    h->closed = true;
    uint32_t count = 0;
    napi_reference_unref(h->env, h->self, &count);
    return;
  }
  uv_close(h->handle(), OnClosed);
}

int ParseSpawnOptionsCommon(napi_env env, napi_value obj, SpawnOptions* out) {
  if (!GetString(env, Prop(env, obj, "file"), &out->file)) return UV_EINVAL;
  napi_value args = Prop(env, obj, "args");
  bool is_array = false;
  napi_is_array(env, args, &is_array);
  if (is_array) {
    uint32_t n = 0;
    napi_get_array_length(env, args, &n);
    out->args.resize(n);
    for (uint32_t i = 0; i < n; i++) {
      napi_value a;
      napi_get_element(env, args, i, &a);
      if (!GetString(env, a, &out->args[i])) return UV_EINVAL;
    }
  }
  if (out->args.empty()) out->args.push_back(out->file);
  for (auto& a : out->args) out->argv.push_back(a.data());
  out->argv.push_back(nullptr);

  napi_value env_pairs = Prop(env, obj, "envPairs");
  is_array = false;
  napi_is_array(env, env_pairs, &is_array);
  if (is_array) {
    uint32_t n = 0;
    napi_get_array_length(env, env_pairs, &n);
    out->env.resize(n);
    for (uint32_t i = 0; i < n; i++) {
      napi_value a;
      napi_get_element(env, env_pairs, i, &a);
      if (!GetString(env, a, &out->env[i])) return UV_EINVAL;
    }
    for (auto& e : out->env) out->envp.push_back(e.data());
    out->envp.push_back(nullptr);
  }

  uv_process_options_t& o = out->options;
  o.file = out->file.c_str();
  o.args = out->argv.data();
  o.env = out->envp.empty() ? nullptr : out->envp.data();
  napi_value cwd = Prop(env, obj, "cwd");
  if (!IsNullish(env, cwd) && GetString(env, cwd, &out->cwd) && !out->cwd.empty()) o.cwd = out->cwd.c_str();
  unsigned flags = 0;
  napi_value uid = Prop(env, obj, "uid");
  if (!IsNullish(env, uid)) {
    flags |= UV_PROCESS_SETUID;
    o.uid = static_cast<uv_uid_t>(GetDouble(env, uid));
  }
  napi_value gid = Prop(env, obj, "gid");
  if (!IsNullish(env, gid)) {
    flags |= UV_PROCESS_SETGID;
    o.gid = static_cast<uv_gid_t>(GetDouble(env, gid));
  }
  if (GetBool(env, Prop(env, obj, "detached"))) flags |= UV_PROCESS_DETACHED;
  if (GetBool(env, Prop(env, obj, "windowsHide"))) flags |= UV_PROCESS_WINDOWS_HIDE;
  if (GetBool(env, Prop(env, obj, "windowsVerbatimArguments"))) flags |= UV_PROCESS_WINDOWS_VERBATIM_ARGUMENTS;
  o.flags = flags;
  return 0;
}

namespace {

// kill(pid, signal) -> 0 or a negative errno (process.kill lives in the kernel; this one serves
// handles whose uv_process_t is already closed).
napi_value Kill(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value a[2] = {};
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  return Int(env, uv_kill(GetInt32(env, a[0], 0), GetInt32(env, a[1], SIGTERM)));
}

void FinalizeBinding(napi_env env, void* data, void*) {
  auto* b = static_cast<Binding*>(data);
  if (b->async_context) napi_async_destroy(env, b->async_context);
  if (b->pipe_ctor) napi_delete_reference(env, b->pipe_ctor);
  delete b;
}

napi_value Init(napi_env env, napi_value binding) {
  // Writing to a pipe whose reader is gone must fail with EPIPE, not kill the process: Node
  // ignores SIGPIPE at startup; the kernel does not (yet), so the plugins that write to pipes do.
  // Children get the default back (uv_spawn resets signal dispositions).
  struct sigaction current {};
  if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) signal(SIGPIPE, SIG_IGN);
  auto* b = new Binding;
  b->env = env;
  napi_get_uv_event_loop(env, &b->loop);
  napi_set_instance_data(env, b, FinalizeBinding, nullptr);
  napi_async_init(env, nullptr, Str(env, "PROCESSWRAP"), &b->async_context);

  napi_set_named_property(env, binding, "Process", DefineProcess(env));
  napi_value pipe = DefinePipe(env);
  napi_create_reference(env, pipe, 1, &b->pipe_ctor);
  napi_set_named_property(env, binding, "Pipe", pipe);
  napi_value fn;
  napi_create_function(env, "kill", NAPI_AUTO_LENGTH, Kill, nullptr, &fn);
  napi_set_named_property(env, binding, "kill", fn);
  RegisterSpawnSync(env, binding);

  napi_value constants;
  napi_create_object(env, &constants);
  napi_set_named_property(env, constants, "UV_EOF", Int(env, UV_EOF));
  napi_set_named_property(env, constants, "UV_EINVAL", Int(env, UV_EINVAL));
  napi_set_named_property(env, constants, "UV_ENOENT", Int(env, UV_ENOENT));
  napi_set_named_property(env, constants, "UV_ENOSYS", Int(env, UV_ENOSYS));
  napi_set_named_property(env, constants, "UV_ESRCH", Int(env, UV_ESRCH));
  napi_set_named_property(env, constants, "UV_EPIPE", Int(env, UV_EPIPE));
  napi_set_named_property(env, constants, "UV_ENOBUFS", Int(env, UV_ENOBUFS));
  napi_set_named_property(env, constants, "UV_ETIMEDOUT", Int(env, UV_ETIMEDOUT));
  napi_set_named_property(env, constants, "UV_EBADF", Int(env, UV_EBADF));
  napi_set_named_property(env, constants, "UV_ECANCELED", Int(env, UV_ECANCELED));
  napi_set_named_property(env, constants, "UV_EACCES", Int(env, UV_EACCES));
  napi_set_named_property(env, constants, "UV_EAGAIN", Int(env, UV_EAGAIN));
  napi_set_named_property(env, constants, "UV_EMFILE", Int(env, UV_EMFILE));
  napi_set_named_property(env, constants, "UV_ENFILE", Int(env, UV_ENFILE));
  napi_set_named_property(env, binding, "constants", constants);
  return binding;
}

}  // namespace

}  // namespace nodus_cp

extern "C" {
extern const nodus_js_source nodus_plugin_child_process_js[];
}

namespace {
const char* const kModules[] = {"child_process", nullptr};
const nodus_plugin kPlugin = {
    NODUS_PLUGIN_ABI_VERSION,
    sizeof(nodus_plugin),
    NODUS_PLUGIN_NAME,
    NODUS_PLUGIN_VERSION,
    kModules,
    nullptr,
    nodus_plugin_child_process_js,
    nodus_cp::Init,
    nullptr,
    9,
};
}  // namespace

extern "C" {
NODUS_PLUGIN(kPlugin)
}
