// The cluster plugin's entry point and its small binding: dup(fd) and close(fd), so the primary
// can hold a listening socket for the shared-handle mode (SCHED_NONE) without a libuv handle
// accepting on it. Node-API only.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <uv.h>

#include "nodus/napi_helpers.h"
#include "nodus/plugin.h"

namespace {

using nodus::napi::Int;
using nodus::napi::Method;

int32_t FdArg(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg = nullptr;
  int32_t fd = -1;
  napi_get_cb_info(env, info, &argc, &arg, nullptr, nullptr);
  if (argc < 1 || napi_get_value_int32(env, arg, &fd) != napi_ok) return -1;
  return fd;
}

// dup(fd) -> a new descriptor (close-on-exec) or a negative errno.
napi_value Dup(napi_env env, napi_callback_info info) {
  int32_t fd = FdArg(env, info);
  if (fd < 0) return Int(env, UV_EBADF);
  int out = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  return Int(env, out < 0 ? uv_translate_sys_error(errno) : out);
}

napi_value Close(napi_env env, napi_callback_info info) {
  int32_t fd = FdArg(env, info);
  if (fd < 0) return Int(env, UV_EBADF);
  return Int(env, close(fd) == 0 ? 0 : uv_translate_sys_error(errno));
}

napi_value Init(napi_env env, napi_value binding) {
  const napi_property_descriptor props[] = {
      Method("dup", Dup),
      Method("close", Close),
  };
  napi_define_properties(env, binding, sizeof(props) / sizeof(props[0]), props);
  return binding;
}

}  // namespace

extern "C" {
extern const nodus_js_source nodus_plugin_cluster_js[];
}

namespace {
const char* const kModules[] = {"cluster", nullptr};
const char* const kDepends[] = {"child_process", nullptr};
const nodus_plugin kPlugin = {
    NODUS_PLUGIN_ABI_VERSION,
    sizeof(nodus_plugin),
    NODUS_PLUGIN_NAME,
    NODUS_PLUGIN_VERSION,
    kModules,
    kDepends,
    nodus_plugin_cluster_js,
    Init,
    nullptr,
    9,
};
}  // namespace

extern "C" {
NODUS_PLUGIN(kPlugin)
}
