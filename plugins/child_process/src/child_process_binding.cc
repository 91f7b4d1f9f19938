// The child_process plugin's entry point: the nodus_plugin descriptor, the binding's init and
// spawn option parsing (the generic helpers are nodus/napi_helpers.h's).
#include "child_process_binding.h"

#include <csignal>

#include "nodus/plugin.h"

namespace nodus_cp {

Handle* UnwrapPipe(napi_env env, napi_value value) {
  void* data = nullptr;
  if (IsNullish(env, value) || napi_unwrap(env, value, &data) != napi_ok || data == nullptr) return nullptr;
  auto* h = static_cast<Handle*>(data);
  return h->kind == Kind::kPipe ? h : nullptr;
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
  SetMethod(env, binding, "kill", Kill);
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
