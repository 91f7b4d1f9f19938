// The net plugin's entry point: the nodus_plugin descriptor, the binding's init and the helpers
// the handle files share (the generic ones are nodus/napi_helpers.h's).
#include "net_binding.h"

#include <arpa/inet.h>
#include <signal.h>

#include <cstring>
#include <string>

#include "nodus/plugin.h"

namespace nodus_net {

int FillAddress(napi_env env, const sockaddr* addr, napi_value out) {
  char ip[INET6_ADDRSTRLEN] = "";
  int port = 0;
  const char* family = "IPv4";
  if (addr->sa_family == AF_INET6) {
    const auto* a6 = reinterpret_cast<const sockaddr_in6*>(addr);
    uv_ip6_name(a6, ip, sizeof(ip));
    port = ntohs(a6->sin6_port);
    family = "IPv6";
  } else if (addr->sa_family == AF_INET) {
    const auto* a4 = reinterpret_cast<const sockaddr_in*>(addr);
    uv_ip4_name(a4, ip, sizeof(ip));
    port = ntohs(a4->sin_port);
  } else {
    return UV_EINVAL;
  }
  napi_set_named_property(env, out, "address", Str(env, ip));
  napi_set_named_property(env, out, "family", Str(env, family));
  napi_set_named_property(env, out, "port", Int(env, port));
  return 0;
}

Handle* NewClient(napi_env env, Kind kind, napi_value* out) {
  Binding* b = GetBinding(env);
  napi_value ctor;
  napi_get_reference_value(env, kind == Kind::kTcp ? b->tcp_ctor : b->pipe_ctor, &ctor);
  napi_value arg = Int(env, 0);
  if (napi_new_instance(env, ctor, 1, &arg, out) != napi_ok) return nullptr;
  void* data = nullptr;
  napi_unwrap(env, *out, &data);
  return static_cast<Handle*>(data);
}

namespace {

// isIPv6 helper: inet_pton on the part before an optional zone index ("fe80::1%eth0").
napi_value IsIPv6(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  napi_get_cb_info(env, info, &argc, &arg, nullptr, nullptr);
  char buf[128];
  size_t len = 0;
  bool ok = false;
  if (argc == 1 && napi_get_value_string_utf8(env, arg, buf, sizeof(buf), &len) == napi_ok &&
      len < sizeof(buf) - 1) {
    std::string s(buf, len);
    size_t pct = s.find('%');
    if (pct != std::string::npos) {
      ok = pct + 1 < s.size();
      s.resize(pct);
    } else {
      ok = true;
    }
    unsigned char out[16];
    ok = ok && inet_pton(AF_INET6, s.c_str(), out) == 1;
  }
  napi_value result;
  napi_get_boolean(env, ok, &result);
  return result;
}

// parseIP(string, family 4|6) -> [canonical text, Uint8Array of 4|16 bytes], or undefined.
// Backs SocketAddress (canonical form) and BlockList (numeric comparisons).
napi_value ParseIP(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  char buf[128];
  size_t len = 0;
  if (argc < 2 || napi_get_value_string_utf8(env, argv[0], buf, sizeof(buf), &len) != napi_ok ||
      len >= sizeof(buf) - 1) {
    return Undefined(env);
  }
  int af = GetInt32(env, argv[1], 4) == 6 ? AF_INET6 : AF_INET;
  size_t size = af == AF_INET6 ? 16 : 4;
  unsigned char bytes[16];
  if (inet_pton(af, buf, bytes) != 1) return Undefined(env);
  char text[INET6_ADDRSTRLEN];
  if (inet_ntop(af, bytes, text, sizeof(text)) == nullptr) return Undefined(env);
  napi_value ab, arr, result;
  void* data;
  napi_create_arraybuffer(env, size, &data, &ab);
  std::memcpy(data, bytes, size);
  napi_create_typedarray(env, napi_uint8_array, size, ab, 0, &arr);
  napi_create_array_with_length(env, 2, &result);
  napi_set_element(env, result, 0, Str(env, text));
  napi_set_element(env, result, 1, arr);
  return result;
}

// guessHandleType(fd) -> 'TCP' | 'PIPE' | 'UNIX' | 'TTY' | 'FILE' | 'UDP' | 'UNKNOWN'
napi_value GuessHandleType(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  napi_get_cb_info(env, info, &argc, &arg, nullptr, nullptr);
  int32_t fd = GetInt32(env, arg, -1);
  const char* name = "UNKNOWN";
  if (fd >= 0) {
    switch (uv_guess_handle(fd)) {
      case UV_TCP: name = "TCP"; break;
      case UV_NAMED_PIPE: name = "PIPE"; break;
      case UV_TTY: name = "TTY"; break;
      case UV_FILE: name = "FILE"; break;
      case UV_UDP: name = "UDP"; break;
      default: break;
    }
  }
  return Str(env, name);
}

void FinalizeBinding(napi_env env, void* data, void*) {
  auto* b = static_cast<Binding*>(data);
  if (b->async_context) napi_async_destroy(env, b->async_context);
  if (b->tcp_ctor) napi_delete_reference(env, b->tcp_ctor);
  if (b->pipe_ctor) napi_delete_reference(env, b->pipe_ctor);
  if (b->slab.ref) napi_delete_reference(env, b->slab.ref);
  delete b;
}

napi_value Init(napi_env env, napi_value binding) {
  // Writing to a socket the peer closed must fail with EPIPE, not kill the process. Node ignores
  // SIGPIPE at startup; the kernel does not (yet), so the plugin that writes to sockets does,
  // unless the embedder installed a handler of its own.
  struct sigaction current{};
  if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
    signal(SIGPIPE, SIG_IGN);
  }
  auto* b = new Binding;
  b->env = env;
  napi_get_uv_event_loop(env, &b->loop);
  napi_set_instance_data(env, b, FinalizeBinding, nullptr);
  napi_async_init(env, nullptr, Str(env, "TCPWRAP"), &b->async_context);

  napi_value ab, state;
  void* data;
  napi_create_arraybuffer(env, 2 * sizeof(double), &data, &ab);
  b->stream_state = static_cast<double*>(data);
  napi_create_typedarray(env, napi_float64_array, 2, ab, 0, &state);
  napi_set_named_property(env, binding, "streamState", state);

  napi_value tcp = DefineTcp(env);
  napi_create_reference(env, tcp, 1, &b->tcp_ctor);
  napi_set_named_property(env, binding, "TCP", tcp);
  napi_value pipe = DefinePipe(env);
  napi_create_reference(env, pipe, 1, &b->pipe_ctor);
  napi_set_named_property(env, binding, "Pipe", pipe);

  SetMethod(env, binding, "isIPv6", IsIPv6);
  SetMethod(env, binding, "parseIP", ParseIP);
  SetMethod(env, binding, "guessHandleType", GuessHandleType);

  napi_value constants;
  napi_create_object(env, &constants);
  napi_set_named_property(env, constants, "SOCKET", Int(env, 0));
  napi_set_named_property(env, constants, "SERVER", Int(env, 1));
  napi_set_named_property(env, constants, "UV_TCP_IPV6ONLY", Int(env, UV_TCP_IPV6ONLY));
  napi_set_named_property(env, constants, "UV_EOF", Int(env, UV_EOF));
  napi_set_named_property(env, constants, "UV_EINVAL", Int(env, UV_EINVAL));
  napi_set_named_property(env, constants, "UV_ENOTCONN", Int(env, UV_ENOTCONN));
  napi_set_named_property(env, constants, "UV_ECANCELED", Int(env, UV_ECANCELED));
  napi_set_named_property(env, constants, "UV_EADDRINUSE", Int(env, UV_EADDRINUSE));
  napi_set_named_property(env, binding, "constants", constants);
  return binding;
}

}  // namespace

}  // namespace nodus_net

extern "C" {
extern const nodus_js_source nodus_plugin_net_js[];
}

namespace {
const char* const kModules[] = {"net", nullptr};
const nodus_plugin kPlugin = {
    NODUS_PLUGIN_ABI_VERSION,
    sizeof(nodus_plugin),
    NODUS_PLUGIN_NAME,
    NODUS_PLUGIN_VERSION,
    kModules,
    nullptr,
    nodus_plugin_net_js,
    nodus_net::Init,
    nullptr,
    9,
};
}  // namespace

extern "C" {
NODUS_PLUGIN(kPlugin)
}
